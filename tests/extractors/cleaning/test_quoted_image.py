"""A box holding all of a <blockquote>'s text — a reader's words beside their picture, an image and a
short quote — is the quotation, not a caption box; the same box outside a quote is cut as an image
with its caption. Class names no rule knows."""

from __future__ import annotations

from tests.support.pages import html_article, story_around

SENTENCE = (
    "The ferry kept to its winter timetable through March, the harbour office said, and the "
    "second boat stayed in the yard for its hull to be painted."
)
BOX = (
    "<div class='q2'><img src='reader.jpg' alt=''><br><br>"
    "“The crossing was calm and the crew were kind. We will take the early boat again next summer.”</div>"
)


def test_a_box_that_is_all_of_a_quote_stays() -> None:
    page = story_around(f"<blockquote>{BOX}</blockquote>", SENTENCE, "Ferry timetable", "div", " class='q1'")
    text = html_article(page).text
    assert "We will take the early boat again" in text
    assert all(f"Paragraph {n}." in text for n in range(4))


def test_the_same_box_outside_a_quote_is_cut_as_a_caption() -> None:
    page = story_around(BOX, SENTENCE, "Ferry timetable", "div", " class='q1'")
    text = html_article(page).text
    assert "We will take the early boat again" not in text
    assert all(f"Paragraph {n}." in text for n in range(4))
