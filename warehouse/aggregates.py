"""Pre-aggregated entity tables (migrations 0030, 0060): kept current by every write batch, or rebuilt."""

from __future__ import annotations

import duckdb

from warehouse.lake import rollback


def refresh_aggregates(con: duckdb.DuckDBPyConnection) -> None:
    """Rebuild every pre-aggregated entity table from all mentions, in one transaction."""
    con.execute("BEGIN")
    try:
        for table in ("article_entities", *(t for t, *_ in _SUMS)):
            con.execute(f"DELETE FROM {table}")
        add_mentions(con, "mentions", "articles", 1)
        con.execute("COMMIT")
    except BaseException:
        rollback(con)
        raise


# The contribution of some mentions to each summed table. {m} holds the mentions with their article's
# source and UTC day (article_id, entity_id, sentence_no, text, start_char, source, day). Every table is
# a sum over articles, so a write adds its articles' contribution and subtracts that of the articles it
# replaces. The writer passes the batch's own rows (Arrow tables), so no statement here reads the
# stored mentions or articles: the cost follows the batch, not the warehouse.
_SUMS = (
    (
        "entity_stats",
        ("entity_id",),
        ("mentions", "articles"),
        "SELECT entity_id, count(*) AS mentions, count(DISTINCT article_id) AS articles FROM {m} "
        "GROUP BY ALL",
    ),
    (
        "entity_aliases",
        ("entity_id", "alias"),
        ("mention_count",),
        "SELECT entity_id, text AS alias, count(*) AS mention_count FROM {m} GROUP BY ALL",
    ),
    (
        "entity_pairs",
        ("entity_id_a", "entity_id_b"),
        ("sentences", "articles"),
        """
        WITH s AS (SELECT DISTINCT article_id, sentence_no, entity_id FROM {m} WHERE sentence_no IS NOT NULL)
        SELECT x.entity_id AS entity_id_a, y.entity_id AS entity_id_b, count(*) AS sentences,
               count(DISTINCT x.article_id) AS articles
        FROM s x JOIN s y
          ON x.article_id = y.article_id AND x.sentence_no = y.sentence_no AND x.entity_id < y.entity_id
        GROUP BY ALL
        """,
    ),
    (
        "entity_days",
        ("day", "entity_id"),
        ("mentions", "articles"),
        "SELECT day, entity_id, count(*) AS mentions, count(DISTINCT article_id) AS articles FROM {m} "
        "GROUP BY ALL",
    ),
    (
        "entity_sources",
        ("source", "entity_id"),
        ("mentions", "articles"),
        "SELECT source, entity_id, count(*) AS mentions, count(DISTINCT article_id) AS articles FROM {m} "
        "GROUP BY ALL",
    ),
    (
        "entity_article_pairs",
        ("entity_id_a", "entity_id_b"),
        ("articles",),
        """
        WITH d AS (SELECT DISTINCT article_id, entity_id FROM {m})
        SELECT x.entity_id AS entity_id_a, y.entity_id AS entity_id_b, count(*) AS articles
        FROM d x JOIN d y ON x.article_id = y.article_id AND x.entity_id < y.entity_id
        GROUP BY ALL
        """,
    ),
)
_MENTIONS_OF = """
SELECT m.article_id, m.entity_id, m.sentence_no, m.text, m.start_char, a.source,
       CAST(timezone('UTC', coalesce(a.published_at, a.ingested_at)) AS DATE) AS day
FROM {mentions} m JOIN {articles} a USING (article_id) WHERE m.entity_id IS NOT NULL
"""


def add_mentions(con: duckdb.DuckDBPyConnection, mentions: str, articles: str, sign: int) -> None:
    """Add (sign 1) or subtract (sign -1) the counts of some articles' mentions in every pre-aggregated
    entity table; `mentions` and `articles` name their rows (tables, views or subqueries).

    Runs in the caller's transaction: add after inserting the articles, subtract before deleting them.
    The touched rows are replaced (DELETE + INSERT), not merged: MERGE ... UPDATE with this source failed
    on DuckLake ("Out of buffer", 1.5.5).
    """
    con.execute(
        "CREATE OR REPLACE TEMP TABLE aggregate_mentions AS "
        + _MENTIONS_OF.format(mentions=mentions, articles=articles)
    )
    if sign > 0:
        con.execute(
            "INSERT INTO article_entities SELECT article_id, entity_id, count(*), min(start_char) "
            "FROM aggregate_mentions GROUP BY ALL"
        )
    else:
        con.execute(
            "DELETE FROM article_entities WHERE article_id IN (SELECT article_id FROM aggregate_mentions)"
        )
    for table, keys, counts, delta in _SUMS:
        on = " AND ".join(f"t.{k} = d.{k}" for k in keys)
        sums = ", ".join(f"coalesce(t.{c}, 0) + {sign} * d.{c} AS {c}" for c in counts)
        con.execute(
            f"CREATE OR REPLACE TEMP TABLE aggregate_delta AS "
            f"SELECT {', '.join(f'd.{k}' for k in keys)}, {sums} "
            f"FROM ({delta.format(m='aggregate_mentions')}) d LEFT JOIN {table} t ON {on}"
        )
        con.execute(f"DELETE FROM {table} t USING aggregate_delta d WHERE {on}")
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM aggregate_delta WHERE {counts[0]} > 0")
        con.execute("DROP TABLE temp.aggregate_delta")
    con.execute("DROP TABLE temp.aggregate_mentions")
