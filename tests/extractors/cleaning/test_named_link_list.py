"""A list named as boilerplate (related, comments) whose every item holds a link is cut even when
its excerpts hold more text than the story (past the undo guard); so is a list of linked titles
with truncated excerpts, whatever its name, and a list of further reading. A list set out as like
boxes (<div>s of the same class, no list markup) is read as one."""

from __future__ import annotations

import pytest

from tests.support.pages import html_article, short_story

LISTS = pytest.mark.parametrize("markup", [("ul", "li"), ("div", "div")], ids=["list", "boxes"])

STORY = short_story(4)
EXCERPT = (
    "An excerpt of another story on the site, long enough to outweigh the short story above it, "
    "about the town's budget, the new school and the road works that closed the bridge for weeks."
)


def _related(n: int) -> str:
    items = "".join(f"<li><a href='/story{i}'>Other story {i}</a><p>{EXCERPT}</p></li>" for i in range(n))
    return f"<ul class='related-posts'>{items}</ul>"


def _page(title: str, body: str) -> str:
    return f"<html><body><article class='entry-content'><h1>{title}</h1>{body}</article></body></html>"


def test_a_related_list_with_long_excerpts_is_cut() -> None:
    html = _page("Harbour", STORY + _related(2))
    text = html_article(html).text
    assert "Fishermen said" in text and "Other story" not in text and "An excerpt" not in text


def test_a_page_that_is_all_such_a_list_keeps_its_text() -> None:
    html = _page("Archive", _related(4))
    assert "An excerpt" in html_article(html).text


def _teasers(n: int, end: str, markup: tuple[str, str] = ("ul", "li")) -> str:
    box, item = markup
    items = "".join(
        f"<{item} class='rp'><a href='/s{i}'>Other story {i}</a><br>"
        f"<small>{EXCERPT[:-1]}{end}</small></{item}>"
        for i in range(n)
    )
    return f"<{box} class='wp-rpx'>{items}</{box}>"


@LISTS
def test_a_list_of_linked_titles_with_truncated_excerpts_is_cut_whatever_its_name(
    markup: tuple[str, str],
) -> None:
    html = _page("Harbour", STORY + _teasers(3, " the bri...", markup))
    text = html_article(html).text
    assert "Fishermen said" in text and "Other story" not in text and "An excerpt" not in text
    html = _page("Harbour", STORY + _teasers(3, " the bridge for wee…", markup))
    assert "An excerpt" not in html_article(html).text


@LISTS
def test_a_list_whose_items_end_as_sentences_is_not_read_as_teasers(markup: tuple[str, str]) -> None:
    html = _page("Harbour", STORY + _teasers(3, " the bridge for weeks.", markup))
    assert "An excerpt" in html_article(html).text


def test_a_page_that_is_all_truncated_teasers_keeps_its_text() -> None:
    html = _page("Archive", _teasers(4, " the bri..."))
    assert "An excerpt" in html_article(html).text


@LISTS
def test_a_list_of_further_reading_is_cut(markup: tuple[str, str]) -> None:
    box, item = markup
    reading = "".join(
        f"<{item} class='rd'>Story {i} of the week from our harbour desk: "
        f"<a href='/r{i}'>what the storm left on the coast</a></{item}>"
        for i in range(4)
    )
    html = _page("Harbour", f"{STORY}<h3>More stories</h3><{box} class='k7'>{reading}</{box}>{STORY}")
    text = html_article(html).text
    assert "Fishermen said" in text and "of the week" not in text
