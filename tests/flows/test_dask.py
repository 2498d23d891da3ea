"""The ingest flow on Dask: extraction batches run on a 2-worker LocalCluster, the writer stays here."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newsflow.core.settings import Settings, get_settings
from newsflow.runtime.run import run_ingest
from tests.support.parallel_support import small_inputs, snapshot

pytestmark = pytest.mark.usefixtures("prefect_harness")


@pytest.fixture
def cluster() -> Iterator[object]:
    """A 2-worker, 1-thread-per-worker LocalCluster with a client."""
    from distributed import Client, LocalCluster

    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as lc,
        Client(lc) as client,
    ):
        yield client


def _models_loaded() -> int:
    """Runs on a Dask worker: how many spaCy pipelines this worker process has loaded."""
    from extractors.nlp import load_nlp

    return load_nlp.cache_info().currsize


@pytest.mark.slow
def test_flow_extracts_on_dask_workers_and_writes_here(
    tmp_path: Path, cluster: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from flows.ingest import ingest_for

    src = small_inputs(tmp_path)
    address = cluster.scheduler.address  # type: ignore[attr-defined]
    monkeypatch.setenv("NEWSFLOW_DASK_ADDRESS", address)
    monkeypatch.setenv("NEWSFLOW_BATCH_SIZE", "3")
    monkeypatch.setenv("NEWSFLOW_STAGING_DIR", str(tmp_path / "stage"))
    get_settings.cache_clear()
    try:
        settings = get_settings()
        summary = ingest_for(settings)(sources=[str(src)], warehouse=str(tmp_path / "dask.duckdb"))
    finally:
        get_settings.cache_clear()
    assert (summary["new"], summary["duplicate"], summary["failed"]) == (9, 1, 0)

    loaded = cluster.run(_models_loaded)  # type: ignore[attr-defined]
    assert len(loaded) == 2 and sum(loaded.values()) >= 1, loaded  # spaCy ran on the workers
    assert list((tmp_path / "stage").glob("mentions/date=*/run_id=*/part-*.parquet"))

    plain = Settings(warehouse=tmp_path / "plain.duckdb", batch_size=3)
    run_ingest([str(src)], plain)
    assert snapshot(tmp_path / "dask.duckdb") == snapshot(plain.warehouse)


def test_local_setting_makes_a_local_cluster_runner() -> None:
    from newsflow.ops.cluster import task_runner

    runner = task_runner(Settings(dask_address="local", dask_workers=2))
    assert runner.cluster_kwargs["n_workers"] == 2 and runner.address is None
    assert task_runner(Settings(dask_address="tcp://10.0.0.5:8786")).address == "tcp://10.0.0.5:8786"
