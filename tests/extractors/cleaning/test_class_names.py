"""Class/id names that state a negation ("non-paywall") do not mark an element as boilerplate."""

from __future__ import annotations

from tests.support.pages import html_article

PARAGRAPHS = "".join(
    f"<p>Paragraph {n}: the river rose through the night and the town's volunteers filled "
    f"sandbags until the water stopped a street short of the old mill.</p>"
    for n in range(1, 5)
)


def test_a_section_named_as_not_paywalled_is_kept() -> None:
    html = (
        "<html><body><article class='article-body'><h1>Flood</h1>"
        f"<section class='row'>{PARAGRAPHS}</section>"
        "<section class='row non-paywall'><p>The free part ends with what the mayor said: the "
        "town will build a higher wall along the river before next winter.</p></section>"
        "</article></body></html>"
    )
    assert "the mayor said" in html_article(html).text


def test_a_paywall_box_is_still_cut() -> None:
    html = (
        "<html><body><article class='article-body'><h1>Flood</h1>"
        f"<div class='text'>{PARAGRAPHS}</div>"
        "<div class='paywall'><p>Subscribe now to read every story for one euro a month.</p></div>"
        "</article></body></html>"
    )
    text = html_article(html).text
    assert "Paragraph 4" in text and "Subscribe now" not in text
