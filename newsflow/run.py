"""A whole run: the run row, the lock, streaming inputs in bounded batches through the stages, accounting.

The same code runs under Prefect (flows/ wraps each stage in a task) and without it (tests, benchmarks).
"""

from __future__ import annotations

import logging
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from newsflow import pipeline as p
from newsflow.errors import AccountingError
from newsflow.records import Failure, RawDocument
from newsflow.settings import Settings
from sources.local import load_local
from warehouse.db import open_writer, run_lock
from warehouse.load import OUTCOMES
from warehouse.runs import finish_run, run_row, source_counts, start_run

Stage = Callable[[Settings, p.Batch], p.Batch]
log = logging.getLogger("newsflow.run")


@dataclass(frozen=True, slots=True)
class Stages:
    """The per-batch stages in order; a runner (Prefect) may substitute wrapped versions."""

    triage: Stage = p.triage_stage
    clean: Stage = p.clean_stage
    dedupe: Stage = p.dedupe_stage
    extract: Stage = p.extract_stage
    write: Stage = p.write_stage

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
                batch = stages.run(settings, batch)
                log.info("batch %d: %d inputs accounted for", n, len(batch.outcomes))
            with open_writer(settings.warehouse, settings.lock_timeout) as con:
                check_accounting(run_row(con, run_id), source_counts(con, run_id), seen)
        except BaseException as exc:
            with open_writer(settings.warehouse, settings.lock_timeout) as con:
                finish_run(con, run_id, "failed", f"{type(exc).__name__}: {exc}")
            raise
        with open_writer(settings.warehouse, settings.lock_timeout) as con:
            summary = finish_run(con, run_id, "completed")
            summary["sources"] = source_counts(con, run_id)
    log.info("run %s: %s", run_id, {k: summary[k] for k in ("seen", *OUTCOMES)})
    return summary


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
