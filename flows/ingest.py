"""The nightly `ingest` flow: load → triage → clean → dedupe → extract → write, batched tasks."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run

from newsflow import pipeline as p
from newsflow.records import Failure, RawDocument
from newsflow.report import night_report
from newsflow.settings import Settings, get_settings
from sources.local import load_local
from warehouse.db import open_writer, run_lock
from warehouse.load import OUTCOMES
from warehouse.runs import finish_run, source_counts, start_run


@task(name="triage", cache_policy=NO_CACHE)
def triage_task(settings: Settings, batch: p.Batch) -> p.Batch:
    """Skip inputs whose bytes did not change since they were last stored."""
    p.triage(batch, p.lookup(settings, batch))
    return batch


@task(name="clean", cache_policy=NO_CACHE)
def clean_task(batch: p.Batch) -> p.Batch:
    """Extract main text, structure and metadata."""
    p.clean_all(batch)
    return batch


@task(name="dedupe", cache_policy=NO_CACHE)
def dedupe_task(settings: Settings, batch: p.Batch) -> p.Batch:
    """Separate new and updated articles from unchanged texts and duplicates."""
    p.dedupe(batch, p.lookup_hashes(settings, batch))
    return batch


@task(name="extract", cache_policy=NO_CACHE)
def extract_task(settings: Settings, batch: p.Batch) -> p.Batch:
    """Entities, claims and amounts with spaCy."""
    p.extract_all(settings, batch)
    return batch


@task(name="write", cache_policy=NO_CACHE)
def write_task(settings: Settings, batch: p.Batch) -> None:
    """Commit the batch to the warehouse in one transaction."""
    p.write(settings, batch)


def inputs(sources: list[str], settings: Settings) -> Iterator[RawDocument | Failure]:
    """Every input the sources name, as documents or load failures, streamed."""
    for source in sources:
        name = source.rstrip("/") or source
        for item in load_local([source], source=name, max_bytes=settings.max_input_bytes):
            yield item.document or item.failure  # type: ignore[misc]


@flow(name="ingest", log_prints=False)
def ingest(sources: list[str] | None = None, warehouse: str | None = None) -> dict[str, Any]:
    """Ingest the sources (default: settings.default_sources) into the warehouse."""
    log = get_run_logger()
    settings = p.warehouse_path(get_settings(), warehouse)
    sources = sources or settings.default_sources
    run_id = str(uuid.uuid4())
    with run_lock(settings.warehouse):
        with open_writer(settings.warehouse, settings.lock_timeout, settings.storage_version) as con:
            stale = start_run(con, run_id, "ingest", sources, flow_run.get_id(), settings.spacy_model)
        if stale:
            log.warning("marked %d earlier run(s) as interrupted; their inputs are retried now", stale)
        try:
            for n, items in enumerate(p.batched(inputs(sources, settings), settings.batch_size)):
                batch = p.Batch(run_id)
                for item in items:
                    if isinstance(item, Failure):
                        batch.fail(item)
                    else:
                        batch.todo.append(item)
                batch = triage_task(settings, batch)
                batch = clean_task(batch)
                batch = dedupe_task(settings, batch)
                batch = extract_task(settings, batch)
                write_task(settings, batch)
                log.info("batch %d: %d inputs written", n + 1, len(batch.outcomes))
        except BaseException as exc:
            with open_writer(settings.warehouse, settings.lock_timeout) as con:
                finish_run(con, run_id, "failed", f"{type(exc).__name__}: {exc}")
            raise
        with open_writer(settings.warehouse, settings.lock_timeout) as con:
            summary = finish_run(con, run_id, "completed")
            per_source = source_counts(con, run_id)
            report = night_report(con, run_id)
    publish(summary, per_source, report)
    log.info("run %s: %s", run_id, {k: summary[k] for k in ("seen", *OUTCOMES)})
    return {**summary, "sources": per_source}


def publish(summary: dict[str, Any], per_source: list[dict[str, Any]], report: str) -> None:
    """Run-summary table and night report as Prefect artifacts with stable keys."""
    create_table_artifact(
        key="ingest-summary",
        table=per_source,
        description=f"Outcomes per source, run {summary['run_id']}",
    )
    create_markdown_artifact(
        key="ingest-report", markdown=report, description=f"What run {summary['run_id']} brought"
    )
