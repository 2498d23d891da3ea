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


INTRO = (
    "<div class='k2'><h1>Ferry stop moves</h1>"
    "<p>The ferry stop moves to the east pier on Monday, the council said today.</p>"
    "<p>Passengers will walk five more minutes from the bus station to the boats.</p>"
    "<p>The old stop will close for repairs until the end of next summer at least.</p></div>"
)
HEADER = (  # the headline in a header box of its own, apart from the columns below it
    "<html><head><title>Ferry stop moves</title></head><body><div class='k0'><h1>Ferry stop moves</h1></div>"
)
LONG = (
    "The harbour master explained the new timetable at length, stop by stop and boat by boat, and "
    "answered every question the passengers in the hall put to her, from the price of a season "
    "ticket to the ramp for wheelchairs on the east pier."
)


def test_a_story_set_out_in_sections_is_no_thread_of_replies() -> None:
    """Sections under their subheadings, each a box of paragraphs, beside an intro of three short
    paragraphs under the headline: a post has a part with text but no prose (the writer and date
    over a reply), a section has none, so the sections are the body and stay."""
    sections = "".join(
        f"<div class='k6'><h2>What changes for passengers in part {n}</h2>"
        f"<div class='k7'><p>{LONG}</p></div></div>"
        for n in range(4)
    )
    page = (
        f"<html><head><title>Ferry stop moves</title></head><body><div class='k1'>{INTRO}"
        f"<div class='k3'>{sections}</div></div></body></html>"
    )
    text = html_article(page).text
    assert "in part 3" in text and "ramp for wheelchairs" in text


def test_a_list_of_questions_inside_a_story_is_no_thread_of_replies() -> None:
    """A story holding a short list of questions and answers (each a linked question over its
    answer), after a box of three paragraphs: the answers hold less than half the story's prose, so
    they are no thread of replies that would send the story away."""
    answers = "".join(
        f"<li class='k8'><a href='#q{n}'>Question {n}?</a>"
        f"<div class='k9'><p>Answer {n}. {LONG}</p></div></li>"
        for n in range(3)
    )
    notice = "".join(f"<p>Notice {n}. {LONG}</p>" for n in range(3))
    story = "".join(f"<p>Paragraph {n}. {LONG} {LONG}</p>" for n in range(3))
    page = (
        f"{HEADER}<div class='k1'><div class='k2'>{notice}</div>"
        f"<div class='k3'>{story}<ul class='k4'>{answers}</ul></div></div></body></html>"
    )
    assert "Paragraph 2." in html_article(page).text


def test_teaser_cards_set_out_with_line_breaks_are_left_beside_the_story() -> None:
    """Cards of other stories, each one paragraph whose linked title stands on the line above its
    excerpt (<br>), in a column beside the story: their excerpts are a teaser list's, not prose
    that holds the story's parent."""
    cards = "".join(
        f"<div class='k6'><p><a href='/story-{n}'>Another story {n}</a><br><br>Excerpt {n}. {LONG}</p></div>"
        for n in range(6)
    )
    story = "".join(
        f"<p>Paragraph {n}. {LONG} See the <a href='/timetable'>timetable</a>.</p>" for n in range(3)
    )
    columns = f"<div class='k1'><div class='k2'>{story}</div><div class='k3'>{cards}</div></div>"
    page = f"{HEADER}{columns}</body></html>"
    text = html_article(page).text
    assert "Paragraph 2." in text and "Excerpt 2." not in text


def test_replies_whose_parts_sit_in_a_wrapper_are_still_a_thread() -> None:
    """The thread set as boxes, the writer's line and the text of each reply one box deeper (a
    template's bare wrapper): the parts are read inside the wrapper."""
    replies = "".join(
        _reply(n).replace("<li class='k8'>", "<div class='k8'><div>").replace("</li>", "</div></div>")
        for n in range(8)
    )
    page = _page(STORY, replies).replace("<ol class='k4'>", "<div class='k4'>").replace("</ol>", "</div>")
    text = html_article(page).text
    assert "moves to the east pier" in text
    assert "Reply 3." not in text
