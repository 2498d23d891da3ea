"""One BeautifulSoup (lxml parser) parse per page, one scan, one bottom-up statistics pass."""

# Every walk is iterative (any nesting depth). Tags are never dict keys or set members: bs4
# hashes a Tag by serialising it and compares Tags by structure, so statistics are keyed by
# id() and membership is tested with `is`.

from __future__ import annotations

import gc
import re
import unicodedata
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from bs4 import BeautifulSoup, Tag
from bs4.builder._lxml import LXMLTreeBuilder
from bs4.element import Comment, Doctype, NavigableString, PageElement
from bs4.exceptions import ParserRejectedMarkup

from extractors.cleaning.textmeasure import text_length

BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "main",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "blockquote",
        "pre",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "footer",
        "nav",
        "aside",
        "figure",
        "figcaption",
        "form",
        "center",
        "details",
        "summary",
        "address",
        "hr",
        "body",
        "html",
        "caption",
        "fieldset",
        "menu",
        "hgroup",
    }
)
_INVISIBLE = {0xAD: None, 0x200B: None, 0xFEFF: None}
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
# Never content: dropped with their subtree (the text that follows them stays).
NON_CONTENT = frozenset(
    {
        "script",
        "style",
        "template",
        "svg",
        "math",
        "iframe",
        "object",
        "embed",
        "canvas",
        "video",
        "audio",
        "select",
        "textarea",
        "input",
        "button",
        "head",
        "link",
        "meta",
        "map",
        "dialog",
        "rt",
        "rp",
    }
)
# Shown only when scripts do not run: treated as hidden (dropped unless it holds the article, as
# pages that render the story by script may put the only copy of its text there).
HIDDEN_TAGS = frozenset({"noscript"})
# Where a custom element (a name with a hyphen: HTML leaves those to a page's own components) sits
# in a line of text, as a stock ticker or a date widget does; anywhere else it is a box, read as a
# <div> (a framework's component holding the story's blocks).
TEXT_CONTEXT = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "a", "span", "strong", "b", "em", "i", "u", "small", "font"}
    | {"label", "button", "q", "cite", "sup", "sub", "time", "mark", "abbr", "code", "pre"}
)
# Tags the metadata reads.
META_TAGS = frozenset({"meta", "link", "script", "time", "h1", "h2", "title"})
# Tags the scan collects in document order (`Scan.named`): the metadata's and tables (see
# `_read_layout_tables`).
SCANNED_TAGS = META_TAGS | {"table"}
# What a table's cell holds when the table lays out a page's boxes, and a data cell does not (it may
# set its value out as paragraphs or a list): a box, a heading, another table.
LAYOUT_BLOCKS = frozenset(
    {"div", "section", "article", "main", "aside", "nav", "header", "footer", "table", "form"}
    | {"h1", "h2", "h3", "h4", "h5", "h6"}
)
_ROW_GROUPS = ("thead", "tbody", "tfoot")
_CELLS = ("td", "th")
# Wrapper tags removed (text kept) to re-parse pathologically deep pages.
_WRAPPER_TAGS = re.compile(
    r"</?(?:div|span|font|section|article|center|b|i|em|strong|small|big)\b[^>]*>", re.IGNORECASE
)
HIDDEN_SMALL = 300  # characters: a hidden element this small is never the article
HIDDEN_SHARE = 0.6  # a hidden element with more of the page's text than this is the article: kept
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_ASCII_SPACES = "\x20\x0a\x09\x0c\x0d"  # what bs4 collapses in whitespace-only strings
# ... and what this builder collapses too: a byte-order mark or a zero-width space between tags (a
# template's files joined with their BOMs) shows nothing and is no text of its parent's.
_BLANK = _ASCII_SPACES + "\ufeff\u200b\u2060"
_TEXT = NavigableString  # exact type: comments, doctypes and script/style strings are subclasses
_new = object.__new__  # (a node without bs4's constructor: the builder sets its fields)
_new_string = str.__new__


def parse_html(html: str) -> Tag | None:
    """The parsed document (a BeautifulSoup object), or None when no element is left; never raises."""
    html = _XML_DECL.sub("", html, count=1)  # (a declaration makes bs4 warn)
    if "\x00" in html:
        html = html.replace("\x00", "")
    if not html.strip():
        return None
    if html.startswith("<?xml"):
        html = " " + html  # an unterminated or second declaration: bs4 would warn about XML
    elif len(html) <= 256 and "<" not in html:
        html += "\n"  # short plain text: bs4 would warn that it looks like a file name or URL
    soup = _parse(html)
    if soup is not None and _too_deep(soup):
        soup = _parse(_WRAPPER_TAGS.sub(" ", html))  # the parser dropped what lay past its limit
    if soup is None or root_element(soup) is None:
        return None
    _merge_trailing(soup)
    _read_layout_tables(soup)
    return soup


@contextmanager
def parsed_page(html: str) -> Iterator[Tag | None]:
    """The parsed page (see parse_html) for a with-block, with the cyclic GC paused; torn down after."""
    # A bs4 tree is a web of reference cycles (parent, sibling, next/previous element links):
    # the collector would trace it again and again (a quarter of the CPU time). Torn down, the
    # tree is freed by reference counting at once.
    enabled = gc.isenabled()
    gc.disable()
    root: Tag | None = None
    try:
        root = parse_html(html)
        yield root
    finally:
        if root is not None:
            _tear_down(root)
        if enabled:
            gc.enable()


