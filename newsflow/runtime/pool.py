"""The run's NLP worker pool: persistent processes that load spaCy once and turn chunks of
CleanArticles into plain, picklable ExtractedArticles (or failures, or staged Parquet files).

`run_ingest` opens one pool per run (`run_pool`) when `settings.nlp_processes() > 1`; the extract stage
finds it with `extract_parallel`, wherever that stage is called from in this process (the run loop's
threads, a Prefect thread-pool task). Where no pool is open (a Dask worker, n_process = 1) or
while it is not started (no batch so far was worth spawning workers for) the
articles are parsed in the calling process.

A command that will run a flow can `warm_up` first: one worker starts loading spaCy on another core
while this process imports Prefect, and the run's pool adopts it, so even one article is parsed
without spaCy's start-up on the critical path.
"""

from __future__ import annotations

import logging
import math
import multiprocessing as mp
import os
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor, wait
from contextlib import contextmanager
from typing import TYPE_CHECKING

from newsflow.core.records import CleanArticle
from newsflow.core.settings import FastRule, Settings

if TYPE_CHECKING:
    from newsflow.runtime.extract import Extraction

log = logging.getLogger(__name__)
_active: NlpPool | None = None
_warm: NlpPool | None = None


class NlpPool:
    """A process pool whose workers each load the spaCy pipeline once, started on first use."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.workers = settings.nlp_processes()
        self._executor: _Workers | None = None
        self._spawned = 0
        self._lock = threading.Lock()

    def start(self, workers: int | None = None) -> None:
        """Spawn the workers (or the first `workers`; later submits spawn no more) and let each load
        spaCy in the background (idempotent, returns at once)."""
        wanted = min(self.workers, workers or self.workers)
        with self._lock:
            if self._executor is None:
                self._executor = _Workers(
                    self.workers,
                    mp_context=mp.get_context("spawn"),  # no fork of a process holding DuckDB/Prefect threads
                    initializer=_init_worker,
                    initargs=(
                        self.settings.spacy_model,
                        tuple(self.settings.spacy_exclude),
                        tuple(self.settings.spacy_fast_rules),
                        os.getpid(),
                    ),
                )
            if wanted > self._spawned:
                log.info("starting %d NLP worker process(es)", wanted - self._spawned)
            self._executor.limit = max(self._executor.limit, wanted)
            while self._spawned < wanted:  # one task each while all are busy: each spawns and loads now
                self._executor.submit(_ready)
                self._spawned += 1

    def serves(self, settings: Settings) -> bool:
        """True when this pool's workers loaded the pipeline these settings ask for."""
        return (
            self.workers == settings.nlp_processes()
            and self.settings.spacy_model == settings.spacy_model
            and self.settings.spacy_exclude == settings.spacy_exclude
            and self.settings.spacy_fast_rules == settings.spacy_fast_rules
        )

    def extract(self, run_id: str, articles: list[CleanArticle]) -> list[Extraction]:
        """Extraction results for the articles, in order, computed in chunks across the workers."""
        if not articles:
            return []
        self.start(None if worth_a_pool(self.settings, len(articles)) else 1)  # a few: no more spawns
        assert self._executor is not None
        futures = [
            self._executor.submit(_extract_chunk, self.settings, run_id, chunk)
            for chunk in chunks(articles, self.settings, self._spawned)
        ]
        while wait(futures, timeout=1.0).not_done:  # back in Python each second, so that a task
            pass  # timeout (raised in this thread by Prefect) can interrupt the wait
        out: list[Extraction] = []
        for future in futures:
            out.extend(future.result())
        return out

    @property
    def started(self) -> bool:
        """True once the workers were spawned."""
        return self._executor is not None

    def worker_pids(self) -> list[int]:
        """Process ids of the live workers (for memory accounting)."""
        executor = self._executor
        procs = getattr(executor, "_processes", None) or {}
        return [int(pid) for pid in procs]

    def close(self, wait: bool = True) -> None:
        """Stop the workers (without waiting for them to exit unless `wait`)."""
        with self._lock:
            if self._executor is not None:
                self._executor.shutdown(wait=wait, cancel_futures=True)
                self._executor = None
                self._spawned = 0


