"""The cleaning stage: RawDocument → CleanArticle by media type, with language detection."""

from __future__ import annotations

import re

from extractors.decode import decode_html, decode_text, normalise_newlines
from extractors.html import clean_html
from extractors.language import detect_language
from extractors.text import clean_text
from newsflow.errors import EmptyInputError
from newsflow.records import CleanArticle, RawDocument

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]+")


def clean(raw: RawDocument) -> CleanArticle:
    """Decode, extract main text, structure and metadata, detect the language.

    Raises InputError subclasses (EmptyInputError when a page holds no article text)."""
    decode = decode_html if raw.media_type == "html" else decode_text
    text = normalise_newlines(decode(raw.data, raw.encoding))
    article = clean_html(raw, text) if raw.media_type == "html" else clean_text(raw, text)
    if article.title:
        article.title = tidy_title(article.title)
    if not article.text.strip():
        reason = (
            "no article text found: the page has no prose outside navigation, link lists "
            "and boilerplate (an index, media or error page?)"
            if raw.media_type == "html"
            else "no article text found"
        )
        raise EmptyInputError(reason, stage="clean")
    if not article.language:
        article.language = detect_language(article.text)
        if article.language:
            article.provenance.setdefault("language", "detected")
    return article


def tidy_title(title: str) -> str | None:
    """A title without control characters or runs of whitespace (None when nothing is left)."""
    return " ".join(_CONTROL.sub(" ", title).split()) or None
