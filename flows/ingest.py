"""The nightly `ingest` flow: load → triage → clean → dedupe → extract → write, batched tasks."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run

from newsflow import artifacts, ops
from newsflow import pipeline as p
from newsflow.errors import NewsflowError, WarehouseBusyError
from newsflow.records import Failure, RawDocument
from newsflow.report import night_report
from newsflow.settings import Settings, get_settings
from sources.local import load_local
from warehouse.db import open_writer
from warehouse.load import OUTCOMES
from warehouse.runs import finish_run, source_counts, start_run

_S = get_settings()
_RETRY_BUSY = ops.task_options(_S, WarehouseBusyError)  # stages that open the warehouse
_ONCE = ops.task_options(_S)  # deterministic stages: a timeout, no retries


@task(name="triage", cache_policy=NO_CACHE, **_RETRY_BUSY)
def triage_task(settings: Settings, batch: p.Batch) -> p.Batch:
    """Skip inputs whose bytes did not change since they were last stored."""
    p.triage(batch, p.lookup(settings, batch))
    return batch


@task(name="clean", cache_policy=NO_CACHE, **_ONCE)
def clean_task(batch: p.Batch) -> p.Batch:
    """Extract main text, structure and metadata."""
    p.clean_all(batch)
    return batch


@task(name="dedupe", cache_policy=NO_CACHE, **_RETRY_BUSY)
def dedupe_task(settings: Settings, batch: p.Batch) -> p.Batch:
    """Separate new and updated articles from unchanged texts and duplicates."""
    p.dedupe(batch, p.lookup_hashes(settings, batch))
    return batch


@task(name="extract", cache_policy=NO_CACHE, **_ONCE)
def extract_task(settings: Settings, batch: p.Batch) -> p.Batch:
    """Entities, claims and amounts with spaCy."""
    p.extract_all(settings, batch)
    return batch


@task(name="write", cache_policy=NO_CACHE, **_RETRY_BUSY)
def write_task(settings: Settings, batch: p.Batch) -> None:
    """Commit the batch to the warehouse in one transaction."""
    p.write(settings, batch)


def inputs(sources: list[str], settings: Settings) -> Iterator[RawDocument | Failure]:
    """Every input the sources name, as documents or load failures, streamed; a broken source fails alone."""
    for source in sources:
        name = source.rstrip("/") or source
        try:
            for item in load_local([source], source=name, max_bytes=settings.max_input_bytes):
                yield item.document or item.failure  # type: ignore[misc]
        except Exception as exc:  # a source that breaks mid-way must not stop the night
            yield Failure(name, source, "load", type(exc).__name__, str(exc) or repr(exc))


def run_batch(settings: Settings, run_id: str, items: list[RawDocument | Failure]) -> bool:
    """Run one batch through the stage tasks; if a stage gives up, record its inputs as failed.

    Returns False only when not even the failures could be written.
    """
    log = get_run_logger()
    batch = p.Batch(run_id)
    for item in items:
        if isinstance(item, Failure):
            batch.fail(item)
        else:
            batch.todo.append(item)
    stage = "triage"
    try:
        batch = triage_task(settings, batch)
        stage = "clean"
        batch = clean_task(batch)
        stage = "dedupe"
        batch = dedupe_task(settings, batch)
        stage = "extract"
        batch = extract_task(settings, batch)
        stage = "write"
        write_task(settings, batch)
        return True
    except Exception as exc:
        ops.raise_if_run_timed_out(exc)
        log.error(
            "%s failed for a batch of %d inputs (%s: %s); recording them as failed",
            stage,
            len(items),
            type(exc).__name__,
            exc,
        )
        try:
            p.write(settings, ops.failed_batch(run_id, items, stage, exc))
            return True
        except Exception as again:
            log.error("could not record the batch's failures either: %s", again)
            return False


@flow(name="ingest", log_prints=False, timeout_seconds=_S.flow_timeout_seconds, flow_run_name=ops.run_name)
def ingest(sources: list[str] | None = None, warehouse: str | None = None) -> dict[str, Any]:
    """Ingest the sources (default: settings.default_sources) into the warehouse.

    A failed input or batch is recorded and the night goes on; the run fails only when nothing
    could be written.
    """
    log = get_run_logger()
    settings = p.warehouse_path(get_settings(), warehouse)
    ops.forward_logs(settings.log_level)
    sources = sources or settings.default_sources
    run_id = str(uuid.uuid4())
    with ops.exclusive_run(settings):
        with open_writer(settings.warehouse, settings.lock_timeout, settings.storage_version) as con:
            stale = start_run(con, run_id, "ingest", sources, flow_run.get_id(), settings.spacy_model)
        if stale:
            log.warning("marked %d earlier run(s) as interrupted; their inputs are retried now", stale)
        batches = lost = 0
        try:
            for items in p.batched(inputs(sources, settings), settings.batch_size):
                batches += 1
                if run_batch(settings, run_id, items):
                    log.info("batch %d: %d inputs done", batches, len(items))
                else:
                    lost += 1
            if lost and lost == batches:
                raise NewsflowError(f"nothing could be written: all {lost} batch(es) failed")
        except BaseException as exc:
            with open_writer(settings.warehouse, settings.lock_timeout) as con:
                finish_run(con, run_id, "failed", f"{type(exc).__name__}: {exc}")
            raise
        with open_writer(settings.warehouse, settings.lock_timeout) as con:
            summary = finish_run(con, run_id, "completed")
            per_source = source_counts(con, run_id)
            failures = artifacts.failure_rows(con, run_id, settings.max_failure_rows)
            total_failures = artifacts.failure_count(con, run_id)
            report = night_report(con, run_id)
    artifacts.publish(summary, per_source, failures, total_failures, report)
    log.info("run %s: %s", run_id, {k: summary[k] for k in ("seen", *OUTCOMES)})
    return {**summary, "sources": per_source}
