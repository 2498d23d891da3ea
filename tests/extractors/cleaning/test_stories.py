"""A page of several stories (infinite scroll): the page's own story is the one whose headline
is the page's title, even when a later story is longer."""

from __future__ import annotations

from tests.support.pages import html_article


def story(headline: str, sentence: str, count: int) -> str:
    """One story block of the series: its headline and `count` paragraphs."""
    paragraphs = "".join(f"<p>{sentence} (part {n}).</p>" for n in range(count))
    return f"<div class='scrollblock'><article><h1>{headline}</h1>{paragraphs}</article></div>"


OWN = "Blessing of vehicles takes place this Saturday"
OWN_LINE = "The friars will bless cars and trucks in front of the church after the morning mass"
OTHER = "Prosecutors under pressure from parties"
OTHER_LINE = "The attorney general said the parties dislike the work her office does every day"


def page(title: str) -> str:
    """The page: a short own story, then a long one of the same series."""
    return (
        f"<html><head><title>Daily | {title}</title><meta property='og:title' content='{title}'>"
        "</head><body><main>"
        f"{story(OWN, OWN_LINE, 3)}{story(OTHER, OTHER_LINE, 12)}"
        "</main></body></html>"
    )


def test_the_story_whose_headline_is_the_title_is_taken() -> None:
    text = html_article(page(OWN)).text
    assert OWN_LINE in text
    assert OTHER_LINE not in text


def test_without_a_matching_headline_the_longest_story_stays() -> None:
    text = html_article(page("Weather for the weekend")).text
    assert OTHER_LINE in text
