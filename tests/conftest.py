"""Shared fixtures: an isolated Prefect home, the spaCy model once per session, tmp warehouses."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

# Before anything imports prefect: a private Prefect home for each test process (pytest-xdist's workers
# would otherwise share the one their parent made), no telemetry, a patient ephemeral server.
os.environ["PREFECT_HOME"] = tempfile.mkdtemp(prefix="newsflow-prefect-")
os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")

import pytest

from newsflow.core.settings import Settings, get_settings

pytest_plugins = ["tests.support.fetch_support", "tests.support.postgres"]  # fixture site; PostgreSQL

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = ROOT / "seeds" / "000_2ae79f5a25b4ff08.txt"


WAREHOUSE_TABLES = (
    "articles", "sections", "paragraphs", "sentences", "entities", "entity_aliases", "mentions",
    "entity_roles", "claims", "claim_entities", "amounts", "inputs",
)  # fmt: skip


def row_counts(path: Path) -> dict[str, int]:
    """Rows per warehouse table (read-only)."""
    import duckdb

    con = duckdb.connect(str(path), read_only=True)
    try:
        return {t: int(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in WAREHOUSE_TABLES}  # type: ignore[index]
    finally:
        con.close()


# Not settings: knobs of the tests themselves, kept from the developer's environment.
TEST_KNOBS = frozenset({"NEWSFLOW_SCREENSHOT_DIR"})


def _strip_newsflow_environ() -> None:
    """Drop every NEWSFLOW_* variable (settings) from this process's environment."""
    for name in [n for n in os.environ if n.startswith("NEWSFLOW_") and n not in TEST_KNOBS]:
        del os.environ[name]


# Tests see the documented defaults: no developer's NEWSFLOW_* variables, no .env file, from the
# start (session fixtures included).
_strip_newsflow_environ()
Settings.model_config["env_file"] = None


def pytest_itemcollected(item: pytest.Item) -> None:
    """The tests on the session's Prefect server (`prefect_harness`) run in one test process, as one
    group (`xdist_group`), as the dashboard's do: one server start in the session, not one a process."""
    if "prefect_harness" in getattr(item, "fixturenames", ()):
        item.add_marker(pytest.mark.xdist_group("prefect_harness"))


@pytest.hookimpl(trylast=True)  # after pytest-xdist's own hook
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Slow tests first (the order is otherwise kept): handed out first to the parallel test processes,
    they end about together, rather than one long test starting last while the other processes idle.

    In a test process of `--dist loadgroup`, a grouped test's id ends in `@GROUP`, which is how
    pytest-xdist sends a group to one process. pytest-xdist 3.8 writes that suffix to `item._nodeid`,
    which pytest 9.2 no longer reads (pytest-dev/pytest-xdist#1386): every group was spread over the
    processes, each starting its own dashboard server. Until a fixed release, the suffix is set here."""
    if getattr(config.option, "loadgroup", False):  # set in the test processes only
        from _pytest.nodeid import coerce_node_id

        for item in items:
            groups = sorted({str(m.args[0] if m.args else m.kwargs.get("name", "default"))
                             for m in item.iter_markers("xdist_group")})  # fmt: skip
            if groups and not item.nodeid.endswith(f"@{'_'.join(groups)}"):
                item._id = coerce_node_id(f"{item.nodeid}@{'_'.join(groups)}")
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


@pytest.fixture(autouse=True)
def clean_environ(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test starts without NEWSFLOW_* variables or a .env file, and with fresh get_settings()."""
    for name in [n for n in os.environ if n.startswith("NEWSFLOW_") and n not in TEST_KNOBS]:
        monkeypatch.delenv(name)
    monkeypatch.setitem(Settings.model_config, "env_file", None)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings with a fresh warehouse file in the test's tmp dir."""
    return Settings(warehouse=tmp_path / "warehouse.duckdb")


@pytest.fixture(scope="session")
def prefect_harness() -> Iterator[None]:
    """One temporary Prefect server (SQLite) for every flow test of the session."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield
