"""A discovered link, the unit that discovery hands to fetching."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime


@dataclass(frozen=True, slots=True)
class Entry:
    """A link found in a feed, a sitemap or a URL list, with the hints it came with."""

    url: str
    title: str | None = None
    published_at: datetime | None = None
    external_id: str | None = None


def utc_datetime(value: object) -> datetime | None:
    """A UTC datetime from an ISO-8601 (W3C) date or datetime ("2024-05-01", "2024-05-01T10:00Z",
    "2024-05-01T10:00:00+01:00"), a naive one read as UTC; None when `value` is none, or names a
    moment UTC cannot hold (year 1 east of Greenwich, 9999 west of it)."""
    try:
        parsed = datetime.fromisoformat(str(value).strip().replace("Z", "+00:00"))
        return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)
    except (ValueError, OverflowError):
        return None
