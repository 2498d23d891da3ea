"""Bulk writes: one batch of extracted articles, outcomes and failures in one transaction, via Arrow."""

from __future__ import annotations

import bisect
import logging
import time
from collections import Counter
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from newsflow.core.ids import stable_id
from newsflow.core.keys import PERSON_PREFIX, Linker, key_name
from newsflow.core.likeness import Likeness
from newsflow.core.records import OUTCOMES, ExtractedArticle, Failure, InputOutcome, LocalEntity
from warehouse.aggregates import add_batch, drop_articles
from warehouse.arrow_sql import insert_rows, registered, with_columns
from warehouse.lake import compact_if_due, retry_conflicts, rollback
from warehouse.links import Touched, link_tables, refresh_links, replaced_links, select_in
from warehouse.search import index_articles, unindex_articles, with_sentence_spans

log = logging.getLogger(__name__)


def write_batch(
    con: duckdb.DuckDBPyConnection,
    run_id: str,
    extracted: list[ExtractedArticle],
    outcomes: list[InputOutcome],
    failures: list[Failure],
    spacy_model: str | None = None,
    staged: dict[str, pa.Table] | None = None,
    link: Linker | None = None,
    likeness: Likeness[Any, Any] | None = None,
) -> None:
    """Replace the batch's articles and all their rows, record outcomes and failures, atomically.

    `staged`: rows already built as Arrow tables (e.g. read back from Parquet staging), written too.
    `link`: maps surname-only person keys to stored full names (the extractors' cross-article
    linker); without one, keys are written as they are.
    `likeness`: when given, copies, stories and statements are linked in the same transaction
    (warehouse.links) with its decisions (the extractors' `ReportLikeness`).
    On a DuckLake the lake is compacted after the commit when its files are due (`compact_if_due`).
    """
    now = datetime.now(UTC)
    ids = {x.article.locator: stable_id(x.article.locator) for x in extracted}
    tables = article_tables(extracted, ids, run_id, now, spacy_model)
    if staged:
        tables = merge_tables([tables, staged])
    tables = with_carried_columns(with_sentence_spans(tables))
    article_ids = tables["articles"].column("article_id").to_pylist() if "articles" in tables else []

    def transaction() -> None:
        con.execute("BEGIN")
        try:
            con.execute("UPDATE writer_commits SET commits = commits + 1")  # overlapping writers conflict
            batch = dict(tables)  # a retry starts afresh
            if link is not None:
                batch = relink(batch, link_keys(con, entities_of(batch), link, mention_counts(batch)))
            started = time.perf_counter()
            links = replaced_links(con, article_ids, likeness) if likeness is not None else Touched()
            batch = _keep_first_ingest(con, batch, article_ids)
            replaced = _delete_articles(con, article_ids)
            if likeness is not None:
                batch, linked = link_tables(con, batch, likeness, run_id, now)
                links.stories |= linked.stories
                links.statements |= linked.statements
            link_seconds = time.perf_counter() - started
            _insert_entities(con, batch.pop("entities", None), now)
            batch = _with_speakers(con, batch)
            for name, table in batch.items():
                insert_rows(con, name, table)
            if likeness is not None:
                started = time.perf_counter()
                refresh_links(con, links)
                link_seconds += time.perf_counter() - started
                log.debug("linked %d articles in %.3f s", len(article_ids), link_seconds)
            if "articles" in batch:
                index_articles(con, batch["articles"], batch.get("claims"))
            add_batch(con, batch)
            _upsert_inputs(con, outcomes, run_id, now)
            _retitle_inputs(con, batch.get("articles"), replaced)
            insert_rows(con, "failures", _failure_table(failures, run_id, now))
            _add_counts(con, run_id, outcomes)
            con.execute("COMMIT")
        except BaseException:
            rollback(con)
            raise

    retry_conflicts(transaction, what=f"write of {len(article_ids)} article(s)")
    compact_if_due(con)  # a lake's files per table stay bounded (a no-op on a file)


