"""The lead (standfirst, intro) that sits just before the article body, outside its container."""

# Many layouts put the headline and a one- or two-paragraph summary in an article header and the
# body in a separate container: the container choice then finds the body only. The lead is
# recovered by structure, not by name: prose blocks after the headline and before the body,
# inside the body's nearest ancestors that add little other prose.

from __future__ import annotations

import unicodedata

from bs4 import Tag

from extractors.boilerplate import BOILERPLATE_CLASS, CONTENT_CLASS, is_outside, link_dense
from extractors.htmltree import TextStats, norm_space, text_of

LEAD_MAX = 1200  # characters of prose an ancestor may add before it is no longer the article
LEAD_LEVELS = 2  # the lead shares the body's parent or grandparent
LEAD_BLOCKS = 3  # more prose blocks than this before the body: a page region, not a lead
_NOT_LEAD = frozenset(
    {
        "nav",
        "aside",
        "footer",
        "form",
        "figure",
        "figcaption",
        "address",
        "menu",
        "fieldset",
        "li",
        "ul",
        "ol",
        "dl",
        "table",
        "blockquote",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
    }
)


def lead_blocks(containers: list[Tag], stats: TextStats, headlines: list[Tag]) -> list[Tag]:
    """The prose elements between the headline and the first container (in document order),
    or [] when the region before the body holds more than a lead."""
    first = containers[0]
    scope = _article_scope(first, containers, stats)
    if scope is first:
        return []
    start = stats.pos[id(first)]
    after = _after_headline(scope, start, stats, headlines)
    found: list[Tag] = []
    for el in stats.subtree(scope)[after:]:
        key = id(el)
        if stats.pos[key] >= start:
            break
        if not stats.own_prose.get(key) or any(stats.contains(f, el) for f in found):
            continue
        if not _leads(el, scope, stats):
            continue
        found.append(el)
    chars = sum(stats.text.get(id(el), 0) for el in found)
    if len(found) > LEAD_BLOCKS or chars > LEAD_MAX:
        return []
    return found


def _article_scope(first: Tag, containers: list[Tag], stats: TextStats) -> Tag:
    """The highest ancestor of the body whose prose beyond the body's stays under LEAD_MAX."""
    body_prose = sum(stats.prose.get(id(c), 0) for c in containers)
    scope = first
    for level, el in enumerate(first.parents):
        if level >= LEAD_LEVELS or el.name in ("body", "html") or id(el) not in stats.pos:
            break
        if stats.prose.get(id(el), 0) - body_prose > LEAD_MAX:
            break
        scope = el
    return scope


def _after_headline(scope: Tag, start: int, stats: TextStats, headlines: list[Tag]) -> int:
    """Index into scope's subtree just past the last headline before the body (0 when none)."""
    base = stats.pos[id(scope)]
    after = 0
    for h in headlines:
        key = id(h)
        if key in stats.pos and stats.contains(scope, h) and stats.pos[key] < start:
            after = max(after, stats.pos[key] + stats.size[key] - base)
    return after


def _leads(el: Tag, scope: Tag, stats: TextStats) -> bool:
    """A prose block that is not boilerplate itself nor inside boilerplate below the scope."""
    key = id(el)
    if link_dense(el.name, stats.text.get(key, 0), stats.links.get(key, 0)):
        return False
    if not _sentence(norm_space(text_of(el))):
        return False  # a date line, a byline, a label
    node: Tag | None = el
    while node is not None and node is not scope:
        if node.name in _NOT_LEAD or is_outside(node, stats):
            return False
        names = stats.names(node)
        if BOILERPLATE_CLASS.search(names) and not CONTENT_CLASS.search(names):
            return False
        node = node.parent
    return True


def _sentence(text: str) -> bool:
    """Ends as a sentence does: with closing punctuation in any script (not a date or a name)."""
    return bool(text) and unicodedata.category(text[-1]) in ("Po", "Pf", "Pe")
