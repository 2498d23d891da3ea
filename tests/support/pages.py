"""HTML strings cleaned as the cleaning stage cleans a page."""

from __future__ import annotations

from extractors.cleaning.html import clean_html
from newsflow.core.records import CleanArticle, RawDocument


def raw_doc(data: bytes, url: str | None = None, name: str = "page") -> RawDocument:
    """A local HTML input."""
    return RawDocument(source="test", locator=name, external_id=name, data=data, media_type="html", url=url)


def html_article(html: str, url: str | None = None) -> CleanArticle:
    """Clean an HTML string directly."""
    return clean_html(raw_doc(html.encode(), url=url), html)