def with_carried_columns(tables: dict[str, pa.Table]) -> dict[str, pa.Table]:
    """Claims carrying their article's title, publication time and source, and amounts their claim's
    content (0068), from the batch's own rows: the views read them from the row instead of a join."""
    out = dict(tables)
    if "claims" in out and "articles" in out:
        articles, claims = out["articles"], out["claims"]
        row = pc.index_in(claims.column("article_id"), value_set=articles.column("article_id"))
        out["claims"] = with_columns(
            claims,
            **{f"article_{c}": pc.take(articles.column(c), row) for c in ("title", "published_at", "source")},
        )
    if "amounts" in out and "claims" in out:
        amounts, claims = out["amounts"], out["claims"]
        row = pc.index_in(amounts.column("claim_id"), value_set=claims.column("claim_id"))
        out["amounts"] = with_columns(amounts, claim_content=pc.take(claims.column("content"), row))
    return out


def _with_speakers(con: duckdb.DuckDBPyConnection, tables: dict[str, pa.Table]) -> dict[str, pa.Table]:
    """Claims carrying their speaker's name (else the speaker's text), type and country (0068), as the
    stored entities have them once the batch's are inserted (entities are never renamed)."""
    if "claims" not in tables:
        return tables
    claims = tables["claims"]
    ids = claims.column("speaker_entity_id").to_pylist()
    known = {
        row[0]: row[1:]
        for row in select_in(
            con,
            "SELECT entity_id, name, type, country_code FROM entities",
            "entity_id",
            sorted({i for i in ids if i is not None}),
        )
    }
    rows = [known.get(i, (None, None, None)) for i in ids]
    texts = claims.column("speaker_text").to_pylist()
    speakers = [name if name is not None else text for (name, _, _), text in zip(rows, texts, strict=True)]
    return tables | {
        "claims": with_columns(
            claims,
            speaker=pa.array(speakers, pa.string()),
            speaker_type=pa.array([r[1] for r in rows], pa.string()),
            speaker_country=pa.array([r[2] for r in rows], pa.string()),
        )
    }


def merge_tables(parts: Iterable[dict[str, pa.Table]]) -> dict[str, pa.Table]:
    """Concatenate per-table parts (e.g. one per worker chunk) and drop keys repeated across parts."""
    grouped: dict[str, list[pa.Table]] = {}
    for part in parts:
        for name, table in part.items():
            grouped.setdefault(name, []).append(table)
    return {
        name: _dedupe(name, pa.concat_tables(tables, promote_options="permissive"))
        for name, tables in grouped.items()
    }


def entities_of(tables: dict[str, pa.Table]) -> list[LocalEntity]:
    """The batch's entities as records (the linker's input)."""
    if "entities" not in tables:
        return []
    t = tables["entities"]
    columns = [t.column(c).to_pylist() for c in ("entity_key", "name", "type", "country_code")]
    return [LocalEntity(*row) for row in zip(*columns, strict=True)]


# Columns that hold entity ids, per table.
_ENTITY_COLUMNS = {
    "mentions": ("entity_id",),
    "entity_roles": ("entity_id", "of_entity_id"),
    "claims": ("speaker_entity_id",),
    "claim_entities": ("entity_id",),
}


def relink(tables: dict[str, pa.Table], keymap: dict[str, str]) -> dict[str, pa.Table]:
    """Point every row of a linked key (a bare surname) at its full-name entity, and drop the former."""
    if not keymap:
        return tables
    ids = {stable_id(old): stable_id(new) for old, new in keymap.items()}
    out = dict(tables)
    for name, columns in _ENTITY_COLUMNS.items():
        if name not in out:
            continue
        table = out[name]
        for col in columns:
            values = [ids.get(v, v) for v in table.column(col).to_pylist()]
            table = table.set_column(table.schema.get_field_index(col), col, pa.array(values, pa.int64()))
        out[name] = _dedupe(name, table)
    entities = out["entities"]
    linked = pc.is_in(entities.column("entity_key"), pa.array(list(keymap)))
    out["entities"] = entities.filter(pc.invert(linked))
    return out


