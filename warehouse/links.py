"""Cross-outlet links, written inside a batch's write transaction: copies, stories, statements (0053).

`link_tables` fills articles.copy_of / copy_similarity / story_id / outlet and claims.statement_id in the
batch's Arrow tables before they are inserted, reading only what it needs from the warehouse: copies by
primary-key probes of LSH band keys, stories and statements among the stories the batch's reports touch.
`refresh_links` then rebuilds the `stories`, `story_terms` and `statements` rows the batch touched.
The similarity decisions and their thresholds come in as a `Likeness` (newsflow.core.likeness; the run
passes extractors.similarity.ReportLikeness), so this module only reads and writes rows.
"""

from __future__ import annotations

import gc
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import chain, repeat
from typing import Any

import duckdb
import pyarrow as pa

from newsflow.core.ids import stable_id
from newsflow.core.likeness import Likeness
from newsflow.core.urls import split_url
from warehouse.arrow_sql import insert_rows, registered, with_columns
from warehouse.lake import is_lake_connection


@dataclass(slots=True)
class Touched:
    """Stories and statements whose derived rows must be rebuilt after the batch's rows are in."""

    stories: set[int] = field(default_factory=set)
    statements: set[int] = field(default_factory=set)


def replaced_links(
    con: duckdb.DuckDBPyConnection, article_ids: list[int], likeness: Likeness[Any, Any]
) -> Touched:
    """Before articles are replaced: note their stories and statements, and take their terms out of the
    term counts and their profiles out of article_terms (they come back with the new version)."""
    out = Touched()
    with registered(con, "link_batch", pa.table({"article_id": pa.array(article_ids, pa.int64())})):
        stored = sorted(_ids(con, "SELECT article_id FROM articles SEMI JOIN link_batch USING (article_id)"))
    if not stored:
        return out  # new articles only: nothing to take out (no scan of the other tables)
    article_ids = stored
    with registered(con, "link_gone", pa.table({"article_id": pa.array(article_ids, pa.int64())})):
        out.stories = _ids(con, "SELECT story_id FROM articles SEMI JOIN link_gone USING (article_id)")
        out.statements = _ids(con, "SELECT statement_id FROM claims SEMI JOIN link_gone USING (article_id)")
        con.execute("DELETE FROM article_terms WHERE article_id IN (SELECT article_id FROM link_gone)")
        entity_terms = con.execute(
            "SELECT 'e:' || entity_id, count(DISTINCT article_id) FROM mentions "
            "SEMI JOIN link_gone USING (article_id) GROUP BY 1"
        ).fetchall()
    old = select_in(con, "SELECT coalesce(title, ''), text FROM articles", "article_id", article_ids)
    counts = Counter(
        t for title, text in old for t in set(likeness.report_terms(title, likeness.copy_view(text)))
    )
    counts.update(dict(entity_terms))
    _add_term_counts(con, counts, -1)
    return out


@contextmanager
def _cycle_collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector. The link step makes hundreds of thousands of short-lived,
    acyclic containers (token tuples, term sets, index lists) that reference counting frees, and
    the collector's passes over them cost about a twentieth of the step. It resumes afterwards and
    collects whatever cycles it finds then."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


