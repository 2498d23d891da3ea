"""Date parsing for metadata: ISO and free-form strings, URLs, htmldate; always timezone-aware."""

from __future__ import annotations

import re
from datetime import UTC, datetime, tzinfo
from typing import Any

from dateutil import parser as dateparser
from dateutil import tz

URL_DATE = re.compile(r"/((?:19|20)\d\d)[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?:/|[^\d]|$)")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_TZINFOS = {
    name: int(hours * 3600)
    for name, hours in (
        ("EST", -5),
        ("EDT", -4),
        ("CST", -6),
        ("CDT", -5),
        ("MST", -7),
        ("MDT", -6),
        ("PST", -8),
        ("PDT", -7),
        ("GMT", 0),
        ("UTC", 0),
        ("BST", 1),
        ("CET", 1),
        ("CEST", 2),
        ("IST", 5.5),
        ("JST", 9),
        ("AEST", 10),
        ("AEDT", 11),
    )
}


def _zone(name: str, offset: int | None) -> tzinfo | int | None:
    """dateutil's `tzinfos` hook: a common abbreviation's offset, else the zone of that name
    ("EET", "WET", "MET": zone names as well), else None: the time is read as naive (then UTC)
    instead of dateutil warning about a name it does not know."""
    if name in _TZINFOS:
        return _TZINFOS[name]
    zone: tzinfo | None = tz.gettz(name)
    return zone


def htmldate_guess(html: str) -> datetime | None:
    """htmldate's fast (non-extensive) guess at the original publication date.

    The page goes in as the string (htmldate would decode UTF-8 bytes back to it), or as bytes
    when it looks like a URL: htmldate downloads a *string* that looks like a URL."""
    try:
        from htmldate import find_date

        page: str | bytes = html
        if html.startswith("http") and " " not in html:
            page = html.encode("utf-8")
        found = find_date(page, extensive_search=False, original_date=True)
    except Exception:  # htmldate is best effort: any failure means "no date"
        return None
    return parse_date(found) if found else None


def calendar_date(year: int, month: int, day: int) -> datetime | None:
    """Midnight UTC of a calendar date, or None when the date does not exist."""
    try:
        return datetime(year, month, day, tzinfo=UTC)
    except ValueError:
        return None


def parse_date(value: Any) -> datetime | None:
    """A timezone-aware datetime from an ISO or free-form date (naive values taken as UTC)."""
    if isinstance(value, list):
        value = value[0] if value else None
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        if not _YEAR.search(text):
            return None  # dateutil would fill in today's date for "23:40" or "Monday"
        try:
            parsed = dateparser.parse(text, fuzzy=True, tzinfos=_zone)
        except (ValueError, OverflowError, TypeError):
            return None
    if not 1990 <= parsed.year <= 2100:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def url_date(url: str | None) -> datetime | None:
    """The date in a URL path like /2019/11/18/ or /20191118/, as midnight UTC."""
    match = URL_DATE.search(url or "")
    return calendar_date(*map(int, match.groups())) if match else None
