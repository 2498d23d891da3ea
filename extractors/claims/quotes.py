"""Direct quotations found from quotation marks alone: straight, curly and doubled (``/'') marks.

A quotation that runs over several paragraphs (opening mark repeated at each paragraph, no
closing mark until the last) is one `Quote` with one fragment per paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

Span = tuple[int, int]

_MARK_RE = re.compile(r"``|''|[\"\u201c\u201d\u201e\u00ab\u00bb]")
_OPENERS = {"``", "\u201c", "\u201e", "\u00ab"}
_CLOSERS = {"\u201d", "\u00bb"}
_PARA_RE = re.compile(r"\n\s*\n|\n")
_WORD_RE = re.compile(r"\w+")


@dataclass(slots=True)
class Quote:
    """One quotation: its fragments (marks included) in text order."""

    frags: list[Span] = field(default_factory=list)

    @property
    def start(self) -> int:
        """Offset of the opening mark."""
        return self.frags[0][0]

    @property
    def end(self) -> int:
        """Offset just after the closing mark (or the end of the last paragraph)."""
        return self.frags[-1][1]


def paragraphs(text: str) -> list[Span]:
    """Spans of the text between line breaks (a line break ends a paragraph)."""
    spans, pos = [], 0
    for m in _PARA_RE.finditer(text):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    return spans


def _para_quotes(text: str, start: int, end: int) -> tuple[list[Span], int | None]:
    """Closed quotes inside one paragraph, and the offset of a quote left open at its end."""
    out: list[Span] = []
    open_at: int | None = None
    for m in _MARK_RE.finditer(text, start, end):
        mark = m.group()
        if mark in _OPENERS:
            if open_at is None:
                open_at = m.start()
        elif mark in _CLOSERS or open_at is not None:
            if open_at is not None:
                out.append((open_at, m.end()))
                open_at = None
        elif not _looks_closing(text, m.start(), m.end()):
            open_at = m.start()
    return out, open_at


def _looks_closing(text: str, start: int, end: int) -> bool:
    """A straight mark glued to the word before it and followed by a space or the line end."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not before.isspace() and (after.isspace() or after in ".,;:!?)")


def _opens_with_quote(text: str, span: Span) -> bool:
    """True when the paragraph starts with an opening (or straight) quotation mark."""
    m = _MARK_RE.match(text, span[0], span[1])
    return m is not None and m.group() not in _CLOSERS


def find_quotes(text: str) -> list[Quote]:
    """All quotations in the text, multi-paragraph ones joined; never raises."""
    quotes: list[Quote] = []
    carry: Quote | None = None
    paras = paragraphs(text)
    for i, (ps, pe) in enumerate(paras):
        closed, open_at = _para_quotes(text, ps, pe)
        if carry is not None:
            if closed and closed[0][0] == ps:
                carry.frags.append(closed.pop(0))
                quotes.append(carry)
                carry = None
            elif open_at == ps and not closed:
                carry.frags.append((ps, pe))
                continue
            else:
                quotes.append(carry)
                carry = None
        quotes.extend(Quote([span]) for span in closed)
        if open_at is not None:
            nxt = paras[i + 1] if i + 1 < len(paras) else None
            if nxt is not None and _opens_with_quote(text, nxt):
                carry = Quote([(open_at, pe)])
            elif word_count(text[open_at:pe]) >= 3:
                quotes.append(Quote([(open_at, pe)]))
    if carry is not None:
        quotes.append(carry)
    quotes.sort(key=lambda q: q.start)
    return quotes


def word_count(text: str) -> int:
    """Number of word tokens (the scorer's \\w+ runs)."""
    return len(_WORD_RE.findall(text))