def _tear_down(root: Tag) -> None:
    """Free a page tree: every node drops its attributes, so no reference cycle is left and
    reference counting frees it all. The nodes are those the lean builder made (`elements` and
    the strings' `node_fields`; the cleaner only moves and removes nodes), else those along the
    element chain."""
    builder: Any = getattr(root, "builder", None)
    made = getattr(builder, "node_fields", None)
    root.__dict__.clear()
    if made is not None:
        deque(map(dict.clear, made), maxlen=0)  # (a loop in C: a tenth of the CPU of a walk)
        elements: list[Tag] = builder.elements
        deque(map(dict.clear, map(vars, elements)), maxlen=0)  # (vars: made on demand)
        # The builder and its lxml parser hold each other, and the builder the page's scan:
        # emptied, they are freed now rather than by the collector.
        if isinstance(builder.found, Scan):
            builder.found.clear()
        builder.__dict__.clear()
        return
    node: Any = root.next_element
    while node is not None:
        fields = node.__dict__
        node = fields.get("next_element")
        fields.clear()


class LeanTag(Tag):
    """A Tag whose attributes that are the same for every element a builder makes (parser
    class, namespace, string types, ...) are class attributes: a node holds only its name,
    attributes, contents and links. They are set one by one, in one order, so Python keeps them
    as a row of values under the class's one shared key table, not in a dict of their own
    (≈ 170 bytes less per element: a smaller tree stays in the processor's caches for the
    passes over it, which are bound by memory more than by the Python they run).
    Reading a Tag's attribute is slow all the same (bs4's `Tag.__getattr__` keeps Python from
    specialising the read): the passes read each one once where they can."""


_LEAN_TAGS: dict[str, type[Tag]] = {}  # one LeanTag subclass per set of shared values


def _lean_tag(shared: dict[str, Any]) -> type[Tag]:
    """The LeanTag subclass whose class attributes are `shared` (made once per builder setup)."""
    key = repr(shared)
    made = _LEAN_TAGS.get(key)
    if made is None:
        made = _LEAN_TAGS[key] = type("LeanTag", (LeanTag,), dict(shared))
    return made


# HTML's void elements that libxml2 reads as holding what follows them, up to their parent's end.
LATE_VOIDS = frozenset({"embed", "source", "track", "wbr", "keygen"})


