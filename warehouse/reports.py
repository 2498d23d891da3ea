"""Read-side SQL for what a run shows: its counts, the night report's tables, its failures, and the
stored articles a reprocess reads back. The formatting lives with the caller (`newsflow.ops`)."""

from __future__ import annotations

from typing import Any

import duckdb

from newsflow.core.records import OUTCOMES

__all__ = [
    "FAILURE_COLUMNS",
    "REPORT_SECTIONS",
    "failure_count",
    "failure_rows",
    "report_tables",
    "run_counts",
    "stored_articles",
]

FAILURE_COLUMNS = ("source", "locator", "stage", "reason")

# The night report's sections: title → query over the articles a run stored (params: run_id, top).
REPORT_SECTIONS = {
    "Top entities": (
        "SELECT e.name, e.type, count(*) AS mentions FROM mentions m JOIN entities e USING (entity_id) "
        "JOIN articles a USING (article_id) WHERE a.run_id = ? GROUP BY ALL ORDER BY mentions DESC, "
        "e.name LIMIT ?"
    ),
    "Claims by speaker": (
        "SELECT coalesce(e.name, c.speaker_text, '(no speaker)') AS speaker, count(*) AS claims, "
        "count(*) FILTER (WHERE c.kind = 'commitment') AS commitments FROM claims c "
        "JOIN articles a USING (article_id) LEFT JOIN entities e ON e.entity_id = c.speaker_entity_id "
        "WHERE a.run_id = ? GROUP BY ALL ORDER BY claims DESC, speaker LIMIT ?"
    ),
    "Amounts": (
        "SELECT am.text, am.kind, am.value_usd, left(coalesce(c.content, ''), 80) AS claim "
        "FROM amounts am JOIN articles a USING (article_id) LEFT JOIN claims c USING (claim_id) "
        "WHERE a.run_id = ? AND am.kind = 'money' ORDER BY am.value_usd DESC NULLS LAST LIMIT ?"
    ),
}


def run_counts(con: duckdb.DuckDBPyConnection, run_id: str) -> dict[str, int]:
    """The run's outcome counts (empty when the run is unknown)."""
    row = con.execute(f"SELECT {', '.join(OUTCOMES)} FROM runs WHERE run_id = ?", [run_id]).fetchone()
    return dict(zip(OUTCOMES, row, strict=True)) if row else {}


def report_tables(
    con: duckdb.DuckDBPyConnection, run_id: str, top: int = 10
) -> list[tuple[str, list[str], list[tuple[Any, ...]]]]:
    """(title, column names, rows) of each night-report section, at most `top` rows each."""
    tables = []
    for title, sql in REPORT_SECTIONS.items():
        cur = con.execute(sql, [run_id, top])
        rows = cur.fetchall()
        tables.append((title, [d[0] for d in cur.description], rows))
    return tables


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


def stored_articles(
    con: duckdb.DuckDBPyConnection, sources: list[str] | None
) -> list[tuple[str, str, str, str]]:
    """(source, locator, external_id, raw_hash) of every stored article, optionally of some sources."""
    rows = con.execute(
        "SELECT a.source, a.locator, a.external_id, a.raw_hash FROM articles a "
        "WHERE ? IS NULL OR list_contains(?, a.source) ORDER BY a.article_id",
        [sources, sources],
    ).fetchall()
    return [(str(s), str(loc), str(ext), str(h)) for s, loc, ext, h in rows]
