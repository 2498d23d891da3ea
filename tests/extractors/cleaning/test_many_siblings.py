"""Pages with hundreds of like siblings (a photo gallery's slides, a grid of teaser cards, a
list of custom elements, a hidden copy of each picture) are cleaned in work that grows with the
page, not with its square: a rule that judges a box by all its siblings judges them once per
parent, a parent's children are read for text once however many components it has, and the
elements removed before the text is measured are each found from where the last one was. Work is
counted in lines of Python run (the same on every machine), not timed."""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import FrameType
from typing import Any

import pytest
from bs4 import Tag

from tests.support.pages import html_article

SENTENCE = (
    "The lighthouse keeper logged every ship that passed the point, and the log was kept in the "
    "harbour office for forty years. "
)
SMALL, LARGE = 30, 480  # siblings: work may grow 16-fold between them, not 256-fold


def page(middle: str) -> str:
    """A story of twelve paragraphs in one box, `middle` after them."""
    story = "".join(f"<p>Paragraph {n}. {SENTENCE * 2}</p>" for n in range(12))
    return f"<html><body><div><h1>The keeper's log</h1>{story}{middle}</div></body></html>"


def slides(count: int) -> str:
    """A gallery: like boxes, each an empty slot and a caption."""
    return (
        "<div>"
        + "".join(f"<div><span></span><em>Slide {n}. The point at dusk.</em></div>" for n in range(count))
        + "</div>"
    )


def cards(count: int) -> str:
    """A grid of cards, each a heading, an excerpt and one button link; no two share a class."""
    return "".join(
        f"<div class='k{n}'><h3>Ship {n}</h3><p>{SENTENCE * 3}</p><a href='/s{n}'>Read more</a></div>"
        for n in range(count)
    )


def components(count: int) -> str:
    """A list set out in a framework's components: like custom elements with no text of their own."""
    return "<x-list>" + "<x-item><x-icon></x-icon></x-item>" * count + "</x-list>"


def lines_run(clean: Callable[[], object]) -> int:
    """Lines of Python run by `clean()` (every frame traced)."""
    count = 0

    def trace(frame: FrameType, event: str, arg: Any) -> Callable[..., Any]:
        nonlocal count
        count += event == "line"
        return trace

    before = sys.gettrace()
    sys.settrace(trace)
    try:
        clean()
    finally:
        sys.settrace(before)
    return count


@pytest.mark.parametrize("siblings", [slides, cards], ids=["gallery slides", "teaser cards"])
def test_work_grows_with_the_siblings_not_their_square(siblings: Callable[[int], str]) -> None:
    html_article(page(siblings(3)))  # imports and caches warmed
    small = lines_run(lambda: html_article(page(siblings(SMALL))))
    large = lines_run(lambda: html_article(page(siblings(LARGE))))
    assert large < 2 * (LARGE // SMALL) * small  # quadratic work would be 60-300 times


def test_a_parents_children_are_read_for_text_once_however_many_components_it_has() -> None:
    """Each component asks whether its parent's text came before it (a line of text keeps it
    inline); reading all the siblings before it each time grew 40-fold from 120 to 1,920."""
    html_article(page(components(3)))
    small = lines_run(lambda: html_article(page(components(4 * SMALL))))
    large = lines_run(lambda: html_article(page(components(4 * LARGE))))
    assert large < 2 * (LARGE // SMALL) * small


def test_hidden_siblings_are_removed_without_a_look_up_from_the_start(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    looked_up = 0
    index = Tag.index

    def counted(self: Tag, element: Any) -> int:
        nonlocal looked_up
        looked_up += 1
        return index(self, element)

    monkeypatch.setattr(Tag, "index", counted)
    copies = "".join(f"<noscript><img src='p{n}.jpg'></noscript><img src='q{n}.jpg'>" for n in range(LARGE))
    text = html_article(page(copies)).text
    assert looked_up == 0
    assert all(f"Paragraph {n}." in text for n in range(12))
