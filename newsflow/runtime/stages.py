"""The per-batch work of a run, as plain functions: triage, clean, dedupe, extract, write.

The Prefect flow in `flows/` wraps these in tasks; tests and benchmarks call them directly.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any, TypeVar

import duckdb

from extractors.entities.linking import link_across_articles
from newsflow.core.errors import InputError
from newsflow.core.ids import stable_id
from newsflow.core.likeness import Likeness
from newsflow.core.records import (
    DONE,
    STORED,
    CleanArticle,
    ExtractedArticle,
    Failure,
    InputOutcome,
    RawDocument,
    StageName,
)
from newsflow.core.settings import Settings
from newsflow.runtime.extract import Extraction
from sources.archive import RawArchive
from warehouse.db import open_writer
from warehouse.lake import is_lake, set_data_path
from warehouse.ledger import LedgerEntry, ledger_entries, stored_canonicals, stored_hashes
from warehouse.load import write_batch
from warehouse.staging import StagedRows, read_staged

T = TypeVar("T")


@dataclass(slots=True)
class Batch:
    """A batch in flight: what still needs work, and every input's decided outcome so far."""

    run_id: str
    todo: list[RawDocument] = field(default_factory=list)
    articles: list[CleanArticle] = field(default_factory=list)
    extracted: list[ExtractedArticle] = field(default_factory=list)
    outcomes: list[InputOutcome] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    ledger: dict[str, LedgerEntry] = field(default_factory=dict)  # last state of the batch's inputs
    validators: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)  # ETag, Last-Modified
    force: bool = False  # reprocess: re-extract even when the text did not change
    in_flight: dict[str, tuple[int, str]] = field(default_factory=dict)  # hashes of unwritten batches
    staged: list[str] = field(default_factory=list)  # Parquet files holding the batch's extracted rows

    def fail(self, failure: Failure, external_id: str = "", raw_hash: str | None = None) -> None:
        """Record an input as failed, with its reason."""
        self.failures.append(failure)
        self.outcomes.append(
            InputOutcome(
                failure.source,
                failure.locator,
                external_id,
                "failed",
                raw_hash=raw_hash,
                reason=f"{failure.stage}: {failure.reason}",
            )
        )


def failed_batch(
    run_id: str, items: list[RawDocument | Failure], stage: StageName, exc: BaseException
) -> Batch:
    """A batch whose every input failed at `stage` (a stage that gave up), ready to be written."""
    batch = Batch(run_id)
    for item in items:
        if isinstance(item, Failure):
            batch.fail(item)
        else:
            reason = str(exc) or repr(exc)
            batch.fail(
                Failure(item.source, item.locator, stage, type(exc).__name__, reason),
                item.external_id,
                item.raw_hash,
            )
    return batch


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of at most `size` items."""
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def is_unchanged(doc: RawDocument, last: LedgerEntry | None) -> bool:
    """True when the input's bytes are those of its last successfully stored state."""
    return last is not None and last.outcome in DONE and last.raw_hash == doc.raw_hash


def triage(batch: Batch, ledger: dict[str, LedgerEntry]) -> None:
    """Inputs whose bytes match the ledger's last successful state are unchanged: no further work."""
    batch.ledger = ledger
    todo = []
    for doc in batch.todo:
        batch.validators[doc.locator] = (doc.etag, doc.last_modified)
        if not batch.force and is_unchanged(doc, ledger.get(doc.locator)):
            batch.outcomes.append(
                InputOutcome(
                    doc.source,
                    doc.locator,
                    doc.external_id,
                    "unchanged",
                    raw_hash=doc.raw_hash,
                    article_id=ledger[doc.locator].article_id,
                    reason="same bytes as last run",
                )
            )
        else:
            todo.append(doc)
    batch.todo = todo


def clean_all(batch: Batch) -> None:
    """Clean every remaining input; bad ones become failures."""
    from extractors.cleaning.clean import clean  # the HTML stack only for runs with something new

    for doc in batch.todo:
        try:
            batch.articles.append(clean(doc))
        except InputError as exc:
            batch.fail(
                Failure(doc.source, doc.locator, exc.stage, type(exc).__name__, str(exc)),
                doc.external_id,
                doc.raw_hash,
            )
        except Exception as exc:  # a cleaner bug must not lose the input or stop the night
            batch.fail(
                Failure(doc.source, doc.locator, "clean", type(exc).__name__, repr(exc)),
                doc.external_id,
                doc.raw_hash,
            )
    batch.todo = []