def link_keys(
    con: duckdb.DuckDBPyConnection, entities: list[LocalEntity], link: Linker, weight: dict[str, float]
) -> dict[str, str]:
    """Person keys → the canonical key `link` chooses among the stored full names that could be the
    same person (a surname's full name, another spelling of a full name)."""
    names = sorted({key_name(e.key) for e in entities if e.key.startswith(PERSON_PREFIX)})
    if not names:
        return {}
    # keys ending with " <name>" or beginning with "<first word> ": equi-joins on the key's last and
    # first word find them (a LIKE join would test every stored entity against every pattern)
    ends = pa.table({"word": [n.split()[-1] for n in names], "suffix": [f" {n}" for n in names]})
    begins = pa.table({"word": sorted({f"{PERSON_PREFIX}{n.split()[0]}" for n in names})})
    with registered(con, "name_ends", ends), registered(con, "name_begins", begins):
        rows = con.execute(
            f"""
            WITH persons AS (
                SELECT entity_id, entity_key FROM entities WHERE starts_with(entity_key, '{PERSON_PREFIX}')
            ), found AS (
                SELECT p.entity_id, p.entity_key FROM persons p
                JOIN name_ends n ON string_split(p.entity_key, ' ')[-1] = n.word
                WHERE ends_with(p.entity_key, n.suffix)
                UNION
                SELECT p.entity_id, p.entity_key FROM persons p
                JOIN name_begins n ON split_part(p.entity_key, ' ', 1) = n.word
                WHERE contains(p.entity_key, ' ')
            )
            SELECT f.entity_key, list(DISTINCT a.alias) FILTER (WHERE a.alias IS NOT NULL)
            FROM found f LEFT JOIN entity_aliases a USING (entity_id) GROUP BY f.entity_key
            """
        ).fetchall()
    return link(entities, {key: set(aliases or ()) for key, aliases in rows}, weight)


def mention_counts(tables: dict[str, pa.Table]) -> dict[str, float]:
    """Mentions of each of the batch's entity keys (the commonest spelling of a name is canonical)."""
    if "entities" not in tables or "mentions" not in tables:
        return {}
    counts = Counter(tables["mentions"].column("entity_id").to_pylist())
    keys = tables["entities"].column("entity_key").to_pylist()
    return {k: float(counts.get(stable_id(k), 0)) for k in keys}


