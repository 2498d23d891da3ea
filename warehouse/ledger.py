"""Reads the ingest needs before it works: what each input was last time, which texts are stored."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import duckdb
import pyarrow as pa

from newsflow.core.records import DONE
from warehouse.arrow_sql import registered


@dataclass(frozen=True, slots=True)
class LedgerEntry:
    """The last recorded state of an input."""

    raw_hash: str | None
    outcome: str
    article_id: int | None
    etag: str | None
    last_modified: str | None


_ENTRY = "SELECT i.locator, i.raw_hash, i.outcome, i.article_id, i.etag, i.last_modified FROM inputs i"


def ledger_entries(con: duckdb.DuckDBPyConnection, locators: Iterable[str]) -> dict[str, LedgerEntry]:
    """Ledger rows for the given locators (one query, joined against an Arrow list)."""
    rows = _join(con, "locator", locators, f"{_ENTRY} JOIN wanted w USING (locator)")
    return {r[0]: LedgerEntry(*r[1:]) for r in rows}


def done_entries(con: duckdb.DuckDBPyConnection, sources: list[str]) -> dict[str, LedgerEntry]:
    """Ledger rows of the sources' inputs whose content is stored: validators for conditional GET."""
    rows = con.execute(
        f"{_ENTRY} WHERE list_contains(?, i.source) AND list_contains(?, i.outcome)", [sources, list(DONE)]
    ).fetchall()
    return {r[0]: LedgerEntry(*r[1:]) for r in rows}


def last_success(con: duckdb.DuckDBPyConnection, sources: list[str]) -> datetime | None:
    """Start of the last completed run that read every one of the sources (None if one never ran)."""
    rows = con.execute(
        "SELECT s.source, max(r.started_at) FROM run_sources s JOIN runs r USING (run_id) "
        "WHERE r.status = 'completed' AND list_contains(?, s.source) GROUP BY s.source",
        [sources],
    ).fetchall()
    if len(rows) < len(set(sources)):
        return None
    oldest: datetime = min(r[1] for r in rows)
    return oldest


def stored_hashes(con: duckdb.DuckDBPyConnection, hashes: Iterable[str]) -> dict[str, tuple[int, str]]:
    """content_hash → (article_id, locator) for hashes already stored."""
    return _stored_by(con, "content_hash", hashes)


def stored_canonicals(con: duckdb.DuckDBPyConnection, urls: Iterable[str]) -> dict[str, tuple[int, str]]:
    """canonical_url → (article_id, locator) for canonical URLs already stored."""
    return _stored_by(con, "canonical_url", urls)


def _stored_by(
    con: duckdb.DuckDBPyConnection, column: str, values: Iterable[str]
) -> dict[str, tuple[int, str]]:
    """value → (article_id, locator) of stored articles whose `column` has one of the values."""
    sql = f"SELECT a.{column}, a.article_id, a.locator FROM articles a JOIN wanted w USING ({column})"
    return {r[0]: (r[1], r[2]) for r in _join(con, column, values, sql)}


def _join(
    con: duckdb.DuckDBPyConnection, column: str, values: Iterable[str], sql: str
) -> list[tuple[Any, ...]]:
    """Run `sql` with the values registered as the one-column Arrow view `wanted`."""
    with registered(con, "wanted", pa.table({column: pa.array(list(values), pa.string())})):
        return con.execute(sql).fetchall()
