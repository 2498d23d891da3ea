"""Turn a chosen content subtree into heading/paragraph/list/table/quote blocks of text."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import accumulate

from bs4.element import NavigableString, Tag

from extractors.cleaning.htmltree import BLOCK_TAGS, norm_space
from extractors.cleaning.textmeasure import set_in_sentence
from newsflow.core.records import Block, BlockKind

_KINDS: dict[str, BlockKind] = {
    **{f"h{i}": "heading" for i in range(1, 7)},
    "li": "list",
    "dt": "list",
    "dd": "list",
    "tr": "table",
    "caption": "table",
    "blockquote": "quote",
}  # fmt: skip
SENTENCE_REACH = 300  # characters on each side of a link read to tell whether a sentence holds it
_CELLS = ("td", "th")  # inline within their row, separated by " | "
_PARAGRAPHS = ("p", "div", "section", "article")  # inside a layout-table row: paragraphs again


class LinkedText(str):
    """The text of a block that holds link text, with its links' text and whether its one link is
    set inside a sentence (words of the sentence before and after it: a name linked to its page, as
    against a link that closes a call or opens one; see trim_tail's closing note)."""

    links: str
    in_sentence: bool
    names: bool  # one of its runs of link text, or more, is set inside a sentence (a linked name)


class LinkedLine(LinkedText):
    """The text of a line set apart by <br> inside a paragraph (text set out with line breaks)
    that holds link text, with the text before its first link: what a paragraph's link tests
    read (see blockfilter._cut_link_lines)."""

    label: str
    before: int | None  # <br>s between it and the line before; None: it opens its block
    after: int | None  # <br>s between it and the line after; None: it closes its block

    def apart(self) -> bool:
        """Set apart as a paragraph of its own: a blank line (two <br>s) or its block's edge on
        each side (a single <br> sets out lines of one paragraph: an address, a list of credits)."""
        return (self.before is None or self.before >= 2) and (self.after is None or self.after >= 2)


Part = tuple[BlockKind, str]  # the text is a LinkedText when the block holds link text
CUT: Part = ("paragraph", "")  # where a cut left a gap (see collect_blocks' `marked`)
RULE: Part = ("paragraph", "\u2015")  # where an <hr> drew a line (see blockfilter.trim_tail)


class _Collector:
    """Accumulates inline text and flushes it as a block at block boundaries."""

    def __init__(self, heading: Callable[[Tag], bool] | None = None) -> None:
        self.heading = heading  # which blocks are set as headings (see collect_blocks)
        self.parts: list[Part] = []
        self.buffer: list[str] = []
        self.kinds: list[BlockKind] = ["paragraph"]
        self.openers: list[Tag | None] = [None]  # the element that pushed each kind
        self.in_link = 0  # depth of <a> elements around the walk
        self.links: list[str] = []  # the buffer's text inside an <a>
        self.in_run = False  # the buffer's last visible text is link text
        # Runs of visible link text in the buffer (set apart by text outside links), each as the
        # buffer entries before it and up to its end: none while the buffer holds no link text.
        self.run_starts: list[int] = []
        self.run_ends: list[int] = []
        self.breaks: int | None = None  # <br>s since the last line; None: the buffer opens a block
        self.last: LinkedLine | None = None  # the last line if a <br> ended it and it holds links

    def push(self, kind: BlockKind, el: Tag) -> None:
        """Enter an element that sets the kind of the blocks inside it."""
        self.kinds.append(kind)
        self.openers.append(el)

    def pop(self, el: Tag) -> None:
        """Leave an element, restoring the outer block kind if it had set one."""
        if len(self.kinds) > 1 and self.openers[-1] is el:
            self.kinds.pop()
            self.openers.pop()

    def add(self, text: str | None) -> None:
        """Append inline text to the current block."""
        if text:
            if self.in_link:
                if not text.isspace():
                    if not self.in_run:
                        self.run_starts.append(len(self.buffer))
                        self.run_ends.append(0)
                    self.in_run = True
                self.links.append(text)
                if self.run_ends:
                    self.run_ends[-1] = len(self.buffer) + 1
            elif not text.isspace():
                self.in_run = False
            self.buffer.append(text)

    def flush(self, at_break: bool = False) -> None:
        """End the current block (at a <br>: a line), keeping it when it has visible text."""
        joined = "".join(self.buffer)
        text = norm_space(joined)
        if text:
            part = self._linked(text, joined, at_break) if self.run_starts else text
            self.parts.append((self.kinds[-1], part))
            self.last = part if at_break and isinstance(part, LinkedLine) else None
            self.breaks = 1 if at_break else None
        elif at_break and self.breaks is not None:
            self.breaks += 1
            if self.last is not None:
                self.last.after = self.breaks
        elif not at_break:
            if self.last is not None:
                self.last.after = None
            self.last, self.breaks = None, None
        self.buffer.clear()
        self.links.clear()
        self.in_run = False
        self.run_starts.clear()
        self.run_ends.clear()

    def _linked(self, text: str, joined: str, at_break: bool) -> LinkedText:
        """The text of a block holding link text (`joined`: its buffer as read, `text` spaced);
        a LinkedLine when a <br> sets it apart."""
        at = [0, *accumulate(map(len, self.buffer))]  # where each buffer entry starts in `joined`
        set_in = [  # (the text near each run: a paragraph of thousands of links stays linear)
            set_in_sentence(
                joined[max(0, at[start] - SENTENCE_REACH) : at[start]],
                joined[at[end] : at[end] + SENTENCE_REACH],
            )
            for start, end in zip(self.run_starts, self.run_ends, strict=True)
        ]
        line = at_break or self.breaks is not None
        block = LinkedLine(text) if line else LinkedText(text)
        block.links = norm_space("".join(self.links))
        block.in_sentence = len(set_in) == 1 and set_in[0]
        block.names = any(set_in)
        if isinstance(block, LinkedLine):
            block.label = norm_space(joined[: at[self.run_starts[0]]])
            block.before, block.after = self.breaks, 1 if at_break else None
        return block


def collect_blocks(
    roots: Iterable[Tag],
    skip: Callable[[Tag], bool],
    marked: Callable[[Tag], bool] | None = None,
    heading: Callable[[Tag], bool] | None = None,
) -> list[Part]:
    """Blocks of text under the roots in document order, leaving out subtrees `skip` rejects; a
    left-out block that `marked` accepts leaves a CUT part where it was; a paragraph that `heading`
    accepts (a bold line set as a subheading) is a heading block."""
    out = _Collector(heading)
    for root in roots:
        _walk(root, skip, out, marked)
        out.flush()
    return out.parts


def _walk(
    root: Tag, skip: Callable[[Tag], bool], out: _Collector, marked: Callable[[Tag], bool] | None
) -> None:
    """Iterative walk (no recursion, so any nesting depth is safe) feeding the collector."""
    _start(root, root.name, out)
    stack = [(root, iter(root.contents))]
    while stack:
        el, rest = stack[-1]
        for child in rest:
            if type(child) is NavigableString:
                out.add(child)
            elif isinstance(child, Tag):
                tag = child.name
                if skip(child):
                    if tag in BLOCK_TAGS:
                        out.flush()
                        if marked is not None and marked(child):
                            out.parts.append(CUT)
                    continue
                if _start(child, tag, out):
                    stack.append((child, iter(child.contents)))
                    break
                _end(child, tag, out)
        else:
            stack.pop()
            _end(el, el.name, out)


def _start(el: Tag, tag: str, out: _Collector) -> bool:
    """Open an element: block tags end the previous block; <br> breaks the paragraph. False when
    there is nothing inside to walk."""
    if tag == "br":
        out.flush(at_break=True)
        return False
    if tag == "hr":
        out.flush()
        out.parts.append(RULE)
        return False
    if tag == "a":
        out.in_link += 1
    if tag in BLOCK_TAGS or tag in _KINDS:
        out.flush()
        if tag in _KINDS:
            out.push(_KINDS[tag], el)
        elif tag in _PARAGRAPHS and out.kinds[-1] == "table":
            out.push("paragraph", el)
        elif out.heading is not None and out.heading(el):
            out.push("heading", el)
    elif tag in _CELLS and any(part.strip() for part in out.buffer):
        out.add(" | ")
    return bool(el.contents)


def _end(el: Tag, tag: str, out: _Collector) -> None:
    """Close an element: block tags end their block (and the block kind they opened)."""
    if tag == "a":
        out.in_link -= 1
    if tag in BLOCK_TAGS or tag in _KINDS:
        out.flush()
        out.pop(el)
    elif tag in _CELLS:
        out.add(" ")


def join_blocks(parts: list[Part]) -> tuple[str, list[Block]]:
    """Join block texts with blank lines and record each block's span."""
    chunks: list[str] = []
    blocks: list[Block] = []
    pos = 0
    for kind, text in parts:
        if chunks:
            pos += 2
        blocks.append(Block(kind, pos, pos + len(text)))
        chunks.append(text)
        pos += len(text)
    return "\n\n".join(chunks), blocks
