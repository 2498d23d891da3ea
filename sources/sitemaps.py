"""Sitemaps: sitemap indexes, URL sets (with Google News tags) and plain-text URL lists."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal
from xml.etree.ElementTree import Element

from newsflow.core.errors import FeedParseError
from sources.entry import Entry, utc_datetime
from sources.urls import resolve_link
from sources.xmlsafe import local_name, mend_references, parse_xml

SitemapKind = Literal["index", "urlset"]


@dataclass(slots=True)
class Sitemap:
    """A parsed sitemap: an index (entries are child sitemaps) or a URL set (entries are pages)."""

    kind: SitemapKind
    entries: list[Entry] = field(default_factory=list)


def _child_text(element: Element, name: str) -> str | None:
    for child in element:
        if local_name(child.tag) == name:
            return (child.text or "").strip() or None
    return None


def _news_tags(element: Element) -> tuple[str | None, datetime | None]:
    for child in element:
        if local_name(child.tag) == "news":
            title = _child_text(child, "title")
            return title, utc_datetime(_child_text(child, "publication_date"))
    return None, None


def parse_sitemap(data: bytes, base_url: str) -> Sitemap:
    """Parse a sitemap document (already decompressed); entity declarations are refused."""
    head = data.lstrip()[:1]
    if head and head != b"<":
        return _parse_text(data, base_url)
    root = parse_xml(mend_references(data))
    if root is None:
        raise FeedParseError("sitemap is not well-formed XML", stage="discover")
    kind = local_name(root.tag).lower()
    if kind == "sitemapindex":
        entries = [
            Entry(resolve_link(base_url, loc), published_at=utc_datetime(_child_text(el, "lastmod")))
            for el in root
            if local_name(el.tag) == "sitemap" and (loc := _child_text(el, "loc"))
        ]
        return Sitemap("index", entries)
    if kind == "urlset":
        urls: list[Entry] = []
        for el in root:
            loc = _child_text(el, "loc") if local_name(el.tag) == "url" else None
            if not loc:
                continue
            title, published = _news_tags(el)
            lastmod = utc_datetime(_child_text(el, "lastmod"))
            urls.append(Entry(resolve_link(base_url, loc), title=title, published_at=published or lastmod))
        return Sitemap("urlset", urls)
    raise FeedParseError(f"not a sitemap: root element <{local_name(root.tag)}>", stage="discover")


def _parse_text(data: bytes, base_url: str) -> Sitemap:
    lines = data.decode("utf-8", errors="replace").splitlines()
    urls = [
        Entry(resolve_link(base_url, line.strip()))
        for line in lines
        if line.strip().startswith(("http://", "https://"))
    ]
    if not urls and any(line.strip() for line in lines):
        raise FeedParseError("text sitemap holds no http(s) URLs", stage="discover")
    return Sitemap("urlset", urls)
