"""A whole run: the run row, the lock, streaming inputs in bounded batches through the stages, accounting.

The same code runs under Prefect (flows/ wraps each stage in a task) and without it (tests, benchmarks).
Batches are pipelined: while the NLP workers parse batch N (submitted asynchronously), this process
triages, cleans and dedupes batch N+1 and writes batch N-1, so the workers never wait for the writer.
"""

from __future__ import annotations

import logging
import uuid
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Protocol

from newsflow.core.errors import AccountingError, NewsflowError
from newsflow.core.records import OUTCOMES, STORED, Failure, InputOutcome, RawDocument, StageName
from newsflow.core.settings import Settings
from newsflow.core.strings import os_text
from newsflow.runtime import stages as p
from newsflow.runtime.pool import NlpPool, run_pool, worth_a_pool
from sources.archive import RawArchive
from sources.config import SourceConfig, resolve_sources
from sources.local import load_local
from warehouse.db import run_lock
from warehouse.lake import is_lake, retry_conflicts
from warehouse.ledger import done_entries, last_success
from warehouse.reports import stored_articles
from warehouse.runs import finish_run, run_row, source_counts, start_run

Stage = Callable[[Settings, p.Batch], p.Batch]
Input = RawDocument | Failure | InputOutcome
log = logging.getLogger("newsflow.run")


class Pending(Protocol):
    """A batch being extracted somewhere (a thread, a Prefect or Dask future)."""

    def result(self) -> p.Batch:
        """Wait for the extracted batch."""
        ...


Submit = Callable[[Settings, p.Batch], Pending]


class _Done:
    """An extraction that already happened (synchronous runs)."""

    def __init__(self, batch: p.Batch) -> None:
        self.batch = batch

    def result(self) -> p.Batch:
        """The batch."""
        return self.batch


@dataclass(frozen=True, slots=True)
class Stages:
    """The per-batch stages in order; a runner (Prefect) may substitute wrapped versions."""

    triage: Stage = p.triage_stage
    clean: Stage = p.clean_stage
    dedupe: Stage = p.dedupe_stage
    extract: Stage = p.extract_stage
    write: Stage = p.write_stage
    submit_extract: Submit | None = None  # start `extract` asynchronously (e.g. a Prefect task's submit)


@dataclass(frozen=True, slots=True)
class Runner:
    """How a run is driven: the stages (plain or wrapped as tasks), the orchestrator's run id, and
    its timeout check, which raises the run's timeout once the run is past it (Prefect's)."""

    stages: Stages = Stages()
    flow_run_id: str | None = None
    timeout_check: Callable[[BaseException | None], None] | None = None  # given a stage's failure, or None

    def check_deadline(self, cause: BaseException | None = None) -> None:
        """End the run with the orchestrator's timeout when it is past it (from a stage's failure
        `cause`, or between batches)."""
        if self.timeout_check:
            self.timeout_check(cause)


def source_inputs(configs: list[SourceConfig], settings: Settings) -> Iterator[Input]:
    """Every input of the sources, streamed: local files first, then the web (fetched incrementally)."""
    for cfg in configs:
        if not cfg.is_web:
            for item in load_local([cfg.locator], source=cfg.name, max_bytes=settings.max_input_bytes):
                yield item.document if item.document is not None else item.failure  # type: ignore[misc]
    web = [c for c in configs if c.is_web]
    if not web:
        return
    with p.open_warehouse(settings) as con:
        store = done_entries(con, [c.name for c in web])
        since = last_success(con, [c.name for c in web])
    from sources.web import fetch_all_sync  # the HTTP stack only for runs that fetch

    for result in fetch_all_sync(web, store, settings, since=since):
        if isinstance(result, RawDocument):
            yield result
        elif result.outcome == "failed":
            yield result.to_failure()
        else:
            known = store.get(result.locator)
            yield result.to_input_outcome(article_id=known.article_id if known else None)


def archived_inputs(settings: Settings, sources: list[str] | None) -> Iterator[Input]:
    """The raw bytes of every stored article (optionally of some sources), read back from the archive."""
    archive = RawArchive(settings.archive_dir)
    with p.open_warehouse(settings) as con:
        rows = stored_articles(con, sources)
    for source, locator, external_id, raw_hash in rows:
        try:
            yield archive.get_document(raw_hash, source, locator, external_id)
        except (FileNotFoundError, ValueError) as exc:
            yield Failure(source, locator, "load", "ArchiveMissing", f"raw bytes not in the archive: {exc}")


def run_ingest(sources: list[str], settings: Settings, runner: Runner | None = None) -> dict[str, Any]:
    """Ingest the sources (paths, globs, URLs, feeds, sitemaps, WARCs, .toml source lists)."""
    configs = resolve_sources(sources)
    return execute("ingest", sources, lambda: source_inputs(configs, settings), settings, runner)


