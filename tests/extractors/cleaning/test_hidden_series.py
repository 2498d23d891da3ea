"""Hidden elements: a series of hidden siblings (slides, tabs) that together hold most of the
page's text is the story and stays; small hidden pieces (menus, pop-ups) are still dropped."""

from __future__ import annotations

from tests.support.pages import html_article

SLIDE = (
    "<div class='slide' style='display: none'><h2>Step {n}</h2><p>Step {n} of the guide explains how "
    "the frame is sanded, primed and painted before the next coat goes on.</p></div>"
)


def test_hidden_slides_that_hold_the_story_are_kept() -> None:
    slides = "".join(SLIDE.format(n=n) for n in range(1, 6))
    html = f"<html><body><nav><a href='/'>Home</a></nav><main>{slides}</main></body></html>"
    text = html_article(html).text
    assert "Step 1 of the guide" in text
    assert "Step 5 of the guide" in text


def test_small_hidden_pieces_beside_a_visible_story_are_dropped() -> None:
    body = "".join(
        f"<p>Paragraph {n} of the story tells how the council debated the new budget for the "
        f"coming year, line by line, until late in the evening.</p>"
        for n in range(1, 8)
    )
    popups = "".join(f"<div class='popup' hidden>Sign up for offer {n} today</div>" for n in range(3))
    text = html_article(f"<html><body><article>{body}{popups}</article></body></html>").text
    assert "Paragraph 7 of the story" in text
    assert "Sign up for offer" not in text
