"""Readers' replies set out in other shapes than a writer's line, paragraphs and a row of links
side by side: the writer's line and the paragraphs in one box with the row of links after it, and
the thread in a box of its own below a head of short lines (a title, a count of replies). A short
story above such a thread, under class words no rule knows, is still the text."""

from __future__ import annotations

import pytest

from tests.support.pages import (
    BUDGET_SENTENCE,
    REMARK,
    headline_page,
    html_article,
    reader_replies,
    teaser_cards,
)

SENTENCE = BUDGET_SENTENCE


def _boxed_replies(count: int) -> str:
    """`count` replies, each a box of the writer's line and two paragraphs, then a row of links."""
    return "".join(
        f"<div class='r1'><div class='r2'>"
        f"<div class='r3'><a href='#up-{n}'>0</a> <a href='#flag-{n}'>Flag</a></div>"
        f"<b>Reader {n}</b> <span>{n} days ago</span><div class='r4'><p>Remark {n}. {REMARK}</p>"
        f"<p>{REMARK}</p></div></div><div class='r5'><a href='#reply-{n}'>Reply</a></div></div>"
        for n in range(count)
    )


# A short story whose paragraphs link a name in a sentence (no plain intro of paragraphs).
STORY = "".join(
    f"<p>Story {n}. The <a href='/mayor'>mayor</a> spoke first. {SENTENCE}</p>" for n in range(2)
).join(("<div class='txt'>", "</div>"))
HEAD = "<div class='zh'><h3>The readers</h3><span>Tell us what you think of it now</span></div>"


@pytest.mark.parametrize(
    "thread",
    [
        _boxed_replies(5),  # the writer in the remarks' box, the row of links after it
        f"{HEAD}<div class='zl'>{reader_replies(12)}</div>",  # below a head of short lines
        f"{HEAD}<div class='zl'>{_boxed_replies(5)}</div>",  # both at once
    ],
    ids=["writer-in-remarks-box", "below-a-head", "both"],
)
def test_replies_are_no_text(thread: str) -> None:
    text = html_article(headline_page(f"{STORY}<div class='zz'>{thread}</div>")).text
    assert "Story 0." in text and "Story 1." in text
    assert "Remark" not in text


def test_boxes_of_paragraphs_closed_by_a_link_are_no_replies() -> None:
    # Sections of a story set the same way but with no writer's line: each a box of paragraphs
    # and a link after it; they stay.
    sections = "".join(
        f"<div class='r1'><div class='r2'><p>Section {n}. {SENTENCE}</p><p>{SENTENCE}</p></div>"
        f"<div class='r5'><a href='#top'>Top</a></div></div>"
        for n in range(5)
    )
    text = html_article(headline_page(f"<div class='txt'>{sections}</div>")).text
    assert "Section 0." in text and "Section 4." in text


def test_a_thread_beside_teaser_cards_alone_is_the_text() -> None:
    # A column of teasers is no story for the replies to follow: with nothing else beside them,
    # the thread (a guestbook, a forum's page) is the page's text. The walk used to leave the cards
    # for the replies and then the replies for a story it had passed over, and had nothing left.
    html = headline_page(
        f"<div class='col'>{teaser_cards(6)}</div><div class='talk'>{reader_replies(6)}</div>",
        "Guest book",
    )
    text = html_article(html).text
    assert "Remark 0." in text and "Remark 5." in text
    assert "Excerpt" not in text
