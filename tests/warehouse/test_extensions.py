"""DuckDB extensions come from the installed packages: signed, offline, under their entry names."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from newsflow.core.errors import WarehouseError
from warehouse import extensions
from warehouse.extensions import connection_config, load_extensions, packaged_file


def test_duckdb_is_the_version_the_extension_packages_are_built_for() -> None:
    assert duckdb.__version__ == "1.5.5"
    for name in extensions.EXTENSIONS:
        assert f"v{duckdb.__version__}" in str(packaged_file(name))


@pytest.mark.parametrize("name", sorted(extensions.EXTENSIONS))
def test_each_extension_loads_from_its_package_with_signatures_checked(name: str) -> None:
    con = duckdb.connect(config=connection_config())
    assert con.execute("SELECT current_setting('allow_unsigned_extensions')").fetchone() == (False,)
    load_extensions(con, name)
    entry = extensions.EXTENSIONS[name][1]
    sql = "SELECT extension_name FROM duckdb_extensions() WHERE loaded"
    loaded = {r[0] for r in con.execute(sql).fetchall()}
    assert entry in loaded


def test_ducklake_on_a_sqlite_catalog_autoloads_sqlite_from_the_linked_directory(tmp_path: Path) -> None:
    con = duckdb.connect(config=connection_config())
    con.execute(f"ATTACH 'ducklake:sqlite:{tmp_path}/c.sqlite' AS lake (DATA_PATH '{tmp_path}/data/')")
    con.execute("CREATE TABLE lake.t AS SELECT 42 AS x")
    assert con.execute("SELECT x FROM lake.t").fetchall() == [(42,)]


def test_an_unsigned_extension_is_refused(tmp_path: Path) -> None:
    fake = tmp_path / "fake.duckdb_extension"
    fake.write_bytes(b"\0" * 4096)
    con = duckdb.connect(config=connection_config())
    with pytest.raises(duckdb.Error):
        con.execute(f"LOAD '{fake}'")
    with pytest.raises(duckdb.Error):
        con.execute("SET allow_unsigned_extensions = true")


def test_a_missing_extension_package_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(extensions.EXTENSIONS, "fts", ("duckdb_extension_not_installed", "fts"))
    con = duckdb.connect(config=connection_config())
    with pytest.raises(WarehouseError, match=r"add the package duckdb-extension-not-installed"):
        load_extensions(con, "fts")
