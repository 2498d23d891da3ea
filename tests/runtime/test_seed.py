"""The seed summit report through the whole pipeline: the obvious facts a reader sees are in the warehouse."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from newsflow.core.settings import Settings
from newsflow.runtime.run import run_ingest
from tests.conftest import SEED, row_counts


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("seed") / "w.duckdb"
    run_ingest([str(SEED)], Settings(warehouse=path))
    return path


def _rows(path: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_leaders_are_people_with_their_short_forms(warehouse: Path) -> None:
    people = dict(_rows(warehouse, "SELECT name, entity_id FROM entities WHERE type = 'PERSON'"))
    assert {"Donald Trump", "Sanae Takaichi", "Shinzo Abe", "Xi Jinping", "Pete Hegseth"} <= set(people)
    aliases = "SELECT alias FROM entity_aliases WHERE entity_id = {}"
    trump = {r[0] for r in _rows(warehouse, aliases.format(people["Donald Trump"]))}
    assert {"Trump", "Donald Trump"} <= trump
    takaichi = {r[0] for r in _rows(warehouse, aliases.format(people["Sanae Takaichi"]))}
    assert {"Takaichi", "Sanae Takaichi"} <= takaichi
    stray = "SELECT name FROM entities WHERE name IN ('Trump', 'Takaichi') OR (type='ORG' AND name~'Trump')"
    assert not _rows(warehouse, stray)


def test_no_entity_comes_from_a_heading(warehouse: Path) -> None:
    inside = _rows(
        warehouse,
        """
        SELECT m.text FROM mentions m JOIN sections s USING (article_id)
        WHERE s.heading IS NOT NULL
          AND m.start_char < s.start_char + length(s.heading) AND m.end_char > s.start_char""",
    )
    assert inside == []
    glued = "SELECT text FROM mentions WHERE text LIKE '%\n%' OR text LIKE '%Investments%'"
    assert not _rows(warehouse, glued)


def test_countries_have_iso_codes(warehouse: Path) -> None:
    codes = dict(_rows(warehouse, "SELECT name, country_code FROM entities WHERE type = 'COUNTRY'"))
    assert codes.get("Japan") == "JP" and codes.get("United States") == "US" and codes.get("China") == "CN"


def test_trumps_quote_is_a_claim_by_trump(warehouse: Path) -> None:
    rows = _rows(
        warehouse,
        """
        SELECT e.name, c.is_direct_quote FROM claims c JOIN entities e ON e.entity_id = c.speaker_entity_id
        WHERE c.content LIKE '%making Japan stronger and safer, and we appreciate that%'""",
    )
    assert rows == [("Donald Trump", True)]


def test_the_investment_package_is_550_billion_dollars(warehouse: Path) -> None:
    rows = _rows(warehouse, "SELECT value, unit, value_usd FROM amounts WHERE text LIKE '%550%'")
    assert rows and rows[0][1] == "USD"
    assert rows[0][0] == pytest.approx(550e9) and rows[0][2] == pytest.approx(550e9)
    assert _rows(warehouse, "SELECT value, base FROM amounts WHERE kind = 'percent'") == [(2.0, "GDP")]


def test_a_second_ingest_adds_no_rows(warehouse: Path) -> None:
    before = row_counts(warehouse)
    run = run_ingest([str(SEED)], Settings(warehouse=warehouse))
    assert (run["seen"], run["unchanged"]) == (1, 1)
    assert row_counts(warehouse) == before


def test_a_surname_in_another_article_joins_the_stored_full_name(warehouse: Path, tmp_path: Path) -> None:
    later = tmp_path / "later.txt"
    later.write_text("Prime Minister Takaichi said on Friday that the investment talks would go on.")
    run_ingest([str(later)], Settings(warehouse=warehouse))
    rows = _rows(
        warehouse,
        """
        SELECT DISTINCT e.name FROM mentions m
        JOIN entities e USING (entity_id) JOIN articles a USING (article_id)
        WHERE a.locator LIKE '%later.txt' AND m.text = 'Takaichi'""",
    )
    assert rows == [("Sanae Takaichi",)]
