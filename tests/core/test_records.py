"""Outcome and stage names: Literals in the base, every other list derived from them."""

from __future__ import annotations

from pathlib import Path
from typing import get_args

import duckdb

from newsflow.core.records import DONE, OUTCOMES, STAGES, STORED, Outcome, StageName
from warehouse.db import open_writer


def test_outcome_lists_derive_from_the_literal() -> None:
    assert OUTCOMES == get_args(Outcome) == ("new", "updated", "unchanged", "duplicate", "skipped", "failed")
    assert set(STORED) < set(DONE) < set(OUTCOMES)
    assert get_args(StageName) == STAGES


def test_the_runs_tables_count_every_outcome(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    with open_writer(path):
        pass
    con = duckdb.connect(str(path), read_only=True)
    try:
        for table in ("runs", "run_sources"):
            columns = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()]
            assert [c for c in columns if c in OUTCOMES] == list(OUTCOMES), table
    finally:
        con.close()
