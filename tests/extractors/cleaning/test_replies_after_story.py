"""Replies under a post do not hold the descent back, whatever the names and with no headline to
go by: a child holding a thread of posts after a child that sets out a story of its own (three
paragraphs or more, a fair share of the thread's prose) is left out of the descent; a short intro
above a series of sections keeps the sections."""

from __future__ import annotations

from tests.support.pages import html_article

SENTENCE = (
    "I read the piece twice and still think the council should have asked the people who live "
    "by the harbour before it moved the ferry stop to the other side of the bay."
)
STORY_LINE = (
    "The ferry stop moves to the east pier on Monday, and passengers will walk five more minutes "
    "from the bus station to reach the boats, the council said in its notice."
)


def _reply(n: int) -> str:
    return (
        f"<div class='q8'><div class='q9'><a href='/u/{n}'>Reader {n}</a> 19.11.2026</div>"
        f"<div class='q10'><p>Reply {n}. {SENTENCE}</p><p>{SENTENCE}</p></div></div>"
    )


def _page(first: str, rest: str) -> str:
    return (
        "<html><head><title>Harbour notes | A weblog</title></head><body><div class='q1'>"
        f"<div class='q2'>{first}</div>"
        f"<div class='q3'>{rest}</div></div></body></html>"
    )


def test_replies_after_a_post_are_left_out_without_names_or_headline() -> None:
    story = "".join(f"<p>Part {n}. {STORY_LINE}</p>" for n in range(5))
    text = html_article(_page(story, "".join(_reply(n) for n in range(8)))).text
    assert "Part 4. The ferry stop" in text
    assert "Reply 3." not in text


def test_a_short_intro_above_a_series_of_sections_keeps_them() -> None:
    intro = "".join(
        f"<p>Intro {n}. The new pier, the boats and the timetable, in eight parts written by readers.</p>"
        for n in range(3)
    )
    text = html_article(_page(intro, "".join(_reply(n) for n in range(8)))).text
    assert "Reply 3." in text


def test_replies_whose_classes_tell_each_item_apart_are_one_thread() -> None:
    """Each reply's class also names that reply (an id) and its stripe (even / odd), as comment
    systems write them, and nothing inside a reply is classed: the replies are still one thread of
    posts of one kind."""

    def reply(n: int) -> str:
        stripe = "even" if n % 2 else "odd"
        return (
            f"<div class='q8 {stripe} cid-{n:04d}4e7a47cb'>"
            f"<div><a href='/u/{n}'>Reader {n}</a> 19.11.2026</div>"
            f"<div><p>Reply {n}. {SENTENCE}</p><p>{SENTENCE}</p></div></div>"
        )

    story = "".join(f"<p>Part {n}. {STORY_LINE}</p>" for n in range(5))
    text = html_article(_page(story, "".join(reply(n) for n in range(8)))).text
    assert "Part 4. The ferry stop" in text
    assert "Reply 3." not in text
