"""The `reprocess` flow: re-clean and re-extract stored articles from the raw archive (no network)."""

from __future__ import annotations

from typing import Any

from prefect import flow

from flows.ingest import publish, runner
from newsflow.core.settings import get_settings
from newsflow.ops import schedule as ops
from newsflow.runtime import stages as p
from newsflow.runtime.run import run_reprocess


@flow(name="reprocess", log_prints=False, timeout_seconds=get_settings().flow_timeout_seconds)
def reprocess(sources: list[str] | None = None, warehouse: str | None = None) -> dict[str, Any]:
    """Rebuild every stored article (or those of the named sources) with the current extractors."""
    settings = p.warehouse_path(get_settings(), warehouse)
    ops.forward_logs(settings.log_level)
    summary = run_reprocess(settings, sources, runner())
    publish(settings, summary)
    return summary
