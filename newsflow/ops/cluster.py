"""Dask for extraction beyond one machine: the task runner the ingest flow uses when a scheduler is set."""

from __future__ import annotations

from typing import Any

from newsflow.core.settings import Settings


def task_runner(settings: Settings) -> Any:
    """A prefect-dask DaskTaskRunner: the scheduler at `dask_address`, or a LocalCluster for 'local'.

    Only the extract stage is submitted to it; triage, clean, dedupe and the single warehouse writer
    run in the flow's process.
    """
    from prefect_dask.task_runners import DaskTaskRunner

    if settings.dask_address == "local":
        return DaskTaskRunner(
            cluster_class="distributed.LocalCluster",
            cluster_kwargs={
                "n_workers": settings.dask_workers,
                "threads_per_worker": 1,  # spaCy is CPU-bound: one parse at a time per worker process
                "processes": True,
                "dashboard_address": None,
            },
        )
    return DaskTaskRunner(address=settings.dask_address)
