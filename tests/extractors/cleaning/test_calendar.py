"""A table that numbers a month's days in reading order (a calendar widget, a booking calendar)
is cut whatever its names; a table of figures whose rows are numbered (standings) stays."""

from __future__ import annotations

from tests.support.pages import STORY_PARAGRAPHS, html_article


def page(table: str) -> str:
    """The story's paragraphs, then `table` (class names no rule knows)."""
    story = "".join(f"<p>{text}</p>" for text in STORY_PARAGRAPHS)
    return f"<html><body><div class='k1'><h1>Harbour reopens</h1>{story}{table}</div></body></html>"


def month(first_weekday: int, days: int) -> str:
    """A month as a table of weeks (cells set out on lines of their own, as markup is): weekday heads,
    blank cells before the first day."""
    cells = [""] * first_weekday + [str(day) for day in range(1, days + 1)]
    weeks = [cells[i : i + 7] for i in range(0, len(cells), 7)]
    rows = "".join("<tr>" + "".join(f"<td>\n  {c}\n</td>" for c in week) + "</tr>" for week in weeks)
    heads = "".join(f"<th>{d}</th>" for d in "MTWTFSS")
    return f"<table class='k2'><caption>March 2020</caption><tr>{heads}</tr>{rows}</table>"


def test_a_month_calendar_is_cut() -> None:
    text = html_article(page(month(6, 31))).text
    assert "March 2020" not in text
    assert "| 12 |" not in text
    assert all(paragraph in text for paragraph in STORY_PARAGRAPHS)


def test_a_table_of_standings_stays() -> None:
    rows = "".join(
        f"<tr><td>{n}</td><td>Crew {n}</td><td>{500 - n * 7}</td><td>{n % 5}</td><td>{n % 3}</td>"
        f"<td>{20 - n % 9}</td><td>{30 - n % 7}</td></tr>"
        for n in range(1, 33)
    )
    table = f"<table class='k2'><tr><th>Pos.</th><th>Crew</th><th>Points</th></tr>{rows}</table>"
    text = html_article(page(table)).text
    assert "Crew 31" in text