def run_reprocess(
    settings: Settings, sources: list[str] | None = None, runner: Runner | None = None
) -> dict[str, Any]:
    """Re-clean and re-extract every stored article from the raw archive, without the network."""
    inputs = lambda: archived_inputs(settings, sources)  # noqa: E731
    return execute("reprocess", sources or [], inputs, settings, runner, force=True)


def execute(
    flow: str,
    sources: list[str],
    make_inputs: Callable[[], Iterable[Input]],
    settings: Settings,
    runner: Runner | None = None,
    force: bool = False,
) -> dict[str, Any]:
    """Run inputs through the stages in bounded batches under the run lock; return the run row.

    A batch whose stage gives up is recorded as failed and the run goes on; the run fails only
    when nothing could be written, or when the outcomes do not add up.
    """
    runner = runner or Runner()
    run_id = str(uuid.uuid4())
    sources = [os_text(s) for s in sources]  # as the run row stores them
    exclusive = not is_lake(settings.warehouse)  # a lake takes one run per source at a time
    with run_lock(settings.warehouse, settings.run_lock_wait_seconds, None if exclusive else sources):
        with p.open_warehouse(settings) as con:
            stale = retry_conflicts(
                lambda: start_run(
                    con, run_id, flow, sources, runner.flow_run_id, settings.spacy_model, exclusive
                ),
                what="run start",
            )
        if stale:
            log.warning("marked %d earlier run(s) as interrupted; their inputs are retried now", stale)
        seen, locators = 0, Counter[str]()
        try:
            with (
                ThreadPoolExecutor(max(1, settings.batches_in_flight)) as threads,
                run_pool(settings) as pool,
            ):
                pipe = _Pipeline(settings, runner, pool, threads)
                for n, items in enumerate(p.batched(make_inputs(), settings.batch_size), 1):
                    batch = p.Batch(run_id, force=force)
                    for item in items:
                        if isinstance(item, Failure):
                            batch.fail(item)
                        elif isinstance(item, InputOutcome):
                            batch.outcomes.append(item)
                        elif locators[item.locator]:
                            batch.fail(repeated(item, locators[item.locator]), item.external_id)
                            locators[item.locator] += 1
                        else:
                            locators[item.locator] = 1
                            batch.todo.append(item)
                    seen += len(items)
                    runner.check_deadline()
                    pipe.add(n, batch)
                pipe.drain()
                runner.check_deadline()
            if pipe.lost and pipe.lost == pipe.batches:
                raise NewsflowError(f"nothing could be written: all {pipe.lost} batch(es) failed")
            with p.open_warehouse(settings) as con:
                row = run_row(con, run_id)
                check_accounting(row, source_counts(con, run_id), seen)
                summary = retry_conflicts(lambda: finish_run(con, run_id, "completed"), what="run finish")
                summary["sources"] = source_counts(con, run_id)
        except BaseException as exc:
            with p.open_warehouse(settings) as con:
                message = f"{type(exc).__name__}: {exc}"
                retry_conflicts(lambda: finish_run(con, run_id, "failed", message), what="run finish")
            raise
    log.info("run %s: %s", run_id, {k: summary[k] for k in ("seen", *OUTCOMES)})
    return summary


@dataclass(slots=True)
class _InFlight:
    """A batch handed to extraction, with what is needed to record it as failed if a stage gives up."""

    n: int
    batch: p.Batch
    items: list[RawDocument | Failure]  # the batch's inputs, as they came in
    decided: list[InputOutcome]  # outcomes decided before extraction (unchanged, duplicate, ...)
    pending: Pending | None = None


