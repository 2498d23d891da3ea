"""A story under the page's headline is not lost to a longer thread of replies beside it, whatever
the names: the descent takes the headline's story when the region it would walk into is a thread
of posts of a kind the story does not hold (a question of the thread's own kind keeps its answers)."""

from __future__ import annotations

from tests.support.pages import html_article

SENTENCE = (
    "I read the piece twice and still think the council should have asked the people who live "
    "by the harbour before it moved the ferry stop to the other side of the bay."
)


def _reply(n: int, kind: str = "k8") -> str:
    return (
        f"<li class='{kind}'><div class='k9'><a href='/u/{n}'>Reader {n}</a> 19.11.2026</div>"
        f"<div class='k10'><p>Reply {n}. {SENTENCE}</p><p>{SENTENCE}</p></div></li>"
    )


def _page(story: str, replies: str) -> str:
    return (
        "<html><head><title>Ferry stop moves</title></head><body><div class='k1'>"
        f"<div class='k2'><h1>Ferry stop moves</h1>{story}</div>"
        f"<div class='k3'><h2>Replies</h2><ol class='k4'>{replies}</ol></div>"
        "</div></body></html>"
    )


STORY = (
    "<div class='k5'><p>The ferry stop moves to the east pier on Monday, the council said.</p>"
    "<p>Passengers will walk five more minutes from the bus station to reach the boats.</p>"
    "<p>The old stop will close for repairs until the end of next summer at the earliest.</p></div>"
)


def test_the_story_under_the_headline_is_not_lost_to_the_replies() -> None:
    text = html_article(_page(STORY, "".join(_reply(n) for n in range(8)))).text
    assert "moves to the east pier" in text
    assert "Reply 3." not in text


def test_a_question_of_the_threads_kind_does_not_lose_its_answers() -> None:
    question = (
        "<ol class='k4'><li class='k8'><div class='k9'><a href='/u/0'>Asker</a> 18.11.2026</div>"
        "<div class='k10'><p>Where will the ferry stop be next year, and will it move again?</p>"
        "<p>I take the boat every day and would like to know before the winter comes.</p>"
        "<p>The notice at the pier says nothing about the months after the repairs.</p></div></li></ol>"
    )
    text = html_article(_page(question, "".join(_reply(n) for n in range(8)))).text
    assert "Reply 3." in text


def test_a_thread_set_out_as_boxes_does_not_take_the_story_s_place() -> None:
    """The same thread with its list set as boxes (no list items to count as entries): the story
    under the headline is still kept and the replies left out."""
    replies = "".join(_reply(n).replace("<li", "<div").replace("</li>", "</div>") for n in range(8))
    page = _page(STORY, replies).replace("<ol class='k4'>", "<div class='k4'>").replace("</ol>", "</div>")
    text = html_article(page).text
    assert "moves to the east pier" in text
    assert "Reply 3." not in text
