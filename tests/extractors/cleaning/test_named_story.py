"""A story whose own paragraphs carry a boilerplate class name (a paywall's marker on every
paragraph): when the names would take most of the text, the cuts by shape alone still apply, so
the boxes set between its paragraphs go and the paragraphs stay."""

from __future__ import annotations

from extractors.cleaning.blocks import Part
from extractors.cleaning.html import paragraphs_left
from tests.support.pages import html_article

SENTENCE = "The council voted on Monday to rebuild the old bridge, and work will start in the spring."
CARD = (
    '<div><a href="/more/1"><img src="/more/1.jpg" alt=""></a><div><a href="/more/1">Another story '
    "from the same desk</a><p>The first line of that story, as its card shows it.</p></div></div>"
)
SIGN_UP = (
    "<div><h3>Every morning</h3><p>The day's main stories in your inbox before breakfast.</p>"
    '<form action="/in"><input type="email" name="email"><button>Send</button></form></div>'
)


def _page(body: str) -> str:
    return (
        "<html><head><title>Bridge to be rebuilt</title></head><body><article>"
        f"<h1>Bridge to be rebuilt</h1>{body}</article></body></html>"
    )


def test_boxes_between_named_paragraphs_are_cut_by_their_shape() -> None:
    paragraphs = [f'<p class="paywall">Paragraph {n}. {SENTENCE}</p>' for n in range(6)]
    body = "".join(paragraphs[:2]) + CARD + "".join(paragraphs[2:4]) + SIGN_UP + "".join(paragraphs[4:])
    text = html_article(_page(body)).text
    assert all(f"Paragraph {n}. {SENTENCE}" in text for n in range(6))
    assert "Another story" not in text and "first line of that story" not in text
    assert "Every morning" not in text and "inbox" not in text


def test_the_cuts_by_shape_are_taken_only_when_they_leave_paragraphs() -> None:
    # What the cuts by shape leave of a page whose names took most of it: the story's paragraphs
    # (a paywall's marker on each), or only the short lines of an offer the names had rightly
    # taken (beside which the story's one paragraph went as a caption: then the lenient cut keeps
    # both instead), or too little to go by.
    story: list[Part] = [("paragraph", f"Paragraph {n}. {SENTENCE}") for n in range(4)]
    offer: list[Part] = [("paragraph", f"{n + 9},00 EUR a month") for n in range(12)]
    own = 500
    assert paragraphs_left(story, own)
    assert not paragraphs_left(offer, own)
    assert not paragraphs_left(story[:1], own)