@dataclass(slots=True)
class _Pipeline:
    """Batches in order through the stages, with up to `batches_in_flight` being extracted at once.

    A stage that gives up (after its retries) fails its batch, not the run: every input of the batch
    is recorded as failed at that stage. Batches with nothing to extract ride along with the next write.
    """

    settings: Settings
    runner: Runner
    pool: NlpPool | None
    threads: ThreadPoolExecutor
    in_flight: deque[_InFlight] = field(default_factory=deque)
    carry: p.Batch | None = None
    batches: int = 0
    lost: int = 0

    @property
    def depth(self) -> int:
        """How many batches may be parsing while this process prepares the next."""
        asynchronous = self.runner.stages.submit_extract is not None or self.pool is not None
        return max(1, self.settings.batches_in_flight) if asynchronous else 0

    def submit(self, batch: p.Batch) -> Pending:
        """Start the batch's extraction: on the task runner, on a thread feeding the pool, or here."""
        st = self.runner.stages
        if st.submit_extract is not None:
            return st.submit_extract(self.settings, batch)
        if self.pool is not None:
            return self.threads.submit(st.extract, self.settings, batch)
        return _Done(st.extract(self.settings, batch))

    def add(self, n: int, batch: p.Batch) -> None:
        """Triage, clean and dedupe the batch here; start its extraction; write what is ready."""
        self.batches += 1
        flight = _InFlight(
            n, batch, [*batch.todo, *batch.failures], [o for o in batch.outcomes if o.outcome != "failed"]
        )
        st, settings = self.runner.stages, self.settings
        stage: StageName = "triage"
        try:
            if batch.todo:
                batch = st.triage(settings, batch)
            stage = "clean"
            if batch.todo:
                if self.pool is not None and worth_a_pool(settings, len(batch.todo)):
                    self.pool.start()  # spaCy loads only now, while this process cleans
                batch = st.clean(settings, batch)
            stage = "dedupe"
            if batch.articles:
                batch.in_flight = self._hashes_in_flight()
                batch = st.dedupe(settings, batch)
                batch.in_flight = {}
            stage = "extract"
            if batch.articles:
                flight.batch, flight.pending = batch, self.submit(batch)
                self.in_flight.append(flight)
            else:
                self._carry(batch)
        except Exception as exc:
            self._fail(flight, stage, exc)
        while len(self.in_flight) > self.depth:
            self._write_oldest()
        if not self.in_flight and self.carry and len(self.carry.outcomes) >= 10 * settings.batch_size:
            self._write(self.carry, None)

    def drain(self) -> None:
        """Write everything still in flight, then the carried outcomes."""
        while self.in_flight:
            self._write_oldest()
        if self.carry is not None:
            self._write(self.carry, None)

    def _carry(self, batch: p.Batch) -> None:
        """Keep an outcomes-only batch to write with the next one."""
        if self.carry is None:
            self.carry = batch
        else:
            self.carry.outcomes.extend(batch.outcomes)
            self.carry.failures.extend(batch.failures)
            self.carry.validators.update(batch.validators)

    def _write_oldest(self) -> None:
        flight = self.in_flight.popleft()
        assert flight.pending is not None
        try:
            batch = flight.pending.result()
        except Exception as exc:
            self._fail(flight, "extract", exc)
            return
        self._write(batch, flight)

    def _write(self, batch: p.Batch, flight: _InFlight | None) -> None:
        """Write a batch (with any carried outcomes riding along) in one transaction."""
        carried, self.carry = (self.carry if self.carry is not batch else None), None
        if carried is not None:
            batch.outcomes.extend(carried.outcomes)
            batch.failures.extend(carried.failures)
            batch.validators.update(carried.validators)
        try:
            batch = self.runner.stages.write(self.settings, batch)
            log.info("batch %d: %d inputs accounted for", flight.n if flight else 0, len(batch.outcomes))
        except Exception as exc:
            if flight is None:  # only decided outcomes: write them again, plainly
                self._record(batch, exc)
            else:
                self._fail(flight, "write", exc, carried)

    def _fail(
        self, flight: _InFlight, stage: StageName, exc: Exception, carried: p.Batch | None = None
    ) -> None:
        """Record every input of a batch whose stage gave up as failed at that stage."""
        self.runner.check_deadline(exc)  # the flow's timeout can surface as a stage's failure
        log.error(
            "%s failed for batch %d (%s: %s); recording its inputs as failed",
            stage,
            flight.n,
            type(exc).__name__,
            exc,
        )
        failed = p.failed_batch(flight.batch.run_id, flight.items, stage, exc)
        failed.outcomes += flight.decided
        if carried is not None:
            failed.outcomes += carried.outcomes
            failed.failures += carried.failures
        self._record(failed, exc)

    def _record(self, batch: p.Batch, cause: Exception) -> None:
        """Write outcomes directly (no task, no retries); count the batch as lost if even that fails."""
        try:
            p.write_stage(self.settings, batch)
        except Exception as again:
            self.lost += 1
            log.error("could not record the batch's outcomes either (%s; first: %s)", again, cause)

    def _hashes_in_flight(self) -> dict[str, tuple[int, str]]:
        """Texts of batches submitted but not yet written, so a later batch sees them as stored."""
        return {
            o.content_hash: (o.article_id, o.locator)
            for f in self.in_flight
            for o in f.batch.outcomes
            if o.outcome in STORED and o.content_hash and o.article_id is not None
        }


def repeated(doc: RawDocument, times: int) -> Failure:
    """The failure of an input whose locator (e.g. a JSONL id) already appeared in this run."""
    return Failure(
        doc.source,
        f"{doc.locator}#repeat{times}",
        "load",
        "DuplicateInput",
        f"id {doc.external_id!r} appears more than once in this run; the first one was kept",
    )


def check_accounting(run: dict[str, Any], per_source: list[dict[str, Any]], inputs_seen: int) -> None:
    """Every input seen ended as exactly one outcome, in total and per source; else fail loudly."""
    problems = []
    if run["seen"] != inputs_seen:
        problems.append(f"{inputs_seen} inputs were read but {run['seen']} outcomes recorded")
    for row in [run, *per_source]:
        total = sum(row[k] for k in OUTCOMES)
        if row["seen"] != total:
            problems.append(f"{row.get('source', 'run')}: seen {row['seen']} != outcomes {total}")
    if problems:
        raise AccountingError("accounting invariant violated: " + "; ".join(problems))
