"""The `runs` table: a row per ingest/reprocess run, its status and its counts."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import duckdb


def start_run(
    con: duckdb.DuckDBPyConnection,
    run_id: str,
    flow: str,
    sources: list[str],
    flow_run_id: str | None,
    spacy_model: str | None,
    exclusive: bool = True,
) -> int:
    """Record a new running run; mark runs left `running` by a dead process as interrupted.

    Call it while holding the run lock, so no other run can really be running: every other run
    when the lock is the warehouse's (`exclusive`), else (a lake: one lock per source) the runs
    that read one of the same sources. Returns how many earlier runs were marked interrupted.
    """
    stale = [
        r[0]
        for r in con.execute(
            "SELECT run_id FROM runs WHERE status = 'running' AND (? OR list_has_any(sources, ?))",
            [exclusive, sources],
        ).fetchall()
    ]
    if stale:  # (no UPDATE ... RETURNING: DuckLake does not support it)
        con.execute(
            "UPDATE runs SET status = 'interrupted', message = 'process ended before the run finished' "
            "WHERE list_contains(?, run_id)",
            [stale],
        )
    con.execute(
        "INSERT INTO runs (run_id, flow_run_id, flow, started_at, status, sources, spacy_model) "
        "VALUES (?, ?, ?, ?, 'running', ?, ?)",
        [run_id, flow_run_id, flow, datetime.now(UTC), sources, spacy_model],
    )
    return len(stale)


def finish_run(
    con: duckdb.DuckDBPyConnection, run_id: str, status: str, message: str | None = None
) -> dict[str, Any]:
    """Close the run with its final status; return the run row as a dict."""
    con.execute(
        "UPDATE runs SET status = ?, finished_at = ?, message = ? WHERE run_id = ?",
        [status, datetime.now(UTC), message, run_id],
    )
    return run_row(con, run_id)


def run_row(con: duckdb.DuckDBPyConnection, run_id: str) -> dict[str, Any]:
    """The run's row as a dict."""
    cur = con.execute("SELECT * FROM runs WHERE run_id = ?", [run_id])
    names = [d[0] for d in cur.description]
    row = cur.fetchone()
    return dict(zip(names, row, strict=True)) if row else {}


def source_counts(con: duckdb.DuckDBPyConnection, run_id: str) -> list[dict[str, Any]]:
    """Per-source outcome counts of a run."""
    cur = con.execute("SELECT * EXCLUDE (run_id) FROM run_sources WHERE run_id = ? ORDER BY source", [run_id])
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
