"""URLs as pages, feeds and records give them, parsed and joined without raising.

A link, a canonical link, a feed entry's or a record's `url` is text from outside. A template's
placeholder left in it (`https://[domain]/story`), a bracketed host that is no IP address or a
port that is no number makes `urllib.parse` raise ValueError; one such URL must not fail the page
it sits in, the feed that lists it or the batch that stores it.
"""

from __future__ import annotations

from urllib.parse import SplitResult, urljoin, urlsplit

__all__ = ["join_url", "split_url"]


def split_url(url: str) -> SplitResult | None:
    """`urlsplit(url)`, or None when `url` is malformed (a bracketed host that is no IP address,
    a port that is no number or out of range)."""
    try:
        parts = urlsplit(url)
        _ = parts.port  # (read lazily: a bad port raises only here)
    except ValueError:
        return None
    return parts


def join_url(base: str, link: str) -> str | None:
    """`link` made absolute against `base` (either may be empty), or None when either is
    malformed."""
    try:
        joined = urljoin(base, link)
    except ValueError:
        return None
    return joined if split_url(joined) is not None else None
