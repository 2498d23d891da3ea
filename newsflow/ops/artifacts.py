"""What a run shows in the Prefect UI: artifacts with stable keys, built from the warehouse.

- `ingest-summary`: outcomes per source (a table)
- `ingest-failures`: every input that failed (source, locator, stage, reason; a table)
- `ingest-report`: the night report (markdown)
"""

from __future__ import annotations

from typing import Any

import duckdb

SUMMARY_KEY = "ingest-summary"
FAILURES_KEY = "ingest-failures"
REPORT_KEY = "ingest-report"
FAILURE_COLUMNS = ("source", "locator", "stage", "reason")


def failure_rows(con: duckdb.DuckDBPyConnection, run_id: str, limit: int = 500) -> list[dict[str, Any]]:
    """The run's failures, oldest first, at most `limit` rows: source, locator, stage, reason."""
    cur = con.execute(
        "SELECT source, locator, stage, error_class || ': ' || reason AS reason FROM failures "
        "WHERE run_id = ? ORDER BY occurred_at, source, locator LIMIT ?",
        [run_id, limit],
    )
    return [dict(zip(FAILURE_COLUMNS, row, strict=True)) for row in cur.fetchall()]


def failure_count(con: duckdb.DuckDBPyConnection, run_id: str) -> int:
    """How many failures the run recorded."""
    row = con.execute("SELECT count(*) FROM failures WHERE run_id = ?", [run_id]).fetchone()
    return int(row[0]) if row else 0


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
