"""The 0020 claim views on a DuckDB file with migrations 0001 and 0020 applied."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

MIGRATIONS = Path(__file__).resolve().parents[2] / "warehouse" / "migrations"
NOW = "TIMESTAMPTZ '2025-10-28 09:00:00+00'"


@pytest.fixture()
def con(tmp_path: Path) -> duckdb.DuckDBPyConnection:
    """A fresh warehouse file with the core tables, the views and a small summit article."""
    db = duckdb.connect(str(tmp_path / "w.duckdb"))
    for name in ("0001_core.sql", "0020_claim_views.sql"):
        db.execute((MIGRATIONS / name).read_text(encoding="utf-8"))
    text = "Trump said Japan will invest $550 billion. Takaichi pledged $2 billion for China ties."
    db.execute(
        f"""INSERT INTO articles (article_id, source, external_id, locator, title, published_at,
            text, content_hash, extraction, ingested_at, updated_at)
            VALUES (1, 'seeds', 'a1', 'a1', 'Tokyo summit', {NOW}, ?, 'h1', 'ok', {NOW}, {NOW})""",
        [text],
    )
    db.execute(
        f"""INSERT INTO entities VALUES
            (10, 'PERSON:donald trump', 'Donald Trump', 'PERSON', 'US', {NOW}),
            (11, 'PERSON:sanae takaichi', 'Sanae Takaichi', 'PERSON', 'JP', {NOW}),
            (20, 'COUNTRY:JP', 'Japan', 'COUNTRY', 'JP', {NOW}),
            (21, 'COUNTRY:CN', 'China', 'COUNTRY', 'CN', {NOW})"""
    )
    db.execute(
        """INSERT INTO claims (claim_id, article_id, speaker_entity_id, speaker_text, speaker_start,
            speaker_end, speaker_kind, cue, content, content_start, content_end, kind,
            is_direct_quote, modality) VALUES
            (100, 1, 10, 'Trump', 0, 5, 'entity', 'said', 'Japan will invest $550 billion',
             11, 41, 'commitment', false, 'will'),
            (101, 1, 11, 'Takaichi', 43, 51, 'entity', 'pledged', '$2 billion for China ties',
             60, 85, 'commitment', false, 'pledge')"""
    )
    db.execute(
        """INSERT INTO claim_entities VALUES
            (100, 10, 'speaker'), (100, 20, 'mentioned'), (101, 11, 'speaker')"""
    )
    db.execute(
        "INSERT INTO mentions VALUES (1, 20, 11, 16, 'Japan', 'GPE', 0), (1, 21, 75, 80, 'China', 'GPE', 1)"
    )
    db.execute("INSERT INTO entity_roles VALUES (1, 11, 'Prime Minister', 20, 43, 51)")
    db.execute(
        """INSERT INTO amounts VALUES
            (1000, 1, 100, 'money', '$550 billion', 29, 41, 550e9, 'USD', 550e9, NULL, NULL),
            (1001, 1, 101, 'money', '$2 billion', 60, 70, 2e9, 'USD', 2e9, NULL, NULL)"""
    )
    return db


def test_who_said_what(con: duckdb.DuckDBPyConnection) -> None:
    rows = con.execute(
        "SELECT speaker, speaker_type, article_title, kind FROM who_said_what ORDER BY claim_id"
    ).fetchall()
    assert rows == [
        ("Donald Trump", "PERSON", "Tokyo summit", "commitment"),
        ("Sanae Takaichi", "PERSON", "Tokyo summit", "commitment"),
    ]


def test_commitments_usd_by_japan_through_role(con: duckdb.DuckDBPyConnection) -> None:
    rows = con.execute(
        """SELECT claim_id, usd_total, via FROM commitments_usd
           WHERE entity_name = 'Japan' ORDER BY claim_id"""
    ).fetchall()
    assert rows == [(101, 2e9, ["role"])]
    total = con.execute(
        "SELECT SUM(usd_total) FROM commitments_usd WHERE entity_name = 'Donald Trump'"
    ).fetchone()
    assert total == (550e9,)


def test_statements_about_china(con: duckdb.DuckDBPyConnection) -> None:
    rows = con.execute(
        """SELECT speaker, content FROM statements_about
           WHERE about_name = 'China' AND speaker_type = 'PERSON'"""
    ).fetchall()
    assert rows == [("Sanae Takaichi", "$2 billion for China ties")]
    japan = con.execute(
        "SELECT DISTINCT claim_id FROM statements_about WHERE about_name = 'Japan'"
    ).fetchall()
    assert japan == [(100,)]
