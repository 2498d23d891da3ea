"""Opening the warehouse: storage version for old readers, lock waits, read-only access."""

from __future__ import annotations

import fcntl
import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from newsflow.core.errors import WarehouseBusyError, WarehouseError
from warehouse import lake
from warehouse.extensions import connection_config
from warehouse.lake import is_lake

log = logging.getLogger(__name__)

_LOCK_MARKERS = ("Could not set lock", "Conflicting lock", "database is locked")

# Rows per row group that a writing connection creates (DuckDB's default: 122,880). DuckDB appends a
# batch's rows to its table's last row group, and the checkpoint that ends the batch rewrites every
# column of that row group: with the default, half a row group per table on average once tables are
# large (at 1M articles, e.g. 60k articles' texts recompressed for 970 new ones), a cost that grows
# with the warehouse. With smaller groups it stays at most this many rows per table. Readers read
# groups of any size; a writer with the default size merges small trailing groups again.
WRITER_ROW_GROUP_ROWS = 16_384


def connect(
    path: Path, *, read_only: bool = False, storage_version: str = "v1.5.0"
) -> duckdb.DuckDBPyConnection:
    """Open the file; a new file is created in `storage_version` so DuckDB 1.5 tools can read it.

    A writing connection attaches it with row groups of `WRITER_ROW_GROUP_ROWS` rows. A `ducklake:` URL
    attaches that lake instead (warehouse.lake).
    """
    if is_lake(path):
        return lake.connect(str(path), None, read_only=read_only)
    path = Path(path)
    if not read_only and not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        boot = duckdb.connect(config=connection_config())
        try:
            boot.execute(f"ATTACH '{_quote(path)}' AS fresh (STORAGE_VERSION '{_quote(storage_version)}')")
            boot.execute("DETACH fresh")
        finally:
            boot.close()
    if read_only:
        if not path.exists():
            raise WarehouseError(f"no warehouse at {path}: run `newsflow ingest` first")
        return duckdb.connect(str(path), read_only=True, config=connection_config())
    con = duckdb.connect(config=connection_config())  # the file attached under its usual name
    try:
        taken = {r[0] for r in con.execute("SELECT database_name FROM duckdb_databases()").fetchall()}
        if path.stem in taken:  # a name DuckDB uses itself ('memory', 'temp', 'system'): opened as before
            con.close()
            return duckdb.connect(str(path), config=connection_config())
        name = path.stem.replace('"', '""')
        con.execute(f"ATTACH '{_quote(path)}' AS \"{name}\" (ROW_GROUP_SIZE {WRITER_ROW_GROUP_ROWS})")
        con.execute(f'USE "{name}"')
    except BaseException:
        con.close()
        raise
    return con


def is_lock_error(exc: BaseException) -> bool:
    """True when DuckDB refused the file because another process holds it."""
    return isinstance(exc, duckdb.IOException) and any(m in str(exc) for m in _LOCK_MARKERS)


def wait_connect(
    path: Path, *, read_only: bool, timeout: float, storage_version: str = "v1.5.0"
) -> duckdb.DuckDBPyConnection:
    """Connect, retrying while another process holds the file, up to `timeout` seconds."""
    deadline = time.monotonic() + timeout
    delay, warned = 0.05, False
    while True:
        try:
            return connect(path, read_only=read_only, storage_version=storage_version)
        except WarehouseBusyError as exc:  # a lake's SQLite catalog locked by a committing writer
            busy: BaseException = exc
        except duckdb.IOException as exc:
            if not is_lock_error(exc):
                raise WarehouseError(f"cannot open warehouse {path}: {exc}") from exc
            busy = exc
        if time.monotonic() + delay > deadline:
            raise WarehouseBusyError(
                f"warehouse {path} is busy: another process holds it (waited {timeout:.0f}s)"
            ) from busy
        if not warned:
            log.warning("warehouse %s is held by another process; waiting up to %.0fs", path, timeout)
            warned = True
        time.sleep(delay)
        delay = min(delay * 2, 1.0)


@contextmanager
def open_writer(
    path: Path, timeout: float = 60.0, storage_version: str = "v1.5.0", memory_limit: str = ""
) -> Iterator[duckdb.DuckDBPyConnection]:
    """A short-lived writing connection (waits for readers/writers to let go), migrated to head.

    `memory_limit` caps DuckDB's buffer pool (e.g. "2GB"; empty: DuckDB's default, 80% of RAM), from
    the migrations on; beyond it DuckDB spills to disk where it can, else the statement fails.
    """
    from warehouse.aggregates import refresh_aggregates
    from warehouse.migrate import migrate
    from warehouse.search import rebuild_index
    from warehouse.unkey import drop_row_keys

    con = wait_connect(path, read_only=False, timeout=timeout, storage_version=storage_version)
    try:
        if memory_limit:
            con.execute(f"SET memory_limit = '{_quote(memory_limit)}'")
        applied = lake.retry_conflicts(lambda: migrate(con), what="migration")
        if "0050_search.sql" in applied:
            rebuild_index(con)  # an older warehouse: index what it already holds
        drop_row_keys(con)  # 0062 (a no-op once done): key indexes made every checkpoint grow
        if set(applied) & _AGGREGATE_MIGRATIONS:
            refresh_aggregates(con)  # the views now read them: make sure they are exact
        yield con
    finally:
        con.close()


# migrations after which the pre-aggregated tables are rebuilt from the stored rows (views read them)
_AGGREGATE_MIGRATIONS = {
    "0052_views_from_aggregates.sql",
    "0060_entity_view_aggregates.sql",
    "0061_claim_view_aggregates.sql",
}


@contextmanager
def open_reader(path: Path, timeout: float = 5.0) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection; retries briefly while a writer holds the file."""
    con = wait_connect(path, read_only=True, timeout=timeout)
    try:
        yield con
    finally:
        con.close()


@contextmanager
def run_lock(path: Path, wait_seconds: float = 0.0, sources: list[str] | None = None) -> Iterator[None]:
    """Hold `<warehouse>.lock` for a whole run, so only one ingest/reprocess writes at a time.

    A DuckLake warehouse takes several writers at once: there the lock is per source (a file in the
    temp directory named by the lake and the sources), so two runs on different sources proceed.

    Waits up to `wait_seconds` for another run to finish, then raises WarehouseBusyError saying what
    to do. The kernel releases the lock when the holder dies, so a crash never leaves it stuck.
    """
    lock_path = Path(f"{path}.lock")
    if is_lake(path):
        import hashlib
        import tempfile

        key = hashlib.sha256(f"{path}\0{sorted(sources or [])}".encode()).hexdigest()[:16]
        lock_path = Path(tempfile.gettempdir()) / f"newsflow-lake-{key}.lock"
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + max(0.0, wait_seconds)
    with lock_path.open("a+") as handle:
        warned = False
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError as exc:
                left = deadline - time.monotonic()
                if left <= 0:
                    how = f"waited {wait_seconds:.0f}s" if wait_seconds > 0 else "not waiting"
                    raise WarehouseBusyError(
                        f"another newsflow run is writing to {path} ({how}); this run did nothing. "
                        "Try again when it ends, or set NEWSFLOW_RUN_LOCK_WAIT_SECONDS to wait."
                    ) from exc
                if not warned:
                    log.warning("another run holds %s; waiting up to %.0fs", path, wait_seconds)
                    warned = True
                time.sleep(min(1.0, left))
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _quote(value: object) -> str:
    """Escape a value for a single-quoted SQL literal (paths and versions cannot be parameters)."""
    return str(value).replace("'", "''")