@_cycle_collector_paused()
def link_tables(
    con: duckdb.DuckDBPyConnection,
    tables: dict[str, pa.Table],
    likeness: Likeness[Any, Any],
    run_id: str,
    now: datetime,
) -> tuple[dict[str, pa.Table], Touched]:
    """The batch's tables with their links filled in, and what the links touched."""
    touched = Touched()
    if "articles" not in tables or tables["articles"].num_rows == 0:
        return tables, touched
    arts = tables["articles"]
    col = {name: arts.column(name).to_pylist() for name in arts.column_names}
    n = arts.num_rows
    views = [likeness.copy_view(text) for text in col["text"]]  # each text is read once
    batch = _Batch(
        col["article_id"],
        views,
        [likeness.report_terms(t or "", v) for t, v in zip(col["title"], views, strict=True)],
        [p or i for p, i in zip(col["published_at"], col["ingested_at"], strict=True)],
        col["locator"],
    )
    outlet = [
        outlet_of(col["site_name"][i], col["url"][i], col["canonical_url"][i], col["source"][i])
        for i in range(n)
    ]
    stories = _link_stories(con, tables, batch, likeness, run_id, now, touched)
    copy_of, similarity = _link_copies(con, batch, stories, likeness)
    out = dict(tables)
    out["articles"] = with_columns(
        arts,
        copy_of=pa.array(copy_of, pa.int64()),
        copy_similarity=pa.array(similarity, pa.float64()),
        story_id=pa.array(stories, pa.int64()),
        outlet=pa.array(outlet, pa.string()),
    )
    touched.stories |= set(stories)
    if "claims" in out and out["claims"].num_rows:
        story_of = dict(zip(batch.ids, stories, strict=True))
        rank = {batch.ids[i]: r for r, i in enumerate(batch.order)}
        statement_ids = _link_statements(con, out, story_of, rank, likeness)
        out["claims"] = with_columns(out["claims"], statement_id=pa.array(statement_ids, pa.int64()))
        touched.statements |= set(statement_ids)
    return out, touched


@dataclass(slots=True)
class _Batch:
    """The batch's articles as the linker sees them, and their order of report (time, then id)."""

    ids: list[int]
    views: list[Any]  # the likeness's copy view of each text
    terms: list[Mapping[str, int]]  # content-word terms of title and text
    reported: list[datetime]
    locators: list[str]  # ties in time go by locator, the same way on every run
    order: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.order = sorted(range(len(self.ids)), key=lambda i: (self.reported[i], self.locators[i]))

    def span(self, window: timedelta) -> tuple[datetime, datetime]:
        """The batch's times of report widened by `window` on each side, held at the calendar's
        ends (a record dated year 1 or 9999: a placeholder for no date)."""
        first, last = min(self.reported), max(self.reported)
        low = first - window if first - datetime.min.replace(tzinfo=first.tzinfo) > window else first
        high = last + window if datetime.max.replace(tzinfo=last.tzinfo) - last > window else last
        return low, high


def outlet_of(site_name: str | None, url: str | None, canonical_url: str | None, source: str) -> str:
    """Who published the report: its site name, else its URL's host without `www.`, else its source."""
    if site_name:
        return site_name
    for u in (canonical_url, url):
        parts = split_url(u) if u else None  # (a record's address is kept as given, malformed or not)
        host = parts.hostname if parts else None
        if host:
            return host.removeprefix("www.").removeprefix("amp.")
    return source


# --- stories ----------------------------------------------------------------------------------


