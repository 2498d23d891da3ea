"""Acquisition: local files, and the web (URL lists, feeds, sitemaps, WARC) into RawDocuments.

Imports only `newsflow.core`. The web names load on first use, so `newsflow clean` does not import httpx.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsflow.core.lazy import lazy_getattr
from sources.local import LoadResult, expand_locators, load_file, load_local

if TYPE_CHECKING:
    from sources.archive import RawArchive
    from sources.config import (
        SourceConfig,
        SourceKind,
        load_sources,
        parse_duration,
        resolve_sources,
        source_from_arg,
    )
    from sources.entry import Entry
    from sources.feeds import parse_feed
    from sources.http import Fetcher, FetchResponse, ValidatorLike, Validators, ValidatorStore
    from sources.outcomes import FetchOutcome, FetchResult
    from sources.sitemaps import parse_sitemap
    from sources.urls import canonical_url, check_url
    from sources.warc import read_warc
    from sources.web import fetch_all, fetch_all_sync

__all__ = [
    "Entry",
    "FetchOutcome",
    "FetchResponse",
    "FetchResult",
    "Fetcher",
    "LoadResult",
    "RawArchive",
    "SourceConfig",
    "SourceKind",
    "ValidatorLike",
    "ValidatorStore",
    "Validators",
    "canonical_url",
    "check_url",
    "expand_locators",
    "fetch_all",
    "fetch_all_sync",
    "load_file",
    "load_local",
    "load_sources",
    "parse_duration",
    "parse_feed",
    "parse_sitemap",
    "read_warc",
    "resolve_sources",
    "source_from_arg",
]

# Imported on first use (httpx, warcio and feedparser load only when the web is used).
_LAZY = {
    "Entry": "sources.entry",
    "FetchOutcome": "sources.outcomes",
    "FetchResponse": "sources.http",
    "FetchResult": "sources.outcomes",
    "Fetcher": "sources.http",
    "RawArchive": "sources.archive",
    "SourceConfig": "sources.config",
    "SourceKind": "sources.config",
    "ValidatorLike": "sources.http",
    "ValidatorStore": "sources.http",
    "Validators": "sources.http",
    "canonical_url": "sources.urls",
    "check_url": "sources.urls",
    "fetch_all": "sources.web",
    "fetch_all_sync": "sources.web",
    "load_sources": "sources.config",
    "parse_duration": "sources.config",
    "parse_feed": "sources.feeds",
    "parse_sitemap": "sources.sitemaps",
    "read_warc": "sources.warc",
    "resolve_sources": "sources.config",
    "source_from_arg": "sources.config",
}


__getattr__ = lazy_getattr(__name__, _LAZY)
