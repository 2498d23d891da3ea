"""The entity views of migration 0010, on a DuckDB file built from 0001 + 0010 and a few rows."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

MIGRATIONS = Path(__file__).resolve().parents[2] / "warehouse" / "migrations"

ARTICLES = [  # article_id, source, published_at, ingested_at, content_hash
    (1, "bbc", "2025-10-28 09:00:00+00", "2025-10-29 01:00:00+00", "h1"),
    (2, "bbc", None, "2025-10-29 01:00:00+00", "h2"),
    (3, "nhk", "2025-10-28 12:00:00+00", "2025-10-29 01:00:00+00", "h3"),
]
ENTITIES = [
    (10, "PERSON:donald trump", "Donald Trump", "PERSON", None),
    (20, "PERSON:sanae takaichi", "Sanae Takaichi", "PERSON", None),
    (30, "COUNTRY:JP", "Japan", "COUNTRY", "JP"),
]
MENTIONS = [  # article_id, entity_id, start, end, sentence_no
    (1, 10, 0, 5, 0),
    (1, 20, 10, 18, 0),
    (1, 30, 30, 35, 1),
    (1, 10, 40, 45, 1),
    (2, 10, 0, 5, 0),
    (2, 30, 20, 25, 2),
    (3, 20, 0, 8, 0),
    (3, 30, 12, 17, 0),
    (3, 30, 30, 35, 3),
]


@pytest.fixture
def con(tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A warehouse file with the core tables, the entity views and a few rows."""
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    for name in ("0001_core.sql", "0010_entity_views.sql"):
        con.execute((MIGRATIONS / name).read_text(encoding="utf-8"))
    for aid, source, published, ingested, h in ARTICLES:
        con.execute(
            "INSERT INTO articles (article_id, source, external_id, locator, published_at, text,"
            " content_hash, extraction, ingested_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, 'text', ?, 'ok', ?, ?)",
            [aid, source, str(aid), str(aid), published, h, ingested, ingested],
        )
    con.executemany("INSERT INTO entities VALUES (?, ?, ?, ?, ?, now())", ENTITIES)
    con.executemany("INSERT INTO mentions VALUES (?, ?, ?, ?, 'x', 'PERSON', ?)", MENTIONS)
    yield con
    con.close()


def test_mentions_by_article(con: duckdb.DuckDBPyConnection) -> None:
    rows = con.sql(
        "SELECT article_id, entity_key, mentions, first_char FROM entity_mentions_by_article"
        " ORDER BY article_id, entity_key"
    ).fetchall()
    assert rows[:3] == [
        (1, "COUNTRY:JP", 1, 30),
        (1, "PERSON:donald trump", 2, 0),
        (1, "PERSON:sanae takaichi", 1, 10),
    ]
    assert len(rows) == 7


def test_mentions_by_day_falls_back_to_ingest_date(con: duckdb.DuckDBPyConnection) -> None:
    rows = con.sql(
        "SELECT CAST(day AS VARCHAR), entity_key, mentions, articles FROM entity_mentions_by_day"
        " WHERE entity_key = 'COUNTRY:JP' ORDER BY day"
    ).fetchall()
    assert rows == [("2025-10-28", "COUNTRY:JP", 3, 2), ("2025-10-29", "COUNTRY:JP", 1, 1)]


def test_cooccurrence_within_a_sentence(con: duckdb.DuckDBPyConnection) -> None:
    rows = con.sql(
        "SELECT entity_key_a, entity_key_b, sentences, articles FROM entity_cooccurrence_sentence"
        " ORDER BY entity_id_a, entity_id_b"
    ).fetchall()
    assert rows == [
        ("PERSON:donald trump", "PERSON:sanae takaichi", 1, 1),
        ("PERSON:donald trump", "COUNTRY:JP", 1, 1),
        ("PERSON:sanae takaichi", "COUNTRY:JP", 1, 1),
    ]


def test_cooccurrence_within_an_article(con: duckdb.DuckDBPyConnection) -> None:
    rows = con.sql(
        "SELECT entity_id_a, entity_id_b, articles FROM entity_cooccurrence_article"
        " ORDER BY entity_id_a, entity_id_b"
    ).fetchall()
    assert rows == [(10, 20, 1), (10, 30, 2), (20, 30, 2)]


def test_top_entities_by_source(con: duckdb.DuckDBPyConnection) -> None:
    rows = con.sql(
        "SELECT source, entity_key, mentions, articles FROM top_entities_by_source"
        " WHERE rank = 1 ORDER BY source"
    ).fetchall()
    assert rows == [("bbc", "PERSON:donald trump", 3, 2), ("nhk", "COUNTRY:JP", 2, 1)]
