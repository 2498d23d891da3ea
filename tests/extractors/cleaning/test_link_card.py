"""A link standing as a block of its own between the story's paragraphs, its text set out in two
boxes or more (a label over a title: a card), is a teaser for another page and is cut, whatever
its class names; a link inside a sentence and a lone line of link text between paragraphs stay."""

from __future__ import annotations

from tests.support.pages import html_article, story_around

SENTENCE = (
    "The ferry kept to its winter timetable through March, the harbour office said, and the "
    "second boat stayed in the yard for its hull to be painted."
)


def page(middle: str) -> str:
    """A story: two paragraphs, `middle`, two more paragraphs."""
    return story_around(middle, SENTENCE, "Ferry timetable", "div", " class='q1'")


def test_a_link_set_out_as_a_card_between_paragraphs_is_cut() -> None:
    card = (
        "<a class='q2' href='/other-story'><span class='q3'><span class='q4'>Elsewhere on the site</span>"
        "<span class='q5'>Island councils ask for a third boat before the summer season</span></span>"
        "<span class='q6' data-bg='cover.jpg'></span></a>"
    )
    text = html_article(page(card)).text
    assert "Island councils" not in text
    assert "Elsewhere on the site" not in text
    assert all(f"Paragraph {n}." in text for n in range(4))


def test_a_link_in_a_sentence_and_a_lone_link_line_stay() -> None:
    in_sentence = (
        "<p class='q1'>Inside. The office published <a href='/t'><span>the new</span> "
        "<span>timetable</span></a> on Monday, a week late.</p>"
    )
    lone = "<a class='q2' href='/report.pdf'>The harbour office's winter report on the ferry service</a>"
    text = html_article(page(in_sentence + lone)).text
    assert "timetable on Monday, a week late." in text
    assert "winter report on the ferry service" in text
