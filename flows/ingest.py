"""The nightly `ingest` flow: each stage of each batch is a Prefect task; the work is in newsflow.runtime."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from prefect import Task, flow, task
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run
from prefect.utilities.annotations import quote

from newsflow.core.errors import WarehouseBusyError
from newsflow.core.settings import Settings, get_settings
from newsflow.ops import artifacts
from newsflow.ops import schedule as ops
from newsflow.runtime import stages as p
from newsflow.runtime.run import Pending, Runner, Stage, Stages, run_ingest

_S = get_settings()
_RETRY_BUSY = ops.task_options(_S, WarehouseBusyError)  # stages that open the warehouse
_ONCE = ops.task_options(_S)  # deterministic stages: a timeout, no retries


@dataclass(frozen=True, slots=True)
class TaskStage:
    """A stage run as a Prefect task (no result caching: batches are large and used once)."""

    task: Task[[Settings, p.Batch], p.Batch]

    def __call__(self, settings: Settings, batch: p.Batch) -> p.Batch:
        """Run the task here; the batch is quoted so Prefect does not walk every article for futures."""
        run: Any = self.task
        result: p.Batch = run(settings, quote(batch))
        return result

    def submit(self, settings: Settings, batch: p.Batch) -> Pending:
        """Start the task on the flow's task runner (a thread here, or a Dask worker)."""
        return self.task.submit(settings, batch)


def as_task(fn: Stage, name: str, options: dict[str, Any]) -> TaskStage:
    """A stage function as a task stage."""
    return TaskStage(task(name=name, cache_policy=NO_CACHE, **options)(fn))


_EXTRACT = as_task(p.extract_stage, "extract", _ONCE)
TASK_STAGES = Stages(
    triage=as_task(p.triage_stage, "triage", _RETRY_BUSY),
    clean=as_task(p.clean_stage, "clean", _ONCE),
    dedupe=as_task(p.dedupe_stage, "dedupe", _RETRY_BUSY),
    extract=_EXTRACT,
    write=as_task(p.write_stage, "write", _RETRY_BUSY),
    submit_extract=_EXTRACT.submit,
)


def runner() -> Runner:
    """The Prefect runner: task stages, this flow run's id, its timeout honoured inside stages."""
    return Runner(TASK_STAGES, flow_run.get_id(), ops.raise_if_run_timed_out)


@flow(name="ingest", log_prints=False, timeout_seconds=_S.flow_timeout_seconds, flow_run_name=ops.run_name)
def ingest(sources: list[str] | None = None, warehouse: str | None = None) -> dict[str, Any]:
    """Ingest the sources (default: settings.default_sources) into the warehouse.

    A failed input or batch is recorded and the night goes on; the run fails only when nothing
    could be written.
    """
    settings: Settings = p.warehouse_path(get_settings(), warehouse)
    if settings.dask_address:  # extraction runs on the Dask workers, one spaCy per worker
        settings = settings.model_copy(update={"n_process": 1})
    ops.forward_logs(settings.log_level)
    summary = run_ingest(sources or settings.default_sources, settings, runner())
    publish(settings, summary)
    return summary


def ingest_for(settings: Settings) -> Any:
    """The ingest flow, on a DaskTaskRunner when `settings.dask_address` is set ('local': a LocalCluster)."""
    if not settings.dask_address:
        return ingest
    from newsflow.ops.cluster import task_runner

    return ingest.with_options(task_runner=task_runner(settings))


def publish(settings: Settings, summary: dict[str, Any]) -> None:
    """The run's artifacts (summary, failures, night report), read from the warehouse."""
    artifacts.publish(artifacts.run_artifacts(settings, summary))