def article_tables(
    extracted: list[ExtractedArticle],
    ids: dict[str, int],
    run_id: str,
    now: datetime,
    spacy_model: str | None,
) -> dict[str, pa.Table]:
    """Arrow tables for every row the batch's articles produce, built column by column."""
    cols: dict[str, dict[str, list[Any]]] = {
        name: {}
        for name in (
            "articles",
            "sections",
            "paragraphs",
            "sentences",
            "entities",
            "mentions",
            "entity_roles",
            "claims",
            "claim_entities",
            "amounts",
        )
    }

    def add(table: str, **row: Any) -> None:
        for key, value in row.items():
            cols[table].setdefault(key, []).append(value)

    seen_entities: set[str] = set()
    for x in extracted:
        a, aid = x.article, ids[x.article.locator]
        add(
            "articles",
            article_id=aid,
            source=a.source,
            external_id=a.external_id,
            locator=a.locator,
            url=a.url,
            canonical_url=a.canonical_url,
            title=a.title,
            authors=a.authors,
            published_at=a.published_at,
            modified_at=a.modified_at,
            language=a.language,
            site_name=a.site_name,
            description=a.description,
            keywords=a.keywords,
            section=a.section,
            provenance=list(a.provenance.items()),
            text=a.text,
            word_count=len(a.text.split()),
            content_hash=a.content_hash,
            raw_hash=a.raw_hash,
            extraction=x.skipped_reason or "ok",
            spacy_model=None if x.skipped_reason else spacy_model,
            run_id=run_id,
            ingested_at=now,
            updated_at=now,
        )
        section_no = -1
        heading_ends = [b for b in a.blocks if b.kind == "heading"]
        if a.blocks and a.blocks[0].kind != "heading":
            section_no = 0
            add(
                "sections",
                article_id=aid,
                section_no=0,
                heading=None,
                start_char=0,
                end_char=heading_ends[0].start if heading_ends else len(a.text),
            )
        paragraph_no = 0
        for i, b in enumerate(a.blocks):
            if b.kind == "heading":
                section_no += 1
                nxt = next((c.start for c in a.blocks[i + 1 :] if c.kind == "heading"), len(a.text))
                add(
                    "sections",
                    article_id=aid,
                    section_no=section_no,
                    heading=a.text[b.start : b.end],
                    start_char=b.start,
                    end_char=nxt,
                )
            else:
                add(
                    "paragraphs",
                    article_id=aid,
                    paragraph_no=paragraph_no,
                    section_no=max(section_no, 0),
                    kind=b.kind,
                    start_char=b.start,
                    end_char=b.end,
                )
                paragraph_no += 1
        starts = [s.start for s in x.sentences]
        for n, s in enumerate(x.sentences):
            add(
                "sentences",
                article_id=aid,
                sentence_no=n,
                start_char=s.start,
                end_char=s.end,
                text=a.text[s.start : s.end],
            )

        def eid(key: str | None, known: set[str]) -> int | None:
            """Global entity id of a local key, or None when the article has no such entity."""
            return stable_id(key) if key and key in known else None

        local = {e.key for e in x.entities}
        for e in x.entities:
            key = e.key
            if key not in seen_entities:
                seen_entities.add(key)
                add(
                    "entities",
                    entity_id=stable_id(key),
                    entity_key=key,
                    name=e.name,
                    type=e.type,
                    country_code=e.country_code,
                )
        for m in x.mentions:
            add(
                "mentions",
                article_id=aid,
                entity_id=eid(m.entity_key, local),
                start_char=m.start,
                end_char=m.end,
                text=m.text,
                label=m.label,
                sentence_no=_index_of(starts, m.start),
            )
        for r in x.roles:
            add(
                "entity_roles",
                article_id=aid,
                entity_id=eid(r.entity_key, local),
                role=r.role,
                of_entity_id=eid(r.of_entity_key, local),
                start_char=r.start,
                end_char=r.end,
            )
        claim_ids: list[int] = []
        for c in x.claims:
            cid = stable_id(aid, c.content_start, c.content_end, c.cue_start)
            claim_ids.append(cid)
            add(
                "claims",
                claim_id=cid,
                article_id=aid,
                speaker_entity_id=eid(c.speaker_entity_key, local),
                speaker_text=c.speaker_text,
                speaker_start=c.speaker_start,
                speaker_end=c.speaker_end,
                speaker_kind=c.speaker_kind,
                cue=c.cue,
                cue_start=c.cue_start,
                cue_end=c.cue_end,
                content=c.content,
                content_start=c.content_start,
                content_end=c.content_end,
                kind=c.kind,
                is_direct_quote=c.is_direct_quote,
                negated=c.negated,
                modality=c.modality,
                sentence_no=_index_of(starts, c.content_start),
            )
        for ce in x.claim_entities:
            add(
                "claim_entities",
                claim_id=claim_ids[ce.claim_index],
                entity_id=eid(ce.entity_key, local),
                role=ce.role,
            )
        for am in x.amounts:
            add(
                "amounts",
                amount_id=stable_id(aid, am.start, am.end, am.kind),
                article_id=aid,
                claim_id=claim_ids[am.claim_index] if am.claim_index is not None else None,
                kind=am.kind,
                text=am.text,
                start_char=am.start,
                end_char=am.end,
                value=am.value,
                unit=am.unit,
                value_usd=am.value_usd,
                qualifier=am.qualifier,
                base=am.base,
            )
    return {
        name: _dedupe(name, pa.table({k: _typed(k, v) for k, v in c.items()}))
        for name, c in cols.items()
        if c
    }


_TYPES = {
    "authors": pa.list_(pa.string()),
    "keywords": pa.list_(pa.string()),
    "provenance": pa.map_(pa.string(), pa.string()),
    "published_at": pa.timestamp("us", tz="UTC"),
    "modified_at": pa.timestamp("us", tz="UTC"),
}
_INT64 = {"article_id", "entity_id", "of_entity_id", "speaker_entity_id", "claim_id", "amount_id"}


def _typed(column: str, values: list[Any]) -> pa.Array:
    """An Arrow array with an explicit type where inference from Python values would guess wrong."""
    if column in _TYPES:
        return pa.array(values, _TYPES[column])
    if column in _INT64:
        return pa.array(values, pa.int64())
    return pa.array(values)


