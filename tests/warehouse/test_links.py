"""Cross-outlet links: copies, stories and statements, on a real DuckDB file with the real spaCy model."""

from __future__ import annotations

import gc
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import duckdb
import pytest

from newsflow.core.settings import Settings
from newsflow.runtime.run import run_ingest, run_reprocess

LEAD = (
    "Prime Minister Helena Marsh of Canada and President Rafael Duarte of Brazil met in Ottawa on Monday "
    "and signed an agreement on hydrogen shipping and seaport investment. "
)
SUMMIT = LEAD + (
    "The two leaders spent three hours at Rideau Hall before a joint press conference. "
    '"This partnership will carry clean fuel across the Atlantic within five years," Marsh said. '
    "Duarte said Brazil would open two new terminals in Recife for Canadian buyers. "
    "Officials from both governments said the agreement covers port equipment, training and insurance."
)
COPY = LEAD + (
    "The two leaders spent three hours at Rideau Hall before a joint press conference. "
    '"This partnership will carry clean fuel across the Atlantic within five years," Marsh said. '
    "Duarte said Brazil would open two new terminals in Recife for Canadian buyers. "
    "Shipping companies in Halifax welcomed the news on Tuesday."
)
OTHER_REPORT = (
    "Brazilian President Rafael Duarte ended his visit to Ottawa after talks with Canadian Prime Minister "
    "Helena Marsh on hydrogen and ports. Marsh told reporters the partnership would carry clean fuel across "
    "the Atlantic within five years. She also said Canada would cut tariffs on Brazilian steel next spring. "
    "Duarte praised the welcome at Rideau Hall and invited Marsh to visit Recife."
)
FLOOD = (
    "Heavy rain flooded the low streets of Galway on Sunday night, and the county council closed four "
    "schools. "
    "Fire crews pumped water from homes near the river Corrib until dawn. "
    "Met Eireann warned that more storms would reach the west coast of Ireland by Thursday, "
    "and farmers in Connemara moved sheep to higher ground."
)
LATER = (
    "A week after meeting Prime Minister Helena Marsh in Ottawa, President Rafael Duarte of Brazil said the "
    "hydrogen shipping agreement with Canada would bring the first Recife cargo by March. Officials in "
    "Ottawa said the seaport investment and hydrogen deal was on schedule."
)


def _jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _night_one(tmp_path: Path) -> Path:
    return _jsonl(
        tmp_path / "night1.jsonl",
        [
            {"id": "a1", "url": "https://first-outlet.example/summit", "text": SUMMIT},
            {"id": "a2", "url": "https://www.second-outlet.example/wire-copy", "text": COPY},
            {"id": "a3", "url": "https://third-outlet.example/duarte-leaves", "text": OTHER_REPORT},
            {"id": "a4", "url": "https://fourth-outlet.example/galway-floods", "text": FLOOD},
        ],
    )


def _rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[tuple[Any, ...]]:
    return con.execute(sql).fetchall()


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> tuple[Settings, Path]:
    tmp = tmp_path_factory.mktemp("links")
    settings = Settings(warehouse=tmp / "w.duckdb", _env_file=None)
    run_ingest([str(_night_one(tmp))], settings)
    return settings, tmp


def test_a_wire_copy_with_a_changed_ending_points_at_the_original(linked: tuple[Settings, Path]) -> None:
    settings, _ = linked
    with duckdb.connect(str(settings.warehouse), read_only=True) as con:
        copies = _rows(
            con,
            "SELECT a.external_id, o.external_id, a.copy_similarity FROM articles a "
            "JOIN articles o ON o.article_id = a.copy_of",
        )
    assert [(c, o) for c, o, _ in copies] == [("a2", "a1")]
    assert copies[0][2] >= settings.link_copy_min_similarity


def test_reports_of_one_meeting_share_a_story_and_the_flood_does_not(linked: tuple[Settings, Path]) -> None:
    settings, _ = linked
    with duckdb.connect(str(settings.warehouse), read_only=True) as con:
        story = dict(_rows(con, "SELECT external_id, story_id FROM articles"))
        row = _rows(
            con,
            f"SELECT articles, n_outlets, copies FROM story_outlets WHERE story_id = {story['a1']}",
        )
    assert story["a1"] == story["a2"] == story["a3"]
    assert story["a4"] != story["a1"]
    assert row == [(3, 3, 1)]