def _link_stories(
    con: duckdb.DuckDBPyConnection,
    tables: dict[str, pa.Table],
    batch: _Batch,
    likeness: Likeness[Any, Any],
    run_id: str,
    now: datetime,
    touched: Touched,
) -> list[int]:
    """story_id per article: average-link clustering of the batch's profiles with the stored stories
    of the window that look most alike; stored stories a batch joins are merged (ids kept in story_merges)."""
    counts: dict[int, Counter[int]] = defaultdict(Counter)
    if "mentions" in tables:
        m = tables["mentions"]
        for aid, eid in zip(
            m.column("article_id").to_pylist(), m.column("entity_id").to_pylist(), strict=True
        ):
            counts[aid][eid] += 1
    word_counts = batch.terms
    term_sets = [
        set(w) | {f"e:{e}" for e in counts[aid]} for aid, w in zip(batch.ids, word_counts, strict=True)
    ]
    batch_df: Counter[str] = Counter(t for ts in term_sets for t in ts)
    df = Counter(batch_df)
    with registered(con, "batch_terms_df", pa.table({"term": pa.array(list(batch_df), pa.string())})):
        df.update(
            dict(
                con.execute(
                    "SELECT term, articles FROM term_stats SEMI JOIN batch_terms_df USING (term)"
                ).fetchall()
            )
        )
    n_docs = int(con.execute("SELECT count(*) FROM articles").fetchall()[0][0]) + len(batch.ids)
    vectors = [likeness.profile(word_counts[i], counts[aid], df, n_docs) for i, aid in enumerate(batch.ids)]
    window = timedelta(days=likeness.story_window_days)
    stored = _stored_stories(con, vectors, *batch.span(window), likeness.story_candidates)
    groups = [v for _, v, _ in stored] + [vectors[i] for i in batch.order]
    sizes = [n for _, _, n in stored] + [1] * len(batch.ids)
    labels = likeness.cluster(groups, sizes, fixed=len(stored))
    k = len(stored)
    story_at = [sid for sid, _, _ in stored] + [stable_id("story", batch.ids[i]) for i in batch.order]
    assigned = [0] * len(batch.ids)
    for pos, i in enumerate(batch.order):
        assigned[i] = story_at[labels[k + pos]]
    merged = {story_at[j]: story_at[labels[j]] for j in range(k) if labels[j] != j}
    _record_merges(con, merged, run_id, now, touched)
    insert_rows(
        con,
        "article_terms",
        pa.table(
            {
                "article_id": pa.array(
                    [a for a, v in zip(batch.ids, vectors, strict=True) for _ in v], pa.int64()
                ),
                "term": pa.array([t for v in vectors for t in v], pa.string()),
                "weight": pa.array([w for v in vectors for w in v.values()], pa.float64()),
                "reported_at": pa.array(
                    [r for r, v in zip(batch.reported, vectors, strict=True) for _ in v],
                    pa.timestamp("us", tz="UTC"),
                ),
            }
        ),
    )
    _add_term_counts(con, batch_df, 1)
    return assigned


def _add_term_counts(con: duckdb.DuckDBPyConnection, counts: Counter[str], sign: int) -> None:
    """Add (sign 1) or subtract (-1) document counts in term_stats: the touched rows are replaced
    (DELETE + INSERT), which works on a DuckLake too (no primary keys there, so no upsert)."""
    if not counts:
        return
    delta = pa.table({"term": list(counts), "n": pa.array(list(counts.values()), pa.int32())})
    with registered(con, "term_delta", delta):
        con.execute(
            "CREATE OR REPLACE TEMP TABLE term_sums AS SELECT d.term, "
            f"(coalesce(t.articles, 0) + {int(sign)} * d.n)::INTEGER AS articles "
            "FROM term_delta d LEFT JOIN term_stats t USING (term)"
        )
    con.execute("DELETE FROM term_stats t USING term_sums d WHERE t.term = d.term")
    con.execute("INSERT INTO term_stats SELECT term, articles FROM term_sums WHERE articles > 0")
    con.execute("DROP TABLE temp.term_sums")


