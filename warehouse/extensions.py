"""DuckDB extensions from the installed packages (duckdb-extension-*): no network, signatures checked.

Each package ships DuckDB's own signed binary at `<package>/extensions/v<version>/<name>.duckdb_extension`.
DuckDB derives an extension's entry point from its file name, and the sqlite and postgres binaries
are built as `sqlite_scanner` / `postgres_scanner`, so the files are linked into an extension
directory in DuckDB's layout (`<dir>/v<version>/<platform>/<entry name>.duckdb_extension`) and
loaded from there. Every connection refuses unsigned extensions and never downloads one.
"""

from __future__ import annotations

import importlib.util
import os
import uuid
from functools import cache
from pathlib import Path
from typing import Any

import duckdb

from newsflow.core.errors import WarehouseError

# extension name → (package that ships it, the name DuckDB loads it under)
EXTENSIONS = {
    "fts": ("duckdb_extension_fts", "fts"),
    "ducklake": ("duckdb_extension_ducklake", "ducklake"),
    "sqlite": ("duckdb_extension_sqlite", "sqlite_scanner"),
    "postgres": ("duckdb_extension_postgres", "postgres_scanner"),
}
PLATFORM = "linux_amd64"


def connection_config() -> dict[str, Any]:
    """The configuration every warehouse connection uses: packaged extensions only, never unsigned."""
    return {
        "allow_unsigned_extensions": False,
        "autoinstall_known_extensions": False,
        "autoload_known_extensions": True,  # e.g. ducklake loading sqlite_scanner: found in our directory
        "extension_directory": str(extension_directory()),
    }


def packaged_file(name: str) -> Path:
    """The `.duckdb_extension` file the installed package ships; a clear error when it is missing."""
    if name not in EXTENSIONS:
        raise WarehouseError(f"unknown DuckDB extension {name!r} (known: {', '.join(EXTENSIONS)})")
    package, _ = EXTENSIONS[name]
    dist = package.replace("_", "-")
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise WarehouseError(
            f"DuckDB extension {name!r} is not installed: add the package {dist}=={duckdb.__version__} "
            "(uv sync installs it from the lock file)"
        )
    path = Path(next(iter(spec.submodule_search_locations))) / "extensions" / f"v{duckdb.__version__}"
    path /= f"{name}.duckdb_extension"
    if not path.is_file():
        raise WarehouseError(
            f"{dist} has no binary for DuckDB {duckdb.__version__} (looked for {path}); "
            f"install {dist}=={duckdb.__version__}"
        )
    return path


@cache
def extension_directory() -> Path:
    """A DuckDB extension directory linking every installed extension package under its entry name."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newsflow" / "duckdb-extensions"
    folder = base / f"v{duckdb.__version__}" / PLATFORM
    folder.mkdir(parents=True, exist_ok=True)
    for name, (_, entry) in EXTENSIONS.items():
        try:
            target = packaged_file(name)
        except WarehouseError:
            continue  # reported when that extension is loaded
        link = folder / f"{entry}.duckdb_extension"
        if link.is_symlink() and link.resolve() == target.resolve():
            continue
        tmp = folder / f".{entry}.{uuid.uuid4().hex}"
        tmp.symlink_to(target)
        tmp.replace(link)  # atomic: concurrent processes never see a half-made link
    return base


def load_extensions(con: duckdb.DuckDBPyConnection, *names: str) -> None:
    """Load the named extensions from the installed packages (signature checked, no download)."""
    sql = "SELECT extension_name FROM duckdb_extensions() WHERE loaded"
    loaded = {r[0] for r in con.execute(sql).fetchall()}
    for name in names:
        packaged_file(name)  # a clear error if the package is missing
        _, entry = EXTENSIONS[name]
        if entry in loaded:
            continue
        path = extension_directory() / f"v{duckdb.__version__}" / PLATFORM / f"{entry}.duckdb_extension"
        try:
            con.execute(f"LOAD '{str(path).replace(chr(39), chr(39) * 2)}'")
        except duckdb.Error as exc:
            raise WarehouseError(f"cannot load DuckDB extension {name!r} from {path}: {exc}") from exc
