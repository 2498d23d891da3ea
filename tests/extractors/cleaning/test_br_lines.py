"""A story set out with line breaks instead of paragraphs (one box, its paragraphs set apart by
<br><br>): a cross-reference line ("See also: <a>another story</a>") and a list of links set out
as lines are cut, as they are when each is a paragraph of its own; a sentence with a link, one
line of link text, a label and a cited address, and the lines of one paragraph set out with
single <br>s (a list of credits) stay. Class names no rule knows."""

from __future__ import annotations

from tests.support.pages import html_article

SENTENCE = (
    "The ferry kept to its winter timetable through March, the harbour office said, and the "
    "second boat stayed in the yard for its hull to be painted."
)


def page(middle: str) -> str:
    """A story in one box: a headline, two lines of `SENTENCE`, `middle`, two more, set apart by <br><br>."""
    first = "<br><br>".join(f"Paragraph {n}. {SENTENCE}" for n in range(2))
    last = "<br><br>".join(f"Paragraph {n}. {SENTENCE}" for n in range(2, 4))
    return (
        "<html><body><div class='q1'><h1>Ferry timetable</h1>"
        f"<div class='q2'>{first}<br><br>{middle}<br><br>{last}</div></div></body></html>"
    )


def test_a_cross_reference_line_is_cut() -> None:
    text = html_article(page("See also: <a href='/s'>Island councils ask for a third boat</a>")).text
    assert "Island councils" not in text
    assert "See also" not in text
    assert all(f"Paragraph {n}." in text for n in range(4))


def test_a_list_of_links_set_out_as_lines_is_cut_with_its_label() -> None:
    lines = "<br>".join(
        f"<a href='/s{n}'>{title}</a>"
        for n, title in enumerate(("A third boat for the islands", "The yard that paints the hulls"))
    )
    text = html_article(page(f"More on this:<br><br>{lines}")).text
    assert "third boat" not in text
    assert "paints the hulls" not in text
    assert "More on this" not in text
    assert all(f"Paragraph {n}." in text for n in range(4))


def test_linked_text_that_a_paragraph_would_keep_stays() -> None:
    middle = (
        "The office published <a href='/t'>the new timetable</a> on Monday, a week late.<br><br>"
        "<a href='/r'>The harbour office's winter report on the ferry service</a><br><br>"
        "Source: <a href='https://example.org/report'>https://example.org/report</a><br><br>"
        "Photos: <a href='/a'>the harbour office archive collection</a><br>Drawings by the yard's own staff"
    )
    text = html_article(page(middle)).text
    assert "timetable on Monday, a week late." in text
    assert "winter report on the ferry service" in text
    assert "https://example.org/report" in text
    assert "harbour office archive collection" in text
