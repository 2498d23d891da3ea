"""Arrow tables in SQL: visible under a name for a block, or bulk-inserted by column name."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, suppress

import duckdb
import pyarrow as pa


@contextmanager
def registered(con: duckdb.DuckDBPyConnection, name: str, table: pa.Table) -> Iterator[None]:
    """An Arrow table visible to SQL as `name` for the block (a failed statement's error is kept)."""
    con.register(name, table)
    try:
        yield
    finally:
        with suppress(duckdb.Error):  # in an aborted transaction this raises and would hide the cause
            con.unregister(name)


def insert_rows(con: duckdb.DuckDBPyConnection, name: str, table: pa.Table) -> None:
    """Bulk insert an Arrow table into the table `name`, matching columns by name."""
    if table.num_rows:
        with registered(con, "arrow_rows", table):
            con.execute(f"INSERT INTO {name} BY NAME SELECT * FROM arrow_rows")


def with_columns(table: pa.Table, **columns: pa.Array | pa.ChunkedArray) -> pa.Table:
    """The table with the given columns set (replaced or appended)."""
    for name, values in columns.items():
        if name in table.column_names:
            table = table.set_column(table.schema.get_field_index(name), name, values)
        else:
            table = table.append_column(name, values)
    return table
