"""Pre-aggregated entity tables (migration 0030), rebuilt after a run that changed articles."""

from __future__ import annotations

import duckdb

from warehouse.db import rollback

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
