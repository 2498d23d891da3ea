"""The DuckDB warehouse: connections, migrations, bulk loads and the input ledger."""

from warehouse.db import connect, open_reader, open_writer, run_lock
from warehouse.migrate import applied_versions, migrate

__all__ = ["applied_versions", "connect", "migrate", "open_reader", "open_writer", "run_lock"]
