"""What a run shows in the Prefect UI: artifacts with stable keys, built from the warehouse.

- `ingest-summary`: outcomes per source (a table)
- `ingest-failures`: every input that failed (source, locator, stage, reason; a table)
- `ingest-report`: the night report (markdown)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from newsflow.core.settings import Settings
from newsflow.ops.report import night_report
from warehouse.db import open_reader
from warehouse.reports import failure_count, failure_rows

SUMMARY_KEY = "ingest-summary"
FAILURES_KEY = "ingest-failures"
REPORT_KEY = "ingest-report"


@dataclass(frozen=True, slots=True)
class Artifact:
    """One artifact of a run: a table (rows of dicts) or markdown."""

    key: str
    kind: Literal["table", "markdown"]
    content: list[dict[str, Any]] | str
    description: str


def run_artifacts(settings: Settings, summary: dict[str, Any]) -> list[Artifact]:
    """The run's three artifacts, read from the warehouse after the run."""
    run_id = summary["run_id"]
    with open_reader(settings.warehouse, settings.lock_timeout) as con:
        failures = failure_rows(con, run_id, settings.max_failure_rows)
        total = failure_count(con, run_id)
        report = night_report(con, run_id)
    shown = f" (first {len(failures)} shown)" if total > len(failures) else ""
    return [
        Artifact(SUMMARY_KEY, "table", summary["sources"], f"Outcomes per source, run {run_id}"),
        Artifact(FAILURES_KEY, "table", failures, f"{total} failed input(s){shown}, run {run_id}"),
        Artifact(REPORT_KEY, "markdown", report, f"What run {run_id} brought"),
    ]


def publish(artifacts: list[Artifact]) -> None:
    """Create the artifacts with Prefect (call inside the flow run)."""
    from prefect.artifacts import create_markdown_artifact, create_table_artifact

    for art in artifacts:
        if isinstance(art.content, str):
            create_markdown_artifact(key=art.key, markdown=art.content, description=art.description)
        else:
            create_table_artifact(key=art.key, table=art.content, description=art.description)
