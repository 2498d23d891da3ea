"""A line that is a short label ending in a colon and one link naming another story ("See also:
<a>…</a>") is cut from the body; a label with a handle or a file name, or a sentence that links a
few of its words, stays."""

from __future__ import annotations

from tests.support.pages import html_article

BODY = "".join(
    f"<p>Paragraph {n} of the story tells how the harbour was dredged for the new ferry line, "
    f"week by week, through the winter.</p>"
    for n in range(1, 5)
)


def page(extra: str) -> str:
    """A story with `extra` between its paragraphs."""
    return f"<html><body><article><h1>Harbour works</h1>{BODY[:200]}{extra}{BODY}</article></body></html>"


def test_a_labelled_link_to_another_story_is_cut() -> None:
    text = html_article(
        page(
            "<p><b>Also on this topic: <a href='/other-story'>"
            "Ferry fares rise again as fuel costs climb</a></b></p>"
        )
    ).text
    assert "Also on this topic" not in text and "Ferry fares rise" not in text
    assert "Paragraph 4 of the story" in text


def test_a_labelled_handle_and_a_linked_sentence_stay() -> None:
    handle = "<p>Account: <a href='https://social.example/@harbourcam'>@harbourcam</a></p>"
    sentence = "<p>Schedule: <a href='/timetable'>the first ferry leaves at six</a> on weekdays from May.</p>"
    text = html_article(page(handle + sentence)).text
    assert "Account: @harbourcam" in text
    assert "Schedule: the first ferry leaves at six on weekdays from May." in text