class LeanBuilder(LXMLTreeBuilder):
    """bs4's lxml HTML tree builder with lean callbacks: the tree bs4 itself builds (same
    string classes, elements of a Tag subclass, `LeanTag`, with the same attribute values, same
    links between them, whitespace-only strings collapsed the same way), with a fraction of the
    Python per node, but for three things: a custom element opened outside a line of text is
    named "div" (see `_component`), a void element holds nothing, as in a browser (`LATE_VOIDS`:
    libxml2 nests what follows an `<embed>` or a `<wbr>` in it), and a string of byte-order marks
    or zero-width spaces between tags collapses as whitespace does (`_BLANK`). It also makes the
    page's `Scan` as it goes (`found`), so no second walk is needed.

    lxml's target parser delivers balanced start/end events in document order, so each node is
    linked once as it is created; bs4's general machinery (tag-stack searches, linkage fixes,
    parse_only filters, namespaces, which HTML never has) is skipped.

    With `prune` set, what the cleaner never reads is not built at all: the subtrees of
    non-content elements other than the head and JSON-LD scripts (`PRUNED`), comments, and
    whitespace-only strings between block boundaries (block elements ignore them). The text of
    every block stays the same; the tree is a third smaller."""

    prune = False
    found: Scan | None
    # (element, its name, its contents, its string class, inside non-content, index of the
    # enclosing hidden element): what the callbacks read of the open elements, at hand
    _stack: list[tuple[Tag, str, list[Any], type[NavigableString], bool, int]]
    _last: Any
    _pending: list[str]
    _preserve: int
    _skipping: int  # depth inside a pruned subtree
    _skipped_from: int  # length of `_pending` when the pruned subtree began
    _late: int  # ends still to come of LATE_VOIDS elements (never pushed)
    _tag_class: type[Tag]
    _void: frozenset[str] | None
    _keep_space: frozenset[str]  # tags whose whitespace-only strings stay as they are (pre)
    _special: frozenset[str]  # tags that need more than the common path in `start`
    _found: Scan
    _texts_read: dict[int, tuple[int, bool]]  # per parent: children read for text, and whether found
    node_fields: list[dict[str, Any]]  # every string node's __dict__, as made (for `_tear_down`)
    elements: list[Tag]  # every element, as made (for `_tear_down`)

    def feed(self, markup: Any) -> None:
        """Set up the node stack at the document, then let lxml drive the callbacks."""
        soup = self.soup
        assert soup is not None
        self._stack = [(soup, soup.name, soup.contents, NavigableString, False, -1)]
        self._texts_read = {}
        self._last = soup
        self._pending = []
        self.node_fields = []
        self.elements = []
        # lxml looks the callbacks up once, as the parser is made: character data goes straight
        # into the pending list (no Python call per chunk); a pruned subtree's is cut off after it.
        self.data = self._pending.append  # type: ignore[method-assign, assignment]
        if self.prune:
            self.comment = None  # type: ignore[assignment]  # (no comment events at all)
        self._preserve = self._skipping = self._skipped_from = self._late = 0
        self._keep_space = frozenset(self.preserve_whitespace_tags or ())
        void = self.empty_element_tags
        self._void = None if void is None else frozenset(void)
        self.found = self._found = Scan(content=[soup], owner=[-1])
        self._special = frozenset(
            {"meta", *SCANNED_TAGS, *NON_CONTENT, *self._keep_space, *self.string_containers}
        )
        self._tag_class = _lean_tag(
            {
                "parser_class": soup.__class__,
                "namespace": None,
                "prefix": None,
                "_namespaces": self.active_namespace_prefixes[-1],
                "sourceline": None,
                "sourcepos": None,
                "attribute_value_list_class": self.attribute_value_list_class,
                "known_xml": False,
                "hidden": False,
                "cdata_list_attributes": self.cdata_list_attributes,
                "preserve_whitespace_tags": self.preserve_whitespace_tags,
                "interesting_string_types": Tag.MAIN_CONTENT_STRING_TYPES,
            }
        )
        super().feed(markup)

    def _flush(self, kind: type[NavigableString] | None, boundary: bool) -> None:
        """Turn the pending character data into one string node, as bs4's endData does.
        `boundary`: a block element starts or ends right after it."""
        pending = self._pending
        text = pending[0] if len(pending) == 1 else "".join(pending)
        pending.clear()
        parent, name, contents, container, skipped, _ = self._stack[-1]
        if not self._preserve and not text.strip(_BLANK):
            if boundary and self.prune and _after_block(name, contents):
                return
            text = "\n" if "\n" in text else " "
        # What NavigableString(text) makes, without its Python-level __new__ and setup(),
        # linked after the last node created (the links bs4's object_was_parsed makes).
        node = _new_string(kind or container, text)
        previous = contents[-1] if contents else None
        if previous is not None:
            previous.next_sibling = node
        self._last.next_element = node
        # (five fields, the smallest dict table: `hidden` is PageElement's class attribute)
        node.__dict__ = fields = {
            "next_element": None,
            "next_sibling": None,
            "parent": parent,
            "previous_sibling": previous,
            "previous_element": self._last,
        }
        contents.append(node)
        self.node_fields.append(fields)
        self._last = node
        if kind is None and container is NavigableString and not skipped:
            self._found.page_chars += len(text)

    def _toggle(self) -> None:
        """A checkbox not built: its parent noted when no <form> is open (see `Scan.toggles`)."""
        if not any(entry[1] == "form" for entry in self._stack):
            self._found.toggles.append(self._stack[-1][0])

    def start(self, tag: Any, attrib: Any, nsmap: Any = None) -> None:
        """Open an element: a Tag linked under the current one, pushed on the stack (but for
        `LATE_VOIDS`, which hold nothing: see `end`); scanned."""
        if self._skipping:
            self._skipping += tag not in LATE_VOIDS
            return
        if self.prune and tag in PRUNED and not (tag == "script" and _json_ld(attrib)):
            if tag == "input" and str(attrib.get("type", "")).lower() == "checkbox":
                self._toggle()
            if tag in LATE_VOIDS:
                self._late += 1  # (nothing to build, and its late end to pass over)
            else:
                self._skipping = 1
                self._skipped_from = len(self._pending)
            return
        if "-" in tag:
            tag = self._component(tag)
        if self._pending:
            self._flush(None, tag in BLOCK_TAGS)
        parent, _, contents, container, skipped, outer = self._stack[-1]
        # lxml: a fresh dict per element with attributes, one shared empty mapping for the others
        attrs = attrib if attrib.__class__ is dict else (dict(attrib) if attrib else {})
        el = _new(self._tag_class)
        previous = contents[-1] if contents else None
        if previous is not None:
            previous.next_sibling = el
        last = self._last
        last.next_element = el
        void = self._void
        children: list[PageElement] = []
        el.name = tag
        el.attrs = attrs
        el.contents = children
        el.next_element = None
        el.next_sibling = None
        el.can_be_empty_element = void is None or tag in void
        el.parent = parent
        el.previous_sibling = previous
        el.previous_element = last
        contents.append(el)
        self.elements.append(el)
        self._last = el
        found = self._found
        special = tag in self._special
        if special:  # rare tags: string containers, <meta>, <pre>, metadata and non-content tags
            kind = self.string_containers.get(tag)
            if kind is not None:
                el.interesting_string_types = {kind}
                container = kind
            if tag == "meta" and ("charset" in attrs or "http-equiv" in attrs):
                self.set_up_substitutions(el)
            if tag in self._keep_space:
                self._preserve += 1
            if tag in SCANNED_TAGS:
                found.named[tag].append(el)
        if attrs:
            if "rel" in attrs and tag == "a":
                found.rel_links.append(el)
            if "itemprop" in attrs:
                found.itemprops.append(el)
        if not skipped:
            if tag in HIDDEN_TAGS or (
                attrs
                and ("hidden" in attrs or "aria-hidden" in attrs or "style" in attrs)
                and tag not in NON_CONTENT
                and _is_hidden(attrs)
            ):
                found.hidden.append((el, outer))
                outer = len(found.hidden) - 1
            if special and tag in NON_CONTENT:
                found.non_content.append(el)
                skipped = True
            else:
                found.content.append(el)
                found.owner.append(outer)
        if tag in LATE_VOIDS:
            self._late += 1  # never pushed: see `end`
        else:
            self._stack.append((el, tag, children, container, skipped, outer))

    def _component(self, tag: str) -> str:
        """A custom element's tag as the tree reads it: "div" unless it sits in a line of text
        (inside TEXT_CONTEXT, or after text of its own parent's), where it stays inline. Each
        parent's children are read for text once (`_texts_read`), however many components it has."""
        parent, name, contents = self._stack[-1][:3]
        if name in TEXT_CONTEXT or any(p.strip(_BLANK) for p in self._pending):
            return tag
        read, seen = self._texts_read.get(id(parent), (0, False))
        if not seen:
            seen = any(type(c) is NavigableString and c.strip() for c in contents[read:])
            self._texts_read[id(parent)] = (len(contents), seen)
        return tag if seen else "div"

    def end(self, tag: Any) -> None:
        """Close the current element. The end of a void element libxml2 does not know as void
        (`LATE_VOIDS`) is passed over: it was never pushed, and libxml2 ends it only where its
        parent ends, as if it held what follows it."""
        if self._skipping:  # (a late void inside a pruned subtree was not counted either)
            if tag not in LATE_VOIDS:
                self._skipping -= 1
                if not self._skipping:
                    del self._pending[self._skipped_from :]
            return
        if self._late and tag in LATE_VOIDS:
            self._late -= 1
            return
        if self._pending:
            self._flush(None, self._stack[-1][1] in BLOCK_TAGS)
        name = self._stack.pop()[1]
        if self._preserve and name in self._keep_space:
            self._preserve -= 1

    def data(self, data: Any) -> None:
        """Character data, joined until the next node (`feed` puts the list's append here)."""
        self._pending.append(data)

    def comment(self, text: Any) -> None:
        """A comment node (a Comment string, as bs4 makes); a pruning builder gets no comment events
        (`feed` sets this to None)."""
        if self._skipping:
            return
        if self._pending:
            self._flush(None, False)
        self._pending.append(text)
        self._flush(Comment, False)

    def doctype(self, name: Any, pubid: Any, system: Any) -> None:
        """The doctype node."""
        if self._pending:
            self._flush(None, False)
        self._pending.append(Doctype._string_for_name_and_ids(name, pubid, system))
        self._flush(Doctype, False)

    def pi(self, target: Any, data: Any) -> None:
        """A processing instruction node."""
        if self._skipping:
            return
        if self._pending:
            self._flush(None, False)
        self._pending.append(f"{target} {data}")
        self._flush(self.processing_instruction_class, False)

    def close(self) -> None:
        """The end of the document: flush the last text, leave bs4's state as its own build does."""
        if self._skipping:
            del self._pending[self._skipped_from :]
        if self._pending:
            self._flush(None, False)
        soup = self.soup
        assert soup is not None
        soup.currentTag = soup
        soup.tagStack = [soup]
        soup._most_recent_element = self._last
        super().close()


