"""The nightly `ingest` flow: each stage of each batch is a Prefect task; the work is in newsflow.run."""

from __future__ import annotations

from typing import Any

from prefect import flow, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run
from prefect.utilities.annotations import quote

from newsflow import pipeline as p
from newsflow.report import night_report
from newsflow.run import Stages, run_ingest
from newsflow.settings import Settings, get_settings
from warehouse.db import open_reader


def as_task(fn: Any, name: str) -> Any:
    """A stage function as a Prefect task (no result caching: batches are large and used once)."""
    return task(fn, name=name, cache_policy=NO_CACHE)


def quoted(stage_task: Any) -> Any:
    """Call a stage task with its batch quoted, so Prefect does not walk every article for futures."""
    return lambda settings, batch: stage_task(settings, quote(batch))


_EXTRACT = as_task(p.extract_stage, "extract")
TASK_STAGES = Stages(
    triage=quoted(as_task(p.triage_stage, "triage")),
    clean=quoted(as_task(p.clean_stage, "clean")),
    dedupe=quoted(as_task(p.dedupe_stage, "dedupe")),
    extract=quoted(_EXTRACT),
    write=quoted(as_task(p.write_stage, "write")),
    # on the flow's task runner: a thread of this process, or a Dask worker (which gets `quote`
    # objects as plain tuples, so the batch is passed as it is)
    submit_extract=_EXTRACT.submit,
)


@flow(name="ingest", log_prints=False)
def ingest(sources: list[str] | None = None, warehouse: str | None = None) -> dict[str, Any]:
    """Ingest the sources (default: settings.default_sources) into the warehouse."""
    settings: Settings = p.warehouse_path(get_settings(), warehouse)
    if settings.dask_address:  # extraction runs on the Dask workers, one spaCy per worker
        settings = settings.model_copy(update={"n_process": 1})
    summary = run_ingest(sources or settings.default_sources, settings, TASK_STAGES, flow_run.get_id())
    publish(settings, summary)
    return summary


def ingest_for(settings: Settings) -> Any:
    """The ingest flow, on a DaskTaskRunner when `settings.dask_address` is set ('local': a LocalCluster)."""
    if not settings.dask_address:
        return ingest
    from newsflow.cluster import task_runner

    return ingest.with_options(task_runner=task_runner(settings))


def publish(settings: Settings, summary: dict[str, Any]) -> None:
    """Run-summary table and night report as Prefect artifacts with stable keys."""
    with open_reader(settings.warehouse, settings.lock_timeout) as con:
        report = night_report(con, summary["run_id"])
    create_table_artifact(
        key="ingest-summary",
        table=summary["sources"],
        description=f"Outcomes per source, run {summary['run_id']}",
    )
    create_markdown_artifact(
        key="ingest-report", markdown=report, description=f"What run {summary['run_id']} brought"
    )
