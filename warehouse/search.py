"""Full-text search: the BM25 index of migration 0050, kept up to date by every write, and queries.

The index is incremental: each write batch adds the terms of its own articles and claims, and an
article being replaced takes its old postings with it. `rebuild_index` recomputes all of it (after
the migration on an old warehouse, or to compare costs). Ranking and snippets are SQL macros
(`search_articles`, `search_claims`), so analysts get the same results from `newsflow sql`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import duckdb
import pyarrow as pa

from warehouse.arrow_sql import registered, with_columns
from warehouse.extensions import load_extensions
from warehouse.lake import rollback
from warehouse.postings import compact_postings

# the documents of some articles (listed in the view {ids}): the articles themselves and their claims
_DOCS = """
SELECT 'article' AS kind, article_id AS doc_id, coalesce(title, '') || ' ' || text AS body
FROM articles SEMI JOIN {ids} USING (article_id)
UNION ALL
SELECT 'claim', claim_id, content FROM claims SEMI JOIN {ids} USING (article_id)
"""
# their terms, the steps of the search_terms macro as one set-based query (unnest, not a lambda)
_TERMS = """
WITH words AS (
    SELECT kind, doc_id,
           unnest(string_split_regex(lower(strip_accents(coalesce(body, ''))), '[^a-z0-9]+')) AS w
    FROM search_new_docs
)
SELECT kind, doc_id, stem(w, 'porter') AS term FROM words
WHERE w <> '' AND NOT list_contains(search_stopwords(), w)
"""


# the documents of a batch, from its own Arrow tables (registered as search_batch_articles/_claims)
_BATCH_DOCS = """
SELECT 'article' AS kind, article_id AS doc_id, coalesce(title, '') || ' ' || text AS body
FROM search_batch_articles
UNION ALL
SELECT 'claim', claim_id, content FROM search_batch_claims
"""


def index_articles(con: duckdb.DuckDBPyConnection, articles: pa.Table, claims: pa.Table | None) -> None:
    """Add a batch's (just written) articles and claims to the index, in the caller's transaction.

    The documents come from the batch's own rows, so the cost follows the batch and not the warehouse
    (reading them back would scan the stored articles' and claims' keys)."""
    if articles.num_rows == 0:
        return
    load_extensions(con, "fts")
    arts = articles.select(["article_id", "title", "text"])
    if claims is None or claims.num_rows == 0:
        claims = pa.table({"claim_id": pa.array([], pa.int64()), "content": pa.array([], pa.string())})
    with (
        registered(con, "search_batch_articles", arts),
        registered(con, "search_batch_claims", claims.select(["claim_id", "content"])),
    ):
        _index_docs(con, _BATCH_DOCS)
    compact_postings(con)


def with_sentence_spans(tables: dict[str, pa.Table]) -> dict[str, pa.Table]:
    """The batch's tables with `articles.sentence_spans` set from its sentences (migration 0064): each
    sentence's start and end character, in order, so search snippets need not read `sentences`."""
    if "articles" not in tables:
        return tables
    spans: dict[int, list[tuple[int, int, int]]] = {}
    if "sentences" in tables:
        s = tables["sentences"]
        for aid, no, start, end in zip(
            *(s.column(c).to_pylist() for c in ("article_id", "sentence_no", "start_char", "end_char")),
            strict=True,
        ):
            spans.setdefault(aid, []).append((no, start, end))
    arts = tables["articles"]
    values = [
        [x for _, start, end in sorted(spans[a]) for x in (start, end)] if a in spans else None
        for a in arts.column("article_id").to_pylist()
    ]
    return tables | {"articles": with_columns(arts, sentence_spans=pa.array(values, pa.list_(pa.int32())))}


def unindex_articles(con: duckdb.DuckDBPyConnection, gone_view: str) -> None:
    """Drop the postings of the articles listed in the view `gone_view` (article_id) and of their claims."""
    for kind, docs in (
        ("claim", f"SELECT claim_id FROM claims SEMI JOIN {gone_view} USING (article_id)"),
        ("article", f"SELECT article_id FROM {gone_view}"),
    ):
        gone = f"SELECT kind, length FROM search_docs WHERE kind = '{kind}' AND doc_id IN ({docs})"
        _add_stats(con, gone, -1)
        for table in ("search_postings", "search_docs"):
            con.execute(f"DELETE FROM {table} WHERE kind = '{kind}' AND doc_id IN ({docs})")


