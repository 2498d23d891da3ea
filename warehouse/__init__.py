"""The DuckDB warehouse: connections, migrations, bulk loads, the input ledger, and every SQL string.

Imports only `newsflow.core`; the cross-article linker and the reports' likeness (cross-outlet links) are
passed to `write_batch` by the caller.
"""

from warehouse.db import connect, open_reader, open_writer, run_lock
from warehouse.load import write_batch
from warehouse.migrate import applied_versions, migrate
from warehouse.query import run_query

__all__ = [
    "applied_versions",
    "connect",
    "migrate",
    "open_reader",
    "open_writer",
    "run_lock",
    "run_query",
    "write_batch",
]
