"""The worker pool, the pipelined run loop and Parquet staging give the same warehouse as one process."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsflow.core.settings import Settings
from newsflow.runtime.run import run_ingest
from tests.support.parallel_support import small_inputs, snapshot


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


DRIVER = """
import sys
from pathlib import Path
from newsflow.runtime.run import run_ingest
from newsflow.core.settings import Settings
settings = Settings(warehouse=Path(sys.argv[2]), n_process=2, batch_size=2, extract_chunk_size=1)
run_ingest([sys.argv[1]], settings)
"""


@pytest.mark.slow
def test_workers_exit_when_the_run_process_is_killed(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys
    import time

    import psutil

    src = small_inputs(tmp_path, n=40)
    proc = subprocess.Popen([sys.executable, "-c", DRIVER, str(src), str(tmp_path / "w.duckdb")])
    run = psutil.Process(proc.pid)
    deadline = time.monotonic() + 60
    workers: list[psutil.Process] = []
    while len(workers) < 2 and time.monotonic() < deadline and proc.poll() is None:
        workers = [c for c in run.children() if "spawn_main" in " ".join(c.cmdline())]
        time.sleep(0.2)
    assert len(workers) == 2, "the pool did not start"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    _, alive = psutil.wait_procs(workers, timeout=90)  # a worker still importing spaCy notices later
    assert not alive, f"orphaned workers: {[p.pid for p in alive]}"


def test_chunks_are_capped_by_count_and_characters() -> None:
    from newsflow.core.records import CleanArticle
    from newsflow.runtime.pool import chunks

    def art(n: int) -> CleanArticle:
        return CleanArticle("s", f"l{n}", "e", "h", "x" * n, [])

    settings = Settings(extract_chunk_size=4, extract_chunk_chars=1000)
    sizes = [100] * 10 + [900, 50, 2000, 10]
    got = chunks([art(n) for n in sizes], settings, workers=2)
    assert [len(a.text) for c in got for a in c] == sizes  # order kept, nothing lost
    assert all(len(c) <= 4 for c in got)
    assert all(sum(len(a.text) for a in c) <= 1000 or len(c) == 1 for c in got)
    assert [len(a.text) for a in got[-2]] == [2000]  # a text over the cap goes alone
    assert len(chunks([art(10)] * 6, Settings(extract_chunk_size=16), workers=2)) == 2  # both workers busy


def test_the_default_is_one_worker_per_core_within_memory_and_few_articles_spawn_none() -> None:
    import os

    from newsflow.runtime.pool import worth_a_pool

    cores = len(os.sched_getaffinity(0))
    assert 1 <= Settings().nlp_processes() <= cores  # never above the cores
    assert Settings(nlp_worker_mb=10**9).nlp_processes() == 1  # no memory for two: one process
    assert Settings(n_process=3).nlp_processes() == 3  # an explicit setting wins
    settings = Settings(extract_chunk_size=16)
    assert not worth_a_pool(settings, 1) and not worth_a_pool(settings, 16) and worth_a_pool(settings, 17)


@pytest.mark.slow
def test_a_warmed_worker_is_adopted_by_the_next_run_and_parses_even_one_article(tmp_path: Path) -> None:
    from dataclasses import replace

    from newsflow.runtime import pool as pool_module
    from newsflow.runtime import stages as p
    from newsflow.runtime.run import Runner, Stages

    src = small_inputs(tmp_path, n=1)
    settings = Settings(warehouse=tmp_path / "w.duckdb", n_process=2)
    pool_module.warm_up(settings)
    warm = pool_module._warm
    assert warm is not None and warm.started and len(warm.worker_pids()) == 1  # one worker, loading now
    seen: list[pool_module.NlpPool | None] = []
    workers: list[int] = []

    def extract(s: Settings, batch: p.Batch) -> p.Batch:
        seen.append(pool_module.active_pool())
        done = p.extract_stage(s, batch)
        workers.append(len(warm.worker_pids()))
        return done

    summary = run_ingest([str(src)], settings, Runner(replace(Stages(), extract=extract)))
    assert (summary["new"], summary["duplicate"]) == (
        2,
        1,
    ) and pool_module._warm is None  # adopted, not left behind
    assert seen == [warm] and not warm.started  # the run used it, then closed it
    assert workers == [1]  # a few articles spawn no second worker (its spaCy load would delay the exit)
    assert snapshot(settings.warehouse) == snapshot_inline(tmp_path, src)


def snapshot_inline(tmp_path: Path, src: Path) -> dict[str, object]:
    """The same input ingested in this process, for comparison."""
    inline = Settings(warehouse=tmp_path / "inline.duckdb", n_process=1)
    run_ingest([str(src)], inline)
    return snapshot(inline.warehouse)
