"""DuckLake as the warehouse: `NEWSFLOW_WAREHOUSE=ducklake:<catalog>`, table data as Parquet files.

Catalogs: `ducklake:<file>.ducklake` (a DuckDB file: one process at a time), `ducklake:sqlite:<file>`
(one machine, several processes) or `ducklake:postgres:<libpq connection string>` (many machines).
The data path (a directory or an object-store URL) is given when the lake is created
(`NEWSFLOW_LAKE_DATA_PATH`; a file catalog defaults to `<catalog>.files/` beside it) and is kept
in the catalog. Writers commit optimistically: a transaction that loses a race to another
writer's snapshot fails at commit and is retried whole (`retry_conflicts`).
"""

from __future__ import annotations

import fcntl
import hashlib
import logging
import random
import re
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TypeVar

import duckdb

from newsflow.core.errors import WarehouseBusyError, WarehouseError
from warehouse.extensions import connection_config, load_extensions

log = logging.getLogger(__name__)
T = TypeVar("T")
PREFIX = "ducklake:"
ALIAS = "lake"


def is_lake(target: object) -> bool:
    """True when the warehouse setting names a DuckLake catalog, not a DuckDB file."""
    return str(target).startswith(PREFIX)


def catalog_kind(url: str) -> str:
    """'postgres', 'sqlite' or 'duckdb': where the lake's catalog lives."""
    rest = url[len(PREFIX) :]
    for kind in ("postgres", "sqlite"):
        if rest.startswith(f"{kind}:"):
            return kind
    return "duckdb"


def default_data_path(url: str) -> str:
    """`<catalog file>.files/` for file catalogs; PostgreSQL catalogs need an explicit path."""
    kind = catalog_kind(url)
    if kind == "postgres":
        raise WarehouseError(
            f"{url}: a PostgreSQL-catalog lake needs NEWSFLOW_LAKE_DATA_PATH "
            "(a directory or object-store URL every writer can reach)"
        )
    catalog = url[len(PREFIX) :].removeprefix("sqlite:")
    return f"{catalog}.files/"


_DATA_PATHS: dict[str, str] = {}


def set_data_path(url: str, data_path: str | None) -> None:
    """Where a lake created by this process puts its Parquet files (a run passes its setting)."""
    if data_path:
        _DATA_PATHS[url] = data_path


_SHARED: dict[tuple[str, str | None, bool], duckdb.DuckDBPyConnection] = {}
_SHARED_LOCK = threading.Lock()


