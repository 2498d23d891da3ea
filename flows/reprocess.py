"""The `reprocess` flow: re-clean and re-extract stored articles from the raw archive (no network)."""

from __future__ import annotations

from typing import Any

from prefect import flow
from prefect.runtime import flow_run

from flows.ingest import TASK_STAGES, publish
from newsflow import pipeline as p
from newsflow.run import run_reprocess
from newsflow.settings import get_settings


@flow(name="reprocess", log_prints=False)
def reprocess(sources: list[str] | None = None, warehouse: str | None = None) -> dict[str, Any]:
    """Rebuild every stored article (or those of the named sources) with the current extractors."""
    settings = p.warehouse_path(get_settings(), warehouse)
    summary = run_reprocess(settings, sources, TASK_STAGES, flow_run.get_id())
    publish(settings, summary)
    return summary