class PruningBuilder(LeanBuilder):
    """The LeanBuilder that leaves out what the cleaner never reads (see `LeanBuilder.prune`)."""

    prune = True


# Non-content elements whose subtrees the pruning builder does not build: never text, never
# metadata (the head with its meta/link/title and JSON-LD scripts are built).
PRUNED = NON_CONTENT - {"head", "meta", "link"}
_STRUCTURAL = BLOCK_TAGS | {"head", "[document]"}  # parents whose leading whitespace is no text


def _json_ld(attrs: Any) -> bool:
    """A script element holding JSON-LD (read by the metadata)."""
    kind = attrs.get("type") if attrs else None
    return isinstance(kind, str) and kind.strip().lower() == "application/ld+json"


def _after_block(name: str, contents: list[Any]) -> bool:
    """True when the next string in an element (its name and contents) would follow a block
    element, or open a block or the head: whitespace there separates nothing."""
    if not contents:
        return name in _STRUCTURAL
    previous = contents[-1]
    return name == "head" or (isinstance(previous, Tag) and previous.name in BLOCK_TAGS)


def _parse(html: str) -> BeautifulSoup | None:
    """One BeautifulSoup build with lxml (PruningBuilder); class attributes kept as plain
    strings, attributes in plain dicts."""
    builder = PruningBuilder(multi_valued_attributes=None, attribute_dict_class=dict, huge_tree=True)
    try:
        return BeautifulSoup(html, builder=builder)
    except (ParserRejectedMarkup, ValueError, LookupError):  # (a TypeError is a setup bug: raised)
        return None


def _too_deep(soup: BeautifulSoup) -> bool:
    """True when libxml2 reported hitting its nesting limit (and lost the deeper content)."""
    parser = getattr(soup.builder, "parser", None)
    log = getattr(parser, "error_log", None) or ()
    return any(getattr(err, "type_name", "") == "ERR_RESOURCE_LIMIT" for err in log)


def root_element(soup: Tag) -> Tag | None:
    """The document's <html> element (or its first element)."""
    first: Tag | None = None
    for child in soup.contents:
        if isinstance(child, Tag):
            if child.name == "html":
                return child
            first = first or child
    return first


def child_tag(el: Tag, name: str) -> Tag | None:
    """The first child element of `el` with this tag name."""
    for child in el.contents:
        if isinstance(child, Tag) and child.name == name:
            return child
    return None


def _read_layout_tables(soup: Tag) -> None:
    """Read a table that lays out a page's boxes as the boxes it sets out: the table, its rows and
    their cells become <div>s (see `_laid_out`), as old templates and small sites set their
    columns, boxes and lists. Every rule then reads them as it reads a <div> layout (a cell's lines
    as paragraphs, not a row's data; a box of cards as a list; an image box as a caption). A data
    table keeps its tags."""
    for table in page_scan(soup).named["table"]:
        groups = [c for c in children(table) if c.name in _ROW_GROUPS]
        rows = [row for box in (table, *groups) for row in children(box) if row.name == "tr"]
        cells = [[cell for cell in children(row) if cell.name in _CELLS] for row in rows]
        if _laid_out(cells):
            for part in (table, *groups, *rows, *(cell for row in cells for cell in row)):
                part.name = "div"


def _laid_out(cells: list[list[Tag]]) -> bool:
    """A table's own cells, row by row, lay out boxes: none is a header cell (<th>: a table that
    labels its columns or rows sets out data, whatever its cells hold), and one of them holds a
    box or a heading (LAYOUT_BLOCKS), or the table is one column of two rows or more (data has
    columns; a column of cells is a list of boxes: a column of cards, a page's stacked regions)."""
    if any(cell.name == "th" for row in cells for cell in row):
        return False
    return (len(cells) > 1 and all(len(row) == 1 for row in cells)) or any(
        child.name in LAYOUT_BLOCKS for row in cells for cell in row for child in children(cell)
    )