class _Workers(ProcessPoolExecutor):
    """A process pool that spawns at most `limit` workers. The base class spawns one at any submit
    that finds no worker idle: a few articles sent while the warm worker still loads spaCy would
    load it a second time, and the run's exit would wait for that load."""

    limit = 0

    def _adjust_process_count(self) -> None:
        if len(self._processes) < self.limit:
            super()._adjust_process_count()
        else:  # what the base does when a worker is idle: this submit takes it
            self._idle_worker_semaphore.acquire(blocking=False)


def chunks(articles: list[CleanArticle], settings: Settings, workers: int) -> list[list[CleanArticle]]:
    """Consecutive chunks of at most `extract_chunk_size` articles and `extract_chunk_chars` characters.

    The character cap bounds a worker's memory: spaCy's peak grows with the text of one batch, and
    a few very long articles in one chunk would otherwise set the run's peak RSS.
    """
    size = settings.extract_chunk_size or settings.nlp_batch_size
    size = max(1, min(size, math.ceil(len(articles) / workers)))
    out: list[list[CleanArticle]] = []
    chunk: list[CleanArticle] = []
    chars = 0
    for art in articles:
        n = min(len(art.text), settings.max_nlp_chars)
        if chunk and (len(chunk) >= size or chars + n > settings.extract_chunk_chars):
            out.append(chunk)
            chunk, chars = [], 0
        chunk.append(art)
        chars += n
    if chunk:
        out.append(chunk)
    return out


@contextmanager
def run_pool(settings: Settings) -> Iterator[NlpPool | None]:
    """The pool for one run (None with one NLP process); extract stages in this process use it."""
    global _active, _warm
    if settings.nlp_processes() <= 1:
        yield None
        return
    pool = _warm if _warm is not None and _warm.serves(settings) else NlpPool(settings)
    _warm = None
    pool.settings = settings
    previous, _active = _active, pool
    ok = False
    try:
        yield pool
        ok = True
    finally:
        _active = previous
        pool.close(wait=not ok)  # after a good run the workers exit off the critical path


def warm_up(settings: Settings) -> None:
    """Start one NLP worker loading spaCy now, for the next run in this process to adopt (only where
    the run would use a pool: more than one usable core, within memory)."""
    global _warm
    if _warm is None and settings.nlp_processes() > 1:
        _warm = NlpPool(settings)
        _warm.start(1)


def worth_a_pool(settings: Settings, articles: int) -> bool:
    """Spawning workers (each loads spaCy, ≈ 2 s) pays only for more than one chunk of articles:
    a run of a few articles (the seeds, a quiet night) parses them in its own process."""
    return articles > (settings.extract_chunk_size or settings.nlp_batch_size)


def active_pool() -> NlpPool | None:
    """The pool of the run in progress in this process, if any."""
    return _active


def extract_parallel(settings: Settings, run_id: str, articles: list[CleanArticle]) -> list[Extraction]:
    """Extract on the run's pool when one is open, else in this process."""
    from newsflow.runtime.extract import extract_articles

    pool = _active
    if pool is None or not (pool.started or worth_a_pool(settings, len(articles))):
        return extract_articles(settings, run_id, articles) if articles else []
    return pool.extract(run_id, articles)


def _init_worker(model: str, exclude: tuple[str, ...], fast_rules: tuple[FastRule, ...], parent: int) -> None:
    """Worker start: exit with the run's process, load the spaCy pipeline once."""
    # Watch the parent before the slow spaCy import: a run killed meanwhile leaves no orphan.
    threading.Thread(target=_exit_with, args=(parent,), daemon=True, name="parent-watch").start()
    from extractors.nlp import load_nlp

    load_nlp(model, exclude, fast_rules)


def _exit_with(parent: int) -> None:
    """End this worker when the run's process is gone (e.g. SIGKILLed): no orphans holding 500 MB."""
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


def _ready() -> bool:
    """A no-op task: returns once the worker has started (and loaded spaCy)."""
    return True


def _extract_chunk(settings: Settings, run_id: str, articles: list[CleanArticle]) -> list[Extraction]:
    """One chunk, in a worker (the run's settings travel with it: the worker may predate the run)."""
    from newsflow.runtime.extract import extract_articles

    return extract_articles(settings, run_id, articles)
