"""A story set out with line breaks instead of paragraphs (one box, its paragraphs set apart by
<br><br>): a cross-reference line ("See also: <a>another story</a>") and a list of links set out
as lines are cut, as they are when each is a paragraph of its own; a sentence with a link, one
line of link text, a label and a cited address, and the lines of one paragraph set out with
single <br>s (a list of credits) stay. A <div> of lines with links among them keeps a paragraph's
link limit when a line of its own ends a sentence (a post citing its sources); a row of links set
out with line breaks is still cut. Class names no rule knows."""

from __future__ import annotations

from tests.support.pages import html_article

SENTENCE = (
    "The ferry kept to its winter timetable through March, the harbour office said, and the "
    "second boat stayed in the yard for its hull to be painted."
)


def page(middle: str, div_paragraphs: bool = False) -> str:
    """A story in one box: a headline, two paragraphs of `SENTENCE`, `middle`, two more; the
    paragraphs set apart by <br><br>, or each a <div> (class names no rule knows)."""
    paragraphs = [f"Paragraph {n}. {SENTENCE}" for n in range(4)]
    if div_paragraphs:
        paragraphs = [f"<div class='q3'>{p}</div>" for p in paragraphs]
    body = ("" if div_paragraphs else "<br><br>").join([*paragraphs[:2], middle, *paragraphs[2:]])
    story = f"<div class='q1'><h1>Ferry timetable</h1><div class='q2'>{body}</div></div>"
    return f"<html><body>{story}</body></html>"


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


def test_a_box_of_lines_citing_its_sources_after_a_sentence_stays() -> None:
    sources = "<br>".join(
        f"<a href='https://ferry.example.org/{n}'>https://ferry.example.org/timetables/{n}</a>"
        for n in range(3)
    )
    box = f"<div class='q3'>Thanks for the answers.<br>Here are the pages I found:<br>{sources}</div>"
    text = html_article(page(box, div_paragraphs=True)).text
    assert "Thanks for the answers." in text
    assert "https://ferry.example.org/timetables/2" in text


def test_a_row_of_links_set_out_with_line_breaks_in_a_div_is_still_cut() -> None:
    row = "<br>".join(f"<a href='/{word}'>{word}</a>" for word in ("News", "Sport", "Weather", "Ferries"))
    text = html_article(page(f"<div class='q3'>Sections<br>{row}</div>", div_paragraphs=True)).text
    assert "Weather" not in text
    assert all(f"Paragraph {n}." in text for n in range(4))
