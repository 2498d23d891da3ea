"""robots.txt: fetched once per host, parsed with protego (Disallow, Crawl-delay, Sitemap)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from protego import Protego

from newsflow.core.errors import BlockedAddressError, FetchError, HttpStatusError, UnsafeUrlError
from sources.urls import host_key

ROBOTS_MAX_BYTES = 512_000  # RFC 9309: parse at least 500 KiB

#: fetch(url) -> (status, body); raises FetchError.
RobotsFetch = Callable[[str], Awaitable[tuple[int, bytes]]]


def robots_url(url: str) -> str:
    """The robots.txt URL governing `url`."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/robots.txt"


@dataclass(slots=True)
class RobotsRules:
    """The parsed rules of one host; `reason` says why everything is allowed or disallowed."""

    parser: Protego | None = None
    allow_all: bool = True
    reason: str = "no robots.txt"
    sitemaps: list[str] = field(default_factory=list)

    def allowed(self, url: str, agent: str) -> bool:
        """Whether `agent` may fetch `url`."""
        if self.parser is None:
            return self.allow_all
        return bool(self.parser.can_fetch(url, agent))

    def crawl_delay(self, agent: str) -> float | None:
        """The Crawl-delay (or 1/request-rate) for `agent`, in seconds."""
        if self.parser is None:
            return None
        delay = self.parser.crawl_delay(agent)
        if delay is not None:
            return float(delay)
        rate = self.parser.request_rate(agent)
        if rate is not None and rate.requests:
            return float(rate.seconds) / float(rate.requests)
        return None


def parse_robots(body: bytes) -> RobotsRules:
    """Rules from a robots.txt body (undecodable bytes are replaced)."""
    parser = Protego.parse(body.decode("utf-8", errors="replace"))
    return RobotsRules(parser=parser, reason="robots.txt", sitemaps=list(parser.sitemaps))


class RobotsCache:
    """robots.txt per scheme://host:port, fetched at most once per run (concurrent callers wait)."""

    def __init__(self, fetch: RobotsFetch) -> None:
        self._fetch = fetch
        self._rules: dict[str, RobotsRules] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    async def rules(self, url: str) -> RobotsRules:
        """The rules for `url`'s host (RFC 9309: 4xx → allow all; 5xx or unreachable → disallow)."""
        key = host_key(url)
        cached = self._rules.get(key)
        if cached is not None:
            return cached
        async with self._locks.setdefault(key, asyncio.Lock()):
            if key not in self._rules:
                self._rules[key] = await self._load(robots_url(url))
            return self._rules[key]

    async def _load(self, url: str) -> RobotsRules:
        try:
            status, body = await self._fetch(url)
        except (BlockedAddressError, UnsafeUrlError):
            raise
        except HttpStatusError as exc:
            if exc.status is not None and 400 <= exc.status < 500:
                return RobotsRules(allow_all=True, reason=f"robots.txt answered HTTP {exc.status}")
            return RobotsRules(allow_all=False, reason=f"robots.txt unavailable: {exc}")
        except FetchError as exc:
            return RobotsRules(allow_all=False, reason=f"robots.txt unavailable: {exc}")
        if status >= 300:
            return RobotsRules(allow_all=True, reason=f"robots.txt answered HTTP {status}")
        return parse_robots(body)
