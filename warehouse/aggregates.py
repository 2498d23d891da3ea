"""Pre-aggregated entity tables (migration 0030): kept current by every write batch, or rebuilt whole."""

from __future__ import annotations

import duckdb

from warehouse.lake import rollback

_REFRESH = (
    "DELETE FROM entity_stats",
    "INSERT INTO entity_stats SELECT entity_id, count(*), count(DISTINCT article_id) "
    "FROM mentions GROUP BY entity_id",
    "DELETE FROM entity_pairs",
    """
    INSERT INTO entity_pairs
    WITH s AS (
        SELECT DISTINCT article_id, sentence_no, entity_id FROM mentions WHERE sentence_no IS NOT NULL
    )
    SELECT x.entity_id, y.entity_id, count(*), count(DISTINCT x.article_id)
    FROM s x JOIN s y
      ON x.article_id = y.article_id AND x.sentence_no = y.sentence_no AND x.entity_id < y.entity_id
    GROUP BY ALL
    """,
)


def refresh_aggregates(con: duckdb.DuckDBPyConnection) -> None:
    """Rebuild entity_stats and entity_pairs from mentions, in one transaction."""
    con.execute("BEGIN")
    try:
        for sql in _REFRESH:
            con.execute(sql)
        con.execute("COMMIT")
    except BaseException:
        rollback(con)
        raise


# The contribution of some articles (listed in the view {ids}) to entity_stats, entity_aliases and
# entity_pairs.
# Both are sums over articles, so a write adds its articles' contribution and subtracts that of
# the articles it replaces: the cost follows the batch, not the warehouse.
_STATS_OF = """
SELECT entity_id, count(*) AS mentions, count(DISTINCT article_id) AS articles
FROM mentions SEMI JOIN {ids} USING (article_id) WHERE entity_id IS NOT NULL GROUP BY entity_id
"""
_ALIASES_OF = """
SELECT entity_id, text AS alias, count(*) AS mention_count
FROM mentions SEMI JOIN {ids} USING (article_id) WHERE entity_id IS NOT NULL GROUP BY ALL
"""
_PAIRS_OF = """
WITH s AS (
    SELECT DISTINCT article_id, sentence_no, entity_id FROM mentions SEMI JOIN {ids} USING (article_id)
    WHERE sentence_no IS NOT NULL AND entity_id IS NOT NULL
)
SELECT x.entity_id AS entity_id_a, y.entity_id AS entity_id_b, count(*) AS sentences,
       count(DISTINCT x.article_id) AS articles
FROM s x JOIN s y
  ON x.article_id = y.article_id AND x.sentence_no = y.sentence_no AND x.entity_id < y.entity_id
GROUP BY ALL
"""


def add_articles(con: duckdb.DuckDBPyConnection, ids_view: str, sign: int) -> None:
    """Add (sign 1) or subtract (sign -1) the articles' counts: entity stats, aliases and pairs.

    Runs in the caller's transaction; the cost follows the batch, not the warehouse.
    Subtract before deleting the articles' mentions; add after inserting them. The touched rows are
    replaced (DELETE + INSERT), not merged: MERGE ... UPDATE with this source failed on DuckLake
    ("Out of buffer", 1.5.5).
    """
    for table, keys, counts, delta in (
        ("entity_stats", ("entity_id",), ("mentions", "articles"), _STATS_OF),
        ("entity_aliases", ("entity_id", "alias"), ("mention_count",), _ALIASES_OF),
        ("entity_pairs", ("entity_id_a", "entity_id_b"), ("sentences", "articles"), _PAIRS_OF),
    ):
        on = " AND ".join(f"t.{k} = d.{k}" for k in keys)
        sums = ", ".join(f"coalesce(t.{c}, 0) + {sign} * d.{c} AS {c}" for c in counts)
        con.execute(
            f"CREATE OR REPLACE TEMP TABLE aggregate_delta AS "
            f"SELECT {', '.join(f'd.{k}' for k in keys)}, {sums} "
            f"FROM ({delta.format(ids=ids_view)}) d LEFT JOIN {table} t ON {on}"
        )
        con.execute(f"DELETE FROM {table} t USING aggregate_delta d WHERE {on}")
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM aggregate_delta WHERE {counts[0]} > 0")
        con.execute("DROP TABLE temp.aggregate_delta")
