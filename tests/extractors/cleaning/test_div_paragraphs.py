"""Div soup: a story whose paragraphs are <div> boxes of text (no <p>) keeps what a <p> story keeps.
A paragraph holding a link's hover card (an image and a few links, counted for nothing in its text)
is no caption box; a sentence set in a <div> with most of its words linked, or a <div> citing a web
address, is text, not a link-dense block; a row of links in a <div> is still cut."""

from __future__ import annotations

from tests.support.pages import STORY_PARAGRAPHS, html_article


def page(middle: str) -> str:
    """A div-soup story (class names no rule knows): two paragraphs, `middle`, two more."""
    first = "".join(f"<div class='tx'>{text}</div>" for text in STORY_PARAGRAPHS[:2])
    last = "".join(f"<div class='tx'>{text}</div>" for text in STORY_PARAGRAPHS[2:])
    return (
        "<html><body><div class='wrap'><h1>Harbour reopens</h1>"
        f"<div class='col'>{first}{middle}{last}</div></div></body></html>"
    )


HOVER_CARD = (
    "<span class='pop'><a href='/people/harbour-master'>Ana Lima</a><span><img src='face.jpg'>"
    "<a href='/a'>Harbour master warns of storms</a> <a href='/b'>Ferry timetable changes again</a> "
    "<a href='/c'>New quay opens in spring</a></span></span>"
)


def test_a_paragraph_with_a_hover_card_in_it_is_no_caption() -> None:
    opening = f"<div class='tx'>The harbour master {HOVER_CARD} said the quay would reopen at noon.</div>"
    text = html_article(page(opening)).text
    assert "said the quay would reopen at noon." in text
    assert all(paragraph in text for paragraph in STORY_PARAGRAPHS)


def test_a_linked_sentence_and_a_cited_address_in_a_div_stay() -> None:
    linked = (
        "<div class='tx'>The <a href='/storm'>storm that closed the harbour</a> was "
        "<a href='/report'>the worst in a decade</a>, he said.</div>"
        "<div class='tx'><a href='https://harbour.example.org/timetable'>"
        "https://harbour.example.org/timetable</a></div>"
    )
    text = html_article(page(linked)).text
    assert "was the worst in a decade, he said." in text
    assert "https://harbour.example.org/timetable" in text


def test_a_row_of_links_in_a_div_is_still_cut() -> None:
    row = "<div class='tx'><a href='/n'>News</a> | <a href='/s'>Sport</a> | <a href='/w'>Weather</a></div>"
    text = html_article(page(row)).text
    assert "Sport" not in text
    assert all(paragraph in text for paragraph in STORY_PARAGRAPHS)
