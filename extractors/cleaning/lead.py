"""The lead: article paragraphs just before the chosen container.

Some layouts put the first paragraph(s) of a story between the headline and the body container,
as siblings of the body (or of one of its near ancestors). Walking back from the container, <p>
paragraphs of prose are taken (images looked past) until anything else that holds text.

Only <p> elements here: blocks of other kinds between the headline and the body (a "lead" div,
a subheading, an intro in the article header) are the standfirst's (see standfirst.py), which
takes them only when they read as a lede paragraph, not as a one-line dek."""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import cache, partial

from bs4 import Tag

from extractors.cleaning.boilerplate import is_boilerplate
from extractors.cleaning.htmltree import TextStats, kind

LEVELS = 2  # how far up from the container the walk may climb (its parent, its grandparent)
LEAD_LINKS = 0.3  # link density above which a block is not lead prose
LEAD_PROSE = 0.7  # share of a block's non-link text that must be prose (long inline runs)


def lead_elements(container: Tag, stats: TextStats, body: Tag) -> list[Tag]:
    """Prose blocks right before `container` (document order): its previous siblings, then its
    parent's when all of those were taken, up to LEVELS levels; never past `body`."""
    taken: list[Tag] = []
    limit = stats.prose.get(id(container), 0)  # a lead is never longer than the body it opens
    chars = 0
    boxes = cache(partial(_paragraph_boxes, container, stats))  # (read only for a boxed paragraph)
    node = container
    for _ in range(LEVELS):
        for sibling in _previous_tags(node):
            text = stats.text.get(id(sibling), 0)
            if not text or sibling.name in ("figure", "picture"):
                continue  # an image (with its caption), an empty wrapper: looked past
            if not _lead_prose(sibling, stats, boxes) or chars + text > limit:
                return taken
            taken.insert(0, sibling)
            chars += text
        parent = node.parent
        if parent is None or parent is body or id(parent) not in stats.pos:
            break
        node = parent
    return taken


def _previous_tags(el: Tag) -> list[Tag]:
    """The element siblings before `el`, nearest first."""
    found: list[Tag] = []
    node = el.previous_sibling
    while node is not None:
        if isinstance(node, Tag):
            found.append(node)
        node = node.previous_sibling
    return found


def _paragraph_boxes(container: Tag, stats: TextStats) -> set[tuple[str, str | None]]:
    """The kinds (tag and class) of the boxes that set the container's paragraphs one to a box
    (a template's paragraph component; see `TextStats.unwrapped`)."""
    return {
        kind(el)
        for el in stats.subtree(container)[1:]
        if el.name in ("div", "section") and stats.unwrapped(el).name == "p"
    }


def _lead_prose(el: Tag, stats: TextStats, boxes: Callable[[], set[tuple[str, str | None]]]) -> bool:
    """A paragraph of article prose: a <p> that is no page region or named boilerplate, with few
    links and its text mostly long inline runs; or such a <p> alone in a box of a kind that sets
    the body's paragraphs (`boxes()`: the same component; a box of its own, a summary's or a
    dek's, is the standfirst's)."""
    box, el = el, stats.unwrapped(el)
    key = id(el)
    if el.name != "p" or key in stats.outside or key not in stats.pos:
        return False
    if box is not el and kind(box) not in boxes():
        return False
    if any(d.name == "h1" for d in stats.subtree(el)):
        return False
    text = stats.text.get(key, 0)
    links = stats.links.get(key, 0)
    if not text or links > LEAD_LINKS * text:
        return False
    if stats.prose.get(key, 0) < LEAD_PROSE * (text - links):
        return False
    return not is_boilerplate(el, stats, sys.maxsize)
