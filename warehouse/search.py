"""Full-text search: the BM25 index of migration 0050, kept up to date by every write, and queries.

The index is incremental: each write batch adds the terms of its own articles and claims, and an
article being replaced takes its old postings with it. `rebuild_index` recomputes all of it (after
the migration on an old warehouse, or to compare costs). Ranking and snippets are SQL macros
(`search_articles`, `search_claims`), so analysts get the same results from `newsflow sql`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

import duckdb
import pyarrow as pa

from warehouse.db import rollback
from warehouse.extensions import load_extensions

_ARTICLE_TERMS = """
SELECT 'article' AS kind, article_id AS doc_id, search_terms(coalesce(title, '') || ' ' || text) AS terms
FROM articles SEMI JOIN {ids} USING (article_id)
"""
_CLAIM_TERMS = """
SELECT 'claim' AS kind, claim_id AS doc_id, search_terms(content) AS terms
FROM claims SEMI JOIN {ids} USING (article_id)
"""


def index_articles(con: duckdb.DuckDBPyConnection, article_ids: Iterable[int]) -> None:
    """Add the given (just written) articles and their claims to the index, in the caller's transaction."""
    ids = pa.table({"article_id": pa.array(sorted(set(article_ids)), pa.int64())})
    if ids.num_rows == 0:
        return
    load_extensions(con, "fts")
    con.register("search_batch", ids)
    try:
        _add(con, "search_batch")
    finally:
        con.unregister("search_batch")


def unindex_articles(con: duckdb.DuckDBPyConnection, gone_view: str) -> None:
    """Drop the postings of the articles listed in the view `gone_view` (article_id) and of their claims."""
    for kind, docs in (
        ("claim", f"SELECT claim_id FROM claims SEMI JOIN {gone_view} USING (article_id)"),
        ("article", f"SELECT article_id FROM {gone_view}"),
    ):
        for table in ("search_postings", "search_docs"):
            con.execute(f"DELETE FROM {table} WHERE kind = '{kind}' AND doc_id IN ({docs})")


def rebuild_index(con: duckdb.DuckDBPyConnection) -> None:
    """Recompute the whole index from articles and claims (one transaction)."""
    load_extensions(con, "fts")
    con.execute("BEGIN")
    try:
        con.execute("DELETE FROM search_postings")
        con.execute("DELETE FROM search_docs")
        con.execute("CREATE OR REPLACE TEMP VIEW search_all AS SELECT article_id FROM articles")
        _add(con, "search_all")
        con.execute("COMMIT")
    except BaseException:
        rollback(con)
        raise


def _add(con: duckdb.DuckDBPyConnection, ids: str) -> None:
    """Insert postings and document lengths for the articles (and their claims) listed in `ids`."""
    for select in (_ARTICLE_TERMS, _CLAIM_TERMS):
        docs = select.format(ids=ids)
        con.execute(
            "INSERT INTO search_postings SELECT kind, doc_id, term, count(*)::INTEGER FROM "
            f"(SELECT kind, doc_id, unnest(terms) AS term FROM ({docs})) GROUP BY ALL"
        )
        con.execute(f"INSERT INTO search_docs SELECT kind, doc_id, len(terms) FROM ({docs})")


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
