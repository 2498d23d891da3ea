"""Readers' replies whose head is a box of short lines — a title and a line naming the writer and
the time — and no row of links below them: a thread of posts all the same, when the time stamp
is in the head. The story above them links names in its sentences, so the walk would read it as
a list of teasers beside the larger thread and take the thread."""

from __future__ import annotations

from tests.support.pages import REMARK, headline_page, html_article

LINKED = (
    "The <a href='/harbour'>harbour board</a> met the <a href='/ferry'>ferry company</a> on Monday "
    "and agreed that the boats will stop at the east pier from the first of the month."
)


def _story(count: int) -> str:
    """`count` paragraphs linking two names, then one with no link."""
    paragraphs = "".join(f"<p>Story {n}. {LINKED}</p>" for n in range(count))
    last = f"<p>Story {count}. The board will meet again when the new timetable has run for a month.</p>"
    return f"<div class='txt'>{paragraphs}{last}</div>"


def _replies(count: int, stamp: str) -> str:
    """`count` replies: an avatar, a head of a title and the `stamp` line, three paragraphs."""
    return "".join(
        f"<div class='k1'><div class='k2'><img src='/a/{n}.png'></div>"
        f"<div class='k3'><div class='k4'>A thought on the pier</div>"
        f"<div class='k5'>{stamp.format(n=n)}</div></div>"
        f"<div class='k6'><p>Remark {n}. {REMARK}</p><p>{REMARK}</p><p>{REMARK}</p></div></div>"
        for n in range(count)
    )


def _text(stamp: str) -> str:
    return html_article(headline_page(_story(3) + f"<div class='zz'>{_replies(5, stamp)}</div>")).text


def test_replies_with_a_stamped_head_are_no_text() -> None:
    text = _text("Sent in by reader number {n}, on 12 March 2026 at 15:4{n}")
    assert "Story 0." in text and "Story 3." in text
    assert "Remark" not in text


def test_a_clock_time_set_with_an_h_stamps_the_head_too() -> None:
    text = _text("Sent in by reader number {n}, on 12 March 2026 at 15h4{n}")
    assert "Story 0." in text and "Story 3." in text
    assert "Remark" not in text


def test_sections_under_a_head_of_two_lines_stay() -> None:
    # A story in sections, each under a title and a line about it, with no time in them.
    text = _text("What the pier looked like in the year {n} of the works")
    assert "Story 0." in text and "Remark 0." in text and "Remark 4." in text
