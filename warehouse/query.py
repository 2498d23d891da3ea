"""Ad hoc read-only queries for `newsflow sql`: one statement, no writes, clear errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb

from newsflow.core.errors import QueryError
from warehouse.db import open_reader
from warehouse.extensions import load_extensions

_READ_ONLY_STATEMENTS = {
    "SELECT",
    "EXPLAIN",
    "PRAGMA",
    "DESCRIBE",
    "SHOW",
    "SUMMARIZE",
    "WITH",
    "FROM",
    "VALUES",
    "TABLE",
}


def run_query(path: Path, query: str, wait_seconds: float = 5.0) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Column names and rows of a read-only query against the warehouse."""
    try:
        statements = duckdb.extract_statements(query) if query.strip() else []
    except duckdb.Error as exc:  # a syntax error: say so, no traceback
        raise QueryError(f"query failed: {exc}") from exc
    if len(statements) != 1:
        raise QueryError(f"give exactly one SQL statement (got {len(statements)})")
    if (
        statements[0].type.name not in ("SELECT", "EXPLAIN", "PRAGMA")
        and query.lstrip().split(None, 1)[0].upper() not in _READ_ONLY_STATEMENTS
    ):
        raise QueryError(f"`newsflow sql` is read-only; {statements[0].type.name} statements are refused")
    with open_reader(Path(path), wait_seconds) as con:
        load_extensions(con, "fts")  # the search macros (search_articles, ...) use its stemmer
        try:
            cur = con.execute(query)
        except duckdb.Error as exc:
            raise QueryError(f"query failed: {exc}") from exc
        names = [d[0] for d in cur.description] if cur.description else []
        return names, cur.fetchall()