def dedupe(batch: Batch, stored: dict[str, tuple[int, str]]) -> None:
    """Keep articles whose text is new; the rest are unchanged (same locator) or duplicates.

    `stored` maps content hashes and canonical URLs of stored articles to (article_id, locator).
    """
    fresh, seen = [], {**batch.in_flight, **stored}
    for art in batch.articles:
        h, canon = art.content_hash, art.canonical_url
        outcome = InputOutcome(art.source, art.locator, art.external_id, "new", art.raw_hash, h)
        by_text, by_url = seen.get(h), seen.get(canon) if canon else None
        match = by_text or by_url
        if match and match[1] != art.locator:
            outcome.outcome, outcome.article_id = "duplicate", match[0]
            outcome.reason = f"same {'text' if by_text else 'canonical URL'} as {match[1]}"
        elif by_text and not batch.force:
            outcome.outcome, outcome.article_id, outcome.reason = (
                "unchanged",
                by_text[0],
                "same text as stored",
            )
        else:
            outcome.article_id = stable_id(art.locator)
            last = batch.ledger.get(art.locator)
            if last and last.article_id == outcome.article_id and last.outcome in STORED:
                outcome.outcome = "updated"
            seen[h] = (outcome.article_id, art.locator)
            if canon:
                seen[canon] = (outcome.article_id, art.locator)
            fresh.append(art)
        batch.outcomes.append(outcome)
    batch.articles = fresh


# Stage functions share one signature, (settings, batch) -> batch, so a runner can wrap each one.


def triage_stage(settings: Settings, batch: Batch) -> Batch:
    """Skip inputs whose bytes did not change since they were last stored."""
    with open_warehouse(settings) as con:
        ledger = ledger_entries(con, [d.locator for d in batch.todo])
    triage(batch, ledger)
    archive = RawArchive(settings.archive_dir)
    for doc in batch.todo:
        archive.put_document(doc)
    return batch


def clean_stage(settings: Settings, batch: Batch) -> Batch:
    """Extract main text, structure and metadata of every remaining input."""
    clean_all(batch)
    return batch


def dedupe_stage(settings: Settings, batch: Batch) -> Batch:
    """Separate new and updated articles from unchanged texts and duplicates."""
    if not batch.articles:
        return batch
    with open_warehouse(settings) as con:
        stored = stored_hashes(con, [a.content_hash for a in batch.articles])
        stored |= stored_canonicals(con, [a.canonical_url for a in batch.articles if a.canonical_url])
    dedupe(batch, stored)
    return batch


def extract_stage(settings: Settings, batch: Batch) -> Batch:
    """Entities, claims and amounts with spaCy."""
    extract_all(settings, batch)
    return batch


def write_stage(settings: Settings, batch: Batch) -> Batch:
    """Commit the batch: articles and their rows, outcomes, failures, counts, in one transaction."""
    for outcome in batch.outcomes:
        if outcome.locator in batch.validators:
            outcome.etag, outcome.last_modified = batch.validators[outcome.locator]
    staged = read_staged(batch.staged) if batch.staged else None
    with open_warehouse(settings) as con:
        if settings.writer_threads > 0:
            con.execute(f"SET threads = {int(settings.writer_threads)}")
        write_batch(
            con,
            batch.run_id,
            batch.extracted,
            batch.outcomes,
            batch.failures,
            spacy_model=settings.spacy_model,
            staged=staged,
            link=link_across_articles,
            likeness=_likeness(settings) if settings.link_articles and (batch.extracted or staged) else None,
        )
    return batch


def _likeness(settings: Settings) -> Likeness[Any, Any]:
    """The similarity decisions links are made with, imported only when a batch has articles to link."""
    from extractors.similarity import ReportLikeness

    return ReportLikeness(settings)


def open_warehouse(settings: Settings) -> AbstractContextManager[duckdb.DuckDBPyConnection]:
    """A writing connection to the run's warehouse: its lock wait, storage version and memory cap; a
    lake's Parquet files go under `lake_data_path` when the lake is created."""
    if is_lake(settings.warehouse):
        set_data_path(str(settings.warehouse), settings.lake_data_path)
    return open_writer(
        settings.warehouse, settings.lock_timeout, settings.storage_version, settings.writer_memory_limit
    )


def warehouse_path(settings: Settings, override: str | Path | None) -> Settings:
    """Settings with the warehouse path overridden when given."""
    return settings.model_copy(update={"warehouse": Path(override)}) if override else settings


def extract_all(settings: Settings, batch: Batch) -> None:
    """Run the NLP stage over the batch (on the run's worker pool if it has one)."""
    from newsflow.runtime.pool import extract_parallel

    apply_extraction(batch, extract_parallel(settings, batch.run_id, batch.articles))


def apply_extraction(batch: Batch, results: Iterable[Extraction]) -> None:
    """Put extraction results into the batch: rows to write, or per-article failures."""
    by_locator = {a.locator: a for a in batch.articles}
    batch.extracted = []
    for result in results:
        if isinstance(result, ExtractedArticle):
            batch.extracted.append(result)
        elif isinstance(result, StagedRows):
            batch.staged.extend(result.paths)
        else:
            art = by_locator[result.locator]
            _unstore(batch, art.locator)
            batch.fail(result, art.external_id, art.raw_hash)
    batch.articles = []


def _unstore(batch: Batch, locator: str) -> None:
    """Forget the outcome decided for an input that then failed."""
    batch.outcomes = [o for o in batch.outcomes if o.locator != locator]