# Natural keys: a batch never writes the same key twice (first occurrence wins).
_KEYS = {
    "claims": ("claim_id",),
    "amounts": ("amount_id",),
    "mentions": ("article_id", "start_char", "end_char"),
    "claim_entities": ("claim_id", "entity_id", "role"),
    "entities": ("entity_key",),
}


def _dedupe(name: str, table: pa.Table) -> pa.Table:
    """Drop rows whose key repeats an earlier row, and rows whose entity could not be resolved."""
    for col in ("entity_id",):
        if col in table.column_names and name != "entities":
            table = table.filter(pc.is_valid(table.column(col)))
    keys = _KEYS.get(name)
    if not keys or table.num_rows == 0:
        return table
    seen: set[tuple[Any, ...]] = set()
    mask = []
    for row in zip(*(table.column(k).to_pylist() for k in keys), strict=True):
        mask.append(row not in seen)
        seen.add(row)
    return table.filter(pa.array(mask))


def _index_of(starts: list[int], offset: int) -> int | None:
    """Index of the sentence containing `offset` (sentences sorted by start)."""
    i = bisect.bisect_right(starts, offset) - 1
    return i if i >= 0 else None


def _insert_entities(con: duckdb.DuckDBPyConnection, table: pa.Table | None, now: datetime) -> None:
    """Add entities not yet in the warehouse; existing ids and names stay as they are."""
    if table is None or table.num_rows == 0:
        return
    with registered(con, "batch_entities", table):
        con.execute(
            "INSERT INTO entities BY NAME SELECT b.*, ?::TIMESTAMPTZ AS first_seen FROM batch_entities b "
            "ANTI JOIN entities e USING (entity_key)",
            [now],
        )


def _keep_first_ingest(
    con: duckdb.DuckDBPyConnection, tables: dict[str, pa.Table], article_ids: list[int]
) -> dict[str, pa.Table]:
    """A replaced article keeps the time it was first ingested (its report time when it has no date)."""
    if not article_ids:
        return tables
    first = dict(select_in(con, "SELECT article_id, ingested_at FROM articles", "article_id", article_ids))
    if not first:
        return tables
    arts = tables["articles"]
    ingested = [
        first.get(a, t)
        for a, t in zip(
            arts.column("article_id").to_pylist(), arts.column("ingested_at").to_pylist(), strict=True
        )
    ]
    i = arts.schema.get_field_index("ingested_at")
    return tables | {
        "articles": arts.set_column(i, "ingested_at", pa.array(ingested, arts.schema.field(i).type))
    }


def _delete_articles(con: duckdb.DuckDBPyConnection, article_ids: list[int]) -> list[int]:
    """Remove articles (being replaced) with every row hanging off them, and their counts; return the
    ids that were stored.

    Only ids already stored are looked for in the other tables, so a batch of new articles costs one
    probe of `articles`, not a scan of every table.
    """
    if not article_ids:
        return []
    with registered(con, "batch_ids", pa.table({"article_id": pa.array(article_ids, pa.int64())})):
        stored = [
            r[0]
            for r in con.execute(
                "SELECT article_id FROM articles SEMI JOIN batch_ids USING (article_id)"
            ).fetchall()
        ]
    if not stored:
        return []
    with registered(con, "gone", pa.table({"article_id": pa.array(stored, pa.int64())})):
        unindex_articles(con, "gone")
        drop_articles(con, "gone")
        con.execute(
            "DELETE FROM claim_entities WHERE claim_id IN "
            "(SELECT claim_id FROM claims SEMI JOIN gone USING (article_id))"
        )
        for table in (
            "amounts",
            "claims",
            "entity_roles",
            "mentions",
            "sentences",
            "paragraphs",
            "sections",
            "articles",
        ):
            con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT article_id FROM gone)")
    return stored


