"""The web acquisition entry point: `fetch_all` streams one result per discovered URL.

    sources = load_sources(settings.sources_file)          # or [source_from_arg(arg), ...]
    store = {locator: Validators(etag, last_modified, raw_hash), ...}   # from `inputs`
    archive = RawArchive(settings.archive_dir)
    async for result in fetch_all(sources, store, settings, since=last_run, archive=archive):
        if isinstance(result, RawDocument): ...      # new or changed: clean → NLP → write
        else: ...                                    # FetchOutcome: record outcome/reason

`fetch_all_sync` is the same as a blocking iterator. Local sources are not fetched here.
"""

from __future__ import annotations

import asyncio
import logging
import queue
import threading
from collections.abc import AsyncGenerator, Generator, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from newsflow.core.errors import FetchError, InputError, UnsafeUrlError
from newsflow.core.records import RawDocument
from newsflow.core.settings import Settings
from newsflow.core.sniff import media_type_of
from sources.archive import RawArchive
from sources.config import SourceConfig
from sources.discover import discover
from sources.entry import Entry
from sources.http import Fetcher, FetchResponse, ValidatorLike, ValidatorStore
from sources.outcomes import FetchOutcome, FetchResult, outcome_from_error
from sources.urls import canonical_url, check_url
from sources.warc import warc_results

__all__ = ["fetch_all", "fetch_all_sync"]

log = logging.getLogger(__name__)


@dataclass(slots=True)
class _Done:
    error: BaseException | None = None


@dataclass(slots=True)
class _Run:
    """State shared by the producers and workers of one `fetch_all` call."""

    settings: Settings
    fetcher: Fetcher
    store: ValidatorStore | None
    since: datetime | None
    archive: RawArchive | None
    now: datetime = field(default_factory=lambda: datetime.now(UTC))
    seen: set[str] = field(default_factory=set)

    def cutoff(self, source: SourceConfig) -> datetime | None:
        """The oldest publication time still of interest for `source`."""
        limits = [t for t in (self.since, self.max_age_cutoff(source)) if t is not None]
        return max(limits) if limits else None

    def max_age_cutoff(self, source: SourceConfig) -> datetime | None:
        """now - max_age, when the source sets one."""
        return self.now - source.max_age if source.max_age else None

    def screen(self, source: SourceConfig, entry: Entry) -> tuple[str, str] | FetchOutcome:
        """(url, locator) of an entry worth fetching, or the outcome that settles it offline."""
        try:
            url = check_url(entry.url, self.settings.max_url_length)
        except UnsafeUrlError as exc:
            return outcome_from_error(source.name, entry.url[:200], exc, url=None)
        locator = canonical_url(url)

        def settle(outcome: str, reason: str) -> FetchOutcome:
            return FetchOutcome(source.name, locator, outcome, reason, url=url)  # type: ignore[arg-type]

        if not source.wants(url):
            return settle("skipped", "excluded by the source's include/exclude patterns")
        if locator in self.seen:
            return settle("skipped", "duplicate URL in this run")
        self.seen.add(locator)
        published = entry.published_at
        if published is not None and self.since is not None and published <= self.since:
            return settle("unchanged", f"published/modified {published:%Y-%m-%d %H:%M} before since")
        max_age = self.max_age_cutoff(source)
        if published is not None and max_age is not None and published < max_age:
            return settle("skipped", f"published {published:%Y-%m-%d %H:%M}, older than max_age")
        return url, locator

    async def fetch_entry(self, source: SourceConfig, entry: Entry) -> FetchResult:
        """Fetch one entry: a new RawDocument or an outcome; never raises for a bad URL."""
        screened = self.screen(source, entry)
        if isinstance(screened, FetchOutcome):
            return screened
        url, locator = screened
        validators = self.store.get(locator) if self.store is not None else None
        try:
            resp = await self.fetcher.fetch(url, validators=validators)
        except FetchError as exc:
            return outcome_from_error(source.name, locator, exc, url=url)
        if resp.status == 304:
            return FetchOutcome(
                source.name,
                locator,
                "unchanged",
                "HTTP 304 Not Modified",
                url=resp.url,
                http_status=304,
                raw_hash=validators.raw_hash if validators else None,
                etag=resp.etag or (validators.etag if validators else None),
                last_modified=resp.last_modified,
            )
        doc = self.document(source, entry, locator, resp)
        return await self.settle(doc, validators)

    def document(self, source: SourceConfig, entry: Entry, locator: str, resp: FetchResponse) -> RawDocument:
        """The RawDocument of a 2xx response."""
        return RawDocument(
            source=source.name,
            locator=locator,
            external_id=entry.external_id or entry.url,
            data=resp.body,
            media_type=media_type_of(resp.content_type, resp.body),
            encoding=resp.charset,
            url=resp.url,
            title=entry.title,
            published_at=entry.published_at,
            fetched_at=resp.fetched_at,
            http_status=resp.status,
            etag=resp.etag,
            last_modified=resp.last_modified,
        )

    async def settle(self, doc: RawDocument, validators: ValidatorLike | None) -> FetchResult:
        """`unchanged` when the bytes hash as stored, else archive the bytes and pass the doc on."""
        if validators is not None and validators.raw_hash == doc.raw_hash:
            return FetchOutcome(
                doc.source,
                doc.locator,
                "unchanged",
                "same bytes as stored",
                raw_hash=doc.raw_hash,
                url=doc.url,
                http_status=doc.http_status,
                etag=doc.etag,
                last_modified=doc.last_modified,
            )
        if self.archive is not None:
            await asyncio.to_thread(self.archive.put_document, doc)
        return doc