def connect(url: str, data_path: str | None, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """A connection with the lake attached as `lake` and in use (created on first write).

    For a PostgreSQL catalog a process keeps one attached instance per lake and hands out cursors
    (loading the extensions and attaching cost ≈ 1 s). DuckDB-file and SQLite catalogs are attached
    afresh each time: other processes can open a DuckDB file in between, and a SQLite catalog
    connection that lost a commit race was seen failing later statements ("Out of buffer").
    """
    if catalog_kind(url) != "postgres":
        return _attach(url, data_path, read_only)
    key = (url, data_path, read_only)
    with _SHARED_LOCK:
        if key not in _SHARED:
            _SHARED[key] = _attach(url, data_path, read_only)
        cursor = _SHARED[key].cursor()
    cursor.execute(f"USE {ALIAS}")
    return cursor


def _attach(url: str, data_path: str | None, read_only: bool) -> duckdb.DuckDBPyConnection:
    """A new in-memory DuckDB with the lake's extensions loaded and the lake attached and in use."""
    kind = catalog_kind(url)
    con = duckdb.connect(config=connection_config())
    try:
        load_extensions(con, "ducklake", *(() if kind == "duckdb" else (kind,)))
        data_path = data_path or _DATA_PATHS.get(url) or default_data_path(url)
        # No data inlining: rows go to Parquet, never into catalog tables. Compaction's flush of
        # inlined rows drops the catalog tables that other writers' open snapshots still read
        # ("Failed to read inlined data ... does not exist", duckdb/ducklake#1305, #1413).
        options = [f"DATA_PATH '{_quote(data_path)}'", "DATA_INLINING_ROW_LIMIT 0"] if not read_only else []
        if read_only:
            options.append("READ_ONLY")
        if kind != "postgres" and not read_only:
            Path(url[len(PREFIX) :].removeprefix("sqlite:")).parent.mkdir(parents=True, exist_ok=True)
        attach = f"ATTACH '{_quote(url)}' AS {ALIAS}" + (f" ({', '.join(options)})" if options else "")
        con.execute(attach)
        con.execute(f"USE {ALIAS}")
    except duckdb.Error as exc:
        con.close()
        if _is_busy(exc):
            raise WarehouseBusyError(f"lake catalog {url} is busy: {exc}") from exc
        raise WarehouseError(f"cannot attach lake {url}: {exc}") from exc
    return con


def is_lake_connection(con: duckdb.DuckDBPyConnection) -> bool:
    """True when the connection's current database is a DuckLake catalog."""
    sql = "SELECT type FROM duckdb_databases() WHERE database_name = current_database()"
    row = con.execute(sql).fetchone()
    return bool(row and row[0] == "ducklake")


_CONSTRAINTS = (
    (re.compile(r",\s*(?:--[^\n]*\n\s*)*PRIMARY KEY\s*\([^)]*\)"), ""),  # table-level key
    (re.compile(r"\s+PRIMARY KEY\b"), ""),
    (re.compile(r"\s+UNIQUE\b"), ""),
)


def portable(sql: str) -> str:
    """A migration without PRIMARY KEY/UNIQUE, which DuckLake does not support (the writer dedupes)."""
    for pattern, repl in _CONSTRAINTS:
        sql = pattern.sub(repl, sql)
    return sql


_RACE_MARKERS = ("conflict", "database is locked", "could not serialize", "deadlock detected")


def is_conflict(exc: BaseException) -> bool:
    """True for a commit that lost a race to another writer (retry it), not for a real error."""
    text = str(exc).lower()
    return isinstance(exc, duckdb.Error) and any(m in text for m in _RACE_MARKERS)


def retry_conflicts(action: Callable[[], T], *, what: str, timeout: float = 120.0) -> T:
    """Run `action` (one whole transaction), again after a jittered backoff while it loses races."""
    deadline = time.monotonic() + timeout
    delay, attempt = 0.05, 1
    while True:
        try:
            return action()
        except duckdb.Error as exc:
            if not is_conflict(exc) or time.monotonic() + delay > deadline:
                raise
            first = str(exc).splitlines()[0]
            log.info("%s lost a commit race (attempt %d), retrying: %s", what, attempt, first)
            time.sleep(delay * (1 + random.random()))
            delay, attempt = min(delay * 2, 2.0), attempt + 1


# Compaction. Each write batch adds about one Parquet file to every table it writes to and a delete
# file to every file it deletes rows from (the aggregates' and statements' replaced rows), and a query
# opens every live file of the tables it reads: 40-50 files per batch, 47k files by a million articles.
COMPACT_AT_FILES_PER_TABLE = 8  # live data + delete files per table, on average, that make it due
MERGE_BELOW_BYTES = 16 * 2**20  # bigger files stay as they are: a row is merged once or twice, not every time
KEEP_SNAPSHOTS = "1 hour"  # replaced files are removed once no snapshot this recent needs them


# Sort orders DuckLake keeps on insert and in compaction, so that files' and row groups' min/max
# statistics prune what a query does not need: postings by term (the search macros' semi-join on the
# query's terms), articles and claims by id in small row groups (a search's snippets and the views'
# look-ups of a few ids read a few row groups, not every file's text).
SORTED_BY = {"search_postings": "kind, term", "articles": "article_id", "claims": "claim_id"}
LOOKUP_ROW_GROUP_ROWS = {"articles": 2048, "claims": 2048}


def lake_files(con: duckdb.DuckDBPyConnection) -> tuple[int, int]:
    """Live data plus delete files of the lake's tables, and the number of tables."""
    row = con.execute(
        "SELECT coalesce(sum(file_count + delete_file_count), 0), count(*) "
        f"FROM ducklake_table_info('{ALIAS}')"
    ).fetchone()
    return (int(row[0]), int(row[1])) if row else (0, 0)


def compact_if_due(con: duckdb.DuckDBPyConnection, files_per_table: int | None = None) -> bool:
    """Compact the lake when its tables hold `files_per_table` (default COMPACT_AT_FILES_PER_TABLE) files
    on average (a no-op on a file).

    Run by the writer after a batch commits, outside its transaction: a compaction that keeps losing
    races to other writers is left to a later batch (the data is complete either way)."""
    if not is_lake_connection(con) or _catalog_type(con) == "postgres":
        return False  # a PostgreSQL catalog's writers compact with `newsflow compact` (docs/scaling.md)
    return compact_now(con, COMPACT_AT_FILES_PER_TABLE if files_per_table is None else files_per_table)


def compact_now(con: duckdb.DuckDBPyConnection, files_per_table: int = 0) -> bool:
    """Compact the lake if its tables hold `files_per_table` files on average (0: in any case) and no
    other process on this machine is compacting it; True when it did (`newsflow compact`)."""
    with _compaction_lock(con) as held:
        if not held:
            return False  # another writer on this machine is compacting it
        files, tables = lake_files(con)
        if files < files_per_table * max(tables, 1):
            return False  # not due (or another process just compacted it)
        started = time.perf_counter()
        try:
            retry_conflicts(lambda: compact(con), what="lake compaction", timeout=30.0)
        except duckdb.Error as exc:
            if not is_conflict(exc):
                raise
            first = str(exc).splitlines()[0]
            log.warning("lake compaction lost its races; a later batch retries it: %s", first)
            return False
        log.info(
            "compacted the lake: %d files in %d tables -> %d, %.1f s",
            files, tables, lake_files(con)[0], time.perf_counter() - started,
        )  # fmt: skip
        return True


def _catalog_type(con: duckdb.DuckDBPyConnection) -> str:
    """'duckdb', 'sqlite' or 'postgres': where the attached lake's catalog lives."""
    row = con.execute("SELECT path FROM duckdb_databases() WHERE database_name = ?", [ALIAS]).fetchone()
    return catalog_kind(f"{PREFIX}{row[0] if row else ''}")


def _data_path(con: duckdb.DuckDBPyConnection) -> str:
    """The data path the lake keeps in its catalog."""
    sql = f"SELECT value FROM ducklake_options('{ALIAS}') WHERE option_name = 'data_path'"
    row = con.execute(sql).fetchone()
    return str(row[0]) if row else ""


@contextmanager
def _compaction_lock(con: duckdb.DuckDBPyConnection) -> Iterator[bool]:
    """Whether this process may compact the lake now: one compaction at a time per machine (a lock file
    named by the lake's data path). Two at once can crash DuckDB (duckdb/ducklake#365: "Attempted to
    access index 0 within vector of size 0" in the compactor, which invalidates the process's database)."""
    key = hashlib.sha256(_data_path(con).encode()).hexdigest()[:16]
    with (Path(tempfile.gettempdir()) / f"newsflow-lake-compaction-{key}.lock").open("a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def compact(con: duckdb.DuckDBPyConnection) -> None:
    """DuckLake's maintenance, each step its own snapshot: inlined rows to Parquet, files with deleted
    rows rewritten without them, small files merged, old snapshots expired and their files removed.
    The same rows before and after; readers of a snapshot older than KEEP_SNAPSHOTS may lose files."""
    set_layout(con)
    keep = f"now() - INTERVAL '{KEEP_SNAPSHOTS}'"
    for step in (
        f"CALL ducklake_flush_inlined_data('{ALIAS}')",
        f"CALL ducklake_rewrite_data_files('{ALIAS}', delete_threshold => 0)",
        f"CALL ducklake_merge_adjacent_files('{ALIAS}', max_file_size => {MERGE_BELOW_BYTES})",
        f"CALL ducklake_expire_snapshots('{ALIAS}', older_than => {keep})",
        f"CALL ducklake_cleanup_old_files('{ALIAS}', older_than => {keep})",
    ):
        con.execute(step).fetchall()


def set_layout(con: duckdb.DuckDBPyConnection) -> None:
    """Give the lake's tables their sort orders and row group sizes (SORTED_BY), once: files written
    later are sorted, older ones when compaction rewrites them."""
    options = (
        f"SELECT scope_entry FROM ducklake_options('{ALIAS}') WHERE option_name = 'parquet_row_group_size'"
    )
    done = {str(entry).split(".")[-1] for (entry,) in con.execute(options).fetchall()}
    if set(LOOKUP_ROW_GROUP_ROWS) <= done:
        return
    for table, keys in SORTED_BY.items():
        con.execute(f"ALTER TABLE {table} SET SORTED BY ({keys})")
    for table, rows in LOOKUP_ROW_GROUP_ROWS.items():  # last: the mark that the layout is set
        con.execute(
            f"CALL {ALIAS}.set_option('parquet_row_group_size', {int(rows)}, table_name => '{table}')"
        )


def _is_busy(exc: BaseException) -> bool:
    text = str(exc)
    return "Could not set lock" in text or "Conflicting lock" in text or "database is locked" in text


def _quote(value: object) -> str:
    return str(value).replace("'", "''")


def rollback(con: duckdb.DuckDBPyConnection) -> None:
    """Roll back the open transaction, if any: a COMMIT that failed (a lost race) already ended it."""
    with suppress(duckdb.Error):
        con.execute("ROLLBACK")
