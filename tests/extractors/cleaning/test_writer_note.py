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
