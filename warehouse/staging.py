"""Parquet staging: workers write a batch's rows as Parquet files; the single writer loads them.

Layout: `<staging_dir>/<table>/date=<YYYY-MM-DD>/run_id=<run>/part-<uuid>.parquet` (hive partitions),
so any number of workers (pool processes, Dask workers on other machines with a shared directory)
produce files without touching the warehouse, and one process commits them in a transaction.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from newsflow.core.ids import stable_id
from newsflow.core.records import ExtractedArticle


@dataclass(frozen=True, slots=True)
class StagedRows:
    """The Parquet files (one per table) holding the rows of some extracted articles."""

    paths: tuple[str, ...]
    articles: int


def partition_dir(staging_dir: Path, table: str, run_id: str, day: str) -> Path:
    """Where one table's files of one run and day go."""
    return Path(staging_dir) / table / f"date={day}" / f"run_id={run_id}"


def stage_extracted(
    staging_dir: Path, run_id: str, extracted: list[ExtractedArticle], spacy_model: str | None
) -> StagedRows:
    """Build the articles' warehouse rows and write each table as a Parquet file; return the paths."""
    from warehouse.load import article_tables

    if not extracted:
        return StagedRows((), 0)
    now = datetime.now(UTC)
    ids = {x.article.locator: stable_id(x.article.locator) for x in extracted}
    tables = article_tables(extracted, ids, run_id, now, spacy_model)
    part, day = uuid.uuid4().hex, now.strftime("%Y-%m-%d")
    paths = []
    for name, table in tables.items():
        folder = partition_dir(staging_dir, name, run_id, day)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"part-{part}.parquet"
        tmp = path.with_suffix(".tmp")
        pq.write_table(table, tmp, compression="zstd")
        tmp.rename(path)  # readers never see half-written files
        paths.append(str(path))
    return StagedRows(tuple(paths), len(extracted))


def read_staged(paths: list[str]) -> dict[str, pa.Table]:
    """Staged files back as one Arrow table per warehouse table (repeated keys dropped)."""
    from warehouse.load import merge_tables

    parts = [{Path(p).parent.parent.parent.name: pq.ParquetFile(p).read()} for p in paths]
    return merge_tables(parts)
