"""Robust lxml parsing, removal of non-content elements, per-element text statistics."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from typing import TypeAlias

from lxml import etree

HtmlElement: TypeAlias = etree._Element

BLOCK_TAGS = frozenset({"p", "div", "section", "article", "main", "ul", "ol", "li", "dl", "dt",
                        "dd", "table", "tbody", "thead", "tfoot", "tr", "blockquote",
                        "pre", "h1", "h2", "h3", "h4", "h5", "h6", "header", "footer", "nav",
                        "aside", "figure", "figcaption", "form", "center", "details", "summary",
                        "address", "hr", "body", "html", "caption", "fieldset", "menu", "hgroup"})
_INVISIBLE = {0xAD: None, 0x200B: None, 0xFEFF: None}
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_LOCAL = threading.local()  # lxml parsers must not be shared between threads
# Never content: dropped with their subtree (tails are kept).
NON_CONTENT = ("script", "style", "noscript", "template", "svg", "math", "iframe", "object",
               "embed", "canvas", "video", "audio", "select", "textarea", "input", "button",
               "head", "link", "meta", "map", "dialog", "rt", "rp")
# Wrapper tags removed (text kept) to re-parse pathologically deep pages.
_WRAPPER_TAGS = re.compile(
    r"</?(?:div|span|font|section|article|center|b|i|em|strong|small|big)\b[^>]*>", re.IGNORECASE)
HIDDEN_SMALL = 300  # characters: a hidden element this small is never the article
HIDDEN_SHARE = 0.6  # a hidden element with more of the page's text than this is the article: kept
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def parse_html(html: str) -> HtmlElement | None:
    """The document's root element, or None when nothing parseable is left; never raises."""
    html = _XML_DECL.sub("", html, count=1).replace("\x00", "")
    if not html.strip():
        return None
    root = _parse(html)
    if root is not None and _too_deep():
        root = _parse(_WRAPPER_TAGS.sub(" ", html))  # libxml2 dropped what lies past depth 2048
    return root


def _parser() -> etree.HTMLParser:
    """This thread's lenient HTML parser (comments and processing instructions dropped).

    Plain lxml.etree elements: lxml.html's element classes cost a Python call per proxy."""
    if not hasattr(_LOCAL, "parser"):
        _LOCAL.parser = etree.HTMLParser(remove_comments=True, remove_pis=True, recover=True,
                                         huge_tree=True, default_doctype=False)
    return _LOCAL.parser


def _parse(html: str) -> HtmlElement | None:
    """One lxml parse; None when lxml finds no document."""
    try:
        root = etree.fromstring(html, parser=_parser())
    except (etree.ParserError, etree.XMLSyntaxError, ValueError, TypeError):
        return None
    return root if root is not None and isinstance(root.tag, str) else None


def _too_deep() -> bool:
    """True when the last parse hit libxml2's nesting limit (and lost the deeper content)."""
    return any(err.type_name == "ERR_RESOURCE_LIMIT" for err in _parser().error_log)


def strip_non_content(root: HtmlElement) -> None:
    """Remove scripts, styles, media, form controls and hidden elements, keeping their tails.

    A hidden element holding most of the page's text stays: pages that reveal the article
    with a script (paywalls, lazy rendering) hide it in the markup."""
    etree.strip_elements(root, *NON_CONTENT, with_tail=False)
    marked = root.xpath("//*[@hidden or @aria-hidden or @style]")
    hidden = [el for el in marked if _is_hidden(el)]
    if not hidden:
        return
    page_chars: int | None = None
    for el in hidden:
        if el.getparent() is None:
            continue
        chars = len(text_of(el))
        if chars > HIDDEN_SMALL:  # only big hidden elements are measured against the page
            page_chars = len(text_of(root)) if page_chars is None else page_chars
            if chars > HIDDEN_SHARE * page_chars:
                continue
        drop_keep_tail(el)


def _is_hidden(el: HtmlElement) -> bool:
    """True for elements marked hidden by attribute or inline style."""
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    style = el.get("style")
    return bool(style) and _HIDDEN_STYLE.search(style) is not None


def drop_keep_tail(el: HtmlElement) -> None:
    """Remove an element and its subtree but keep the text that follows it."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    prev = el.getprevious()
    if tail:
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def text_of(el: HtmlElement) -> str:
    """All text inside an element (its own, its descendants' and their tails)."""
    return "".join(el.itertext())


def norm_space(text: str) -> str:
    """Collapse whitespace runs to single spaces and trim; soft hyphens, zero-width spaces and
    stray byte-order marks (invisible, but they split words) are removed."""
    return " ".join(text.translate(_INVISIBLE).split())


@dataclass(slots=True)
class TextStats:
    """Visible text length, link text length and <a> count of every element's subtree."""

    text: dict[HtmlElement, int] = field(default_factory=dict)
    links: dict[HtmlElement, int] = field(default_factory=dict)
    anchors: dict[HtmlElement, int] = field(default_factory=dict)
    nodes: list[HtmlElement] = field(default_factory=list)  # keeps lxml proxies (dict keys) alive


def text_stats(root: HtmlElement) -> TextStats:
    """Bottom-up text, link-text and link counts for every element, in one pass (children
    before parents); inline link pop-ups count for nothing in their parents."""
    stats = TextStats(nodes=list(root.iter(etree.Element)))
    text, links, anchors = stats.text, stats.links, stats.anchors
    for el in reversed(stats.nodes):
        own = len(el.text.strip()) if el.text else 0
        link = 0
        anchor = 0
        for child in el:
            if child.tail:
                own += len(child.tail.strip())
            size = text.get(child)
            if size is None:
                continue
            count = anchors[child]
            if count >= 3 and child.tag not in BLOCK_TAGS and links[child] * 2 > size:
                continue  # a pop-up (see is_link_popup)
            own += size
            link += links[child]
            anchor += count
        tag = el.tag
        text[el] = own
        links[el] = own if tag == "a" else link
        anchors[el] = anchor + 1 if tag == "a" else anchor
    return stats


def is_link_popup(el: HtmlElement, stats: TextStats) -> bool:
    """An inline element holding several links and little else (hover cards, share rows)."""
    if el.tag in BLOCK_TAGS or stats.anchors.get(el, 0) < 3:
        return False
    return stats.links[el] > 0.5 * stats.text[el]


def _len(text: str | None) -> int:
    """Length of a text without surrounding whitespace (0 for None)."""
    return len(text.strip()) if text else 0


def classes(el: HtmlElement) -> str:
    """The element's class and id attributes as one lowercase string, state modifiers
    ("has-image", "with-video", "no-js") left out: they describe, they do not name."""
    names = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
    if "has" in names or "with" in names or "no-" in names or "is-" in names:
        names = _MODIFIER.sub(" ", names)
    return names


_MODIFIER = re.compile(r"(?:^|(?<=\s))\S*\b(?:has|with|no|is)[-_]\S*")
