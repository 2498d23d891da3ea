"""The warehouse file: migrations, storage version, read-only queries, locks."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from pydantic import ValidationError

from newsflow.core.errors import QueryError, WarehouseBusyError
from newsflow.core.settings import Settings
from newsflow.runtime.stages import open_warehouse
from warehouse import migrate, open_writer, run_lock
from warehouse.db import WRITER_ROW_GROUP_ROWS
from warehouse.migrate import migration_files
from warehouse.query import run_query


def test_migrations_apply_once_and_are_recorded(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    with open_writer(path) as con:
        versions = [v for v, *_ in con.execute("SELECT version FROM schema_migrations ORDER BY 1").fetchall()]
        assert versions == [v for v, _, _ in migration_files()]
        assert migrate(con) == []
        tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert {
        "articles",
        "sections",
        "sentences",
        "entities",
        "entity_aliases",
        "mentions",
        "claims",
        "amounts",
        "runs",
        "failures",
        "inputs",
    } <= tables


def test_stock_duckdb_cli_reads_the_file(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    with open_writer(path) as con:
        con.execute(
            "INSERT INTO runs (run_id, flow, started_at, status) VALUES ('r1', 'ingest', now(), 'completed')"
        )
    cli = shutil.which("duckdb")
    assert cli, "the duckdb CLI (duckdb-cli, a dev dependency) must be installed"
    version = subprocess.run([cli, "--version"], capture_output=True, text=True, check=True).stdout
    assert version.startswith("v1.5"), version
    out = subprocess.run(
        [cli, "-readonly", str(path), "-csv", "-c", "SELECT run_id FROM runs"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["run_id", "r1"]


def test_sql_is_read_only_and_errors_are_clear(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    with open_writer(path):
        pass
    names, rows = run_query(path, "SELECT count(*) AS n FROM articles")
    assert names == ["n"] and rows == [(0,)]
    for bad in (
        "DELETE FROM articles",
        "DROP TABLE articles",
        "SELECT 1; SELECT 2",
        "INSERT INTO runs VALUES (1)",
        "ATTACH 'x.duckdb'",
    ):
        with pytest.raises(QueryError):
            run_query(path, bad)
    with pytest.raises(QueryError, match="not found"):
        run_query(path, "SELECT nope FROM articles")


def test_reader_says_busy_while_another_process_writes(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    with open_writer(path):
        pass
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb,time; c=duckdb.connect({str(path)!r}); print('held', flush=True); time.sleep(30)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout and holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        with pytest.raises(WarehouseBusyError, match="busy"):
            run_query(path, "SELECT 1", wait_seconds=1.0)
        assert time.monotonic() - started >= 0.5  # it retried before giving up
    finally:
        holder.kill()
        holder.communicate()  # reaps it and closes the pipe
    assert run_query(path, "SELECT 42")[1] == [(42,)]


def test_only_one_run_holds_the_run_lock(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    with run_lock(path):
        code = (
            "import sys; from pathlib import Path; from warehouse.db import run_lock\n"
            f"try:\n with run_lock(Path({str(path)!r})): sys.exit(0)\n"
            "except Exception as e: print(e); sys.exit(3)"
        )
        other = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        assert other.returncode == 3 and "another newsflow run" in other.stdout
    with run_lock(path):
        pass


def test_new_file_uses_the_compatible_storage_version(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    with open_writer(path):
        pass
    con = duckdb.connect()
    con.execute(f"ATTACH '{path}' AS w (READ_ONLY)")
    version = con.execute(
        "SELECT tags['storage_version'] FROM duckdb_databases() WHERE database_name = 'w'"
    ).fetchone()
    con.close()
    assert version is not None and str(version[0]).startswith("v1.5.0")


def test_a_writer_appends_in_small_row_groups_that_a_plain_reader_reads(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    with open_writer(path) as con:
        assert con.execute("SELECT current_database()").fetchone() == ("w",)  # the file's usual name
        con.execute("CREATE TABLE appended (i BIGINT, s VARCHAR)")
        for start in range(0, 40_000, 1_000):  # batches of a thousand rows, each checkpointed
            con.execute(
                "INSERT INTO appended SELECT range, range::VARCHAR FROM range(?, ?)", [start, start + 1_000]
            )
            con.execute("CHECKPOINT")
        groups = con.execute(
            "SELECT row_group_id, max(start + count) - min(start) FROM pragma_storage_info('appended') "
            "WHERE column_name = 'i' AND segment_type = 'BIGINT' GROUP BY 1 ORDER BY 1"
        ).fetchall()
    # the checkpoint after each batch rewrites only the last group: at most WRITER_ROW_GROUP_ROWS rows
    sizes = [n for _, n in groups]
    assert sum(sizes) == 40_000 and len(sizes) >= 3 and max(sizes) <= WRITER_ROW_GROUP_ROWS
    with duckdb.connect(str(path), read_only=True) as reader:
        assert reader.execute("SELECT count(*), sum(i) FROM appended").fetchone() == (40_000, 39_999 * 20_000)


def test_a_runs_writer_caps_duckdbs_memory_as_the_settings_say(tmp_path: Path) -> None:
    settings = Settings(warehouse=tmp_path / "w.duckdb", writer_memory_limit="512MiB")
    limit = "SELECT current_setting('memory_limit')"
    with open_warehouse(settings) as con:
        assert con.execute(limit).fetchone() == ("512.0 MiB",)
    with open_writer(settings.warehouse) as con:  # no cap given: DuckDB's own default
        assert con.execute(limit).fetchone() != ("512.0 MiB",)
    assert Settings().writer_memory_limit == "2GB"
    with pytest.raises(ValidationError):
        Settings(writer_memory_limit="most of it")