def _stored_stories(
    con: duckdb.DuckDBPyConnection,
    vectors: list[dict[str, float]],
    since: datetime,
    until: datetime,
    candidates: int,
) -> list[tuple[int, dict[str, float], int]]:
    """The stored stories of the window most alike the batch: (story_id, summed profile, articles),
    oldest first."""
    summed: dict[str, float] = defaultdict(float)
    for v in vectors:
        for t, w in v.items():
            summed[t] += w
    probe = pa.table({"term": pa.array(list(summed), pa.string()), "weight": pa.array(list(summed.values()))})
    with registered(con, "batch_profile", probe):
        rows = con.execute(
            """
            WITH window_terms AS (
                SELECT article_id, term, weight FROM article_terms WHERE reported_at BETWEEN $1 AND $2
            ), near AS (
                SELECT a.story_id
                FROM window_terms t JOIN batch_profile b USING (term) JOIN articles a USING (article_id)
                WHERE a.story_id IS NOT NULL
                GROUP BY a.story_id ORDER BY sum(t.weight * b.weight) DESC LIMIT $3
            ), terms AS (
                SELECT a.story_id, t.term, sum(t.weight) AS weight
                FROM window_terms t JOIN articles a USING (article_id) SEMI JOIN near USING (story_id)
                GROUP BY ALL
            )
            SELECT s.story_id, list(t.term), list(t.weight), any_value(s.articles),
                   any_value(s.first_report_at)
            FROM terms t JOIN stories s USING (story_id)
            GROUP BY s.story_id ORDER BY 5, 1
            """,
            [since, until, candidates],
        ).fetchall()
    return [(sid, dict(zip(terms, weights, strict=True)), n) for sid, terms, weights, n, _ in rows]


def _record_merges(
    con: duckdb.DuckDBPyConnection, merged: dict[int, int], run_id: str, now: datetime, touched: Touched
) -> None:
    """Point stored articles and saved ids of merged stories at the surviving story."""
    for gone, into in merged.items():
        con.execute("UPDATE articles SET story_id = ? WHERE story_id = ?", [into, gone])
        con.execute("UPDATE story_merges SET into_story_id = ? WHERE into_story_id = ?", [into, gone])
        con.execute("DELETE FROM story_merges WHERE story_id = ?", [gone])
        con.execute("INSERT INTO story_merges VALUES (?, ?, ?, ?)", [gone, into, now, run_id])
        touched.stories |= {gone, into}


# --- copies -----------------------------------------------------------------------------------


def _link_copies(
    con: duckdb.DuckDBPyConnection, batch: _Batch, stories: list[int], likeness: Likeness[Any, Any]
) -> tuple[list[int | None], list[float | None]]:
    """copy_of and similarity per article. Candidates: articles of the copy window sharing an LSH band
    key of the lead or of the whole text (one set-based probe of copy_bands per batch), and the batch's
    earlier reports of the same story (their texts are at hand; stored reports are reached through
    their band keys only)."""
    views = batch.views
    keys = [likeness.copy_keys(v) for v in views]
    first_holder: dict[int, int] = {}
    for i in batch.order:
        for key in keys[i]:
            first_holder.setdefault(key, i)
    bands = pa.table(
        {
            "band_key": pa.array(list(first_holder), pa.int64()),
            "article_id": pa.array([batch.ids[i] for i in first_holder.values()], pa.int64()),
            "reported_at": pa.array(
                [batch.reported[i] for i in first_holder.values()], pa.timestamp("us", tz="UTC")
            ),
        }
    )
    window = timedelta(days=likeness.copy_window_days)
    with registered(con, "batch_bands", bands):
        held = dict(
            con.execute(  # the window's keys only: rows in report order, so row groups outside are skipped
                "SELECT band_key, article_id FROM copy_bands SEMI JOIN batch_bands USING (band_key) "
                "WHERE copy_bands.reported_at BETWEEN $1 AND $2",
                list(batch.span(window)),
            ).fetchall()
        )
    # the keys not held yet are known from that probe: an ANTI JOIN against copy_bands would build a
    # hash table of all stored keys (time and memory growing with the warehouse)
    insert_rows(con, "copy_bands", bands.filter(pa.array([k not in held for k in first_holder], pa.bool_())))
    position = {aid: i for i, aid in enumerate(batch.ids)}
    rank = {batch.ids[i]: r for r, i in enumerate(batch.order)}
    by_story: dict[int, list[int]] = defaultdict(list)
    for i in batch.order:
        by_story[stories[i]].append(batch.ids[i])
    outside: dict[int, tuple[str, tuple[datetime, str], int | None]] = {}
    banded = sorted({a for a in held.values() if a not in position})
    for aid, text, when, locator, root in select_in(
        con,
        "SELECT article_id, text, coalesce(published_at, ingested_at), locator, copy_of FROM articles",
        "article_id",
        banded,
    ):
        outside[aid] = (text, (when, locator), root)
    cache: dict[int, Any] = {}
    copy_of: list[int | None] = [None] * len(batch.ids)
    sim: list[float | None] = [None] * len(batch.ids)
    for i in batch.order:
        aid = batch.ids[i]
        candidates = {held.get(k) for k in keys[i]} | set(by_story[stories[i]])
        best: tuple[float, int] | None = None
        for c in candidates - {None, aid}:
            assert c is not None
            if c in position:
                if rank[c] >= rank[aid]:
                    continue  # the later of two reports is the copy
                view, root = views[position[c]], copy_of[position[c]]
            elif c in outside:
                text, when, root = outside[c]
                if when > (batch.reported[i], batch.locators[i]):
                    continue
                if c not in cache:
                    cache[c] = likeness.copy_view(text)
                view = cache[c]
            else:
                continue  # a band's first holder that is no longer stored
            score = likeness.copy_similarity(views[i], view)
            if score > 0 and (best is None or score > best[0]):
                best = (score, root if root is not None else c)
        if best is not None:
            sim[i], copy_of[i] = round(best[0], 3), best[1]
    return copy_of, sim


