"""Pre-aggregated tables (0030, 0060, 0061) and the article and speaker columns carried on claim,
statement and ledger rows (0068) stay equal to the same rows computed from the base tables after two
batches and a reprocess, so the views that read them answer as the base-table views did."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsflow.core.settings import Settings
from newsflow.runtime.run import run_ingest, run_reprocess
from warehouse.db import open_writer

MIGRATIONS = Path(__file__).resolve().parents[2] / "warehouse" / "migrations"

FIRST = [
    {
        "id": "deal",
        "title": "Japan pledges aid",
        "published_at": "2026-11-20T09:00:00Z",
        "text": "Prime Minister Sanae Takaichi said Japan would give $2 billion to Ukraine. "
        "Japan and Australia agreed to build a port in Darwin. "
        "Takaichi said the money would help Ukraine rebuild, according to officials in Tokyo.",
    },
    {
        "id": "summit",
        "title": "Leaders meet in Canberra",
        "published_at": "2026-11-21T10:00:00Z",
        "text": "Anthony Albanese met Sanae Takaichi in Canberra on Friday. "
        "Albanese said Australia would spend $500 million on defence. "
        "The two leaders agreed to meet again in Tokyo next year.",
    },
]
SECOND = [
    {
        "id": "trade",
        "title": "Trade talks",
        "published_at": "2026-11-21T12:00:00Z",
        "text": "Australia and Japan agreed to cut tariffs on beef. "
        "Albanese said the deal would create jobs in Queensland, while Takaichi praised Australian farmers.",
    },
    # the first article again, changed: its rows are replaced, and its new title reaches the ledger row
    # of its duplicate (input_status)
    dict(
        FIRST[0],
        title="Japan pledges aid to Ukraine",
        text=FIRST[0]["text"] + " Critics in Tokyo said Japan could not afford $2 billion.",
    ),
]
DUPLICATE = dict(FIRST[0], id="deal-again")  # the same text under another id: a duplicate of the first

# each pre-aggregated table, and the same rows computed from the base tables (as the views did before)
FROM_BASE = {
    "entity_stats": "SELECT entity_id, count(*), count(DISTINCT article_id) FROM mentions GROUP BY ALL",
    "entity_aliases": "SELECT entity_id, text, count(*) FROM mentions GROUP BY ALL",
    "entity_pairs": """
        WITH s AS (
            SELECT DISTINCT article_id, sentence_no, entity_id FROM mentions WHERE sentence_no IS NOT NULL
        )
        SELECT x.entity_id, y.entity_id, count(*), count(DISTINCT x.article_id)
        FROM s x JOIN s y
          ON x.article_id = y.article_id AND x.sentence_no = y.sentence_no AND x.entity_id < y.entity_id
        GROUP BY ALL""",
    "article_entities": "SELECT article_id, entity_id, count(*), min(start_char) FROM mentions GROUP BY ALL",
    "entity_days": """
        SELECT CAST(timezone('UTC', coalesce(a.published_at, a.ingested_at)) AS DATE), m.entity_id, count(*),
               count(DISTINCT m.article_id)
        FROM mentions m JOIN articles a USING (article_id) GROUP BY ALL""",
    "entity_sources": """
        SELECT a.source, m.entity_id, count(*), count(DISTINCT m.article_id)
        FROM mentions m JOIN articles a USING (article_id) GROUP BY ALL""",
    "entity_article_pairs": """
        WITH d AS (SELECT DISTINCT article_id, entity_id FROM mentions)
        SELECT x.entity_id, y.entity_id, count(*)
        FROM d x JOIN d y ON x.article_id = y.article_id AND x.entity_id < y.entity_id GROUP BY ALL""",
    "commitment_rows": """
        WITH committers AS (
            SELECT claim_id, speaker_entity_id AS entity_id, 'speaker' AS via FROM claims
            WHERE kind IN ('commitment', 'agreement') AND speaker_entity_id IS NOT NULL
            UNION
            SELECT ce.claim_id, ce.entity_id, ce.role FROM claim_entities ce JOIN claims c USING (claim_id)
            WHERE c.kind IN ('commitment', 'agreement') AND ce.role IN ('speaker', 'party')
            UNION
            SELECT c.claim_id, r.of_entity_id, 'role' FROM claims c
            JOIN entity_roles r ON r.article_id = c.article_id AND r.entity_id = c.speaker_entity_id
            WHERE c.kind IN ('commitment', 'agreement') AND r.of_entity_id IS NOT NULL
        )
        SELECT k.entity_id, list_sort(list(DISTINCT k.via)), k.claim_id,
               (SELECT sum(value_usd) FROM amounts am WHERE am.claim_id = k.claim_id AND am.kind = 'money'),
               (SELECT count(*) FROM amounts am WHERE am.claim_id = k.claim_id AND am.kind = 'money')
        FROM committers k GROUP BY ALL""",
    # article columns carried on the claim, statement and ledger rows (0068)
    "claim_article_columns": """
        SELECT c.claim_id, a.title, a.published_at, a.source, coalesce(e.name, c.speaker_text), e.type,
               e.country_code
        FROM claims c JOIN articles a USING (article_id)
        LEFT JOIN entities e ON e.entity_id = c.speaker_entity_id""",
    "statement_first_reports": """
        SELECT s.statement_id, a.title, a.url, e.name
        FROM statements s JOIN articles a ON a.article_id = s.first_article_id
        LEFT JOIN entities e ON e.entity_id = s.speaker_entity_id""",
    "input_titles": "SELECT i.locator, a.title FROM inputs i LEFT JOIN articles a USING (article_id)",
    "amount_claims": "SELECT am.amount_id, c.content FROM amounts am LEFT JOIN claims c USING (claim_id)",
    "claim_about_rows": """
        WITH about AS (
            SELECT claim_id, entity_id FROM claim_entities WHERE role = 'mentioned'
            UNION
            SELECT c.claim_id, m.entity_id FROM claims c JOIN mentions m ON m.article_id = c.article_id
             AND m.start_char >= c.content_start AND m.end_char <= c.content_end
        )
        SELECT ab.entity_id, ab.claim_id, c.content FROM about ab JOIN claims c USING (claim_id)
        WHERE c.speaker_entity_id IS NULL OR c.speaker_entity_id <> ab.entity_id""",
}
STORED = {
    "entity_stats": "SELECT entity_id, mentions, articles FROM entity_stats",
    "entity_aliases": "SELECT entity_id, alias, mention_count FROM entity_aliases",
    "entity_pairs": "SELECT entity_id_a, entity_id_b, sentences, articles FROM entity_pairs",
    "article_entities": "SELECT article_id, entity_id, mentions, first_char FROM article_entities",
    "entity_days": "SELECT day, entity_id, mentions, articles FROM entity_days",
    "entity_sources": "SELECT source, entity_id, mentions, articles FROM entity_sources",
    "entity_article_pairs": "SELECT entity_id_a, entity_id_b, articles FROM entity_article_pairs",
    "commitment_rows": "SELECT entity_id, via, claim_id, usd_total, n_amounts FROM commitment_rows",
    "claim_about_rows": "SELECT about_entity_id, claim_id, content FROM claim_about_rows",
    "claim_article_columns": "SELECT claim_id, article_title, article_published_at, article_source, speaker, "
    "speaker_type, speaker_country FROM claims",
    "statement_first_reports": "SELECT statement_id, first_title, first_url, speaker FROM statements",
    "input_titles": "SELECT locator, article_title FROM inputs",
    "amount_claims": "SELECT amount_id, claim_content FROM amounts",
}
# the views of 0068 as they were defined before it (joining `articles`)
JOINED_VIEWS = {
    "who_said_what": """
        SELECT c.claim_id, c.article_id, a.title, a.published_at, a.source, c.speaker_entity_id,
               COALESCE(e.name, c.speaker_text), e.type, e.country_code, c.speaker_text, c.speaker_kind,
               c.cue, c.kind, c.content, c.is_direct_quote, c.negated, c.modality, c.content_start,
               c.content_end
        FROM claims c JOIN articles a ON a.article_id = c.article_id
        LEFT JOIN entities e ON e.entity_id = c.speaker_entity_id""",
    "speaker_statements": """
        SELECT e.entity_id, e.name, s.statement_id, s.kind, s.text, s.first_report_at, s.first_outlet,
               a.title, a.url, s.reports, s.articles, s.outlets, s.independent, s.story_id
        FROM statements s JOIN entities e ON e.entity_id = s.speaker_entity_id
        JOIN articles a ON a.article_id = s.first_article_id""",
    "input_status": """
        SELECT i.locator, i.source, i.outcome, i.reason, i.last_seen, i.article_id, a.title
        FROM inputs i LEFT JOIN articles a USING (article_id)""",
}


def _write(folder: Path, articles: list[dict[str, str]]) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / "news.jsonl").write_text("\n".join(json.dumps(a | {"source": "wire"}) for a in articles) + "\n")
    return folder


def _compare(settings: Settings) -> None:
    with open_writer(settings.warehouse) as con:
        for table, sql in FROM_BASE.items():
            stored = sorted(con.execute(STORED[table]).fetchall(), key=repr)
            assert stored == sorted(con.execute(sql).fetchall(), key=repr), table
        for table in (
            "entity_stats",
            "article_entities",
            "entity_days",
            "commitment_rows",
            "claim_about_rows",
            "statements",
            "amounts WHERE claim_content IS NOT NULL",
        ):
            assert con.execute(f"SELECT count(*) FROM {table}").fetchone() != (0,), table  # not vacuous


@pytest.fixture(scope="module")
def grown(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    root = tmp_path_factory.mktemp("aggregates")
    settings = Settings(warehouse=root / "w.duckdb")
    folder = _write(root / "in", [*FIRST, DUPLICATE])
    run_ingest([str(folder)], settings)
    _write(folder, [FIRST[1], *SECOND])
    run_ingest([str(folder)], settings)
    return settings


def test_pre_aggregated_tables_equal_the_base_rows_after_two_batches_with_a_replacement(
    grown: Settings,
) -> None:
    _compare(grown)


def test_views_reading_carried_article_columns_equal_their_joins(grown: Settings) -> None:
    with open_writer(grown.warehouse) as con:
        for view, sql in JOINED_VIEWS.items():
            rows = sorted(con.execute(f"SELECT * FROM {view}").fetchall(), key=repr)
            assert rows and rows == sorted(con.execute(sql).fetchall(), key=repr), view
        titles = dict(con.execute("SELECT locator, title FROM input_status").fetchall())
        # the duplicate's ledger row follows its original's new title
        assert sorted(t for loc, t in titles.items() if "deal" in loc) == ["Japan pledges aid to Ukraine"] * 2


def test_migration_fills_the_carried_columns_of_stored_rows(grown: Settings) -> None:
    sql = (MIGRATIONS / "0068_view_columns_on_rows.sql").read_text()
    updates = [s[s.index("\nUPDATE") :] for s in sql.split(";") if "\nUPDATE" in s]
    assert len(updates) == 7
    with open_writer(grown.warehouse) as con:
        con.execute(
            "UPDATE claims SET article_title = NULL, article_published_at = NULL, article_source = NULL"
        )
        con.execute("UPDATE statements SET first_title = NULL, first_url = NULL, speaker = NULL")
        con.execute("UPDATE inputs SET article_title = NULL")
        con.execute("UPDATE amounts SET claim_content = NULL")
        for update in updates:
            con.execute(update)
    _compare(grown)


def test_and_after_a_reprocess(grown: Settings) -> None:
    run_reprocess(grown)
    _compare(grown)
