"""Hidden elements: a series of hidden siblings (slides, tabs) that together hold most of the
page's text is the story and stays, and so does a hidden body named as the article's; small
hidden pieces (menus, pop-ups) are still dropped."""

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


LETTER = "".join(
    f"<p>Part {n}: the letter has a long history in the north, older than the printing press.</p>"
    for n in range(1, 7)
)


def test_a_hidden_body_named_as_the_article_stays_beside_a_larger_consent_window() -> None:
    """A page that shows its story only once a script has run hides the body named as the
    article's; a consent window and menus hold more of the page's text. The body is the story;
    a hidden box of no such name is still dropped."""
    consent = "".join(
        f"<div class='cmp'><p>Purpose {n}: we and our partners store and read data on your device "
        f"to measure audiences, show content and personalise advertising.</p></div>"
        for n in range(1, 9)
    )
    menu = "".join(f"<li><a href='/s{n}'>Section {n}</a></li>" for n in range(20))
    page = (
        f"<html><body><div role='dialog' class='consent'>{consent}</div><nav><ul>{menu}</ul></nav>"
        f"<main><h1>The letter</h1><div id='{{name}}' style='display: none'>{LETTER}</div></main>"
        "</body></html>"
    )
    text = html_article(page.format(name="articleBody")).text
    assert "Part 1:" in text and "Part 6:" in text
    assert "Purpose" not in text
    assert "Part 1:" not in html_article(page.format(name="z3")).text


def test_a_hidden_copy_of_a_shown_body_is_dropped() -> None:
    copy = LETTER.replace("Part", "Copy")
    html = (
        f"<html><body><main><h1>The letter</h1><div class='article-body'>{LETTER}</div>"
        f"<div class='article-body' style='display: none'>{copy}</div></main></body></html>"
    )
    text = html_article(html).text
    assert "Part 6:" in text
    assert "Copy" not in text
