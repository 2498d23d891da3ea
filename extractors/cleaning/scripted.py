"""The story a page leaves to its scripts: JSON-LD articleBody when the markup cannot hold it.

Some pages render the article with a script and ship its text only as data. When the page's
visible text is shorter than the JSON-LD `articleBody` (or, for a how-to or a recipe, its
description and steps: see `metadata._instructions`), the story is not in the markup, and the
body's paragraphs stand in for what the markup would have given. Elsewhere it is not read for the
text: it is often a teaser or another version of the story."""

from __future__ import annotations

import re
from html import unescape

from extractors.cleaning.blocks import Part
from extractors.cleaning.htmltree import norm_space

_BREAK = re.compile(r"<\s*(?:br|/?p|/?div|/?h[1-6]|/?li|/?blockquote)\b[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")


def body_text_parts(body: str) -> list[Part]:
    """The articleBody's paragraphs: escaped markup unescaped, block tags and line breaks as
    paragraph ends, other tags dropped."""
    text = unescape(body)
    if "<" in text:
        text = _TAG.sub("", _BREAK.sub("\n", text))
        text = unescape(text)
    return [("paragraph", line) for line in (norm_space(chunk) for chunk in text.split("\n")) if line]


def story_missing(body: str | None, page_chars: int) -> bool:
    """True when the page's visible text is shorter than the articleBody's."""
    return body is not None and sum(len(text) for _, text in body_text_parts(body)) > page_chars
