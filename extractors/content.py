"""Choose the element(s) holding the main article text: known containers, then text density."""

from __future__ import annotations

from dataclasses import dataclass

from extractors.boilerplate import BLOCK_TAGS, BOILERPLATE_TAGS, CONTENT_CLASS, is_outside
from extractors.htmltree import HtmlElement, TextStats, classes

MIN_PARAGRAPH = 25  # characters of inline non-link text for a block to count as prose
KNOWN_SHARE = 0.4  # a named article-body container must hold this share of the chosen prose
DESCEND_SHARE = 0.75  # descend into a child holding at least this share of its parent's prose


@dataclass(slots=True)
class Prose:
    """Per element: non-link prose characters in its subtree, and in its own inline text."""

    total: dict[HtmlElement, int]
    inline: dict[HtmlElement, int]


def prose_scores(stats: TextStats) -> Prose:
    """Bottom-up prose counts: long, not link-dense inline text of blocks; page regions count 1/4."""
    inline: dict[HtmlElement, int] = {}
    inline_links: dict[HtmlElement, int] = {}
    total: dict[HtmlElement, int] = {}
    for el in reversed(stats.nodes):
        text, links, prose = _own_len(el.text), 0, 0
        for child in el:
            text += _own_len(child.tail)
            if child not in total:
                continue
            prose += total[child] // 4 if is_outside(child) else total[child]
            if child.tag not in BLOCK_TAGS:
                text += inline[child]
                links += inline_links[child]
        if el.tag == "a":  # cards wrapped in a link are navigation, whatever they hold
            links, prose = text, 0
        inline[el], inline_links[el] = text, links
        if el.tag in BLOCK_TAGS and el.tag not in BOILERPLATE_TAGS:
            own = text - links
            if own >= MIN_PARAGRAPH and links <= text * 0.5:
                prose += own
        total[el] = prose
    return Prose(total, inline)


def choose_containers(root: HtmlElement, stats: TextStats, prose: Prose) -> list[HtmlElement]:
    """The content root(s): descend by prose share, prefer a known container, merge siblings."""
    body = _body(root)
    node = _descend(body, prose)
    known = _known_container(body, node, prose)
    if known is not None:
        node = known
    return _with_siblings(node, prose)


def _body(root: HtmlElement) -> HtmlElement:
    """The <body>, or the root when the page has none."""
    body = root.find("body")
    return body if body is not None else root


def _descend(node: HtmlElement, prose: Prose) -> HtmlElement:
    """Walk down while one child holds most of the prose of its parent."""
    while True:
        children = [c for c in node if c in prose.total]
        if not children:
            return node
        best = max(children, key=lambda c: prose.total[c])
        if prose.total[best] < DESCEND_SHARE * prose.total[node] or prose.total[best] == 0:
            return node
        node = best


def _known_container(body: HtmlElement, node: HtmlElement, prose: Prose) -> HtmlElement | None:
    """A named article-body container inside `node` holding most of its prose, if any."""
    best: HtmlElement | None = None
    need = KNOWN_SHARE * prose.total[node]
    for el in node.iter():
        if el is node or el not in prose.total or prose.total[el] < need:
            continue
        if el.get("itemprop") == "articleBody" or CONTENT_CLASS.search(classes(el)):
            best = el  # the deepest such element wins (iteration goes downwards)
    return best


def _with_siblings(node: HtmlElement, prose: Prose) -> list[HtmlElement]:
    """The node plus same-tag, same-class siblings that also hold prose (split article bodies)."""
    parent = node.getparent()
    if parent is None or not node.get("class"):
        return [node]
    key = (node.tag, node.get("class"))
    return [s for s in parent if s is node or ((s.tag, s.get("class")) == key
                                               and prose.total.get(s, 0) > 0)]


def _own_len(text: str | None) -> int:
    """Length of a text without surrounding whitespace."""
    return len(text.strip()) if text else 0