def test_a_partial_quote_and_its_paraphrase_share_a_statement(linked: tuple[Settings, Path]) -> None:
    settings, _ = linked
    with duckdb.connect(str(settings.warehouse), read_only=True) as con:
        atlantic = _rows(
            con,
            "SELECT a.external_id, c.statement_id FROM claims c JOIN articles a USING (article_id) "
            "WHERE c.content ILIKE '%clean fuel across the Atlantic%'",
        )
        spread = _rows(
            con,
            f"SELECT articles, outlets, independent FROM statements WHERE statement_id = {atlantic[0][1]}",
        )
        tariffs = _rows(
            con, "SELECT statement_id FROM claims WHERE content ILIKE '%tariffs on Brazilian steel%'"
        )
    assert {e for e, _ in atlantic} == {"a1", "a2", "a3"}
    assert len({s for _, s in atlantic}) == 1
    assert spread == [(3, 3, 2)]  # three reports, one of them a copy
    assert tariffs and tariffs[0][0] != atlantic[0][1]  # another statement by the same speaker


def test_a_rerun_adds_nothing_and_reprocess_rebuilds_the_same_links(linked: tuple[Settings, Path]) -> None:
    settings, tmp = linked
    query = (
        "SELECT a.external_id, a.story_id, a.copy_of, list(c.statement_id ORDER BY c.claim_id) "
        "FROM articles a LEFT JOIN claims c USING (article_id) GROUP BY ALL ORDER BY 1"
    )
    counts = (
        "SELECT (SELECT count(*) FROM stories), (SELECT count(*) FROM statements), "
        "(SELECT count(*) FROM copy_bands)"
    )
    with duckdb.connect(str(settings.warehouse), read_only=True) as con:
        before, before_counts = _rows(con, query), _rows(con, counts)
    run_ingest([str(_night_one(tmp))], settings)
    with duckdb.connect(str(settings.warehouse), read_only=True) as con:
        assert _rows(con, query) == before
        assert _rows(con, counts) == before_counts
    run_reprocess(settings)
    with duckdb.connect(str(settings.warehouse), read_only=True) as con:
        assert _rows(con, query) == before
        assert _rows(con, counts) == before_counts


def test_a_later_night_report_joins_the_story(linked: tuple[Settings, Path]) -> None:
    settings, tmp = linked
    later = _jsonl(tmp / "night2.jsonl", [{"id": "b1", "url": "https://fifth.example/later", "text": LATER}])
    run_ingest([str(later)], settings)
    with duckdb.connect(str(settings.warehouse), read_only=True) as con:
        story = dict(_rows(con, "SELECT external_id, story_id FROM articles"))
        saved = _rows(con, f"SELECT current_story_id FROM story_ids WHERE story_id = {story['a1']}")
    assert story["b1"] == story["a1"]
    assert saved == [(story["a1"],)]


def _port_report(outlet: str, quotes: str) -> str:
    return (
        "Prime Minister Helena Marsh visited the port of Halifax on Friday with Brazilian President Rafael "
        f"Duarte to see the hydrogen terminal that Canada and Brazil are building together. {quotes} "
        f"Reporting by the {outlet} desk."
    )


TERMINAL = '"The new hydrogen terminal will open to ships in May," Marsh said.'
DUTIES = '"Duties on Brazilian steel will end next spring," Marsh said.'