def _merge_trailing(soup: Tag) -> None:
    """Move markup after </html> (bs4 gets it as another <html>) into the first <body>."""
    tops = [c for c in soup.contents if isinstance(c, Tag)]
    if len(tops) < 2:
        return
    builder = getattr(soup, "builder", None)
    if builder is not None:
        builder.found = None  # the nodes move: the scan made while building is out of order
    main = tops[0]
    target = child_tag(main, "body") or main
    for extra in tops[1:]:
        holder = child_tag(extra, "body") or extra
        for child in list(holder.contents):
            if not (isinstance(child, Tag) and child.name == "head"):
                target.append(child.extract())
        extra.extract()


def tags(el: Tag) -> Iterator[Tag]:
    """The element and every element inside it, in document order (iterative)."""
    stack = [el]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(c for c in reversed(node.contents) if isinstance(c, Tag))


def children(el: Tag) -> list[Tag]:
    """The child elements of `el`."""
    return [c for c in el.contents if isinstance(c, Tag)]


def kind(el: Tag) -> tuple[str, str | None]:
    """An element's tag and class: boxes of one kind are alike (slides, cards, posts, list items).
    Class words that tell one item from the next are no part of it (see `_item_word`)."""
    cls = attr(el, "class")
    return el.name, _kind_class(cls) if cls else cls


@lru_cache(maxsize=8192)
def _kind_class(cls: str) -> str | None:
    """The class string less its item words (pages repeat their class strings: cached)."""
    if not _ITEM_MARK.search(cls):
        return cls
    return " ".join(word for word in cls.split() if not _item_word(word)) or None


# A class word naming one item, not its kind: an identifier ("cid-4e7a47cb69be", "post-4711") or a
# zebra stripe ("even", "odd", "alt", "thread-odd"). `_ITEM_MARK` finds the strings that may hold one.
_ITEM_MARK = re.compile(r"\d\d\d|\b(?:even|odd|alt)\b|-(?:even|odd|alt)\b")
_ID_RUN = re.compile(r"\d{3,}|(?=[0-9a-f]*\d)[0-9a-f]{8,}")
_ZEBRA = re.compile(r"(?:^|-)(?:even|odd|alt)$")


def _item_word(word: str) -> bool:
    """A class word that tells one item of a series from the next (see `kind`)."""
    return _ID_RUN.search(word) is not None or _ZEBRA.search(word) is not None


def bare_text(el: Tag) -> bool:
    """`el` holds text of its own beside its child elements, not only inside them."""
    return any(type(c) is _TEXT and c.strip() for c in el.contents)


def text_of(el: Tag) -> str:
    """All visible text inside an element (comments, scripts and styles left out)."""
    return "".join(s for s in el.descendants if type(s) is _TEXT)


def spaced_text(el: Tag) -> str:
    """`text_of`, with a space where a block starts: minified markup sets `</p><p>` with nothing
    between, and two paragraphs' sentences must not run together ("...the end.The next...")."""
    return "".join(
        " " if isinstance(s, Tag) else s
        for s in el.descendants
        if type(s) is _TEXT or (isinstance(s, Tag) and s.name in BLOCK_TAGS)
    )


def attr(el: Tag, name: str) -> str | None:
    """An attribute as a string (None when absent)."""
    value = el.attrs.get(name)
    if value is None or isinstance(value, str):
        return value
    return " ".join(value)


def element_beside(el: Tag, direction: str) -> Tag | None:
    """The nearest element before or after `el` (`direction`: "previous_sibling" or
    "next_sibling") among its siblings, when only whitespace lies between them."""
    node = getattr(el, direction)
    while node is not None and not isinstance(node, Tag):
        if node.strip():
            return None
        node = getattr(node, direction)
    return node


def following_text(el: Tag) -> str:
    """The text directly after an element, up to the next element (lxml's tail)."""
    parts: list[str] = []
    node = el.next_sibling
    while node is not None and not isinstance(node, Tag):
        if type(node) is _TEXT:
            parts.append(node)
        node = node.next_sibling
    return "".join(parts)


@dataclass(slots=True)
class Scan:
    """What one walk over the whole parsed page found."""

    named: dict[str, list[Tag]] = field(default_factory=lambda: {n: [] for n in SCANNED_TAGS})
    rel_links: list[Tag] = field(default_factory=list)  # <a rel=...>
    itemprops: list[Tag] = field(default_factory=list)  # elements with an itemprop attribute
    non_content: list[Tag] = field(default_factory=list)  # outermost non-content elements
    hidden: list[tuple[Tag, int]] = field(default_factory=list)  # (element, enclosing hidden's index)
    content: list[Tag] = field(default_factory=list)  # the other elements, in document order
    owner: list[int] = field(default_factory=list)  # per content element: its hidden index or -1
    page_chars: int = 0  # visible text characters outside non-content elements
    toggles: list[Tag] = field(default_factory=list)  # parents of checkboxes outside any <form>

    def clear(self) -> None:
        """Let go of every element found (the page is being torn down)."""
        for name in ("rel_links", "itemprops", "non_content", "hidden", "content", "owner", "toggles"):
            getattr(self, name).clear()
        self.named.clear()


def page_scan(root: Tag) -> Scan:
    """The scan the builder made while building `root` (see LeanBuilder), else a fresh walk."""
    found = getattr(getattr(root, "builder", None), "found", None)
    return found if isinstance(found, Scan) else scan(root)


