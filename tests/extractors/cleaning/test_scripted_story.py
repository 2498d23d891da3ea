"""A page that leaves its story to scripts: the JSON-LD articleBody (a how-to's or a recipe's
description and steps) stands in only when the page's visible text cannot hold it; an ARIA dialog
(a consent window) is never the article."""

from __future__ import annotations

import json

from tests.support.pages import html_article

PARAGRAPHS = [
    f"Paragraph {n}: the council debated the new budget for the coming year line by line until "
    "late in the evening, and the mayor answered every question from the floor."
    for n in range(6)
]


def page(visible: str, article_body: str) -> str:
    """A page with `visible` markup and a JSON-LD NewsArticle whose articleBody is given."""
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Budget passed"}
    data["articleBody"] = article_body
    return (
        "<html><head><title>Budget passed</title>"
        f"<script type='application/ld+json'>{json.dumps(data)}</script></head>"
        f"<body><nav><a href='/'>Home</a></nav>{visible}</body></html>"
    )


def test_the_article_body_stands_in_when_the_page_does_not_render_the_story() -> None:
    escaped = "".join(f"&lt;p&gt;{p}&lt;/p&gt;" for p in PARAGRAPHS)
    html = page("<div id='app'><p>Loading the story, please wait a moment.</p></div>", escaped)
    article = html_article(html)
    assert article.text.split("\n\n") == PARAGRAPHS


def test_a_teaser_article_body_is_not_read_when_the_story_is_on_the_page() -> None:
    visible = "<article>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</article>"
    article = html_article(page(visible, "A different, shorter version of the story."))
    assert article.text.split("\n\n") == PARAGRAPHS


def test_a_consent_dialog_longer_than_the_story_is_not_the_article() -> None:
    menu = "".join(f"<a href='/s{n}'>Section number {n}</a> " for n in range(12))
    story = "<article><h1>Budget passed</h1>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS[:4]) + "</article>"
    consent = "".join(
        f"<p>Purpose {n}: the technical storage or access is strictly necessary for the legitimate "
        "purpose of enabling the use of a specific service explicitly requested by the user.</p>"
        for n in range(4)
    )
    html = (
        f"<html><body><div class='page'><div class='menu'>{menu}</div>{story}</div>"
        f"<div class='holder'><div class='banner' role='dialog' aria-modal='true'>{consent}</div></div>"
        "</body></html>"
    )
    text = html_article(html).text
    assert all(p in text for p in PARAGRAPHS[:4])
    assert "Purpose" not in text


def how_to(visible: str) -> str:
    """A page with `visible` markup and a JSON-LD HowTo: a description and two steps of directions."""
    steps = [
        {
            "@type": "HowToStep",
            "name": f"Step {n}",
            "itemListElement": {"@type": "HowToDirection", "text": f"<p>{PARAGRAPHS[n]}</p>"},
        }
        for n in (1, 2)
    ]
    data: dict[str, object] = {"@context": "https://schema.org", "@type": "HowTo", "name": "Budget passed"}
    data |= {"description": f"<p>{PARAGRAPHS[0]}</p>", "step": steps}
    return (
        "<html><head><title>Budget passed</title>"
        f"<script type='application/ld+json'>{json.dumps(data)}</script></head>"
        f"<body><nav><a href='/'>Home</a></nav>{visible}</body></html>"
    )


def test_a_how_tos_steps_stand_in_when_the_page_does_not_render_them() -> None:
    article = html_article(how_to("<div id='app'><h1>Budget passed</h1></div>"))
    assert article.text.split("\n\n") == [PARAGRAPHS[0], "Step 1", PARAGRAPHS[1], "Step 2", PARAGRAPHS[2]]
    visible = "<article>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</article>"
    assert html_article(how_to(visible)).text.split("\n\n") == PARAGRAPHS
