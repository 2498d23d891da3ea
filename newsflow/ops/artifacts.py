"""What a run shows in the Prefect UI: artifacts with stable keys, built from the warehouse.

- `ingest-summary`: outcomes per source (a table)
- `ingest-failures`: every input that failed (source, locator, stage, reason; a table)
- `ingest-report`: the night report (markdown)
"""

from __future__ import annotations

from typing import Any

SUMMARY_KEY = "ingest-summary"
FAILURES_KEY = "ingest-failures"
REPORT_KEY = "ingest-report"


def publish(
    summary: dict[str, Any],
    per_source: list[dict[str, Any]],
    failures: list[dict[str, Any]],
    total_failures: int,
    report: str,
) -> None:
    """Create the run's three artifacts (call inside the flow run)."""
    from prefect.artifacts import create_markdown_artifact, create_table_artifact

    run_id = summary["run_id"]
    create_table_artifact(key=SUMMARY_KEY, table=per_source, description=f"Outcomes per source, run {run_id}")
    shown = f" (first {len(failures)} shown)" if total_failures > len(failures) else ""
    create_table_artifact(
        key=FAILURES_KEY,
        table=failures,
        description=f"{total_failures} failed input(s){shown}, run {run_id}",
    )
    create_markdown_artifact(key=REPORT_KEY, markdown=report, description=f"What run {run_id} brought")
