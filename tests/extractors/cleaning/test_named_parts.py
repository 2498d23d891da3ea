"""Boxes named as boilerplate in the site's own language (a German caption box, a Spanish
related-news list, a French author box) are cut as their English-named twins are."""

from __future__ import annotations

import pytest

from tests.support.pages import STORY_PARAGRAPHS, html_article


@pytest.mark.parametrize(
    "name",
    ["caption", "bildunterschrift", "noticias-relacionadas", "article_auteur", "kommentare"],
)
def test_a_box_named_in_another_language_is_cut(name: str) -> None:
    box = (
        f"<div class='{name}'>Der Hafen am Morgen nach dem Sturm, im Hintergrund die Werft "
        "(Foto: Hafenamt)</div>"
    )
    story = "".join(f"<p>{text}</p>" for text in STORY_PARAGRAPHS)
    html = f"<html><body><div class='k1'><h1>Harbour reopens</h1>{story}{box}</div></body></html>"
    text = html_article(html).text
    assert "Der Hafen am Morgen" not in text
    assert all(paragraph in text for paragraph in STORY_PARAGRAPHS)
