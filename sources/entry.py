"""A discovered link, the unit that discovery hands to fetching."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Entry:
    """A link found in a feed, a sitemap or a URL list, with the hints it came with."""

    url: str
    title: str | None = None
    published_at: datetime | None = None
    external_id: str | None = None
