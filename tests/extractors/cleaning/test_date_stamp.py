"""A publication stamp among the opening blocks (a short line holding a date and one clock time)
is dropped whatever its class names say; an event's hours (two times) stay. So are a line that
is a date and a word or two, a byline set in two blocks and a breadcrumb trail ending in the
headline."""

from __future__ import annotations

from extractors.cleaning.blockfilter import is_byline, is_date_line, is_date_stamp
from tests.support.pages import html_article, short_story

STORY = short_story()


def _page(opening: str) -> str:
    return (
        "<html><head><title>Harbour reopens</title></head><body><div class='k1'>"
        f"<h1>Harbour reopens</h1><div class='k2'>{opening}</div>{STORY}</div></body></html>"
    )


def test_a_publication_stamp_before_the_story_is_dropped() -> None:
    text = html_article(_page("Published 11:34 PM, Nov 19, 2026")).text
    assert text.startswith("The harbour reopened")


def test_an_events_hours_stay() -> None:
    text = html_article(_page("Saturday 21.11.2026, 10:00 - 16:00")).text
    assert text.startswith("Saturday 21.11.2026")


def test_date_stamps() -> None:
    assert is_date_stamp("19.11.2026, 11:34")
    assert is_date_stamp("Monday November 18, 2026 7:45 am by Jane Doe")
    assert is_date_stamp("2026年11月18日 07:45")
    assert not is_date_stamp("Open from 10:30 in the 2026 season")  # no day
    assert not is_date_stamp("The board met on 19.11.2026 at 11:34.")  # a sentence


def test_the_stamps_byline_goes_with_it_but_not_a_dek() -> None:
    byline = html_article(
        _page("<div>Jane Doe and John Roe Harbour Gazette</div><div>19.11.2026, 11:34</div>")
    ).text
    assert byline.startswith("The harbour reopened")
    dek = html_article(
        _page("<div>Boats went out again after the storm</div><div>19.11.2026, 11:34</div>")
    ).text
    assert dek.startswith("Boats went out again")


def test_a_byline_in_two_blocks_and_the_stamp_after_it_are_dropped_below_a_dek() -> None:
    opening = (
        "<div class='k3'>Storms closed the harbour for three days. Boats are out again.</div>"
        "<div class='k4'><span class='k5'>By</span><div class='k6'>Jane Doe</div></div>"
        "<div class='k7'>Nov. 19, 2026 8:03 am ET</div>"
    )
    text = html_article(_page(opening)).text
    assert text.startswith("Storms closed the harbour")  # the dek stays
    assert "Jane Doe" not in text
    assert "8:03" not in text
    assert "The harbour reopened" in text


def test_a_breadcrumb_trail_ending_in_the_headline_is_dropped() -> None:
    trail = (
        "<div class='k8'><a href='/'>Home</a> <a href='/coast'>Coast</a> <span>Harbour reopens</span></div>"
    )
    page = (
        "<html><head><title>Harbour reopens</title></head><body><div class='k1'>"
        f"{trail}<h1>Harbour reopens</h1>{STORY}</div></body></html>"
    )
    text = html_article(page).text
    assert text.startswith("The harbour reopened")


def test_a_date_line_before_the_story_is_dropped_and_an_events_time_stays() -> None:
    assert html_article(_page("Updated: November 19, 2026")).text.startswith("The harbour reopened")
    assert html_article(_page("Berlin, 19.11.2026")).text.startswith("The harbour reopened")
    text = html_article(_page("Open day: 21.11.2026, 10 am")).text
    assert text.startswith("Open day")


def test_date_lines() -> None:
    assert is_date_line("16 May 2026")
    assert is_date_line("Tuesday, 2 November 2026")
    assert not is_date_line("Meeting: 21.11.2026, 19 h")  # an hour: an event's time
    assert not is_date_line("Berlin, 28.10.2026, 058/26")  # a release number
    assert not is_date_line("The 2 best films of 2026")  # words
    assert is_date_line("16. Mai 2026")
    assert not is_date_line("Tel. +81 158-23-2026")  # a phone number's groups: no day, no year


def test_two_stamps_on_one_line_are_dropped() -> None:
    line = "Published: November 19, 2026 at 8:59 pm | Updated: November 19, 2026 at 10:16 pm"
    assert html_article(_page(line)).text.startswith("The harbour reopened")
    assert not is_date_stamp("Saturday 21.11.2026, 10:00 - 16:00")


def test_bylines_of_two_writers_in_the_by_words_languages() -> None:
    for line in ("By Jane Doe and John Roe", "Por Juana Díaz y Pedro Ruiz", "di Anna Neri e Luca Bianchi"):
        assert is_byline(line), line
        assert html_article(_page(line)).text.startswith("The harbour reopened"), line
    assert not is_byline("Por la mañana y por la tarde")  # a phrase, not names
