"""A list named as boilerplate (related, comments) whose every item holds a link is cut even when
its excerpts hold more text than the story (past the undo guard)."""

from __future__ import annotations

from tests.support.pages import html_article, short_story

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


def _teasers(n: int, end: str) -> str:
    items = "".join(
        f"<li><a href='/s{i}'>Other story {i}</a><br><small>{EXCERPT[:-1]}{end}</small></li>"
        for i in range(n)
    )
    return f"<ul class='wp-rpx'>{items}</ul>"


def test_a_list_of_linked_titles_with_truncated_excerpts_is_cut_whatever_its_name() -> None:
    html = _page("Harbour", STORY + _teasers(3, " the bri..."))
    text = html_article(html).text
    assert "Fishermen said" in text and "Other story" not in text and "An excerpt" not in text
    html = _page("Harbour", STORY + _teasers(3, " the bridge for wee…"))
    assert "An excerpt" not in html_article(html).text


def test_a_list_whose_items_end_as_sentences_is_not_read_as_teasers() -> None:
    html = _page("Harbour", STORY + _teasers(2, " the bridge for weeks."))
    assert "An excerpt" in html_article(html).text


def test_a_page_that_is_all_truncated_teasers_keeps_its_text() -> None:
    html = _page("Archive", _teasers(4, " the bri..."))
    assert "An excerpt" in html_article(html).text
