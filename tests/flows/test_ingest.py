"""The ingest flow end to end through Prefect: accounting, idempotence, failures, the seed's facts."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import duckdb
import pytest

from flows.ingest import ingest
from newsflow.core.records import OUTCOMES
from newsflow.core.settings import Settings
from tests.conftest import SEED, row_counts

pytestmark = pytest.mark.usefixtures("prefect_harness")


def _mixed_inputs(root: Path) -> Path:
    """A folder with good, duplicate and bad inputs of every local kind."""
    src = root / "inputs"
    src.mkdir()
    shutil.copy(SEED, src / "seed.txt")
    shutil.copy(SEED, src / "seed-copy.txt")  # same text under another name: a duplicate
    (src / "empty.txt").write_text("   \n")
    (src / "binary.html").write_bytes(b"\x00\x01\x02\x03" * 50)
    (src / "page.html").write_text(
        "<html><head><title>Leaders meet in Seoul</title></head><body><nav>Home | World</nav>"
        "<article><h1>Leaders meet in Seoul</h1><p>South Korean President Lee Jae Myung said on "
        "Monday that the talks with Japan had been frank and useful.</p></article></body></html>"
    )
    (src / "batch.jsonl").write_text(
        "\n".join(
            [
                json.dumps(
                    {
                        "id": "j1",
                        "text": "Prime Minister Sanae Takaichi said Japan would keep its "
                        "promise to raise defence spending.",
                        "source": "wire",
                    }
                ),
                "{broken",
            ]
        )
    )
    return src


def test_every_input_is_accounted_for_and_a_rerun_adds_nothing(tmp_path: Path) -> None:
    wh = tmp_path / "w.duckdb"
    src = _mixed_inputs(tmp_path)
    first = ingest(sources=[str(src)], warehouse=str(wh))
    assert first["status"] == "completed"
    assert first["seen"] == 7 == sum(first[k] for k in OUTCOMES)
    assert (first["new"], first["duplicate"], first["failed"]) == (3, 1, 3)
    for row in first["sources"]:
        assert row["seen"] == sum(row[k] for k in OUTCOMES)
    sources = {row["source"] for row in first["sources"]}
    assert "wire" in sources  # a JSONL record's own source name wins
    con = duckdb.connect(str(wh), read_only=True)
    failures = dict(con.execute("SELECT split_part(locator, '/', -1), error_class FROM failures").fetchall())
    con.close()
    assert failures == {
        "empty.txt": "EmptyInputError",
        "binary.html": "BinaryInputError",
        "batch.jsonl#line2": "JSONDecodeError",
    }
    before = row_counts(wh)
    assert before["articles"] == 3 and before["sentences"] > 20

    second = ingest(sources=[str(src)], warehouse=str(wh))
    assert (second["new"], second["updated"], second["unchanged"]) == (0, 0, 4)
    assert second["failed"] == 3  # bad inputs are tried again, and fail again, visibly
    assert row_counts(wh) == before


def test_a_changed_file_updates_its_article_in_place(tmp_path: Path) -> None:
    wh = tmp_path / "w.duckdb"
    page = tmp_path / "story.txt"
    page.write_text("Talks Resume\nThe ministers met in Geneva on Monday and agreed to talk again.")
    ingest(sources=[str(page)], warehouse=str(wh))
    page.write_text("Talks Resume\nThe ministers met in Geneva on Tuesday and signed a new deal.")
    run = ingest(sources=[str(page)], warehouse=str(wh))
    assert run["updated"] == 1
    con = duckdb.connect(str(wh), read_only=True)
    rows = con.execute("SELECT text FROM articles").fetchall()
    orphans = con.execute(
        "SELECT count(*) FROM sentences WHERE article_id NOT IN (SELECT article_id FROM articles)"
    ).fetchone()
    con.close()
    assert len(rows) == 1 and "Tuesday" in rows[0][0]
    assert orphans == (0,)


def test_runs_table_records_the_flow_run(tmp_path: Path) -> None:
    wh = tmp_path / "w.duckdb"
    summary: dict[str, Any] = ingest(sources=[str(SEED)], warehouse=str(wh))
    con = duckdb.connect(str(wh), read_only=True)
    status, flow_run_id = con.execute("SELECT status, flow_run_id FROM runs").fetchone()  # type: ignore[misc]
    con.close()
    assert status == "completed" and flow_run_id and summary["flow_run_id"] == flow_run_id


def test_settings_default_sources_is_the_seed_folder() -> None:
    assert Settings().default_sources == ["seeds"]
