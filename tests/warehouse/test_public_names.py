"""warehouse's public names, listed once in its `__init__`."""

from __future__ import annotations

from tests.support.public import check_public_names


def test_warehouse_public_names() -> None:
    check_public_names(
        "warehouse",
        {"applied_versions", "connect", "migrate", "open_reader", "open_writer", "run_lock", "run_query",
         "write_batch"},
    )  # fmt: skip
