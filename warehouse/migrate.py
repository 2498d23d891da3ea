"""Schema migrations: numbered SQL files in warehouse/migrations, applied in order, recorded once."""

from __future__ import annotations

import re
from importlib import resources

import duckdb

from warehouse.lake import rollback

_NAME = re.compile(r"^(\d{4})_[\w-]+\.sql$")


def migration_files() -> list[tuple[int, str, str]]:
    """(version, name, sql) for every migration shipped with the package, in order."""
    found = []
    for entry in resources.files("warehouse").joinpath("migrations").iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    return sorted(found)


def applied_versions(con: duckdb.DuckDBPyConnection) -> set[int]:
    """Versions already applied to this warehouse."""
    from warehouse.lake import is_lake_connection, portable

    sql = (
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMPTZ NOT NULL)"
    )
    exists = (
        "SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database() AND table_name = ?"
    )
    if con.execute(exists, ["schema_migrations"]).fetchone() == (0,):
        con.execute(portable(sql) if is_lake_connection(con) else sql)
    return {row[0] for row in con.execute("SELECT version FROM schema_migrations").fetchall()}


def migrate(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply pending migrations, each in its own transaction; return the names applied."""
    from warehouse.lake import is_lake_connection, portable

    done = applied_versions(con)
    on_lake = is_lake_connection(con)
    applied = []
    for version, name, sql in migration_files():
        if version in done:
            continue
        if on_lake:
            sql = portable(sql)
        con.execute("BEGIN")
        try:
            con.execute(sql)
            con.execute("INSERT INTO schema_migrations VALUES (?, ?, now())", [version, name])
            con.execute("COMMIT")
        except Exception:
            rollback(con)
            raise
        applied.append(name)
    return applied
