"""Tests see the documented defaults: no NEWSFLOW_* variables, no .env file (tests/conftest.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsflow.core.settings import Settings, get_settings

DEFAULT_BATCH_SIZE = Settings.model_fields["batch_size"].default


def test_no_newsflow_variables_reach_a_test() -> None:
    assert not [n for n in os.environ if n.startswith("NEWSFLOW_") and n != "NEWSFLOW_SCREENSHOT_DIR"]


def test_a_dotenv_file_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".env").write_text(f"NEWSFLOW_BATCH_SIZE={DEFAULT_BATCH_SIZE + 1}\n")
    monkeypatch.chdir(tmp_path)
    assert Settings().batch_size == DEFAULT_BATCH_SIZE
    assert get_settings().batch_size == DEFAULT_BATCH_SIZE


def test_a_test_may_still_set_a_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSFLOW_BATCH_SIZE", str(DEFAULT_BATCH_SIZE + 2))
    assert Settings().batch_size == DEFAULT_BATCH_SIZE + 2