# --- statements -------------------------------------------------------------------------------


def _link_statements(
    con: duckdb.DuckDBPyConnection,
    tables: dict[str, pa.Table],
    story_of: dict[int, int],
    rank: dict[int, int],
    likeness: Likeness[Any, Any],
) -> list[int]:
    """statement_id per batch claim: the best-matching statement of its story among those whose claims
    in other reports it mostly reports the same as (the likeness's `joins_statement`), or a new one."""
    claims = tables["claims"]
    c = {
        k: claims.column(k).to_pylist()
        for k in ("claim_id", "article_id", "speaker_entity_id", "content", "content_start")
    }
    with registered(
        con, "batch_stories", pa.table({"story_id": pa.array(sorted(set(story_of.values())), pa.int64())})
    ):
        stored = con.execute(
            "WITH reports AS ("
            "SELECT article_id, story_id FROM articles SEMI JOIN batch_stories USING (story_id)) "
            "SELECT r.story_id, c.article_id, c.speaker_entity_id, c.content, c.statement_id "
            f"FROM {_rows_of(con, 'claims', 'article_id', 'reports')} "
            "JOIN reports r USING (article_id) WHERE c.statement_id IS NOT NULL"
        ).fetchall()
    speakers = {s for s in c["speaker_entity_id"] if s is not None} | {
        r[2] for r in stored if r[2] is not None
    }
    names = _entity_names(con, tables, speakers)
    pools: dict[int, _StoryClaims] = defaultdict(_StoryClaims)
    reports: dict[int, Counter[int]] = defaultdict(Counter)  # statement -> its claims per article

    def add(story: int, speaker: int | None, text: Any, statement: int, article: int) -> None:
        pools[story].add(
            (speaker, text, statement, article), likeness.claim_terms(text), likeness.claim_runs(text)
        )
        reports[statement][article] += 1

    for story, article, speaker, content, statement in stored:
        add(story, speaker, likeness.claim_view(content), statement, article)
    out = [0] * claims.num_rows
    order = sorted(
        range(claims.num_rows),
        key=lambda i: (rank[c["article_id"][i]], c["content_start"][i]),
    )
    for i in order:
        article = c["article_id"][i]
        story, speaker, text = (
            story_of[article],
            c["speaker_entity_id"][i],
            likeness.claim_view(c["content"][i]),
        )
        scores: dict[int, float] = {}
        agree: Counter[int] = Counter()  # statement -> its claims in other articles this one matches
        pool = pools[story]
        candidates = pool.candidates(
            likeness.claim_terms(text), likeness.claim_runs(text), likeness.rewording_terms
        )
        for pos in candidates:
            other, other_text, statement, other_article = pool.claims[pos]
            score = likeness.same_statement(
                text, other_text, likeness.speaker_relation(speaker, other, names)
            )
            if score > 0:
                scores[statement] = max(score, scores.get(statement, 0.0))
                agree[statement] += other_article != article
        # average rather than single link: a claim joins a statement only when it reports the same as
        # enough of its claims in other articles, so one claim holding two statements cannot chain them
        joins = [
            s
            for s in scores
            if likeness.joins_statement(agree[s], sum(reports[s].values()) - reports[s][article])
        ]
        out[i] = (
            max(joins, key=lambda s: (scores[s], -s)) if joins else stable_id("statement", c["claim_id"][i])
        )
        add(story, speaker, text, out[i], article)
    return out