def scan(root: Tag) -> Scan:
    """One pre-order walk: metadata tags, non-content and hidden elements, page text length."""
    found = Scan()
    named, rel_links, itemprops = found.named, found.rel_links, found.itemprops
    non_content, hidden = found.non_content, found.hidden
    content, owner = found.content, found.owner
    chars = 0
    # (element, inside non-content, index of the nearest enclosing hidden element or -1)
    stack: list[tuple[Tag, bool, int]] = [(root, False, -1)]
    while stack:
        el, skipped, outer = stack.pop()
        name = el.name
        attrs = el.attrs
        if name in SCANNED_TAGS:
            named[name].append(el)
        if attrs:
            if name == "a" and "rel" in attrs:
                rel_links.append(el)
            if "itemprop" in attrs:
                itemprops.append(el)
        if not skipped and (name in HIDDEN_TAGS or (attrs and name not in NON_CONTENT and _is_hidden(attrs))):
            hidden.append((el, outer))
            outer = len(hidden) - 1
        if not skipped:
            if name in NON_CONTENT:
                non_content.append(el)
                skipped = True
            else:
                content.append(el)
                owner.append(outer)
        for child in reversed(el.contents):
            if type(child) is _TEXT:
                if not skipped:
                    chars += len(child)
            elif isinstance(child, Tag):
                stack.append((child, skipped, outer))
    found.page_chars = chars
    return found


def _is_hidden(attrs: dict[str, Any]) -> bool:
    """True for elements marked hidden by attribute or inline style."""
    if "hidden" in attrs or attrs.get("aria-hidden") == "true":
        return True
    style = attrs.get("style")
    return bool(style) and isinstance(style, str) and _HIDDEN_STYLE.search(style) is not None


def _toggle(el: Tag) -> bool:
    """A checkbox outside any <form> (a settings window's switch, not a form's field)."""
    return str(el.get("type", "")).lower() == "checkbox" and el.find_parent("form") is None


def strip_non_content(found: Scan, article: Callable[[Tag], bool] | None = None) -> list[Tag]:
    """Remove non-content and hidden elements (text after them stays); the rest, in document order.
    A hidden element that `article` names as the article body stays when it is no small box and
    no shown one holds as much text."""
    # A hidden element holding most of the page's text stays: pages that reveal the article
    # with a script (paywalls, lazy rendering, a consent check) hide it in the markup. So do
    # hidden siblings of one kind (same parent, tag and class) that together hold most of it: a
    # story shown one slide, tab or page at a time; and a hidden element named as the article
    # body, whatever else the page holds (a consent window's text, menus).
    remove = _remover()
    for el in found.non_content:
        if el.name == "input" and el.parent is not None and _toggle(el):
            found.toggles.append(el.parent)  # (unpruned trees: see LeanBuilder._toggle)
        remove(el)
    limit = max(HIDDEN_SMALL, HIDDEN_SHARE * found.page_chars)
    sizes = [_chars(el, limit) if outer < 0 else 0 for el, outer in found.hidden]
    groups: dict[tuple[int, str, str | None], int] = {}
    for (el, outer), chars in zip(found.hidden, sizes, strict=True):
        if outer < 0:
            kind = _sibling_kind(el)
            groups[kind] = groups.get(kind, 0) + chars
    gone: list[bool] = []
    bodies: list[Tag] | None = None  # the shown elements `article` names, found once if asked
    for (el, outer), chars in zip(found.hidden, sizes, strict=True):
        if outer >= 0:
            if gone[outer]:
                gone.append(True)  # inside a removed hidden element already
                continue
            chars = _chars(el, limit)
        drop = chars <= limit and (outer >= 0 or groups[_sibling_kind(el)] <= limit)
        if drop and outer < 0 and _stands_in(el, chars):
            drop = False
        elif drop and outer < 0 and chars > HIDDEN_SMALL and article is not None and article(el):
            bodies = bodies if bodies is not None else _shown(found, article)
            drop = any(_chars(shown, chars) >= chars for shown in bodies)  # a hidden copy of a shown body
        if drop:
            remove(el)
        gone.append(drop)
    if not any(gone):
        return found.content
    return [el for el, hid in zip(found.content, found.owner, strict=True) if hid < 0 or not gone[hid]]


def _shown(found: Scan, which: Callable[[Tag], bool]) -> list[Tag]:
    """The elements of the page that no hidden element holds and `which` picks."""
    return [el for el, hid in zip(found.content, found.owner, strict=True) if hid < 0 and which(el)]


def _remover() -> Callable[[Tag], None]:
    """Decompose elements given in document order, each looked up in its parent's contents from
    where the last one removed from that parent was (bs4 looks from the start: time quadratic in
    the siblings removed, as on a page with a hidden copy of each of thousands of images)."""
    cursor: dict[int, int] = {}

    def remove(el: Tag) -> None:
        parent = el.parent
        if parent is not None:
            contents, key = parent.contents, id(parent)
            at, end = cursor.get(key, 0), len(contents)
            while at < end and contents[at] is not el:
                at += 1
            if at == end:  # not in document order after all
                at = parent.index(el)
            el.extract(_self_index=at)
            cursor[key] = at
        el.decompose()

    return remove


STAND_IN_OTHER = 20  # characters beside a <noscript> (whitespace) that leave it all its parent shows


def _stands_in(el: Tag, chars: int) -> bool:
    """A <noscript> of more than HIDDEN_SMALL characters that is all its parent shows: the copy of
    what a script renders in that place (the article body of pages built by script). A <noscript>
    whose text is markup (a page saved from a browser's document writes its content escaped: an
    ad's "<div><a href=...>") stands in for nothing to read."""
    if el.name not in HIDDEN_TAGS or chars <= HIDDEN_SMALL:
        return False
    parent = el.parent
    return (
        parent is not None
        and _chars(parent, chars + STAND_IN_OTHER) <= chars + STAND_IN_OTHER
        and _MARKUP_TEXT.match(text_of(el)) is None
    )


_MARKUP_TEXT = re.compile(r"\s*<[a-zA-Z!/]")  # text that opens with a tag: markup written out as text


