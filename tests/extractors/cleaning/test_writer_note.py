"""A last short paragraph that names the page's author and gives an address or a handle to reach
them is a note on the writer, not the story; without the author's name, or without a way to reach
them, it stays. A wire story's closing credits ("Reporting by ...; editing by ...") go too; a
sentence with a by-word stays."""

from __future__ import annotations

from tests.support.pages import STORY_PARAGRAPHS, html_article

NOTE = "Have a tip? Jane Doe may be reached at jdoe@example.org. Follow her on the network @janedoe."


def page(author: str, last: str) -> str:
    """A story by `author` (a <meta name="author">), its paragraphs, then `last`."""
    story = "".join(f"<p>{text}</p>" for text in STORY_PARAGRAPHS)
    return (
        f"<html><head><title>Harbour reopens</title><meta name='author' content='{author}'></head>"
        f"<body><div class='k1'><h1>Harbour reopens</h1>{story}<p>{last}</p></div></body></html>"
    )


def test_a_note_on_the_writer_is_dropped() -> None:
    article = html_article(page("Jane Doe", NOTE))
    assert article.authors == ["Jane Doe"]
    assert "may be reached" not in article.text
    assert article.text.rstrip().endswith(STORY_PARAGRAPHS[-1])


def test_the_note_stays_without_the_authors_name_or_a_way_to_reach_them() -> None:
    assert "may be reached" in html_article(page("John Roe", NOTE)).text
    told = "Jane Doe, who has covered the harbour for ten years, watched the first boats leave."
    assert told in html_article(page("Jane Doe", told)).text


def test_a_wire_storys_credits_are_dropped_and_a_sentence_with_by_stays() -> None:
    for credits in (
        "(Reporting by Jane Doe; editing by John Roe)",
        "Reporting by Jane Doe; additional reporting by Ann Lee and Bo Kim; Editing by John Roe",
        "(Reporting by Jane Doe)",
    ):
        assert html_article(page("Ann Lee", credits)).text.rstrip().endswith(STORY_PARAGRAPHS[-1]), credits
    sentence = "The new quay was designed by Ann Lee and paid for by the port."
    assert sentence in html_article(page("Ann Lee", sentence)).text


BIO = (
    "Jane Doe has written about the coast and its harbours for twenty years, and edits the "
    "paper's weekend pages."
)


def boxed(author: str, heading: str, bio: str = BIO) -> str:
    """A story by `author`, then a box of a `heading` over a `bio`, with no names."""
    story = "".join(f"<p>{text}</p>" for text in STORY_PARAGRAPHS)
    return (
        f"<html><head><title>Harbour reopens</title><meta name='author' content='{author}'></head>"
        f"<body><div class='k1'><h1>Harbour reopens</h1>{story}"
        f"<div class='k2'><h4>{heading}</h4><p>{bio}</p></div></div></body></html>"
    )


def test_a_box_on_the_writer_under_a_heading_naming_them_is_dropped() -> None:
    """The writer's box a template sets after the story (its heading naming the page's author,
    in the page's language, and a bio), where no name marks it for the cuts."""
    for heading in ("About Jane Doe", "Über Jane Doe", "Jane Doe"):
        text = html_article(boxed("Jane Doe", heading)).text
        assert "has written about the coast" not in text, heading
        assert text.rstrip().endswith(STORY_PARAGRAPHS[-1]), heading


def test_a_box_of_the_writer_s_name_alone_over_a_bio_is_dropped() -> None:
    """The box's name line set as a paragraph, not a heading: the name alone, with a bio after
    it. A signature that says more than the name stays, and the bio under it."""
    boxed_line = boxed("Jane Doe", "x").replace("<h4>x</h4>", "<p>Jane Doe</p>")
    text = html_article(boxed_line).text
    assert "has written about the coast" not in text
    assert text.rstrip().endswith(STORY_PARAGRAPHS[-1])
    signed = boxed("Jane Doe", "x").replace("<h4>x</h4>", "<p>Jane Doe, harbour desk</p>")
    assert "has written about the coast" in html_article(signed).text


def test_the_story_s_own_section_naming_someone_else_or_a_long_one_stays() -> None:
    """A last section under a heading that names another person, or a section on the writer
    longer than a box, is the story's."""
    assert "has written about" in html_article(boxed("John Roe", "About Jane Doe")).text
    assert "has written about" in html_article(boxed("Jane Doe", "Jane Doe", " ".join([BIO] * 6))).text