def rebuild_index(con: duckdb.DuckDBPyConnection) -> None:
    """Recompute the whole index from articles and claims (one transaction)."""
    load_extensions(con, "fts")
    con.execute("BEGIN")
    try:
        con.execute("DELETE FROM search_postings")
        con.execute("DELETE FROM search_docs")
        con.execute("DELETE FROM search_runs")
        con.execute("DELETE FROM search_stats")
        con.execute("CREATE OR REPLACE TEMP VIEW search_all AS SELECT article_id FROM articles")
        index_listed(con, "search_all")
        compact_postings(con)
        con.execute("COMMIT")
    except BaseException:
        rollback(con)
        raise


def index_listed(con: duckdb.DuckDBPyConnection, ids: str) -> None:
    """Insert postings and document lengths for the stored articles (and their claims) listed in `ids`."""
    _index_docs(con, _DOCS.format(ids=ids))


def _index_docs(con: duckdb.DuckDBPyConnection, docs: str) -> None:
    """Insert postings, document lengths and their sums for the documents (kind, doc_id, body) of a query."""
    con.execute(f"CREATE OR REPLACE TEMP TABLE search_new_docs AS {docs}")
    con.execute(f"CREATE OR REPLACE TEMP TABLE search_new_terms AS {_TERMS}")
    con.execute(
        "CREATE OR REPLACE TEMP TABLE search_new_lengths AS "
        "SELECT d.kind, d.doc_id, coalesce(n.length, 0) AS length FROM search_new_docs d "
        "LEFT JOIN (SELECT kind, doc_id, count(*)::INTEGER AS length FROM search_new_terms GROUP BY ALL) n "
        "USING (kind, doc_id)"
    )
    con.execute(
        "INSERT INTO search_postings (kind, doc_id, term, tf, length) "
        "SELECT kind, doc_id, t.term, count(*)::INTEGER, any_value(l.length) "
        "FROM search_new_terms t JOIN search_new_lengths l USING (kind, doc_id) GROUP BY ALL"
    )
    con.execute("INSERT INTO search_docs SELECT kind, doc_id, length FROM search_new_lengths")
    _add_stats(con, "SELECT kind, length FROM search_new_lengths", 1)
    for table in ("search_new_docs", "search_new_terms", "search_new_lengths"):
        con.execute(f"DROP TABLE temp.{table}")


def _add_stats(con: duckdb.DuckDBPyConnection, docs: str, sign: int) -> None:
    """Add (sign 1) or take out (-1) the documents (kind, length) of the query `docs` in search_stats
    (its few rows replaced: no upsert on a DuckLake)."""
    con.execute(
        "CREATE OR REPLACE TEMP TABLE search_new_stats AS "
        "SELECT kind, sum(docs)::BIGINT AS docs, sum(length)::BIGINT AS length FROM ("
        "SELECT kind, docs, length FROM search_stats UNION ALL "
        f"SELECT kind, {int(sign)} * count(*), {int(sign)} * sum(length) FROM ({docs}) GROUP BY kind"
        ") GROUP BY kind"
    )
    con.execute("DELETE FROM search_stats")
    con.execute("INSERT INTO search_stats SELECT * FROM search_new_stats WHERE docs > 0")
    con.execute("DROP TABLE temp.search_new_stats")


def search(
    con: duckdb.DuckDBPyConnection,
    query: str,
    *,
    claims: bool = False,
    since: date | None = None,
    limit: int = 20,
) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Column names and rows of the best-ranked articles (or claims) for `query`."""
    load_extensions(con, "fts")
    macro = "search_claims" if claims else "search_articles"
    cur = con.execute(f"SELECT * FROM {macro}(?, since := ?, lim := ?)", [query, since, limit])
    names = [d[0] for d in cur.description]
    return names, cur.fetchall()