def _sibling_kind(el: Tag) -> tuple[int, str, str | None]:
    """What makes hidden siblings one series: their parent and their kind (see `kind`)."""
    name, cls = kind(el)
    return id(el.parent), name, cls


def _chars(el: Tag, limit: float) -> int:
    """Visible text characters inside an element, counting stops once past `limit`."""
    total = 0
    for node in el.descendants:
        if type(node) is _TEXT:
            total += len(node)
            if total > limit:
                break
    return total


def norm_space(text: str) -> str:
    """Collapse whitespace runs to single spaces and trim; soft hyphens, zero-width spaces and
    stray byte-order marks (invisible, but they split words) are removed; the text is put in
    Unicode NFC (pages in scripts such as Bengali or Vietnamese often spell with decomposed
    characters, so the same word would not match its usual composed spelling)."""
    if "\xad" in text or "\u200b" in text or "\ufeff" in text:  # (a scan each: translate is slow)
        text = text.translate(_INVISIBLE)
    text = " ".join(text.split())
    return (
        text
        if text.isascii() or unicodedata.is_normalized("NFC", text)
        else unicodedata.normalize("NFC", text)
    )


@dataclass(slots=True)
class TextStats:
    """Per element (keyed by id()): text, link text, <a> count, prose, position, subtree size."""

    nodes: list[Tag] = field(default_factory=list)
    pos: dict[int, int] = field(default_factory=dict)  # index in nodes
    size: dict[int, int] = field(default_factory=dict)  # elements in the subtree, itself included
    text: dict[int, int] = field(default_factory=dict)
    links: dict[int, int] = field(default_factory=dict)
    anchors: dict[int, int] = field(default_factory=dict)
    prose: dict[int, int] = field(default_factory=dict)  # non-link prose characters in the subtree
    own_prose: dict[int, int] = field(default_factory=dict)  # prose of the block's own inline text
    names_cache: dict[int, str] = field(default_factory=dict)
    outside: set[int] = field(default_factory=set)  # page regions (prose passed on at a quarter)
    mains: list[int] = field(default_factory=list)  # positions of the <main> elements
    toggles: list[int] = field(default_factory=list)  # positions of the parents of Scan.toggles
    picks: dict[tuple[str, int], set[int]] = field(default_factory=dict)  # see `picked`
    verdicts: dict[tuple[str, int], bool] = field(default_factory=dict)  # see `judged`
    held: dict[int, Tag] = field(default_factory=dict)  # see `unwrapped`

    def names(self, el: Tag) -> str:
        """The element's class/id string (see `classes`), computed once per element."""
        key = id(el)
        value = self.names_cache.get(key)
        if value is None:
            value = self.names_cache[key] = classes(el)
        return value

    def contains(self, ancestor: Tag, el: Tag) -> bool:
        """True when `el` is strictly inside `ancestor`."""
        start = self.pos[id(ancestor)]
        return start < self.pos[id(el)] < start + self.size[id(ancestor)]

    def holds_main(self, el: Tag) -> bool:
        """True when a <main> element lies strictly inside `el` (its size must be known)."""
        start = self.pos[id(el)]
        end = start + self.size[id(el)]
        return any(start < m < end for m in self.mains)

    def toggles_in(self, el: Tag) -> int:
        """Parents of checkboxes outside any <form> in `el`, itself included (its size must be
        known)."""
        start = self.pos[id(el)]
        end = start + self.size[id(el)]
        return sum(start <= t < end for t in self.toggles)

    def unwrapped(self, el: Tag) -> Tag:
        """`el`, or the one block that `el` holds inside its bare wrappers: boxes (`div`,
        `section`) holding one block and no text of their own. A template may set each paragraph
        in a component's box; the paragraph is what the box sets out (the walk stops at an inline
        child: a line that is all one link is a line). Unlike `boilerplate.inside_wrappers`, the
        innermost box of a chain whose parts a rule reads, this is the one block a chain holds
        alone. Each chain is walked once per page: asked of every box of a deep chain in turn, the
        walk would take time quadratic in its depth."""
        path: list[Tag] = []
        inner = el
        while True:
            known = self.held.get(id(inner))
            if known is not None:
                inner = known
                break
            if inner.name not in ("div", "section") or bare_text(inner):
                break
            kids = children(inner)
            if len(kids) != 1 or kids[0].name not in BLOCK_TAGS:
                break
            path.append(inner)
            inner = kids[0]
        for box in path:
            self.held[id(box)] = inner
        return inner

    def judged(self, el: Tag, rule: Callable[[Tag, TextStats], bool]) -> bool:
        """`rule(el, self)`, asked once per element and page: the cuts ask it of every element in
        each of their passes, and the walk asks it again."""
        key = (rule.__name__, id(el))
        verdict = self.verdicts.get(key)
        if verdict is None:
            verdict = self.verdicts[key] = rule(el, self)
        return verdict

    def picked(self, el: Tag, rule: Callable[[Tag, TextStats], set[int]]) -> bool:
        """Whether `rule`, a judgement of a parent's children taken together (the ids of those it
        picks), picks `el`. The judgement is made once per parent and page: asked of each child in
        turn, a rule that looks at all its siblings would take time quadratic in their number."""
        parent = el.parent
        if parent is None:
            return False
        key = (rule.__name__, id(parent))
        picks = self.picks.get(key)
        if picks is None:
            picks = self.picks[key] = rule(parent, self)
        return id(el) in picks

    def outermost(self, el: Tag, stop: Tag | None = None) -> Tag:
        """The outermost of the wrappers around `el` (below `stop`) that hold no text besides it:
        the same text at the level where its siblings are. A template may nest a box in any number
        of bare wrappers; a rule that looks beside or above a box must not count them."""
        text = self.text.get(id(el), 0)
        parent = el.parent
        while (
            parent is not None
            and parent is not stop
            and id(parent) in self.pos
            and self.text.get(id(parent), 0) == text
        ):
            el, parent = parent, parent.parent
        return el

    def subtree(self, el: Tag) -> list[Tag]:
        """The element and the elements inside it, in document order."""
        start = self.pos[id(el)]
        return self.nodes[start : start + self.size[id(el)]]