@dataclass(slots=True)
class _StoryClaims:
    """A story's claims so far (speaker, claim view, statement, article), indexed by the likeness's
    claim terms, so a claim meets only those that could report the same statement."""

    claims: list[tuple[int | None, Any, int, int]] = field(default_factory=list)
    runs: list[frozenset[str]] = field(default_factory=list)  # each claim's runs of words
    by_term: defaultdict[str, list[int]] = field(default_factory=lambda: defaultdict(list))

    def add(
        self, claim: tuple[int | None, Any, int, int], terms: frozenset[str], runs: frozenset[str]
    ) -> None:
        """Index a claim by its terms."""
        position = len(self.claims)
        self.claims.append(claim)
        self.runs.append(runs)
        for term in terms:
            self.by_term[term].append(position)

    def candidates(self, terms: frozenset[str], runs: frozenset[str], rewording_terms: int) -> list[int]:
        """Positions of the claims sharing a term and a run with these, or `rewording_terms` terms: the
        others cannot report the same statement (the likeness's `rewording_terms`)."""
        shared = Counter(chain.from_iterable(map(self.by_term.get, terms, repeat(()))))
        return [p for p, n in shared.items() if n >= rewording_terms or not runs.isdisjoint(self.runs[p])]


def _entity_names(
    con: duckdb.DuckDBPyConnection, tables: dict[str, pa.Table], ids: set[int]
) -> dict[int, str]:
    """Names of the given entities, from the batch's new entities and the stored ones."""
    names: dict[int, str] = {}
    if "entities" in tables:
        e = tables["entities"]
        names.update(zip(e.column("entity_id").to_pylist(), e.column("name").to_pylist(), strict=True))
    with registered(con, "speaker_ids", pa.table({"entity_id": pa.array(sorted(ids), pa.int64())})):
        names.update(
            con.execute(
                "SELECT entity_id, name FROM entities SEMI JOIN speaker_ids USING (entity_id)"
            ).fetchall()
        )
    return names


def _rows_of(con: duckdb.DuckDBPyConnection, table: str, key: str, keys: str) -> str:
    """`table` aliased by its first letter, restricted to the rows whose `key` is in the relation `keys`,
    for a FROM clause.

    On a DuckDB file by position: the rowids from a scan of that one column, then the other columns
    of those rows only (the row tables have no key to probe, 0062). On a DuckLake by a plain semi-join:
    with rowids read in the write transaction, a commit race once left both writers' SQLite catalog
    locked.
    """
    alias = table[0]
    if is_lake_connection(con):
        return f"{table} {alias} SEMI JOIN {keys} USING ({key})"
    return (
        f"{table} {alias} SEMI JOIN (SELECT rowid FROM {table} SEMI JOIN {keys} USING ({key})) p "
        f"ON {alias}.rowid = p.rowid"
    )


# --- derived rows -----------------------------------------------------------------------------