def _upsert_inputs(
    con: duckdb.DuckDBPyConnection, outcomes: list[InputOutcome], run_id: str, now: datetime
) -> None:
    """Record each input's outcome in the ledger (one row per locator, first_seen kept)."""
    latest = {o.locator: o for o in outcomes}
    if not latest:
        return
    fields = (
        "locator",
        "source",
        "external_id",
        "raw_hash",
        "content_hash",
        "article_id",
        "outcome",
        "reason",
        "etag",
        "last_modified",
    )
    table = pa.table(
        {f: [getattr(o, f) for o in latest.values()] for f in fields}
        | {
            "first_seen": [now] * len(latest),
            "last_seen": [now] * len(latest),
            "last_run_id": [run_id] * len(latest),
        }
    )
    article_ids = table.column("article_id").to_pylist()
    # the title of each input's article (0068, input_status): the batch's articles are written by now,
    # and the others (an original a duplicate points at) are found by their key
    titles = dict(
        select_in(
            con,
            "SELECT article_id, title FROM articles",
            "article_id",
            sorted({a for a in article_ids if a is not None}),
        )
    )
    table = with_columns(
        table,
        article_id=pa.array(article_ids, pa.int64()),
        article_title=pa.array([titles.get(a) for a in article_ids], pa.string()),
    )
    with registered(con, "batch_inputs", table):
        # what an outcome does not know (a failed fetch has no hash) keeps its last known value
        kept = ("external_id", "raw_hash", "content_hash", "article_id", "etag", "last_modified")
        updates = ", ".join(
            f"{f} = coalesce(b.{f}, inputs.{f})" if f in kept else f"{f} = b.{f}"
            for f in (*fields[1:], "last_seen", "last_run_id")
        )
        updates += ", article_title = if(b.article_id IS NULL, inputs.article_title, b.article_title)"
        con.execute(
            "MERGE INTO inputs USING batch_inputs AS b ON inputs.locator = b.locator "
            f"WHEN MATCHED THEN UPDATE SET {updates} WHEN NOT MATCHED THEN INSERT BY NAME"
        )


def _retitle_inputs(con: duckdb.DuckDBPyConnection, articles: pa.Table | None, replaced: list[int]) -> None:
    """Give the ledger rows pointing at replaced articles (duplicates of them too) their new title."""
    if articles is None or not replaced:
        return
    new = articles.select(["article_id", "title"]).filter(
        pc.is_in(articles.column("article_id"), value_set=pa.array(replaced, pa.int64()))
    )
    with registered(con, "retitled", new):
        con.execute(
            "UPDATE inputs SET article_title = r.title FROM retitled r "
            "WHERE inputs.article_id = r.article_id AND inputs.article_title IS DISTINCT FROM r.title"
        )


def _failure_table(failures: list[Failure], run_id: str, now: datetime) -> pa.Table:
    """Failures as an Arrow table."""
    return pa.table(
        {
            "run_id": [run_id] * len(failures),
            "source": [f.source for f in failures],
            "locator": [f.locator for f in failures],
            "stage": [f.stage for f in failures],
            "error_class": [f.error_class for f in failures],
            "reason": [f.reason for f in failures],
            "occurred_at": [now] * len(failures),
        }
    )


def _add_counts(con: duckdb.DuckDBPyConnection, run_id: str, outcomes: list[InputOutcome]) -> None:
    """Add the batch's outcome counts to the run, per source and in total."""
    per_source: dict[str, Counter[str]] = {}
    for o in outcomes:
        per_source.setdefault(o.source, Counter())[o.outcome] += 1
    for source, counts in per_source.items():
        values = [counts[k] for k in OUTCOMES]
        con.execute(
            "MERGE INTO run_sources USING (SELECT ? AS run_id, ? AS source, ? AS seen, "
            + ", ".join(f"? AS {k}" for k in OUTCOMES)
            + ") AS b ON run_sources.run_id = b.run_id AND run_sources.source = b.source "
            "WHEN MATCHED THEN UPDATE SET seen = run_sources.seen + b.seen, "
            + ", ".join(f"{k} = run_sources.{k} + b.{k}" for k in OUTCOMES)
            + " WHEN NOT MATCHED THEN INSERT BY NAME",
            [run_id, source, sum(values), *values],
        )
    totals = ", ".join(f"sum({k}) AS {k}" for k in ("seen", *OUTCOMES))
    assign = ", ".join(f"{k} = t.{k}" for k in ("seen", *OUTCOMES))
    con.execute(
        f"UPDATE runs SET {assign} FROM (SELECT {totals} FROM run_sources WHERE run_id = ?) t "
        "WHERE runs.run_id = ?",
        [run_id, run_id],
    )
