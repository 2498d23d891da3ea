"""Teaser cards (a bare linked title over an excerpt, no heading, no names) set inside the box the
text is taken from: a run of them is no part of the story however much text it holds, and it does
not count in what the cuts may take. A story named as a page region, holding the page's headline,
stays the text beside a larger column of cards."""

from __future__ import annotations

from tests.support.pages import headline_page, html_article, teaser_cards

STORY = "".join(
    f"<p>Paragraph {n}. The harbour reopened after three days of storms, and the boats went out "
    "at first light with the whole town watching from the quay.</p>"
    for n in range(5)
)
CREDIT = "<figure><img src='/quay.jpg'><figcaption>The quay at first light.</figcaption></figure>"


INTRO = (
    "<p>Intro. Boats left the harbour this morning for the first time since the storms began, "
    "and the harbour master said the quay would stay open through the weekend.</p>"
)


def _page(body: str) -> str:
    # The intro set beside the story's box keeps the walk at the named box: the text is taken
    # from it, cards and all, and the cuts must take the cards.
    return headline_page(INTRO + body, "Harbour reopens", box="story-body")


def test_cards_after_the_story_in_its_named_box_are_cut() -> None:
    # The cards hold more text than the undo guard lets one cut take (half the box's).
    text = html_article(_page(f"<div class='k2'>{STORY}</div><div class='k3'>{teaser_cards(10)}</div>")).text
    assert "Paragraph 0." in text and "Paragraph 4." in text
    assert "Excerpt" not in text and "Another story" not in text


def test_cards_do_not_count_in_what_the_cuts_may_take() -> None:
    # The cards hold three quarters of the box's text: with them counted, the cuts left less than
    # the share they must leave and were all undone, which brought back the cards and the caption.
    body = f"<div class='k2'>{CREDIT}{STORY}</div><div class='k3'>{teaser_cards(24)}</div>"
    text = html_article(_page(body)).text
    assert "Paragraph 0." in text and "Paragraph 4." in text
    assert "Excerpt" not in text
    assert "The quay at first light." not in text


def test_a_list_of_product_boxes_each_linking_its_name_stays() -> None:
    # A story set out as boxes, each linking a name over a long text, is far less link-dense.
    items = "".join(
        f"<div><a href='/p/{n}'>Boat {n}</a><p>Boat {n} is a twelve-metre trawler built on the "
        "coast in the sixties, refitted twice, and still fishing the same grounds every winter, "
        "with a crew of four and a dog that has never once been seasick.</p></div>"
        for n in range(6)
    )
    text = html_article(_page(f"<div class='k2'>{STORY}</div><div class='k3'>{items}</div>")).text
    assert "Boat 5 is a twelve-metre trawler" in text


def test_a_story_named_as_a_region_beside_a_larger_column_is_the_text() -> None:
    # A platform names its posts for the newsletter they go out in: a page region's word.
    html = (
        "<html><head><title>Harbour reopens</title></head><body><div class='k1'>"
        f"<article class='newsletter-post'><h1>Harbour reopens</h1>{STORY}</article>"
        f"<div class='k3'>{teaser_cards(12)}</div></div></body></html>"
    )
    text = html_article(html).text
    assert "Paragraph 0." in text and "Paragraph 4." in text
    assert "Excerpt" not in text