_REFRESH_STORIES = (
    "DELETE FROM stories WHERE story_id IN (SELECT story_id FROM touched_stories)",
    """
    INSERT INTO stories
    SELECT story_id,
           arg_min(title, (title IS NULL, coalesce(published_at, ingested_at), locator)),
           min(coalesce(published_at, ingested_at)), max(coalesce(published_at, ingested_at)),
           count(*), list_sort(list(DISTINCT outlet)), count(copy_of)
    FROM articles SEMI JOIN touched_stories USING (story_id)
    GROUP BY story_id
    """,
)

# The touched statements rebuilt from their claims and those claims' articles. A statement's claims are
# all in one live story (a claim joins a statement of its own story; merges move whole stories; a
# replaced article's claims are linked anew), and the batch touched that story: a batch claim joined the
# statement, or a replaced article held one of its claims. So its claims are found among the touched
# stories' articles: a scan of the well-compressed story and article ids, where a scan of the claims'
# random statement ids cost 0.1-0.3 s at 1M articles. On a DuckDB file claims and articles are read by
# position (`_rows_of`): a join would read every article's title, URL and locator.
_STATEMENT_CLAIMS = """
    CREATE OR REPLACE TEMP TABLE statement_claims AS
    WITH story_articles AS (SELECT article_id FROM articles SEMI JOIN touched_stories USING (story_id))
    SELECT c.statement_id, c.speaker_entity_id, c.content, c.is_direct_quote, c.kind, c.article_id
    FROM {claims}
    WHERE c.statement_id IN (SELECT statement_id FROM touched_statements)
"""
_STATEMENT_ROWS = """
    CREATE OR REPLACE TEMP TABLE statement_rows AS
    WITH r AS (
        SELECT c.*, a.story_id, a.outlet, a.copy_of, a.locator, a.title, a.url,
               coalesce(a.published_at, a.ingested_at) AS reported_at
        FROM statement_claims c JOIN {articles} USING (article_id)
    ), s AS (
        SELECT statement_id,
               mode(speaker_entity_id) AS speaker_entity_id,
               -- equally long texts: the greatest, not the first scanned (the scan order is no order)
               arg_max(content, (is_direct_quote, length(content), content)) AS text,
               mode(kind) AS kind,
               mode(story_id) AS story_id,
               arg_min(article_id, (reported_at, locator)) AS first_article_id,
               min(reported_at) AS first_report_at,
               arg_min(outlet, (reported_at, locator)) AS first_outlet,
               arg_min_null(title, (reported_at, locator)) AS first_title,
               arg_min_null(url, (reported_at, locator)) AS first_url,
               count(*) AS reports, count(DISTINCT article_id) AS articles,
               count(DISTINCT outlet) AS outlets,
               count(DISTINCT article_id) FILTER (WHERE copy_of IS NULL) AS independent
        FROM r GROUP BY statement_id
    )
    SELECT s.*, e.name AS speaker FROM s LEFT JOIN entities e ON e.entity_id = s.speaker_entity_id
"""
# The stored statements the rebuild replaces or re-ranks, found by story (a scan of the story ids: a scan
# of the random statement ids cost 0.2-0.4 s at 1M articles), keyed by row: by position on a DuckDB file,
# so the delete and the rank update find their rows without another scan. A touched statement's row
# names the touched story its claims are in (above) or, if not rebuilt since that story absorbed its
# own, a story merged into it (story_merges).
_HELD = """
    CREATE OR REPLACE TEMP TABLE statements_held AS
    WITH held_stories AS (
        SELECT story_id FROM rank_stories
        UNION ALL
        SELECT m.story_id FROM story_merges m SEMI JOIN rank_stories r ON m.into_story_id = r.story_id
    )
    SELECT {row} AS row_key, statement_id, story_id, outlets, articles
    FROM statements SEMI JOIN held_stories USING (story_id)
"""
# each statement's rank in its story (story_statements, 0067), for the stories in `rank_stories`: over the
# rebuilt rows and the held rows that stay; only a held row whose rank changes is updated
_RANKS = """
    CREATE OR REPLACE TEMP TABLE story_ranks AS
    WITH ranked AS (
        SELECT row_key, statement_id, story_id, outlets, articles FROM statements_held
        WHERE statement_id NOT IN (SELECT statement_id FROM touched_statements)
        UNION ALL
        SELECT NULL, statement_id, story_id, outlets, articles FROM statement_rows
    )
    SELECT row_key, statement_id,
           rank() OVER (PARTITION BY story_id ORDER BY outlets DESC, articles DESC) AS story_rank
    FROM ranked SEMI JOIN rank_stories USING (story_id)
"""
_REPLACE_STATEMENTS = (
    """
    DELETE FROM statements WHERE {row} IN (
        SELECT row_key FROM statements_held SEMI JOIN touched_statements USING (statement_id))
    """,
    """
    INSERT INTO statements BY NAME
    SELECT s.*, r.story_rank FROM statement_rows s LEFT JOIN story_ranks r USING (statement_id)
    """,
    """
    UPDATE statements SET story_rank = r.story_rank FROM story_ranks r
    WHERE statements.{row} = r.row_key AND statements.story_rank IS DISTINCT FROM r.story_rank
    """,
    "DROP TABLE temp.statement_claims",
    "DROP TABLE temp.statement_rows",
    "DROP TABLE temp.statements_held",
    "DROP TABLE temp.story_ranks",
)


