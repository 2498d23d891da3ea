"""Pre-aggregated entity tables (migrations 0030, 0060): kept current by every write batch, or rebuilt."""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import ExitStack

import duckdb
import pyarrow as pa

from warehouse.arrow_sql import registered
from warehouse.lake import rollback


def refresh_aggregates(con: duckdb.DuckDBPyConnection) -> None:
    """Rebuild every pre-aggregated table from the stored rows, in one transaction."""
    con.execute("BEGIN")
    try:
        for table in ("article_entities", *(t for t, *_ in _SUMS), *_CLAIM_ROWS):
            con.execute(f"DELETE FROM {table}")
        add_mentions(con, "mentions", "articles", 1)
        add_claims(con, {t: t for t in _BATCH_TABLES})
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


# Rows of commitments_usd and statements_about (migration 0061), built from one set of articles' rows:
# every join is within an article, so a batch's rows come from the batch's own tables.
_CLAIM_ROWS = {
    "commitment_rows": """
    WITH committers AS (
        SELECT c.claim_id, c.speaker_entity_id AS entity_id, 'speaker' AS via
        FROM {claims} c
        WHERE c.kind IN ('commitment', 'agreement') AND c.speaker_entity_id IS NOT NULL
        UNION
        SELECT ce.claim_id, ce.entity_id, ce.role AS via
        FROM {claim_entities} ce JOIN {claims} c ON c.claim_id = ce.claim_id
        WHERE c.kind IN ('commitment', 'agreement') AND ce.role IN ('speaker', 'party')
        UNION
        SELECT c.claim_id, r.of_entity_id AS entity_id, 'role' AS via
        FROM {claims} c
        JOIN {entity_roles} r ON r.article_id = c.article_id AND r.entity_id = c.speaker_entity_id
        WHERE c.kind IN ('commitment', 'agreement') AND r.of_entity_id IS NOT NULL
    ), money AS (
        SELECT claim_id, sum(value_usd) AS usd_total, count(*) AS n_amounts,
               list(text ORDER BY start_char) AS amount_texts
        FROM {amounts} WHERE kind = 'money' AND claim_id IS NOT NULL GROUP BY claim_id
    )
    SELECT k.entity_id, list_sort(list(DISTINCT k.via)) AS via, c.claim_id, c.article_id,
           a.title AS article_title, a.published_at AS article_published_at, c.kind, c.modality, c.negated,
           c.cue, c.content, any_value(m.usd_total) AS usd_total,
           coalesce(any_value(m.n_amounts), 0) AS n_amounts, any_value(m.amount_texts) AS amount_texts
    FROM committers k
    JOIN {claims} c ON c.claim_id = k.claim_id
    JOIN {articles} a ON a.article_id = c.article_id
    LEFT JOIN money m ON m.claim_id = c.claim_id
    GROUP BY k.entity_id, c.claim_id, c.article_id, a.title, a.published_at, c.kind, c.modality, c.negated,
             c.cue, c.content
    """,
    "claim_about_rows": """
    WITH about AS (
        SELECT claim_id, entity_id FROM {claim_entities} WHERE role = 'mentioned'
        UNION
        SELECT c.claim_id, m.entity_id
        FROM {claims} c JOIN {mentions} m
          ON m.article_id = c.article_id AND m.start_char >= c.content_start AND m.end_char <= c.content_end
    )
    SELECT ab.entity_id AS about_entity_id, c.claim_id, c.article_id, a.title AS article_title,
           a.published_at AS article_published_at, c.speaker_entity_id, c.speaker_text, c.speaker_kind, c.cue,
           c.kind, c.content, c.is_direct_quote, c.negated
    FROM about ab JOIN {claims} c ON c.claim_id = ab.claim_id JOIN {articles} a ON a.article_id = c.article_id
    WHERE c.speaker_entity_id IS NULL OR c.speaker_entity_id <> ab.entity_id
    """,
}
_BATCH_TABLES = ("articles", "mentions", "claims", "claim_entities", "entity_roles", "amounts")


def add_claims(con: duckdb.DuckDBPyConnection, tables: Mapping[str, str]) -> None:
    """Insert the commitments_usd and statements_about rows of some articles, whose rows the relations
    named in `tables` hold (articles, mentions, claims, claim_entities, entity_roles, amounts)."""
    for target, sql in _CLAIM_ROWS.items():
        con.execute(f"INSERT INTO {target} BY NAME {sql.format(**tables)}")


def add_batch(con: duckdb.DuckDBPyConnection, batch: Mapping[str, pa.Table]) -> None:
    """Add a just-written batch's articles to every pre-aggregated table, from the batch's own rows
    (its Arrow tables): nothing stored is read, so the cost follows the batch."""
    if "articles" not in batch or batch["articles"].num_rows == 0:
        return
    names: dict[str, str] = {}
    with ExitStack() as stack:
        for table in _BATCH_TABLES:
            if table in batch:
                names[table] = f"batch_rows_{table}"
                stack.enter_context(registered(con, names[table], batch[table]))
            else:
                names[table] = f"(SELECT * FROM {table} LIMIT 0)"
        add_mentions(con, names["mentions"], names["articles"], 1)
        add_claims(con, names)


def drop_articles(con: duckdb.DuckDBPyConnection, gone_view: str) -> None:
    """Take stored articles (listed in the view `gone_view`, article_id) out of every pre-aggregated
    table; call before their rows are deleted."""
    add_mentions(
        con,
        f"(SELECT * FROM mentions SEMI JOIN {gone_view} USING (article_id))",
        f"(SELECT * FROM articles SEMI JOIN {gone_view} USING (article_id))",
        -1,
    )
    for table in _CLAIM_ROWS:
        con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT article_id FROM {gone_view})")
