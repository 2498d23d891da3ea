"""The cleaning stage: RawDocument → CleanArticle, dispatching on media type, with language detection."""

from __future__ import annotations

import re

from extractors.decode import decode_text, normalise_newlines
from extractors.html import clean_html
from extractors.language import detect_language
from extractors.text import clean_text
from newsflow.errors import EmptyInputError
from newsflow.records import CleanArticle, RawDocument

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]+")


def clean(raw: RawDocument) -> CleanArticle:
    """Decode, extract main text and structure, detect the language. Raises InputError subclasses."""
    text = normalise_newlines(decode_text(raw.data, raw.encoding))
    article = clean_html(raw, text) if raw.media_type == "html" else clean_text(raw, text)
    if article.title:
        article.title = tidy_title(article.title)
    if not article.text.strip():
        raise EmptyInputError("no article text found", stage="clean")
    if not article.language:
        article.language = detect_language(article.text)
        if article.language:
            article.provenance.setdefault("language", "detected")
    return article


def tidy_title(title: str) -> str | None:
    """A title without control characters or runs of whitespace (None when nothing is left)."""
    return " ".join(_CONTROL.sub(" ", title).split()) or None
