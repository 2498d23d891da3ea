"""Discovery: turn a url-list, feed or sitemap source into entries (links with hints)."""

from __future__ import annotations

from collections import deque
from collections.abc import AsyncIterator
from datetime import datetime
from pathlib import Path

from newsflow.core.errors import FeedParseError, FetchError, UnsupportedInputError
from newsflow.core.urls import split_url
from sources.config import SourceConfig, is_web_url
from sources.entry import Entry
from sources.feeds import parse_feed
from sources.http import XML_ACCEPT, XML_TYPES, Fetcher
from sources.outcomes import FetchOutcome, outcome_from_error
from sources.sitemaps import parse_sitemap
from sources.urls import canonical_url

Discovered = Entry | FetchOutcome


async def discover(
    source: SourceConfig, fetcher: Fetcher, cutoff: datetime | None = None
) -> AsyncIterator[Discovered]:
    """Entries of a url-list, feed or sitemap source; failures of the source itself as outcomes.

    `cutoff`: sitemap-index children last modified before it are not even fetched.
    """
    if source.kind == "url-list":
        async for item in _url_list(source):
            yield item
    elif source.kind == "feed":
        async for item in _feed(source, fetcher):
            yield item
    elif source.kind == "sitemap":
        async for item in _sitemaps(source, fetcher, cutoff):
            yield item
    else:
        exc = UnsupportedInputError(f"source kind {source.kind!r} is not discovered here")
        yield outcome_from_error(source.name, source.locator, exc, stage="discover")


def _failed(source: SourceConfig, locator: str, exc: Exception) -> FetchOutcome:
    return outcome_from_error(source.name, locator, exc, url=locator, stage="discover")


async def _url_list(source: SourceConfig) -> AsyncIterator[Discovered]:
    urls = list(source.urls)
    if not urls and is_web_url(source.locator):
        urls = [source.locator]
    elif not urls:
        try:
            text = Path(source.locator).read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            yield FetchOutcome(
                source.name,
                source.locator,
                "failed",
                f"cannot read URL list: {exc}",
                error_class=type(exc).__name__,
                stage="discover",
            )
            return
        urls = [u.strip() for u in text.splitlines() if u.strip() and not u.lstrip().startswith("#")]
    for url in urls:
        yield Entry(url)


async def _feed(source: SourceConfig, fetcher: Fetcher) -> AsyncIterator[Discovered]:
    try:
        resp = await fetcher.fetch(source.locator, accept=XML_TYPES, accept_header=XML_ACCEPT)
        entries = parse_feed(resp.body, resp.url)
    except FetchError as exc:
        yield _failed(source, source.locator, exc)
        return
    limit = fetcher.settings.max_discovered_urls
    for entry in entries[:limit]:
        yield entry


async def _sitemap_roots(source: SourceConfig, fetcher: Fetcher) -> list[str]:
    """Sitemap URLs for the locator: itself, or robots.txt `Sitemap:` lines for a robots.txt
    URL or a bare site root (falling back to /sitemap.xml for a root).
    """
    parts = split_url(source.locator)
    if parts is None:  # fetched as it is, it is refused with its reason
        return [source.locator]
    is_root = parts.path in ("", "/") and not parts.query
    if not (parts.path.endswith("/robots.txt") or is_root):
        return [source.locator]
    rules = await fetcher.robots.rules(source.locator)
    if rules.sitemaps:
        return list(rules.sitemaps)
    if is_root:
        return [f"{parts.scheme}://{parts.netloc}/sitemap.xml"]
    raise FeedParseError(f"no Sitemap: lines in robots.txt ({rules.reason})", stage="discover")


async def _sitemaps(
    source: SourceConfig, fetcher: Fetcher, cutoff: datetime | None
) -> AsyncIterator[Discovered]:
    settings = fetcher.settings
    try:
        roots = await _sitemap_roots(source, fetcher)
    except FetchError as exc:
        yield _failed(source, source.locator, exc)
        return
    queue: deque[tuple[str, int]] = deque((url, 0) for url in roots)
    visited: set[str] = set()
    count = 0
    while queue:
        url, depth = queue.popleft()
        key = canonical_url(url)
        if key in visited:  # a sitemap index that loops back
            continue
        visited.add(key)
        try:
            resp = await fetcher.fetch(url, accept=XML_TYPES, accept_header=XML_ACCEPT)
            sitemap = parse_sitemap(resp.body, resp.url)
        except FetchError as exc:
            yield _failed(source, url, exc)
            continue
        if sitemap.kind == "index":
            if depth >= settings.max_sitemap_depth:
                too_deep = FeedParseError(f"sitemap indexes nested deeper than {settings.max_sitemap_depth}")
                yield _failed(source, url, too_deep)
                continue
            for child in sitemap.entries:
                if cutoff and child.published_at and child.published_at < cutoff:
                    continue  # not modified since the cutoff
                queue.append((child.url, depth + 1))
            continue
        for entry in sitemap.entries:
            count += 1
            if count > settings.max_discovered_urls:
                yield FetchOutcome(
                    source.name,
                    url,
                    "skipped",
                    f"over max_discovered_urls={settings.max_discovered_urls}",
                    url=url,
                    stage="discover",
                )
                return
            yield entry
