"""A whole run: the run row, the lock, streaming inputs in bounded batches through the stages, accounting.

The same code runs under Prefect (flows/ wraps each stage in a task) and without it (tests, benchmarks).
"""

from __future__ import annotations

import logging
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from newsflow import pipeline as p
from newsflow.errors import AccountingError, NewsflowError
from newsflow.records import Failure, InputOutcome, RawDocument
from newsflow.settings import Settings
from sources.archive import RawArchive
from sources.config import SourceConfig, load_sources, source_from_arg
from sources.local import load_local
from sources.web import fetch_all_sync
from warehouse.db import open_writer, run_lock
from warehouse.ledger import LedgerEntry
from warehouse.load import OUTCOMES
from warehouse.runs import finish_run, run_row, source_counts, start_run

Stage = Callable[[Settings, p.Batch], p.Batch]
Input = RawDocument | Failure | InputOutcome
log = logging.getLogger("newsflow.run")


@dataclass(frozen=True, slots=True)
class Stages:
    """The per-batch stages in order; a runner (Prefect) may substitute wrapped versions."""

    triage: Stage = p.triage_stage
    clean: Stage = p.clean_stage
    dedupe: Stage = p.dedupe_stage
    extract: Stage = p.extract_stage
    write: Stage = p.write_stage

    def run(self, settings: Settings, batch: p.Batch) -> p.Batch:
        """Take one batch through every stage; a stage that gives up raises StageFailed."""
        for name in ("triage", "clean", "dedupe", "extract", "write"):
            try:
                batch = getattr(self, name)(settings, batch)
            except Exception as exc:
                raise StageFailed(name, exc) from exc
        return batch


class StageFailed(Exception):
    """A stage gave up on a whole batch (after its retries): the batch's inputs are recorded as failed."""

    def __init__(self, stage: str, cause: Exception) -> None:
        super().__init__(f"{stage} failed: {type(cause).__name__}: {cause}")
        self.stage, self.cause = stage, cause


def resolve_sources(args: Iterable[str]) -> list[SourceConfig]:
    """Source configs from command-line arguments: a `.toml` file lists sources, anything else is one."""
    configs: list[SourceConfig] = []
    for arg in args:
        if arg.endswith(".toml") and Path(arg).is_file():
            configs.extend(load_sources(Path(arg)))
        else:
            configs.append(source_from_arg(arg, name=None if "://" in arg else arg.rstrip("/") or arg))
    return configs


def source_inputs(configs: list[SourceConfig], settings: Settings) -> Iterator[Input]:
    """Every input of the sources, streamed: local files first, then the web (fetched incrementally)."""
    for cfg in configs:
        if not cfg.is_web:
            for item in load_local([cfg.locator], source=cfg.name, max_bytes=settings.max_input_bytes):
                yield item.document if item.document is not None else item.failure  # type: ignore[misc]
    web = [c for c in configs if c.is_web]
    if not web:
        return
    with open_writer(settings.warehouse, settings.lock_timeout, settings.storage_version) as con:
        store = known_inputs(con, [c.name for c in web])
        since = last_success(con, [c.name for c in web])
    for result in fetch_all_sync(web, store, settings, since=since):
        if isinstance(result, RawDocument):
            yield result
        elif result.outcome == "failed":
            yield result.to_failure()
        else:
            known = store.get(result.locator)
            yield result.to_input_outcome(article_id=known.article_id if known else None)


def archived_inputs(settings: Settings, sources: list[str] | None) -> Iterator[Input]:
    """The raw bytes of every stored article (optionally of some sources), read back from the archive."""
    archive = RawArchive(settings.archive_dir)
    with open_writer(settings.warehouse, settings.lock_timeout, settings.storage_version) as con:
        rows = con.execute(
            "SELECT a.source, a.locator, a.external_id, a.raw_hash FROM articles a "
            "WHERE ? IS NULL OR list_contains(?, a.source) ORDER BY a.article_id",
            [sources, sources],
        ).fetchall()
    for source, locator, external_id, raw_hash in rows:
        try:
            yield archive.get_document(raw_hash, source, locator, external_id)
        except (FileNotFoundError, ValueError) as exc:
            yield Failure(source, locator, "load", "ArchiveMissing", f"raw bytes not in the archive: {exc}")


@dataclass(frozen=True, slots=True)
class Runner:
    """How a run is driven: the stages (plain or wrapped as tasks), the orchestrator's run id, and a
    hook that sees a stage's failure first (Prefect re-raises its run timeout there)."""

    stages: Stages = Stages()
    flow_run_id: str | None = None
    on_stage_error: Callable[[BaseException], None] | None = None


def run_ingest(sources: list[str], settings: Settings, runner: Runner | None = None) -> dict[str, Any]:
    """Ingest the sources (paths, globs, URLs, feeds, sitemaps, WARCs, .toml source lists)."""
    configs = resolve_sources(sources)
    return execute("ingest", sources, lambda: source_inputs(configs, settings), settings, runner)


def run_reprocess(
    settings: Settings, sources: list[str] | None = None, runner: Runner | None = None
) -> dict[str, Any]:
    """Re-clean and re-extract every stored article from the raw archive, without the network."""
    inputs = lambda: archived_inputs(settings, sources)  # noqa: E731
    return execute("reprocess", sources or [], inputs, settings, runner, force=True)


