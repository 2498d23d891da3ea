"""A list item or table row holding one link and text besides it is an entry of its list (an
ingredient with its amount), not a link to cut on its own; an item that is nothing but a link is."""

from __future__ import annotations

from tests.support.pages import html_article

PARAGRAPHS = "".join(
    f"<p>Step {n}: stir the batter slowly with a wooden spoon until it is smooth and shiny, then "
    f"let it rest under a cloth for a quarter of an hour before you go on.</p>"
    for n in range(1, 4)
)


def _page(extra: str) -> str:
    return (
        f"<html><body><article class='article-body'><h1>Bread</h1>{extra}{PARAGRAPHS}</article></body></html>"
    )


def test_list_items_with_a_linked_ingredient_are_kept() -> None:
    items = (
        "<ul><li>500 g <a href='/flour'>wheat flour</a></li><li>2 tsp <a href='/salt'>sea salt</a></li>"
        "<li>300 ml warm water</li><li>one pinch of sugar</li></ul>"
    )
    text = html_article(_page(items)).text
    assert "500 g wheat flour" in text and "2 tsp sea salt" in text and "300 ml warm water" in text


def test_table_rows_with_a_linked_ingredient_are_kept() -> None:
    rows = (
        "<table><tr><td>500 g</td><td><a href='/flour'>wheat flour</a></td></tr>"
        "<tr><td>300 ml</td><td>warm water</td></tr></table>"
    )
    assert "wheat flour" in html_article(_page(rows)).text


def test_an_item_that_is_only_a_link_is_still_cut() -> None:
    items = (
        "<ul><li>500 g wheat flour</li><li>300 ml warm water</li>"
        "<li><a href='/share'>Share this recipe with friends</a></li></ul>"
    )
    text = html_article(_page(items)).text
    assert "500 g wheat flour" in text and "Share this recipe" not in text
