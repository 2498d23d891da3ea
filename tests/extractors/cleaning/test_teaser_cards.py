"""Teaser cards after the story (pages written for these tests, with class names no rule knows): a
grid of like boxes, each a heading, an excerpt and one "Read more" button link, is cut whole, also
the card whose excerpt runs past the caption bound; one such box alone stays."""

from __future__ import annotations

from tests.support.pages import html_article

STORY = "".join(
    f"<p>{text}</p>"
    for text in (
        "The river rose by two metres overnight, and the council closed the old bridge to traffic "
        "before dawn while engineers checked the piers for damage from the floating debris.",
        "Residents of the lower town were asked to move their cars to higher ground, and the "
        "school on the embankment stayed shut for the day as a precaution against flooding.",
        "The water board said the reservoirs upstream were holding, but more rain is expected "
        "on Thursday and the gauges will be read every hour until the level starts to fall.",
        "Volunteers filled sandbags at the fire station through the morning, and by noon the "
        "first of them were stacked along the quay in front of the shops and the market hall.",
        "The bridge will reopen once the engineers have finished their inspection, which the "
        "council expects to take at least two days if the weather allows them to work.",
    )
)
SHORT_EXCERPT = "The fair returns to the meadow with rides, stalls and a brass band on both weekend days."
LONG_EXCERPT = (
    "The library extends its opening hours through the winter, with reading evenings on Tuesdays, "
    "a homework club for pupils on Wednesdays and a repair café on the first Saturday of each month, "
    "where volunteers mend lamps, toasters and bicycles for anyone who brings them along. The "
    "reading room on the first floor is open to everyone, with newspapers in six languages."
)


def _card(title: str, excerpt: str) -> str:
    return (
        f"<div class='q3'><h3>{title}</h3><p>{excerpt}</p><a href='/news/{len(excerpt)}'>Read more</a></div>"
    )


def _page(after_story: str) -> str:
    return (
        "<html><head><title>River closes old bridge</title></head><body><div class='q1'>"
        f"<h1>River closes old bridge</h1><div class='q2'>{STORY}{after_story}</div></div></body></html>"
    )


def test_a_long_card_in_a_grid_of_teaser_cards_is_cut_with_the_others() -> None:
    grid = (
        "<div class='q4'><h2>More news</h2>"
        + _card("Autumn fair", SHORT_EXCERPT)
        + _card("Library hours", LONG_EXCERPT)
        + _card("Autumn fair again", SHORT_EXCERPT)
        + "</div>"
    )
    text = html_article(_page(grid)).text
    assert "repair café" not in text
    assert "brass band" not in text
    assert text.rstrip().endswith("allows them to work.")


def test_one_long_box_ending_in_a_link_stays() -> None:
    text = html_article(_page(_card("Library hours", LONG_EXCERPT))).text
    assert "repair café" in text