REGION_PASS = 4  # a page region passes 1/REGION_PASS of its prose on to its parent
MIN_PARAGRAPH = 25  # characters (text_length) of inline non-link text for a block to count as prose
BOILERPLATE_TAGS = frozenset(
    {
        "nav",
        "aside",
        "footer",
        "form",
        "figure",
        "figcaption",
        "header",
        "menu",
        "fieldset",
        "time",
        "address",
    }
)


def text_stats(
    nodes: list[Tag], outside: Callable[[Tag, TextStats], bool], toggles: list[Tag] | None = None
) -> TextStats:
    """Text, link and prose statistics of every element of `nodes` (a tree in document order);
    `toggles`: the parents of checkboxes outside any form (see `Scan.toggles`)."""
    # One bottom-up pass, children before parents. Inline link pop-ups count for nothing in
    # their parents' text; page regions that `outside` recognises pass only a quarter of their
    # prose to their parent. Prose is long, not link-dense inline text of blocks.
    # The figures are kept in lists by position while the pass runs (a child's are read by one
    # lookup of its position, not one per figure) and keyed by id() at the end; the sizes at
    # once too, as `outside` reads them.
    stats = TextStats(nodes=nodes)
    keys = list(map(id, nodes))
    pos, own_prose, sizes = stats.pos, stats.own_prose, stats.size
    pos.update(zip(keys, range(len(keys)), strict=True))
    if toggles:
        holders = set(map(id, toggles))
        stats.toggles.extend(i for i, key in enumerate(keys) if key in holders)
    size, text, links, anchors, total = ([0] * len(keys) for _ in range(5))
    inline, inline_links = [0] * len(keys), [0] * len(keys)
    tags = [""] * len(keys)
    mains = stats.mains  # (found as the pass goes: `outside` asks about children, whose
    # subtrees come after them in `nodes` and so are done before them)
    child: Any  # a string or an element of `nodes` (told apart by type and position)
    for index in range(len(nodes) - 1, -1, -1):
        el = nodes[index]
        tags[index] = tag = el.name
        if tag == "main":
            mains.append(index)
        strings = own = link = anchor = 0  # strings: the element's own (direct) text
        itext = ilinks = prose = 0  # inline text: own text plus inline children's inline text
        count = 1
        for child in el.contents:
            if type(child) is _TEXT:
                string = child.strip()
                strings += len(string) if string.isascii() else text_length(string)
                continue
            at = pos.get(id(child))  # (None for what is not an element of `nodes`)
            if at is None:
                continue
            sub = text[at]
            count += size[at]
            block = tags[at] in BLOCK_TAGS
            if not block:
                itext += inline[at]
                ilinks += inline_links[at]
            sub_prose = total[at]
            if sub_prose:
                if outside(child, stats):
                    stats.outside.add(keys[at])
                    sub_prose //= REGION_PASS
                prose += sub_prose
            n_anchors = anchors[at]
            if n_anchors >= 3 and not block and links[at] * 2 > sub:
                continue  # a pop-up (see is_link_popup)
            own += sub
            link += links[at]
            anchor += n_anchors
        own += strings
        itext += strings
        size[index] = sizes[keys[index]] = count
        text[index] = own
        if tag == "a":
            links[index] = own
            anchors[index] = anchor + 1
            ilinks, prose = itext, 0  # cards wrapped in a link are navigation, whatever they hold
        else:
            links[index] = link
            anchors[index] = anchor
        inline[index], inline_links[index] = itext, ilinks
        if tag in BLOCK_TAGS and tag not in BOILERPLATE_TAGS:
            mine = itext - ilinks
            if mine >= MIN_PARAGRAPH and ilinks <= itext * 0.5:
                prose += mine
                own_prose[keys[index]] = mine
        total[index] = prose
    for figures, values in (
        (stats.text, text),
        (stats.links, links),
        (stats.anchors, anchors),
        (stats.prose, total),
    ):
        figures.update(zip(keys, values, strict=True))
    mains.reverse()
    return stats


def is_link_popup(el: Tag, stats: TextStats) -> bool:
    """An inline element holding several links and little else (hover cards, share rows)."""
    key = id(el)
    if el.name in BLOCK_TAGS or stats.anchors.get(key, 0) < 3:
        return False
    return stats.links[key] > 0.5 * stats.text[key]


def classes(el: Tag) -> str:
    """The element's class and id attributes as one lowercase string, state modifiers
    ("has-image", "with-video", "no-js") and negations ("non-paywall", "not-sticky") left out:
    they describe a state, they do not name a part. So are the facets of an item that a content
    system lists on it when it lists FACETS or more ("type-post status-publish format-video
    tag-social-media"): they describe the post (its type, state, format, tags), whatever words
    their values hold."""
    names = f"{attr(el, 'class') or ''} {attr(el, 'id') or ''}".lower()
    if "has" in names or "with" in names or "no" in names or "is-" in names:
        names = _MODIFIER.sub(" ", names)
    if names.count("-") >= FACETS and len(_FACET.findall(names)) >= FACETS:
        names = _FACET.sub(" ", names)
    return names


_MODIFIER = re.compile(r"(?:^|(?<=\s))\S*\b(?:has|with|without|no|non|not|is)[-_]\S*")
FACETS = 3  # facet tokens on one element that make them a content system's description of an item
_FACET = re.compile(r"(?:^|(?<=\s))(?:tag|category|format|type|status)-\S+")
