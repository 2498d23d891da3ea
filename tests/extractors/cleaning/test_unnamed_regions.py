"""Regions and boxes told by their structure, not their class words (a site whose names no rule
knows): a form with no heading (a comment or sign-up form) is a page region beside the story; a
small box under a heading ending in a button link is an appeal, not a section of the story."""

from __future__ import annotations

import pytest

from tests.support.pages import html_article, short_story

POST = (
    "<p>We recorded this episode live at the camp in the spring, with two guests who talked "
    "about what they took home from three days of sessions and many long evenings.</p>"
    "<p>Both have run such camps for years, and both said the best talks happened in the hallway "
    "between the sessions.</p>"
)
FORM_LINES = [
    "Your e-mail address will not be published on this site, nor given to anyone.",
    "Enter your details below or click an icon to sign in with an account you have.",
    "Save my name and e-mail address in this browser for the next time I write here.",
    "Notify me of follow-up messages and of new posts on this site by e-mail as well.",
]


def _page(form: str) -> str:
    return (
        "<html><head><title>Live from the camp</title></head><body><div class='k1'>"
        f"<div class='k2'><h1>Live from the camp</h1><div class='k3'>{POST}</div></div>"
        f"<div class='k4'><h3>Write a reply</h3>{form}</div>"
        "</div></body></html>"
    )


def test_a_form_with_no_heading_is_no_place_for_the_story() -> None:
    form = (
        "<form action='/post' method='post'>" + "".join(f"<p>{line}</p>" for line in FORM_LINES) + "</form>"
    )
    text = html_article(_page(form)).text
    assert "recorded this episode live" in text
    assert "will not be published" not in text


def test_a_form_with_no_heading_is_no_place_for_a_post_with_no_headline() -> None:
    """With no headline to anchor the story, only the form's own structure tells it apart."""
    form = (
        "<form action='/post' method='post'>" + "".join(f"<p>{line}</p>" for line in FORM_LINES) + "</form>"
    )
    html = (
        "<html><body><div class='k1'>"
        f"<div class='k2'><div class='k3'>{POST}</div></div><div class='k4'>{form}</div>"
        "</div></body></html>"
    )
    text = html_article(html).text
    assert "recorded this episode live" in text
    assert "will not be published" not in text


def test_a_form_of_fields_longer_than_the_story_is_no_place_for_it() -> None:
    lines = [*FORM_LINES, *(line.replace("site", "page") for line in FORM_LINES)]
    form = "<form action='/post' method='post'>" + "".join(f"<p>{line}</p>" for line in lines) + "</form>"
    text = html_article(_page(form)).text
    assert "recorded this episode live" in text
    assert "will not be published" not in text


def test_a_form_holding_a_heading_keeps_its_text() -> None:
    description = "".join(f"<p>{line}</p>" for line in FORM_LINES)
    html = (
        "<html><head><title>Blanket</title></head><body><div class='k1'><h1>Blanket</h1>"
        f"<form action='/cart' method='post'><h2>Description</h2>{description}</form>"
        "<div class='k4'><p>Delivery in two to three weeks, by post or by a courier of your choice.</p>"
        "<p>Returns are free within a month of delivery when the blanket has not been used.</p>"
        "<p>Payment by card, by bank transfer or on invoice for customers who ordered before.</p>"
        "</div></div></body></html>"
    )
    text = html_article(html).text
    assert "will not be published" in text


STORY = short_story()


def _story_with(box: str) -> str:
    return (
        "<html><head><title>Harbour reopens</title></head><body><div class='k1'>"
        f"<h1>Harbour reopens</h1><div class='k2'>{box}{STORY}</div></div></body></html>"
    )


@pytest.mark.parametrize(
    "heading", ["<h2>Morning letter</h2>", "<p><strong>Morning letter</strong></p>"], ids=["h2", "bold line"]
)
def test_a_box_ending_in_a_button_link_is_an_appeal(heading: str) -> None:
    """Under its own heading, an <h2> or a bold line an editor set as one."""
    box = (
        f"<div class='k5'>{heading}<div class='k6'>"
        "<div class='k7'>The news that matters, delivered before breakfast every weekday.</div>"
        "<a href='/letters/morning'>Sign up</a></div></div>"
    )
    text = html_article(_story_with(box)).text
    assert "delivered before breakfast" not in text
    assert text.startswith("The harbour reopened")


def test_a_section_whose_sentence_links_stays() -> None:
    box = (
        "<div class='k5'><h2>Before the storm</h2>"
        "<p>The port had been closed twice this year, as the <a href='/report'>report</a> shows.</p></div>"
    )
    text = html_article(_story_with(box)).text
    assert "closed twice this year" in text


def test_a_box_that_goes_on_after_its_link_is_no_appeal() -> None:
    box = (
        "<div class='k5'><h2>Before the storm</h2><div class='k6'>"
        "<div class='k7'>The port had been closed twice this year already.</div>"
        "<a href='/report'>Port report</a><div class='k7'>Both closures lasted less than a day.</div>"
        "</div></div>"
    )
    text = html_article(_story_with(box)).text
    assert "closed twice this year" in text


def test_a_caption_beside_a_lazy_picture_is_cut() -> None:
    box = (
        "<div class='k5'><a href='/photo/9'><picture><source srcset='/p/9.webp'>"
        "<noscript><img src='/p/9.jpg'></noscript></picture></a>"
        "<div class='k6'>The quay after the storm, seen from the lighthouse.</div></div>"
    )
    text = html_article(_story_with(box)).text
    assert "seen from the lighthouse" not in text
    assert text.startswith("The harbour reopened")


def test_a_small_box_around_a_form_is_cut() -> None:
    box = (
        "<div class='k5'><div class='k6'>The news that matters, delivered before breakfast every weekday."
        "</div><form class='k7'><input name='address'><button>Go</button></form></div>"
    )
    text = html_article(_story_with(box)).text
    assert "delivered before breakfast" not in text


def test_a_story_set_in_a_form_of_its_own_is_no_region() -> None:
    paragraphs = "".join(
        f"<p>Paragraph {n}. The council met on Tuesday night to decide where the ferry stop should go, and "
        "after a long debate it chose the east pier, which the harbour master had asked for since the "
        "spring storms damaged the old one beyond repair.</p>"
        for n in range(4)
    )
    html = (
        "<html><head><title>Ferry stop moves</title></head><body><div class='k1'>"
        "<div class='k2'><h1>Ferry stop moves</h1></div>"
        f"<form action='/page' method='post'><div class='k3'>{paragraphs}</div></form>"
        "<div class='k4'><p>Opening hours of the town hall: Monday to Friday, nine to five.</p></div>"
        "</div></body></html>"
    )
    text = html_article(html).text
    assert "Paragraph 3." in text
    assert "Opening hours" not in text
