"""The worker pool, the pipelined run loop and Parquet staging give the same warehouse as one process."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsflow.run import run_ingest
from newsflow.settings import Settings

from .parallel_support import small_inputs, snapshot


@pytest.mark.slow
def test_pool_pipeline_and_staging_store_the_same_rows_as_one_process(tmp_path: Path) -> None:
    src = small_inputs(tmp_path)
    runs = {
        "inline": Settings(warehouse=tmp_path / "a.duckdb", batch_size=3),
        "pool": Settings(warehouse=tmp_path / "b.duckdb", batch_size=3, n_process=2, extract_chunk_size=2),
        "staged": Settings(
            warehouse=tmp_path / "c.duckdb", batch_size=3, n_process=2, staging_dir=tmp_path / "stage"
        ),
    }
    summaries = {name: run_ingest([str(src)], s) for name, s in runs.items()}
    for summary in summaries.values():
        assert (summary["new"], summary["duplicate"], summary["failed"]) == (9, 1, 0)
    expected = snapshot(runs["inline"].warehouse)
    assert expected["mentions"] and expected["sentences"]
    assert snapshot(runs["pool"].warehouse) == expected
    assert snapshot(runs["staged"].warehouse) == expected
    staged = sorted((tmp_path / "stage").glob("*/date=*/run_id=*/part-*.parquet"))
    assert {p.parts[-4] for p in staged} >= {"articles", "sentences", "mentions", "entities"}

    rerun = run_ingest([str(src)], runs["pool"])
    assert (rerun["new"], rerun["unchanged"]) == (0, 10)
    assert snapshot(runs["pool"].warehouse)["mentions"] == expected["mentions"]
