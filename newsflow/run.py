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
from dataclasses import dataclass
from typing import Any, Protocol

from newsflow import pipeline as p
from newsflow.errors import AccountingError
from newsflow.parallel import NlpPool, run_pool
from newsflow.records import Failure, RawDocument
from newsflow.settings import Settings
from sources.local import load_local
from warehouse.aggregates import refresh_aggregates
from warehouse.db import open_writer, run_lock
from warehouse.load import OUTCOMES
from warehouse.runs import finish_run, run_row, source_counts, start_run

Stage = Callable[[Settings, p.Batch], p.Batch]
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

    def run(self, settings: Settings, batch: p.Batch) -> p.Batch:
        """Take one batch through every stage."""
        for stage in (self.triage, self.clean, self.dedupe, self.extract, self.write):
            batch = stage(settings, batch)
        return batch


def local_inputs(sources: list[str], settings: Settings) -> Iterator[RawDocument | Failure]:
    """Every input the local sources name, as documents or load failures, streamed."""
    for source in sources:
        name = source.rstrip("/") or source
        for item in load_local([source], source=name, max_bytes=settings.max_input_bytes):
            yield item.document if item.document is not None else item.failure  # type: ignore[misc]


def run_ingest(
    sources: list[str],
    settings: Settings,
    stages: Stages | None = None,
    flow_run_id: str | None = None,
    inputs: Iterable[RawDocument | Failure] | None = None,
) -> dict[str, Any]:
    """Ingest the sources into the warehouse; return the run row with per-source counts."""
    stages = stages or Stages()
    run_id = str(uuid.uuid4())
    with run_lock(settings.warehouse, wait=settings.wait_for_lock):
        with open_writer(settings.warehouse, settings.lock_timeout, settings.storage_version) as con:
            stale = start_run(con, run_id, "ingest", sources, flow_run_id, settings.spacy_model)
        if stale:
            log.warning("marked %d earlier run(s) as interrupted; their inputs are retried now", stale)
        seen, locators = 0, Counter[str]()
        try:
            stream = inputs if inputs is not None else local_inputs(sources, settings)
            with (
                ThreadPoolExecutor(max(1, settings.batches_in_flight)) as threads,
                run_pool(settings) as pool,
            ):
                pipe = _Pipeline(settings, stages, pool, threads)
                for n, items in enumerate(p.batched(stream, settings.batch_size), 1):
                    batch = p.Batch(run_id)
                    for item in items:
                        if isinstance(item, Failure):
                            batch.fail(item)
                        elif locators[item.locator]:
                            batch.fail(repeated(item, locators[item.locator]), item.external_id)
                            locators[item.locator] += 1
                        else:
                            locators[item.locator] = 1
                            batch.todo.append(item)
                    seen += len(items)
                    pipe.add(n, batch)
                pipe.drain()
            with open_writer(settings.warehouse, settings.lock_timeout) as con:
                row = run_row(con, run_id)
                check_accounting(row, source_counts(con, run_id), seen)
                if stale or row["new"] or row["updated"]:
                    refresh_aggregates(con)
                summary = finish_run(con, run_id, "completed")
                summary["sources"] = source_counts(con, run_id)
        except BaseException as exc:
            with open_writer(settings.warehouse, settings.lock_timeout) as con:
                finish_run(con, run_id, "failed", f"{type(exc).__name__}: {exc}")
            raise
    log.info("run %s: %s", run_id, {k: summary[k] for k in ("seen", *OUTCOMES)})
    return summary


class _Pipeline:
    """Batches in order through the stages, with up to `batches_in_flight` being extracted at once."""

    def __init__(
        self, settings: Settings, stages: Stages, pool: NlpPool | None, threads: ThreadPoolExecutor
    ) -> None:
        self.settings, self.stages, self.pool = settings, stages, pool
        self.in_flight: deque[tuple[int, p.Batch, Pending]] = deque()
        self.carry: p.Batch | None = None  # batches with nothing to extract, written with the next one
        if stages.submit_extract is not None:
            self.submit: Submit = stages.submit_extract
            self.depth = max(1, settings.batches_in_flight)
        elif pool is not None:
            self.submit = lambda s, b: threads.submit(stages.extract, s, b)
            self.depth = max(1, settings.batches_in_flight)
        else:
            self.submit = lambda s, b: _Done(stages.extract(s, b))
            self.depth = 0

    def add(self, n: int, batch: p.Batch) -> None:
        """Triage, clean and dedupe the batch here; start its extraction; write what is ready."""
        st, settings = self.stages, self.settings
        if batch.todo:
            batch = st.triage(settings, batch)
        if batch.todo:
            if self.pool is not None:
                self.pool.start()  # spaCy loads only now, while this process cleans
            batch = st.clean(settings, batch)
        if batch.articles:
            batch.in_flight = self._hashes_in_flight()
            batch = st.dedupe(settings, batch)
            batch.in_flight = {}
        if batch.articles:
            self.in_flight.append((n, batch, self.submit(settings, batch)))
        elif self.carry is None:
            self.carry = batch
        else:
            self.carry.outcomes.extend(batch.outcomes)
            self.carry.failures.extend(batch.failures)
        while len(self.in_flight) > self.depth:
            self._write_oldest()
        if not self.in_flight and self.carry and len(self.carry.outcomes) >= 10 * settings.batch_size:
            self._write(0, self.carry)

    def drain(self) -> None:
        """Write everything still in flight, then the carried outcomes."""
        while self.in_flight:
            self._write_oldest()
        if self.carry is not None:
            self._write(0, self.carry)

    def _write_oldest(self) -> None:
        n, _, pending = self.in_flight.popleft()
        batch = pending.result()
        if self.carry is not None:  # outcomes-only batches ride along in the same transaction
            batch.outcomes.extend(self.carry.outcomes)
            batch.failures.extend(self.carry.failures)
            self.carry = None
        self._write(n, batch)

    def _write(self, n: int, batch: p.Batch) -> None:
        if batch is self.carry:
            self.carry = None
        batch = self.stages.write(self.settings, batch)
        log.info("batch %d: %d inputs accounted for", n, len(batch.outcomes))

    def _hashes_in_flight(self) -> dict[str, tuple[int, str]]:
        """Texts of batches submitted but not yet written, so a later batch sees them as stored."""
        return {
            o.content_hash: (o.article_id, o.locator)
            for _, b, _ in self.in_flight
            for o in b.outcomes
            if o.outcome in ("new", "updated") and o.content_hash and o.article_id is not None
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
