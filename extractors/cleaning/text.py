"""Plain text and Markdown → CleanArticle: paragraphs and headings found in the line structure."""

from __future__ import annotations

import re

from newsflow.core.records import Block, CleanArticle, RawDocument

_MD_HEADING = re.compile(r"^(#{1,6})[ \t]+")
_SENTENCE_END = tuple(".!?:;,\"”’'…)")
_SMALL_WORDS = {
    "a",
    "an",
    "and",
    "as",
    "at",
    "but",
    "by",
    "for",
    "from",
    "in",
    "into",
    "of",
    "on",
    "or",
    "over",
    "the",
    "to",
    "up",
    "vs",
    "with",
    "amid",
    "after",
    "before",
}


_BYLINE = re.compile(r"[Bb]y\s+([A-Z][a-z][\w'’.\-]*)")


def split_blocks(text: str, markdown: bool = False) -> list[Block]:
    """Paragraph and heading blocks of a text: blank lines separate paragraphs when there are any,
    otherwise every line is a paragraph; short title-case lines without a final stop are headings."""
    spans = _paragraph_spans(text)
    blocks: list[Block] = []
    for i, (start, end) in enumerate(spans):
        line = text[start:end]
        md = _MD_HEADING.match(line) if markdown else None
        if md:
            blocks.append(Block("heading", start + md.end(), end))
        elif i + 1 < len(spans) and looks_like_heading(line):
            blocks.append(Block("heading", start, end))
        else:
            blocks.append(Block("paragraph", start, end))
    return blocks


def looks_like_heading(line: str) -> bool:
    """A short single line in title case with no sentence-final punctuation; a byline ("By Ann
    Lee and Tom Hart") is not one (its names are read as text)."""
    line = line.strip()
    if "\n" in line or not line or line.endswith(_SENTENCE_END) or line[0] in "\"“‘'(-•*":
        return False
    byline = _BYLINE.match(line)
    if byline and byline.group(1).casefold() not in _SMALL_WORDS:
        return False
    words = re.findall(r"[^\W\d_][\w'’.\-–]*", line)
    if not 1 <= len(words) <= 12:
        return False
    content = [w for w in words if w.casefold() not in _SMALL_WORDS]
    capitalised = sum(1 for w in content if w[0].isupper())
    return bool(content) and capitalised / len(content) >= 0.75


def clean_text(raw: RawDocument, text: str) -> CleanArticle:
    """Structure a decoded plain-text or Markdown document; the text itself is kept as given."""
    blocks = split_blocks(text, markdown=raw.media_type == "markdown")
    title = raw.title
    if not title and blocks and blocks[0].kind == "heading":
        title = text[blocks[0].start : blocks[0].end].strip()
    return CleanArticle(
        source=raw.source,
        locator=raw.locator,
        external_id=raw.external_id,
        raw_hash=raw.raw_hash,
        text=text,
        blocks=blocks,
        title=title,
        url=raw.url,
        published_at=raw.published_at,
        provenance={"title": "input" if raw.title else "first heading"} if title else {},
    )


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph, trimmed of surrounding whitespace."""
    separator = r"\n[ \t]*\n\s*" if re.search(r"\n[ \t]*\n", text) else r"\n\s*"
    spans = []
    pos = 0
    for m in [*re.finditer(separator, text), None]:
        end = m.start() if m else len(text)
        chunk = text[pos:end]
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk.rstrip())
        if trail > lead:
            spans.append((pos + lead, pos + trail))
        if m:
            pos = m.end()
    return spans
