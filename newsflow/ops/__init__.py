"""Prefect glue: the local server, schedule, deployments, logs, artifacts, alerts, the Dask runner."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsflow.core.lazy import lazy_getattr

if TYPE_CHECKING:
    from newsflow.ops.alerts import install
    from newsflow.ops.artifacts import publish
    from newsflow.ops.cluster import task_runner
    from newsflow.ops.report import night_report
    from newsflow.ops.schedule import (
        DEPLOYMENTS,
        deployments,
        forward_logs,
        serve,
        task_options,
    )
    from newsflow.ops.server import stop_local_server, use_server

__all__ = [
    "DEPLOYMENTS",
    "deployments",
    "forward_logs",
    "install",
    "night_report",
    "publish",
    "serve",
    "stop_local_server",
    "task_options",
    "task_runner",
    "use_server",
]

# Imported on first use, so nothing imports Prefect before it is needed.
_LAZY = {
    "DEPLOYMENTS": "newsflow.ops.schedule",
    "deployments": "newsflow.ops.schedule",
    "forward_logs": "newsflow.ops.schedule",
    "install": "newsflow.ops.alerts",
    "night_report": "newsflow.ops.report",
    "publish": "newsflow.ops.artifacts",
    "serve": "newsflow.ops.schedule",
    "task_options": "newsflow.ops.schedule",
    "task_runner": "newsflow.ops.cluster",
    "stop_local_server": "newsflow.ops.server",
    "use_server": "newsflow.ops.server",
}


__getattr__ = lazy_getattr(__name__, _LAZY)
