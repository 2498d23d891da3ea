"""The no-change precheck: True only when every input is local and stored with the same bytes."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsflow.core.settings import Settings
from newsflow.runtime.precheck import nothing_changed
from newsflow.runtime.run import run_ingest

pytestmark = pytest.mark.slow


@pytest.fixture
def stored(tmp_path: Path) -> tuple[Path, Settings]:
    """Two reports, ingested once."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Talks resume\n\nThe minister said on Monday that talks would resume.\n")
    (src / "b.txt").write_text("Port reopens\n\nThe harbour authority said the port would reopen.\n")
    settings = Settings(warehouse=tmp_path / "w.duckdb", n_process=1)
    assert run_ingest([str(src)], settings)["new"] == 2
    return src, settings


def test_unchanged_local_inputs_are_nothing_new(stored: tuple[Path, Settings]) -> None:
    src, settings = stored
    assert nothing_changed([str(src)], settings)
    assert nothing_changed([str(src / "a.txt")], settings)


def test_a_changed_or_added_input_is_work(stored: tuple[Path, Settings]) -> None:
    src, settings = stored
    (src / "c.txt").write_text("A third report\n\nThe envoy said nothing.\n")
    assert not nothing_changed([str(src)], settings)
    (src / "c.txt").unlink()
    (src / "b.txt").write_text("Port reopens\n\nThe harbour authority said the port reopened.\n")
    assert not nothing_changed([str(src)], settings)


def test_web_sources_unreadable_inputs_and_new_warehouses_take_the_ordinary_path(
    stored: tuple[Path, Settings], tmp_path: Path
) -> None:
    src, settings = stored
    assert not nothing_changed([str(src), "https://example.org/feed.xml"], settings)
    assert not nothing_changed([str(src / "missing.txt")], settings)  # a failure to record
    assert not nothing_changed([str(src)], Settings(warehouse=tmp_path / "new.duckdb"))
    assert not (tmp_path / "new.duckdb").exists()  # the check never creates a warehouse
    # an invalid argument: the ordinary path reports it as an error (the check does not raise)
    assert not nothing_changed([str(src), "feed:"], settings)