def refresh_links(con: duckdb.DuckDBPyConnection, touched: Touched) -> None:
    """Rebuild the stories and statements the batch touched (gone ones disappear), and re-rank the
    statements of the stories they are in."""
    stories = pa.table(
        {"story_id": pa.array(sorted(s for s in touched.stories if s is not None), pa.int64())}
    )
    statements = pa.table(
        {"statement_id": pa.array(sorted(s for s in touched.statements if s is not None), pa.int64())}
    )
    row = "statement_id" if is_lake_connection(con) else "rowid"  # statement ids are unique
    with registered(con, "touched_stories", stories), registered(con, "touched_statements", statements):
        for sql in _REFRESH_STORIES:
            con.execute(sql)
        claims = _rows_of(con, "claims", "article_id", "story_articles")
        con.execute(_STATEMENT_CLAIMS.replace("{claims}", claims))
        con.execute(
            _STATEMENT_ROWS.replace("{articles}", _rows_of(con, "articles", "article_id", "statement_claims"))
        )
        ranked = {s for s in touched.stories if s is not None} | _ids(
            con, "SELECT story_id FROM statement_rows"
        )
        with registered(con, "rank_stories", pa.table({"story_id": pa.array(sorted(ranked), pa.int64())})):
            for sql in (_HELD, _RANKS, *_REPLACE_STATEMENTS):
                con.execute(sql.replace("{row}", row))


# --- helpers ----------------------------------------------------------------------------------


def _ids(con: duckdb.DuckDBPyConnection, sql: str) -> set[int]:
    """The first column of a query, as a set without NULLs."""
    return {r[0] for r in con.execute(sql).fetchall() if r[0] is not None}


def select_in(
    con: duckdb.DuckDBPyConnection, sql: str, key: str, values: Sequence[int]
) -> list[tuple[Any, ...]]:
    """Rows whose BIGINT `key` is one of `values`, as a literal IN list: DuckDB probes the primary key's
    index for it, where a join would scan the table."""
    if not values:
        return []
    return con.execute(f"{sql} WHERE {key} IN ({', '.join(str(int(v)) for v in values)})").fetchall()


def _delete_in(con: duckdb.DuckDBPyConnection, table: str, key: str, values: Sequence[int]) -> None:
    """Delete rows whose BIGINT primary key is one of `values` (an index probe)."""
    if values:
        con.execute(f"DELETE FROM {table} WHERE {key} IN ({', '.join(str(int(v)) for v in values)})")
