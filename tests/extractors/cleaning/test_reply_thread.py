"""Readers' replies under a story are cut by their shape, also when their class words are ones no
rule knows: a run of like boxes, each a writer and time line, paragraphs and a row of reply
links. Sections of a story, and a forum's posts with no story above them, stay."""

from __future__ import annotations

from tests.support.pages import (
    BUDGET_SENTENCE,
    headline_page,
    html_article,
    numbered_paragraphs,
    reader_replies,
)

SENTENCE = BUDGET_SENTENCE


def test_replies_in_the_story_s_box_are_cut_past_the_undo_guard() -> None:
    # The replies hold more than half the box's text, which no other cut may take.
    story = numbered_paragraphs("Story", 3)
    text = html_article(
        headline_page(f"<div class='txt'>{story}<div class='zz'>{reader_replies(4)}</div></div>")
    ).text
    assert "Story 0." in text and "Story 2." in text
    assert "Remark" not in text


def test_replies_that_outweigh_the_story_are_cut_by_the_last_resort_too() -> None:
    # Over 70% of the box: every other cut is undone (the kept-share check), the lenient one
    # that is left still takes the replies.
    story = numbered_paragraphs("Story", 2)
    text = html_article(
        headline_page(f"<div class='txt'>{story}<div class='zz'>{reader_replies(6)}</div></div>")
    ).text
    assert "Story 0." in text and "Story 1." in text
    assert "Remark" not in text


def test_a_one_paragraph_story_is_not_left_for_its_replies() -> None:
    story = f"<div class='txt'><p>Story 0. {SENTENCE}</p></div>"
    text = html_article(
        headline_page(f"{story}<div class='zz'><h3>4 replies</h3>{reader_replies(4)}</div>")
    ).text
    assert "Story 0." in text
    assert "Remark" not in text


def test_the_story_above_replies_is_found_whatever_its_box_s_name() -> None:
    # A content system's state word on the story's box ("promoted" to the front page) reads as a
    # boilerplate word; the replies below it are replies to it all the same.
    story = (
        f"<article class='node node-promoted'><p>Story 0. {SENTENCE}</p><p>Story 1. {SENTENCE}</p></article>"
    )
    text = html_article(headline_page(f"{story}<div class='zz'>{reader_replies(5)}</div>")).text
    assert "Story 0." in text
    assert "Remark" not in text


def test_sections_of_a_story_are_no_replies() -> None:
    # Like boxes that open with a short line (a subheading set in bold) and end in prose.
    sections = "".join(
        f"<div class='part'><div><b>Part {n}</b></div><p>Section {n}. {SENTENCE}</p><p>{SENTENCE}</p></div>"
        for n in range(3)
    )
    intro = numbered_paragraphs("Intro", 3)
    html = headline_page(f"<div class='txt'>{intro}<div class='parts'>{sections}</div></div>")
    text = html_article(html).text
    assert "Section 0." in text and "Section 2." in text


def test_a_forum_s_posts_with_no_story_above_them_stay() -> None:
    # Posts shaped as replies, the first of them the topic, and the forum's notes below them.
    notes = numbered_paragraphs("Note", 3)
    text = html_article(
        headline_page(f"<div class='zz'>{reader_replies(3)}</div><div class='notes'>{notes}</div>")
    ).text
    assert "Remark 0." in text and "Remark 2." in text


def test_sections_that_end_in_a_back_to_top_link_are_no_replies() -> None:
    # Like boxes of paragraphs, each closed by a link back to the top: no writer's line opens them.
    sections = "".join(
        f"<div class='part'><p>Section {n}. {SENTENCE}</p><p>{SENTENCE}</p>"
        "<div><a href='#top'>Back to top</a></div></div>"
        for n in range(3)
    )
    intro = numbered_paragraphs("Intro", 3)
    text = html_article(
        headline_page(f"<div class='txt'>{intro}<div class='parts'>{sections}</div></div>")
    ).text
    assert "Section 0." in text and "Section 2." in text