def execute(
    flow: str,
    sources: list[str],
    make_inputs: Callable[[], Iterable[Input]],
    settings: Settings,
    runner: Runner | None = None,
    force: bool = False,
) -> dict[str, Any]:
    """Run inputs through the stages in bounded batches under the run lock; return the run row.

    A batch whose stage gives up is recorded as failed and the run goes on; the run fails only
    when nothing could be written, or when the outcomes do not add up.
    """
    runner = runner or Runner()
    run_id = str(uuid.uuid4())
    with run_lock(settings.warehouse, settings.run_lock_wait_seconds):
        with open_writer(settings.warehouse, settings.lock_timeout, settings.storage_version) as con:
            stale = start_run(con, run_id, flow, sources, runner.flow_run_id, settings.spacy_model)
        if stale:
            log.warning("marked %d earlier run(s) as interrupted; their inputs are retried now", stale)
        n = seen = lost = 0
        locators = Counter[str]()
        try:
            for n, items in enumerate(p.batched(make_inputs(), settings.batch_size), 1):
                batch = p.Batch(run_id, force=force)
                for item in items:
                    if isinstance(item, Failure):
                        batch.fail(item)
                    elif isinstance(item, InputOutcome):
                        batch.outcomes.append(item)
                    elif locators[item.locator]:
                        batch.fail(repeated(item, locators[item.locator]), item.external_id)
                        locators[item.locator] += 1
                    else:
                        locators[item.locator] = 1
                        batch.todo.append(item)
                seen += len(items)
                if run_batch(settings, runner, batch):
                    log.info("batch %d: %d inputs accounted for", n, len(items))
                else:
                    lost += 1
            if lost and lost == n:
                raise NewsflowError(f"nothing could be written: all {lost} batch(es) failed")
            with open_writer(settings.warehouse, settings.lock_timeout) as con:
                check_accounting(run_row(con, run_id), source_counts(con, run_id), seen)
        except BaseException as exc:
            with open_writer(settings.warehouse, settings.lock_timeout) as con:
                finish_run(con, run_id, "failed", f"{type(exc).__name__}: {exc}")
            raise
        with open_writer(settings.warehouse, settings.lock_timeout) as con:
            summary = finish_run(con, run_id, "completed")
            summary["sources"] = source_counts(con, run_id)
    log.info("run %s: %s", run_id, {k: summary[k] for k in ("seen", *OUTCOMES)})
    return summary


def run_batch(settings: Settings, runner: Runner, batch: p.Batch) -> bool:
    """Run one batch; if a stage gives up, record every input of the batch as failed at that stage.

    Returns False only when not even the failures could be written.
    """
    items: list[RawDocument | Failure] = [*batch.todo, *batch.failures]
    decided = [o for o in batch.outcomes if o.outcome != "failed"]
    try:
        runner.stages.run(settings, batch)
        return True
    except StageFailed as exc:
        if runner.on_stage_error:
            runner.on_stage_error(exc.cause)
        log.error("%s; recording the batch's %d inputs as failed", exc, len(items) + len(decided))
        failed = p.failed_batch(batch.run_id, items, exc.stage, exc.cause)
        failed.outcomes += decided
        try:
            p.write_stage(settings, failed)
            return True
        except Exception as again:
            log.error("could not record the batch's failures either: %s", again)
            return False


def known_inputs(con: Any, source_names: list[str]) -> dict[str, LedgerEntry]:
    """Validators of the sources' inputs last stored successfully (for conditional GET)."""
    rows = con.execute(
        "SELECT locator, raw_hash, outcome, article_id, etag, last_modified FROM inputs "
        "WHERE list_contains(?, source) AND outcome IN ('new', 'updated', 'unchanged', 'duplicate')",
        [source_names],
    ).fetchall()
    return {r[0]: LedgerEntry(*r[1:]) for r in rows}


def last_success(con: Any, source_names: list[str]) -> datetime | None:
    """Start of the last completed run that read every one of the sources (None if one never ran)."""
    rows = con.execute(
        "SELECT s.source, max(r.started_at) FROM run_sources s JOIN runs r USING (run_id) "
        "WHERE r.status = 'completed' AND list_contains(?, s.source) GROUP BY s.source",
        [source_names],
    ).fetchall()
    if len(rows) < len(set(source_names)):
        return None
    oldest: datetime = min(r[1] for r in rows)
    return oldest


def repeated(doc: RawDocument, times: int) -> Failure:
    """The failure of an input whose locator (e.g. a JSONL id) already appeared in this run."""
    return Failure(
        doc.source,
        f"{doc.locator}#repeat{times}",
        "load",
        "DuplicateInput",
        f"id {doc.external_id!r} appears more than once in this run; the first one was kept",
    )


def check_accounting(run: dict[str, Any], per_source: list[dict[str, Any]], inputs_seen: int) -> None:
    """Every input seen ended as exactly one outcome, in total and per source; else fail loudly."""
    problems = []
    if run["seen"] != inputs_seen:
        problems.append(f"{inputs_seen} inputs were read but {run['seen']} outcomes recorded")
    for row in [run, *per_source]:
        total = sum(row[k] for k in OUTCOMES)
        if row["seen"] != total:
            problems.append(f"{row.get('source', 'run')}: seen {row['seen']} != outcomes {total}")
    if problems:
        raise AccountingError("accounting invariant violated: " + "; ".join(problems))
