"""RSS and Atom feeds (feedparser), parsed only after the XML passed the entity check."""

from __future__ import annotations

import calendar
import time
from datetime import UTC, datetime
from typing import Any

import feedparser

from newsflow.core.errors import FeedParseError
from sources.entry import Entry
from sources.urls import resolve_link
from sources.xmlsafe import mend_references, parse_xml


def struct_to_datetime(value: time.struct_time | None) -> datetime | None:
    """A UTC datetime from feedparser's UTC struct_time."""
    if value is None:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(value), UTC)
    except (OverflowError, ValueError, OSError):
        return None


def _entry(raw: Any, base_url: str) -> Entry | None:
    link = raw.get("link")
    guid = raw.get("id")
    if not link and isinstance(guid, str) and guid.startswith(("http://", "https://")):
        link = guid
    if not link:
        return None
    published = struct_to_datetime(raw.get("published_parsed") or raw.get("updated_parsed"))
    title = raw.get("title")
    return Entry(
        url=resolve_link(base_url, str(link)),
        title=str(title).strip() or None if title else None,
        published_at=published,
        external_id=str(guid) if guid else None,
    )


def _parsed(data: bytes, base_url: str | None) -> Any:
    """feedparser's reading of the feed, its links resolved against `base_url` when given."""
    headers = {"content-location": base_url} if base_url else None
    return feedparser.parse(data, response_headers=headers, resolve_relative_uris=False, sanitize_html=False)


def _link_left_out(raw: Any) -> bool:
    """feedparser left the entry's link out: it could not resolve it (a malformed address)."""
    return not raw.get("link") and any(not link.get("href") for link in raw.get("links", ()))


def parse_feed(data: bytes, base_url: str) -> list[Entry]:
    """The entries of an RSS/Atom feed, newest first when dated; refuses entity declarations."""
    data = mend_references(data)
    parse_xml(data)  # raises FeedParseError on entity declarations / external references
    parsed = _parsed(data, base_url)
    if not parsed.entries and (parsed.bozo or not parsed.get("version")):
        why = parsed.get("bozo_exception") or "no RSS/Atom entries"
        raise FeedParseError(f"not a usable feed: {why}", stage="discover")
    raws: list[Any] = parsed.entries
    if any(map(_link_left_out, raws)):  # read unresolved, the link is kept: its fetch refuses it and says why
        raws = [
            {**raw, "link": plain.get("link")} if _link_left_out(raw) else raw
            for raw, plain in zip(raws, _parsed(data, None).entries, strict=True)
        ]
    entries = [e for raw in raws if (e := _entry(raw, base_url)) is not None]
    entries.sort(key=lambda e: e.published_at or datetime.min.replace(tzinfo=UTC), reverse=True)
    return entries