async def fetch_all(
    sources: Iterable[SourceConfig],
    store: ValidatorStore | None,
    settings: Settings,
    *,
    since: datetime | None = None,
    archive: RawArchive | None = None,
) -> AsyncGenerator[FetchResult, None]:
    """Discover and fetch every URL of the web sources (url-list, feed, sitemap, warc), yielding
    exactly one result per URL as soon as it is ready: a RawDocument (new or changed content)
    or a FetchOutcome (unchanged / skipped / failed, with reason). Local sources are ignored:
    `sources.local` loads them. Memory stays bounded: discovery and fetching pause while the
    consumer is behind by `fetch_queue_size` results.
    """
    if since is not None and since.tzinfo is None:
        since = since.replace(tzinfo=UTC)  # naive means UTC
    web = [s for s in sources if s.is_web]
    results: asyncio.Queue[FetchResult | _Done] = asyncio.Queue(settings.fetch_queue_size)
    work: asyncio.Queue[tuple[SourceConfig, Entry] | None] = asyncio.Queue(settings.fetch_queue_size)
    async with Fetcher(settings) as fetcher:
        run = _Run(settings, fetcher, store, since, archive)
        n_workers = max(1, settings.max_connections)
        workers = [asyncio.create_task(_worker(run, work, results)) for _ in range(n_workers)]
        producers = [asyncio.create_task(_produce(run, s, work, results)) for s in web]
        supervisor = asyncio.create_task(_supervise(producers, workers, work, results))
        tasks = [*workers, *producers, supervisor]
        try:
            while True:
                item = await results.get()
                if isinstance(item, _Done):
                    if item.error is not None:
                        raise item.error
                    break
                yield item
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)


def fetch_all_sync(
    sources: Iterable[SourceConfig],
    store: ValidatorStore | None,
    settings: Settings,
    *,
    since: datetime | None = None,
    archive: RawArchive | None = None,
) -> Generator[FetchResult, None, None]:
    """`fetch_all` for synchronous callers: the event loop runs in a background thread and hands
    results over a bounded queue. Closing the iterator early stops the fetching. `store.get` is
    called from that thread: pass a dict (e.g. validators read from `inputs` up front).
    """
    chosen = list(sources)
    handoff: queue.Queue[FetchResult | _Done] = queue.Queue(maxsize=settings.fetch_queue_size)
    stop = threading.Event()

    def put(item: FetchResult | _Done) -> None:
        while not stop.is_set():
            try:
                handoff.put(item, timeout=0.1)
                return
            except queue.Full:
                continue

    async def pump() -> None:
        stream = fetch_all(chosen, store, settings, since=since, archive=archive)
        try:
            async for item in stream:
                await asyncio.to_thread(put, item)
                if stop.is_set():
                    break
        finally:
            await stream.aclose()

    def run() -> None:
        error: BaseException | None = None
        try:
            asyncio.run(pump())
        except BaseException as exc:  # handed to the consumer
            error = exc
        put(_Done(error))

    thread = threading.Thread(target=run, name="newsflow-fetch", daemon=True)
    thread.start()
    try:
        while True:
            item = handoff.get()
            if isinstance(item, _Done):
                if item.error is not None:
                    raise item.error
                return
            yield item
    finally:
        stop.set()
        thread.join(timeout=settings.request_deadline + 5)


async def _supervise(
    producers: list[asyncio.Task[None]],
    workers: list[asyncio.Task[None]],
    work: asyncio.Queue[tuple[SourceConfig, Entry] | None],
    results: asyncio.Queue[FetchResult | _Done],
) -> None:
    error: BaseException | None = None
    try:
        await asyncio.gather(*producers)
        for _ in workers:
            await work.put(None)
        await asyncio.gather(*workers)
    except Exception as exc:  # a bug, not a bad URL: end the stream with it
        error = exc
    await results.put(_Done(error))


async def _produce(
    run: _Run,
    source: SourceConfig,
    work: asyncio.Queue[tuple[SourceConfig, Entry] | None],
    results: asyncio.Queue[FetchResult | _Done],
) -> None:
    """Feed one source's entries to the workers (WARC records go straight to the results)."""
    try:
        if source.kind == "warc":
            async for result in warc_results(source, run):
                await results.put(result)
            return
        async for item in discover(source, run.fetcher, run.cutoff(source)):
            if isinstance(item, FetchOutcome):
                await results.put(item)
            else:
                await work.put((source, item))
    except (InputError, OSError) as exc:
        log.warning("source %s stopped: %s", source.name, exc)
        await results.put(outcome_from_error(source.name, source.locator, exc, stage="discover"))
    except Exception as exc:  # unexpected: the source is recorded as failed and the run goes on
        log.exception("unexpected error discovering %s", source.locator)
        await results.put(outcome_from_error(source.name, source.locator, exc, stage="discover"))


async def _worker(
    run: _Run,
    work: asyncio.Queue[tuple[SourceConfig, Entry] | None],
    results: asyncio.Queue[FetchResult | _Done],
) -> None:
    """Fetch entries until the sentinel; every entry yields exactly one result."""
    while (job := await work.get()) is not None:
        source, entry = job
        try:
            result = await run.fetch_entry(source, entry)
        except Exception as exc:  # unexpected: still account for the URL
            log.exception("unexpected error fetching %s", entry.url)
            result = outcome_from_error(source.name, canonical_url(entry.url), exc, url=entry.url)
        await results.put(result)
