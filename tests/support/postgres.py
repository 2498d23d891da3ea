"""A real PostgreSQL server for the DuckLake catalog tests (Debian's postgresql package; no mocks).

The session fixture `postgres_dsn` runs initdb in a temp directory and starts the server on a Unix
socket in it (no TCP), as the `postgres` user when the tests run as root (CI), and stops it at the
end. Without the binaries the tests skip with the reason; under CI that is an error instead
(scripts/system-deps.sh installs the package).
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest


def _bin_dir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


def _as_server_user(cmd: list[str]) -> list[str]:
    """Run as `postgres` when we are root (the server refuses to run as root)."""
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[tuple[Path, int, Path]]:
    """A freshly started server for the session: (socket directory, port, binaries)."""
    bindir = _bin_dir()
    if bindir is None:
        message = "PostgreSQL is not installed (apt-get install postgresql; scripts/system-deps.sh does it)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    root = Path(tempfile.mkdtemp(prefix="newsflow-pg-"))
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
    data, port = root / "data", 5433 + os.getpid() % 1000
    env = {**os.environ, "LC_ALL": "C.UTF-8"}
    subprocess.run(
        _as_server_user(
            [str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "--no-sync"]
        ),
        check=True,
        capture_output=True,
        env=env,
    )
    options = f"-k {root} -p {port} -c listen_addresses='' -c fsync=off"
    subprocess.run(
        _as_server_user(
            [str(bindir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(root / "log"), "-w", "start"]
        ),
        check=True,
        capture_output=True,
        env=env,
    )
    try:
        yield root, port, bindir
    finally:
        subprocess.run(
            _as_server_user([str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"]),
            capture_output=True,
            env=env,
        )
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def postgres_dsn(postgres_server: tuple[Path, int, Path]) -> str:
    """A libpq connection string to a new, empty database of its own for each test."""
    root, port, bindir = postgres_server
    name = f"lake_{next(_databases)}"
    subprocess.run(
        [str(bindir / "createdb"), "-h", str(root), "-p", str(port), "-U", "postgres", name],
        check=True,
        capture_output=True,
    )
    return f"host={root} port={port} user=postgres dbname={name}"


_databases = itertools.count(1)