def test_a_claim_holding_two_statements_does_not_chain_them(tmp_path: Path) -> None:
    settings = Settings(warehouse=tmp_path / "w.duckdb", _env_file=None)
    both = TERMINAL + ' "Duties on Brazilian steel will end next spring."'
    reports = [("c1", TERMINAL), ("c2", TERMINAL), ("c3", both), ("c4", DUTIES)]
    rows = [
        {
            "id": key,
            "url": f"https://outlet-{key}.example/halifax",
            "text": _port_report(key, quotes),
            "published_at": f"2026-11-0{day}T10:00:00Z",
        }
        for day, (key, quotes) in enumerate(reports, start=1)
    ]
    run_ingest([str(_jsonl(tmp_path / "port.jsonl", rows))], settings)
    with duckdb.connect(str(settings.warehouse), read_only=True) as con:
        found = _rows(
            con,
            "SELECT a.external_id, c.content, c.statement_id FROM claims c "
            "JOIN articles a USING (article_id) "
            "WHERE c.content ILIKE '%hydrogen terminal will open%' OR c.content ILIKE '%Brazilian steel%'",
        )
    terminal = {s for e, content, s in found if e in {"c1", "c2"}}
    double = {s for e, content, s in found if e == "c3"}
    duties = {s for e, content, s in found if e == "c4"}
    assert len(terminal) == 1 and double == terminal  # the double claim joins the terminal statement
    assert duties and duties.isdisjoint(terminal)  # the duties claim matches one of its three claims only


def test_stored_story_ranks_equal_a_rank_over_all_statements(linked: tuple[Settings, Path]) -> None:
    settings, _ = linked
    recount = (
        "SELECT statement_id, rank() OVER (PARTITION BY story_id ORDER BY outlets DESC, articles DESC) "
        "FROM statements ORDER BY 1"
    )
    with duckdb.connect(str(settings.warehouse), read_only=True) as con:
        stored = _rows(con, "SELECT statement_id, rank FROM story_statements ORDER BY 1")
        assert stored == _rows(con, recount)
        assert len(stored) > 2 and any(r > 1 for _, r in stored)  # ranks among several statements


def test_each_statement_row_is_its_claims_in_one_story(linked: tuple[Settings, Path]) -> None:
    # the writer finds a touched statement's stored row and claims through the touched stories: that
    # holds while a statement's claims are all in one story, which its row names (or one merged into it)
    settings, _ = linked
    per_claims = (
        "SELECT c.statement_id, count(*), count(DISTINCT c.article_id), count(DISTINCT a.story_id), "
        "any_value(a.story_id) FROM claims c JOIN articles a USING (article_id) "
        "WHERE c.statement_id IS NOT NULL GROUP BY 1 ORDER BY 1"
    )
    stored = (
        "SELECT s.statement_id, s.reports, s.articles, 1, coalesce(m.into_story_id, s.story_id) "
        "FROM statements s LEFT JOIN story_merges m USING (story_id) ORDER BY 1"
    )
    with duckdb.connect(str(settings.warehouse), read_only=True) as con:
        from_claims, rows = _rows(con, per_claims), _rows(con, stored)
    assert len(rows) > 2 and rows == from_claims  # one row per statement, none left over or missing


def test_a_copy_is_found_across_runs_within_the_copy_window_only(tmp_path: Path) -> None:
    settings = Settings(warehouse=tmp_path / "w.duckdb", _env_file=None)
    first = datetime(2026, 11, 1, 8, tzinfo=UTC)
    late = first + timedelta(days=settings.link_copy_window_days + 10)
    nights = [
        ("n1", SUMMIT, first),
        ("n2", COPY, first + timedelta(days=2)),  # within the window
        ("n3", COPY + " Ports reopened.", late),  # beyond it
    ]
    for key, text, when in nights:  # one run a night: the original is reached through stored band keys
        row = {
            "id": key,
            "url": f"https://outlet-{key}.example/s",
            "text": text,
            "published_at": when.isoformat(),
        }
        run_ingest([str(_jsonl(tmp_path / f"{key}.jsonl", [row]))], settings)
    pairs = (
        "SELECT a.external_id, o.external_id FROM articles a LEFT JOIN articles o ON o.article_id = a.copy_of"
    )
    held = "SELECT count(*) FROM copy_bands JOIN articles USING (article_id) WHERE external_id = 'n3'"
    with duckdb.connect(str(settings.warehouse), read_only=True) as con:
        copy_of, held_by_late = dict(_rows(con, pairs)), _rows(con, held)
    assert copy_of == {"n1": None, "n2": "n1", "n3": None}
    assert gc.isenabled()  # the link step pauses the cycle collector only while it runs
    assert held_by_late[0][0] > 0  # the late report holds its keys for its own window
