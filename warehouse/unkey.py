"""Recreate tables without their PRIMARY KEY/UNIQUE indexes (migration 0062), on a DuckDB file only."""

from __future__ import annotations

import duckdb

from warehouse.lake import is_lake_connection, rollback

# per-article rows, ledger and link tables: the writer keeps their keys unique itself
UNKEYED = (
    "sections", "paragraphs", "sentences", "claims", "claim_entities", "amounts", "entity_aliases",
    "inputs", "stories", "statements",
)  # fmt: skip


def drop_row_keys(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Recreate each UNKEYED table that still has a key index, without it; return their names."""
    keyed = {
        row[0]
        for row in con.execute(
            "SELECT DISTINCT table_name FROM duckdb_constraints() WHERE database_name = current_database() "
            "AND constraint_type IN ('PRIMARY KEY', 'UNIQUE')"
        ).fetchall()
    }
    if not keyed & set(UNKEYED) or is_lake_connection(con):
        return []
    applied = con.execute("SELECT count(*) FROM schema_migrations WHERE version = 62").fetchone()
    if applied == (0,):
        return []
    done = []
    for table in (t for t in UNKEYED if t in keyed):
        columns = con.execute(
            "SELECT column_name, data_type, is_nullable, column_default FROM duckdb_columns() "
            "WHERE database_name = current_database() AND table_name = ? ORDER BY column_index",
            [table],
        ).fetchall()
        defs = ", ".join(
            f'"{name}" {kind}'
            + ("" if nullable else " NOT NULL")
            + ("" if default is None else f" DEFAULT {default}")
            for name, kind, nullable, default in columns
        )
        con.execute("BEGIN")
        try:
            con.execute(f"CREATE TABLE {table}__unkeyed ({defs})")
            con.execute(f"INSERT INTO {table}__unkeyed SELECT * FROM {table}")
            con.execute(f"DROP TABLE {table}")
            con.execute(f"ALTER TABLE {table}__unkeyed RENAME TO {table}")
            con.execute("COMMIT")
        except BaseException:
            rollback(con)
            raise
        done.append(table)
    return done
