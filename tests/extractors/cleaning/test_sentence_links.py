"""Links set inside a story's sentences (pages written for these tests, with class names no rule
knows): a site that links the names in its story to their pages sets words of the sentence on both
sides of each link. That link text is the story's own words, not a pointer elsewhere (see
`boilerplate.pointer_links`): a paragraph whose link follows words of its own is no teaser card, a
story whose links are such names is no teaser list beside another box, a list whose items link a
name in their sentence is no list of further reading, and a weak-named box of running text linking
names between the paragraphs is no teaser."""

from __future__ import annotations

from tests.support.pages import STORY_PARAGRAPHS, html_article


def _page(body: str, title: str = "Harbour reopens") -> str:
    return (
        f"<html><head><title>{title}</title></head><body><div class='z1'>"
        f"<h1>{title}</h1><div class='z2'>{body}</div></div></body></html>"
    )


PLAIN = "".join(f"<p>{text}</p>" for text in STORY_PARAGRAPHS)
LINKED_PARTS = "".join(  # paragraphs linking a phrase inside a sentence, a bold phrase after it
    f"<p>Part {n}. The board said on Friday that <a href='/topic/dredging'>the plan to dredge the old "
    f"channel before the winter storms</a> would go ahead, <b>and the fishermen welcomed it at the "
    "hearing</b>, though some asked who would pay for the work.</p>"
    for n in range(1, 4)
)


def test_paragraphs_linking_a_phrase_in_a_sentence_are_no_teaser_cards() -> None:
    """The story's second box, whose paragraphs each link a phrase after words of their sentence
    (a link, then a bold phrase: two parts), is not a list of cards with linked titles passed over
    beside the first box."""
    body = f"<div class='z3'>{PLAIN}</div><div class='z4'>{LINKED_PARTS}</div>"
    text = html_article(_page(body)).text
    assert "Part 1. The board said" in text and "Part 3. The board said" in text
    assert "every boat in port" in text


def test_a_story_linking_names_is_no_teaser_list_beside_a_larger_box() -> None:
    """A story whose sentences link names (a fifth of its text in links) beside a larger box of
    prose: the walk does not pass the story over as a list of teasers."""
    story = "".join(
        f"<p>Story {n}. The <a href='/topic/harbour-board'>Harbour Board</a> and the "
        f"<a href='/topic/ferry-company'>Ferry Company</a> met on Friday about the channel.</p>"
        for n in range(1, 9)
    )
    other = "".join(
        f"<p>Note {n}. {STORY_PARAGRAPHS[n % 4]} {STORY_PARAGRAPHS[(n + 1) % 4]}</p>" for n in range(1, 5)
    )
    body = f"<div class='z3'>{story}</div><div class='z4'>{other}</div>"
    text = html_article(_page(body, "Channel talks")).text
    assert "Story 1. The Harbour Board and the Ferry Company met" in text


def test_a_list_whose_items_link_a_name_in_their_sentence_stays() -> None:
    """Every item of a list in the story links a name inside its sentence, a third of its text:
    the story's list, not further reading. A list of linked titles is still cut."""
    items = "".join(
        f"<li>The <a href='/topic/{name.lower()}'>{name} Board</a> voted for it.</li>"
        for name in ("Harbour", "Ferry", "Fishing")
    )
    story = "".join(f"<p>{text}</p>" for text in STORY_PARAGRAPHS)
    body = "".join(f"<p>{text}</p>" for text in STORY_PARAGRAPHS[:2]) + f"<ul>{items}</ul>"
    text = html_article(_page(body + "".join(f"<p>{text}</p>" for text in STORY_PARAGRAPHS[2:]))).text
    assert "The Ferry Board voted for it." in text
    titles = "".join(f"<li><a href='/story/{n}'>Another story number {n}</a></li>" for n in range(3))
    assert "Another story" not in html_article(_page(story + f"<ul>{titles}</ul>")).text


def test_a_box_of_running_text_linking_names_between_the_paragraphs_stays() -> None:
    """A box named by a weak word only (its worked example, its quote), set between the story's
    paragraphs, whose sentences link names (a tenth of its text or more): running text of the
    story, not a teaser."""
    box = (
        "<div class='meta'><p>In the last storm the <a href='/topic/lifeboat'>Lifeboat</a> went out "
        "twice. The <a href='/topic/coast-guard'>Coast Guard</a> called it back at dawn. Both crews "
        "were home by noon, tired but safe.</p></div>"
    )
    body = "".join(f"<p>{text}</p>" for text in STORY_PARAGRAPHS[:2]) + box
    body += "".join(f"<p>{text}</p>" for text in STORY_PARAGRAPHS[2:])
    text = html_article(_page(body)).text
    assert "Coast Guard called it back at dawn" in text
