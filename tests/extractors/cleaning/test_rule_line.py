"""A rule line ("___", "* * *") among the last blocks sets what follows it apart from the story
when that is short: the line and the note after it (a credit, a bio) are dropped."""

from __future__ import annotations

from tests.support.pages import html_article, short_story

STORY = short_story()


def _page(after_story: str) -> str:
    return f"<html><body><article><h1>Harbour</h1>{STORY}{after_story}</article></body></html>"


def test_a_short_note_after_a_rule_line_is_dropped() -> None:
    text = html_article(_page("<p>___</p><p>Two writers of the paper contributed to this report.</p>")).text
    assert text.endswith("by the weekend.") and "contributed" not in text


def test_a_long_section_after_a_rule_line_is_kept() -> None:
    section = "".join(
        f"<p>Another part of the story, told at length after the break, paragraph {i}.</p>" for i in range(8)
    )
    text = html_article(_page(f"<p>* * *</p>{section}")).text
    assert "paragraph 7." in text
