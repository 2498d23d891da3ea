"""Operations: the nightly schedule, the dashboard, log forwarding, retries and timeouts.

Plain functions the flows and the CLI call; nothing here runs a flow by itself.
"""

from __future__ import annotations

import importlib
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from prefect.context import FlowRunContext, TaskRunContext
from prefect.logging.handlers import APILogHandler

from newsflow.core.settings import Settings
from newsflow.ops.api_run import flow_run_name

if TYPE_CHECKING:
    from prefect.deployments.runner import RunnerDeployment

log = logging.getLogger(__name__)

#: Loggers whose records go to the Prefect run logs (per batch and per run, never per article).
FORWARDED_LOGGERS = ("newsflow", "warehouse", "extractors", "sources")


@dataclass(frozen=True, slots=True)
class DeploymentSpec:
    """One deployment `newsflow serve` registers: which flow, under which name, scheduled or not."""

    entrypoint: str  # "module:flow_function"
    name: str
    scheduled: bool
    description: str


#: Everything `newsflow serve` (and prefect.yaml) offers. A flow module that does not exist yet is
#: skipped, so a new flow is one line here.
DEPLOYMENTS = (
    DeploymentSpec("flows.ingest:ingest", "nightly", True, "The nightly ingest of the default sources"),
    DeploymentSpec("flows.reprocess:reprocess", "reprocess", False, "Re-run extraction on stored articles"),
)


# --- logs -------------------------------------------------------------------------------------


class RunLogHandler(APILogHandler):
    """Prefect's API log handler, for records made inside a flow or task run only (no warnings)."""

    def emit(self, record: logging.LogRecord) -> None:
        """Forward the record when a run is active."""
        if FlowRunContext.get() or TaskRunContext.get():
            super().emit(record)


class ThreadTimeoutNotice(logging.Filter):
    """Drops Prefect's per-task notice that a timeout cannot interrupt blocking calls in a worker
    thread: newsflow's stages are Python that returns to the interpreter at least every second (the
    NLP pool is waited on in 1 s slices), so their timeouts do interrupt them. A WARNING per batch
    on every clean run would teach users to ignore warnings."""

    def filter(self, record: logging.LogRecord) -> bool:
        """False for that notice only."""
        return not str(record.msg).startswith("Timeout of %s seconds configured for this task, but")


def forward_logs(level: str = "INFO") -> None:
    """Send newsflow's loggers to the Prefect run logs, as PREFECT_LOGGING_EXTRA_LOGGERS would,
    whatever the import order, and quiet the thread-timeout notice. Idempotent; call it in a flow.
    """
    task_runs = logging.getLogger("prefect.task_runs")
    if not any(isinstance(f, ThreadTimeoutNotice) for f in task_runs.filters):
        task_runs.addFilter(ThreadTimeoutNotice())
    for name in FORWARDED_LOGGERS:
        logger = logging.getLogger(name)
        logger.setLevel(level)
        if not any(isinstance(h, RunLogHandler) for h in logger.handlers):
            logger.addHandler(RunLogHandler())


# --- naming, retries, timeouts ------------------------------------------------------------------


def run_name() -> str:
    """Flow run name: `ingest-<UTC time>`, so a night's run is easy to find in the UI."""
    return flow_run_name("ingest")


def retry_on(*retryable: type[BaseException]) -> Callable[[Any, Any, Any], bool]:
    """A Prefect `retry_condition_fn` that retries only when the task raised one of `retryable`."""

    def condition(task: Any, task_run: Any, state: Any) -> bool:
        try:
            state.result()
        except retryable:
            return True
        except BaseException:
            return False
        return False

    condition.__name__ = f"retry_on_{'_'.join(t.__name__ for t in retryable)}"
    return condition


def task_options(settings: Settings, *retryable: type[BaseException]) -> dict[str, Any]:
    """Prefect task options: a timeout, and exponential backoff with jitter for retryable errors."""
    from prefect.tasks import exponential_backoff

    options: dict[str, Any] = {"timeout_seconds": settings.task_timeout_seconds}
    if retryable and settings.task_retries > 0:
        options |= {
            "retries": settings.task_retries,
            "retry_delay_seconds": exponential_backoff(settings.retry_backoff_seconds),
            "retry_jitter_factor": settings.retry_jitter_factor,
            "retry_condition_fn": retry_on(*retryable),
        }
    return options


def raise_if_run_timed_out(exc: BaseException | None = None) -> None:
    """Raise the flow's timeout when the flow run is past its timeout (from a stage's failure `exc`).

    Prefect's flow timeout can surface inside a running task as that task's timeout; without this
    the run would record one failed batch and go on past its deadline. Its alarm can also be lost
    (a signal that lands in an object's finalizer is ignored), so the run loop asks between batches.
    """
    from prefect.flow_engine import FlowRunTimeoutError

    ctx = FlowRunContext.get()
    timeout = ctx.flow.timeout_seconds if ctx and ctx.flow else None
    if ctx and timeout and (datetime.now(UTC) - ctx.start_time).total_seconds() >= timeout:
        raise FlowRunTimeoutError(f"the run passed its timeout of {timeout:.0f}s") from exc


# --- the schedule -------------------------------------------------------------------------------


def local_timezone() -> str:
    """This machine's IANA timezone name (TZ, /etc/timezone, /etc/localtime), else UTC."""
    tz = os.environ.get("TZ", "").lstrip(":")
    if "/" in tz or tz == "UTC":
        return tz
    etc = Path("/etc/timezone")
    if etc.is_file() and (name := etc.read_text().strip()):
        return name
    localtime = Path("/etc/localtime")
    if localtime.is_symlink():
        target = str(localtime.resolve())
        if "zoneinfo/" in target:
            return target.split("zoneinfo/", 1)[1]
    return "UTC"


def schedule_timezone(settings: Settings) -> str:
    """The schedule's timezone: the setting, or this machine's."""
    return settings.schedule_timezone or local_timezone()


def load_flow(entrypoint: str) -> Any | None:
    """The flow object at `module:name`, or None when that flow module does not exist (yet)."""
    module_name, _, attr = entrypoint.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name == module_name:
            return None
        raise
    return getattr(module, attr)


def deployments(settings: Settings) -> list[RunnerDeployment]:
    """The deployments `newsflow serve` registers: the scheduled nightly ingest and the others."""
    from prefect.schedules import Cron

    out = []
    for spec in DEPLOYMENTS:
        flow = load_flow(spec.entrypoint)
        if flow is None:
            log.info("%s does not exist here; not serving it", spec.entrypoint)
            continue
        tz = schedule_timezone(settings)
        schedules = [Cron(settings.schedule_cron, timezone=tz)] if spec.scheduled else []
        out.append(
            flow.to_deployment(
                name=spec.name, schedules=schedules, description=spec.description, tags=["newsflow"]
            )
        )
    return out


def serve(settings: Settings) -> None:
    """Register the deployments and run their flows here until stopped (schedules stay active)."""
    from prefect import serve as prefect_serve

    prefect_serve(*deployments(settings), pause_on_shutdown=False)
