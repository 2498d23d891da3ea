"""WARC files (warcio), e.g. Common Crawl CC-NEWS: each HTML `response` record → RawDocument."""

from __future__ import annotations

import asyncio
import glob
import tempfile
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from newsflow.core.errors import (
    FetchError,
    ResponseTooLargeError,
    UnsupportedContentTypeError,
)
from newsflow.core.records import RawDocument
from newsflow.core.sniff import media_type_of, sniff_binary
from newsflow.core.strings import os_text
from sources.config import SourceConfig, is_web_url
from sources.entry import utc_datetime
from sources.http import PAGE_TYPES, parse_content_type
from sources.outcomes import FetchOutcome, FetchResult, outcome_from_error
from sources.session import FetchSession
from sources.urls import canonical_url


def read_warc(path: Path, source: str, max_bytes: int) -> Iterator[RawDocument | FetchOutcome]:
    """Every `response` record of a WARC file: a RawDocument for HTML/text with status 200,
    else an outcome (skipped for other statuses and types, failed for oversize records).
    """
    with path.open("rb") as stream:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response":
                continue
            yield _record(record, source, max_bytes)


def _record(record: Any, source: str, max_bytes: int) -> RawDocument | FetchOutcome:
    headers = record.rec_headers
    url = str(headers.get_header("WARC-Target-URI") or "").strip("<> ")
    locator = canonical_url(url) if url else str(headers.get_header("WARC-Record-ID"))
    http = record.http_headers
    status = int(http.get_statuscode()) if http is not None and http.get_statuscode() else None
    if status != 200:
        return FetchOutcome(
            source,
            locator,
            "skipped",
            f"archived HTTP status {status}",
            url=url,
            http_status=status,
        )
    ctype, charset = parse_content_type(http.get_header("Content-Type") if http else None)
    if ctype and ctype not in PAGE_TYPES:
        exc: FetchError = UnsupportedContentTypeError(f"archived Content-Type {ctype}", status=status)
        return outcome_from_error(source, locator, exc, url=url)
    data = record.content_stream().read(max_bytes + 1)
    if len(data) > max_bytes:
        exc = ResponseTooLargeError(f"archived body is over the {max_bytes:,}-byte cap", status=status)
        return outcome_from_error(source, locator, exc, url=url)
    binary = sniff_binary(data[:8192])
    if binary:
        exc = UnsupportedContentTypeError(f"archived body is binary ({binary})", status=status)
        return outcome_from_error(source, locator, exc, url=url)
    return RawDocument(
        source=source,
        locator=locator,
        external_id=str(headers.get_header("WARC-Record-ID") or url),
        data=data,
        media_type=media_type_of(ctype, data),
        encoding=charset,
        url=url or None,
        fetched_at=utc_datetime(headers.get_header("WARC-Date")),
        http_status=status,
        etag=http.get_header("ETag") if http else None,
        last_modified=http.get_header("Last-Modified") if http else None,
    )


def warc_paths(locator: str) -> list[Path]:
    """The local WARC files a path or glob names."""
    if any(ch in locator for ch in "*?["):
        return [Path(p) for p in sorted(glob.glob(locator, recursive=True))]
    return [Path(locator)]


async def warc_results(source: SourceConfig, run: FetchSession) -> AsyncIterator[FetchResult]:
    """Results for a WARC source: a local path/glob, or an http(s) URL downloaded to a temp file."""
    settings = run.settings
    if is_web_url(source.locator):
        with tempfile.TemporaryDirectory(prefix="newsflow-warc-") as tmp:
            target = Path(tmp) / "download.warc.gz"
            try:
                await run.fetcher.download(source.locator, target, settings.max_warc_bytes)
            except FetchError as exc:
                yield outcome_from_error(source.name, source.locator, exc, stage="discover")
                return
            async for result in _from_file(source, target, source.locator, run):
                yield result
        return
    for path in warc_paths(source.locator):
        async for result in _from_file(source, path, os_text(str(path)), run):
            yield result


async def _from_file(
    source: SourceConfig, path: Path, label: str, run: FetchSession
) -> AsyncIterator[FetchResult]:
    records = read_warc(path, source.name, run.settings.max_fetch_bytes)
    done = object()
    while True:
        try:
            item = await asyncio.to_thread(next, records, done)
        except (OSError, ArchiveLoadFailed, ValueError, EOFError) as exc:
            yield FetchOutcome(
                source.name,
                label,
                "failed",
                f"unreadable WARC: {exc}",
                error_class=type(exc).__name__,
                stage="discover",
            )
            return
        if item is done:
            return
        assert isinstance(item, RawDocument | FetchOutcome)
        yield await _screen(source, item, run)


async def _screen(source: SourceConfig, item: RawDocument | FetchOutcome, run: FetchSession) -> FetchResult:
    if isinstance(item, FetchOutcome):
        return item
    url = item.url or item.locator
    if not source.wants(url):
        return FetchOutcome(
            source.name,
            item.locator,
            "skipped",
            "excluded by the source's include/exclude patterns",
            url=url,
        )
    if item.locator in run.seen:
        return FetchOutcome(source.name, item.locator, "skipped", "duplicate URL in this run", url=url)
    run.seen.add(item.locator)
    validators = run.store.get(item.locator) if run.store is not None else None
    return await run.settle(item, validators)
