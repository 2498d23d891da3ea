"""Full-text search: BM25 ranking, highlighted snippets, claims with speakers, an index kept current."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import duckdb
import pytest

from newsflow.core.settings import Settings
from newsflow.runtime.run import run_ingest
from warehouse.aggregates import refresh_aggregates
from warehouse.db import open_reader, open_writer
from warehouse.postings import FANOUT, compact_postings
from warehouse.query import run_query
from warehouse.search import rebuild_index, search

ARTICLES = [
    {
        "id": "minerals",
        "title": "Rare earth minerals deal signed",
        "published_at": "2026-11-20T09:00:00Z",
        "text": "Japan and Australia signed a deal on rare earth minerals on Monday. "
        "Prime Minister Sanae Takaichi said Japan would buy rare earth minerals from Australian mines "
        "for ten years. Rare earths are used in magnets and batteries.",
    },
    {
        "id": "mining",
        "title": "Mining output rises",
        "published_at": "2025-01-05T09:00:00Z",
        "text": "Australian mining output rose in the third quarter. Iron ore and coal led the rise, "
        "while minerals such as lithium were flat. The earth moved little for investors.",
    },
    {
        "id": "football",
        "title": "Cup final tonight",
        "published_at": "2026-11-21T09:00:00Z",
        "text": "The cup final kicks off tonight in London. The coach said the team was ready.",
    },
]


def _write(folder: Path, articles: list[dict[str, str]]) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / "news.jsonl"
    path.write_text("\n".join(json.dumps(a | {"source": "wire"}) for a in articles) + "\n")
    return folder


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    root = tmp_path_factory.mktemp("search")
    settings = Settings(warehouse=root / "w.duckdb")
    run_ingest([str(_write(root / "in", ARTICLES))], settings)
    return settings


def _titles(settings: Settings, query: str, **kw: object) -> list[str]:
    with open_reader(settings.warehouse) as con:
        names, rows = search(con, query, **kw)  # type: ignore[arg-type]
    return [r[names.index("title")] for r in rows]


def test_articles_rank_by_bm25_and_only_matching_ones_come_back(ingested: Settings) -> None:
    ranked = ["Rare earth minerals deal signed", "Mining output rises"]
    assert _titles(ingested, "rare earth minerals") == ranked
    assert _titles(ingested, "rare earth minerals", limit=1) == ["Rare earth minerals deal signed"]
    assert _titles(ingested, "the and of") == []  # stop words only: nothing to rank
    assert _titles(ingested, "kicks off") == ["Cup final tonight"]  # stemmed: 'kicks' finds 'kicks'


def test_since_filters_on_the_publication_date(ingested: Settings) -> None:
    assert _titles(ingested, "minerals", since=date(2026, 1, 1)) == ["Rare earth minerals deal signed"]


def test_snippets_highlight_the_matched_words_in_the_best_sentence(ingested: Settings) -> None:
    with open_reader(ingested.warehouse) as con:
        names, rows = search(con, "rare earth minerals", limit=1)
    assert "**rare** **earth** **minerals**" in rows[0][names.index("snippet")].lower()
    with open_reader(ingested.warehouse) as con:
        names, rows = search(con, "Takaichi minerals", limit=1)
    snippet = rows[0][names.index("snippet")]
    assert "Takaichi" in snippet  # the sentence with the most query terms, not the first one
    assert "**Takaichi** said" in snippet


def test_claims_come_back_with_their_speaker(ingested: Settings) -> None:
    with open_reader(ingested.warehouse) as con:
        names, rows = search(con, "rare earth minerals", claims=True)
    assert rows, "the Takaichi statement is a claim about rare earth minerals"
    top = dict(zip(names, rows[0], strict=True))
    assert "Takaichi" in top["speaker"]
    assert "**minerals**" in top["snippet"]


def test_the_macros_work_from_newsflow_sql(ingested: Settings) -> None:
    _, rows = run_query(ingested.warehouse, "SELECT title FROM search_articles('cup final', lim := 5)")
    assert rows == [("Cup final tonight",)]


def test_index_and_aggregates_follow_replaced_articles_and_match_a_rebuild(tmp_path: Path) -> None:
    settings = Settings(warehouse=tmp_path / "w.duckdb")
    folder = _write(tmp_path / "in", ARTICLES)
    run_ingest([str(folder)], settings)
    changed = [dict(ARTICLES[2], text="The cup final was postponed because of fog over London.")]
    _write(folder, [*ARTICLES[:2], *changed])
    run_ingest([str(folder)], settings)
    assert _titles(settings, "kicks") == []
    assert _titles(settings, "fog") == ["Cup final tonight"]
    dumps = [
        "SELECT kind, doc_id, term, tf, length FROM search_postings ORDER BY ALL",
        "SELECT * FROM search_docs ORDER BY ALL",
        "SELECT * FROM search_stats ORDER BY ALL",
    ]
    aggregates = [f"SELECT * FROM {t} ORDER BY ALL" for t in ("entity_stats", "entity_pairs")]
    with open_writer(settings.warehouse) as con:
        incremental = [con.execute(sql).fetchall() for sql in dumps + aggregates]
        rebuild_index(con)
        refresh_aggregates(con)
        assert [con.execute(sql).fetchall() for sql in dumps + aggregates] == incremental
        recount = (
            "SELECT e.entity_id, e.name, e.type, e.country_code, count(*), count(DISTINCT m.article_id) "
            "FROM entities e JOIN mentions m USING (entity_id) GROUP BY ALL ORDER BY ALL"
        )
        view = con.execute("SELECT * FROM entity_mentions ORDER BY ALL").fetchall()
        assert view == con.execute(recount).fetchall() and view


def test_newsflow_search_command(ingested: Settings) -> None:
    from typer.testing import CliRunner

    from newsflow.cli import app

    args = ["search", "rare earth minerals", "-w", str(ingested.warehouse), "--limit", "1", "-f", "json"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    row = json.loads(result.stdout.splitlines()[0])
    assert row["title"] == "Rare earth minerals deal signed" and "**minerals**" in row["snippet"]
    wh = str(ingested.warehouse)
    claims = CliRunner().invoke(app, ["search", "minerals", "--claims", "-w", wh, "-f", "csv"])
    assert claims.exit_code == 0 and "Takaichi" in claims.stdout
    since = CliRunner().invoke(app, [*args[:4], "--since", "2030-01-01", "-f", "json"])
    assert since.exit_code == 0 and since.stdout == ""


def _postings(con: duckdb.DuckDBPyConnection) -> list[tuple[object, ...]]:
    return con.execute("SELECT kind, doc_id, term, tf, length FROM search_postings ORDER BY ALL").fetchall()


def _in_stored_order(con: duckdb.DuckDBPyConnection, run: int) -> bool:
    keys = con.execute(f"SELECT kind, term FROM search_postings WHERE run = {run} ORDER BY rowid").fetchall()
    return bool(keys) and keys == sorted(keys)


def test_sorted_runs_answer_searches_as_the_tail_did(ingested: Settings, tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    shutil.copy(ingested.warehouse, warehouse)
    queries = [("rare earth minerals", False), ("minerals", True), ("cup final", False)]
    with open_writer(warehouse) as con:
        tail = _postings(con)
        before = [search(con, q, claims=c) for q, c in queries]
        con.execute("BEGIN")
        assert compact_postings(con, tail_rows=len(tail) + 1) == 0  # a tail below the bound stays
        assert compact_postings(con, tail_rows=len(tail)) == len(tail)
        con.execute("COMMIT")
        assert con.execute("SELECT run, rows FROM search_runs").fetchall() == [(1, len(tail))]
        assert con.execute("SELECT count(*) FROM search_postings WHERE run = 0").fetchone() == (0,)
        assert _in_stored_order(con, 1)
        assert _postings(con) == tail
        assert [search(con, q, claims=c) for q, c in queries] == before


def test_runs_of_one_tier_merge_into_one_sorted_run(tmp_path: Path) -> None:
    with open_writer(tmp_path / "w.duckdb") as con:
        for batch in range(FANOUT):
            con.execute(
                "INSERT INTO search_postings (kind, doc_id, term, tf, length) "
                f"SELECT 'article', {batch} * 100 + i, 't' || ((i * 37 + {batch}) % 50), 1, 1 "
                "FROM range(10) r(i)"
            )
            compact_postings(con, tail_rows=10)
        runs = con.execute("SELECT run, rows FROM search_runs").fetchall()
        assert runs == [(FANOUT + 1, 10 * FANOUT)]  # runs 1..FANOUT, then their merge
        assert con.execute("SELECT count(DISTINCT doc_id), count(*) FROM search_postings").fetchone() == (
            10 * FANOUT,
            10 * FANOUT,
        )
        assert _in_stored_order(con, FANOUT + 1)


def test_sentence_spans_cut_the_stored_sentences_out_of_the_text(ingested: Settings) -> None:
    with open_reader(ingested.warehouse) as con:
        stored = con.execute("SELECT article_id, sentence_spans FROM articles ORDER BY 1").fetchall()
        recount = con.execute(
            "SELECT article_id, flatten(list([start_char, end_char] ORDER BY sentence_no)) "
            "FROM sentences GROUP BY 1 ORDER BY 1"
        ).fetchall()
        cut = con.execute(
            "SELECT count(*), count(*) FILTER (WHERE s.text = substr(a.text, "
            "a.sentence_spans[2 * s.sentence_no + 1] + 1, "
            "a.sentence_spans[2 * s.sentence_no + 2] - a.sentence_spans[2 * s.sentence_no + 1])) "
            "FROM sentences s JOIN articles a USING (article_id)"
        ).fetchone()
    assert stored == recount and len(stored) == len(ARTICLES)
    assert cut is not None and cut[0] > len(ARTICLES) and cut[0] == cut[1]
