"""Choose the element(s) holding the main article text: known containers, then text density."""

from __future__ import annotations

from dataclasses import dataclass

from extractors.boilerplate import BOILERPLATE_TAGS, CONTENT_CLASS, PROSE_TAGS, is_outside
from extractors.htmltree import BLOCK_TAGS, HtmlElement, TextStats, classes

MIN_PARAGRAPH = 25  # characters of inline non-link text for a block to count as prose
KNOWN_SHARE = 0.4  # a named article-body container must hold this share of the chosen prose
DESCEND_SHARE = 0.75  # descend into a child holding at least this share of its parent's prose
TEASER_LINKS = 0.2  # link density of a sibling region that marks it as a teaser list
ANCESTOR_GROWTH = 1.3  # a named container above the choice may add at most 30% more prose


@dataclass(slots=True)
class Prose:
    """Per element: non-link prose characters in its subtree, and in its own inline text."""

    total: dict[HtmlElement, int]
    inline: dict[HtmlElement, int]
    own: dict[HtmlElement, int]  # prose of the element's own inline text


def prose_scores(stats: TextStats) -> Prose:
    """Bottom-up prose counts: long, not link-dense inline text of blocks.

    Page regions (footers, sidebars, comments) pass only a quarter of theirs to their parent."""
    inline: dict[HtmlElement, int] = {}
    inline_links: dict[HtmlElement, int] = {}
    total: dict[HtmlElement, int] = {}
    own_prose: dict[HtmlElement, int] = {}
    for el in reversed(stats.nodes):
        text = len(el.text.strip()) if el.text else 0
        links = prose = 0
        for child in el:
            if child.tail:
                text += len(child.tail.strip())
            sub = total.get(child)
            if sub is None:
                continue
            if sub:
                prose += sub // 4 if is_outside(child) else sub
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
                own_prose[el] = own
        total[el] = prose
    return Prose(total, inline, own_prose)


def choose_containers(root: HtmlElement, stats: TextStats, prose: Prose) -> list[HtmlElement]:
    """The content root(s): descend by prose share, prefer a known container, merge siblings."""
    body = _body(root)
    node = _descend(body, stats, prose)
    known = _known_container(node, prose)
    if known is None:
        known = _known_ancestor(body, node, prose)
    if known is None:
        return [node]
    return _with_siblings(known, node, prose)


def _body(root: HtmlElement) -> HtmlElement:
    """The <body>, or the root when the page has none."""
    body = root.find("body")
    return body if body is not None else root


def _descend(node: HtmlElement, stats: TextStats, prose: Prose) -> HtmlElement:
    """Walk down while one child holds most of its parent's prose, or clearly dominates its
    siblings once prose is discounted by link density (teaser lists beside the article)."""
    while True:
        children = sorted((c for c in node if prose.total.get(c)), key=lambda c: -prose.total[c])
        if not children:
            return node
        best = children[0]
        if best.tag in PROSE_TAGS and any(c is not best and stats.text.get(c) for c in node):
            return node  # keep the other (short) paragraphs of a one-long-paragraph article
        if prose.total[best] < DESCEND_SHARE * prose.total[node] and not _dominates(
            best, children[1:], node, stats, prose
        ):
            return node
        node = best


def _dominates(best: HtmlElement, others: list[HtmlElement], parent: HtmlElement,
               stats: TextStats, prose: Prose) -> bool:
    """True when `best` holds most link-discounted prose, far more than any sibling, and the
    runner-up looks like a teaser list (link-heavy): never splits a plain article body."""
    if prose.total[best] <= prose.own.get(best, 0) or not others:
        return False  # a single paragraph is never the article when its siblings hold prose
    runner = max(others, key=lambda c: _adjusted(c, stats, prose))
    text = stats.text.get(runner, 0)
    if not text or stats.links.get(runner, 0) / text < TEASER_LINKS:
        return False
    score = _adjusted(best, stats, prose)
    return score >= 0.6 * _adjusted(parent, stats, prose) and score >= 1.5 * _adjusted(
        runner, stats, prose)


def _adjusted(el: HtmlElement, stats: TextStats, prose: Prose) -> float:
    """Prose discounted by the element's link density."""
    text = stats.text.get(el, 0)
    return prose.total.get(el, 0) * (1 - stats.links.get(el, 0) / text) if text else 0.0


def _known_container(node: HtmlElement, prose: Prose) -> HtmlElement | None:
    """A named article-body container inside `node` holding a good share of its prose: the
    deepest of nested ones, the larger of separate ones."""
    best: HtmlElement | None = None
    need = KNOWN_SHARE * prose.total[node]
    for el in node.iter():
        if el is node or prose.total.get(el, 0) < need or not _named_body(el):
            continue
        if best is None or _contains(best, el) or prose.total[el] > prose.total[best]:
            best = el
    return best


def _named_body(el: HtmlElement) -> bool:
    """Marked as the article body: schema.org articleBody or a class/id like "entry-content"."""
    return el.get("itemprop") == "articleBody" or CONTENT_CLASS.search(classes(el)) is not None


def _known_ancestor(body: HtmlElement, node: HtmlElement, prose: Prose) -> HtmlElement | None:
    """The nearest named article-body container above `node` that adds little other prose."""
    limit = ANCESTOR_GROWTH * prose.total.get(node, 0)
    for el in node.iterancestors():
        if el is body or prose.total.get(el, 0) > limit:
            return None
        if _named_body(el):
            return el
    return None


def _with_siblings(node: HtmlElement, scope: HtmlElement, prose: Prose) -> list[HtmlElement]:
    """The node plus same-tag, same-class elements in `scope` that also hold prose: an article
    body split into chunks around ads and embeds."""
    cls = node.get("class")
    if not cls:
        return [node]
    found: list[HtmlElement] = []
    for el in scope.iter():  # not iter(tag): lxml rejects tag names with control characters
        same = el.tag == node.tag and el.get("class") == cls and (
            el is node or prose.total.get(el, 0) > 0)
        if same and not any(_contains(f, el) for f in found):
            found.append(el)
    return found if node in found else [node]


def _contains(ancestor: HtmlElement, el: HtmlElement) -> bool:
    """True when `el` is inside `ancestor`."""
    return any(a is ancestor for a in el.iterancestors())


def _own_len(text: str | None) -> int:
    """Length of a text without surrounding whitespace."""
    return len(text.strip()) if text else 0
