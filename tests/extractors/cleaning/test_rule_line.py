"""A rule line ("___", "* * *") among the last blocks sets what follows it apart from the story
when that is short: the line and the note after it (a credit, a bio) are dropped. An <hr> element
does the same when what follows it is shorter still and ends a sentence."""

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


def test_a_short_note_after_an_hr_element_is_dropped() -> None:
    note = "<p>Ann Roe reports on the coast for the paper; write to her through the newsroom's form.</p>"
    text = html_article(_page(f"<hr/>{note}")).text
    assert text.endswith("by the weekend.") and "Ann Roe" not in text


def test_a_title_after_an_hr_element_is_kept() -> None:
    text = html_article(_page("<hr/><p>The boats in the harbour after the storm, in pictures</p>")).text
    assert text.endswith("in pictures")


def test_a_longer_passage_after_an_hr_element_is_kept() -> None:
    passage = (
        "<p>Before the storm, the harbour had not closed for a whole week since the winter of the great "
        "flood, when the quay was under water for days and the ferry ran from the beach instead.</p>"
        "<p>Older fishermen still remember that winter, and some of them say this week felt the same.</p>"
    )
    text = html_article(_page(f"<hr/>{passage}")).text
    assert "felt the same." in text


def test_a_bio_after_a_rule_line_goes_when_a_closing_note_follows_it() -> None:
    """The closing note under the bio (a call to follow the section) made what followed the rule
    line too long; with the note dropped, the rule line sets the bio apart."""
    years = "Jo Poe covers the harbour and its trade for the paper, and has done so for years. "
    bio = f"<p>{years * 4}He lives by the sea.</p>"
    note = "<p>Get the paper's harbour news <a href='/follow'>on your feed and by e-mail</a>, every day.</p>"
    text = html_article(_page(f"<p>*****</p>{bio}{note}")).text
    assert text.endswith("by the weekend.") and "Jo Poe" not in text
