"""The README's commands as a newcomer runs them: a fresh Prefect home, no server, no PREFECT_API_URL.

`newsflow ingest` must start the local Prefect server once and reuse it; `newsflow serve` must produce
a scheduled run with nothing else started. Each test gets its own Prefect home and port, and stops
the server it caused at the end.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import httpx
import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow

BIN = Path(sys.executable).parent
NOISE = re.compile(r"\b(ERROR|WARNING|CRITICAL)\b|Traceback")


def free_port() -> int:
    """A TCP port nobody listens on right now, on 127.0.0.1."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Newcomer:
    """A machine where nothing has run: a folder with the seeds, a new Prefect home, a free port."""

    cwd: Path
    home: Path
    port: int

    @property
    def env(self) -> dict[str, str]:
        """This environment less every Prefect and newsflow setting, plus the new home and port."""
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "NEWSFLOW_"))}
        return env | {"PREFECT_HOME": str(self.home), "NEWSFLOW_DASHBOARD_PORT": str(self.port)}

    @property
    def api(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    def newsflow(self, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
        """`newsflow ARGS` as the README runs it (after `uv sync`), in the newcomer's folder."""
        return subprocess.run(
            [str(BIN / "newsflow"), *args],
            cwd=self.cwd,
            env=self.env | {"COLUMNS": "120", **env},
            capture_output=True,
            text=True,
            timeout=600,
        )

    def flow_runs(self, body: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Flow runs the local server knows of."""
        r = httpx.post(f"{self.api}/flow_runs/filter", json=body or {}, timeout=30)
        r.raise_for_status()
        runs: list[dict[str, Any]] = r.json()
        return runs


@pytest.fixture
def newcomer(tmp_path: Path) -> Iterator[Newcomer]:
    """A fresh machine; afterwards the server the test started is stopped (as `--stop` does)."""
    cwd = tmp_path / "work"
    shutil.copytree(ROOT / "seeds", cwd / "seeds")
    machine = Newcomer(cwd, tmp_path / "prefect-home", free_port())
    try:
        yield machine
    finally:
        done = machine.newsflow("dashboard", "--stop")
        pid_file = machine.home / "server.pid"
        if pid_file.exists():  # --stop failed: do not leave a server behind
            os.killpg(int(pid_file.read_text()), signal.SIGKILL)
        assert done.returncode == 0, done.stderr


def server_pid(machine: Newcomer) -> int:
    return int((machine.home / "server.pid").read_text())


def test_the_first_command_works_on_a_fresh_machine_and_later_runs_reuse_its_server(
    newcomer: Newcomer,
) -> None:
    first = newcomer.newsflow("ingest")
    output = first.stdout + first.stderr
    assert first.returncode == 0, output
    assert not NOISE.search(output), output
    assert "starting the local Prefect server" in output
    con = duckdb.connect(str(newcomer.cwd / "newsflow.duckdb"), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM articles").fetchone() == (1,)
        (flow_run_id,) = con.execute("SELECT flow_run_id FROM runs").fetchone()  # type: ignore[misc]
    finally:
        con.close()
    pid = server_pid(newcomer)

    again = newcomer.newsflow("ingest", NEWSFLOW_WAREHOUSE=str(newcomer.cwd / "second.duckdb"))
    assert again.returncode == 0, again.stdout + again.stderr
    assert not NOISE.search(again.stdout + again.stderr)
    assert "starting the local Prefect server" not in again.stdout + again.stderr
    assert server_pid(newcomer) == pid

    # both runs stay in the dashboard, completed, with their artifacts
    runs = {r["id"]: r for r in newcomer.flow_runs()}
    assert len(runs) == 2 and {r["state"]["type"] for r in runs.values()} == {"COMPLETED"}
    artifacts = httpx.post(
        f"{newcomer.api}/artifacts/filter",
        json={"artifacts": {"flow_run_id": {"any_": [flow_run_id]}}},
        timeout=30,
    ).json()
    assert {"ingest-summary", "ingest-failures", "ingest-report"} <= {a["key"] for a in artifacts}

    board = newcomer.newsflow("dashboard")
    assert board.returncode == 0 and "already running" in board.stderr


def test_a_run_that_finds_nothing_new_is_recorded_without_the_flow_engine(newcomer: Newcomer) -> None:
    assert newcomer.newsflow("ingest").returncode == 0
    quiet = newcomer.newsflow("ingest")
    output = quiet.stdout + quiet.stderr
    assert quiet.returncode == 0 and not NOISE.search(output), output
    assert re.search(r"total\W+1\W+0\W+0\W+1\b", output), output  # seen 1, new 0, updated 0, unchanged 1
    con = duckdb.connect(str(newcomer.cwd / "newsflow.duckdb"), read_only=True)
    try:
        (flow_run_id,) = con.execute(  # type: ignore[misc]
            "SELECT flow_run_id FROM runs ORDER BY started_at DESC LIMIT 1"
        ).fetchone()
    finally:
        con.close()
    (run,) = newcomer.flow_runs({"flow_runs": {"id": {"any_": [flow_run_id]}}})
    assert run["state"]["type"] == "COMPLETED" and run["tags"] == ["nothing-new"]
    assert run["start_time"] and run["end_time"] and run["name"].startswith("ingest-")
    tasks = httpx.post(
        f"{newcomer.api}/task_runs/filter",
        json={"flow_runs": {"id": {"any_": [flow_run_id]}}},
        timeout=30,
    ).json()
    assert tasks == []  # recorded through the API: no flow engine, no task runs
    artifacts = httpx.post(
        f"{newcomer.api}/artifacts/filter",
        json={"artifacts": {"flow_run_id": {"any_": [flow_run_id]}}},
        timeout=30,
    ).json()
    by_key = {a["key"]: a for a in artifacts}
    assert set(by_key) == {"ingest-summary", "ingest-failures", "ingest-report"}
    assert '"unchanged": 1' in by_key["ingest-summary"]["data"]

    (newcomer.cwd / "seeds" / "more.txt").write_text("A second report\n\nThe envoy said talks went well.\n")
    busy = newcomer.newsflow("ingest")
    assert busy.returncode == 0, busy.stdout + busy.stderr
    latest = newcomer.flow_runs({"sort": "START_TIME_DESC", "limit": 1})[0]
    assert latest["tags"] == [] and latest["state"]["type"] == "COMPLETED"  # work: the flow engine ran


def test_a_port_taken_by_something_else_is_a_clear_error(newcomer: Newcomer) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", newcomer.port))
        taken.listen()
        done = newcomer.newsflow("ingest", NEWSFLOW_SERVER_START_TIMEOUT="120")
    assert done.returncode == 1
    assert "NEWSFLOW_DASHBOARD_PORT" in done.stderr and "Traceback" not in done.stderr


def test_serve_as_the_readme_says_runs_the_schedule(newcomer: Newcomer) -> None:
    log = newcomer.cwd / "serve.log"
    env = newcomer.env | {"NEWSFLOW_SCHEDULE_CRON": "* * * * *", "PREFECT_RUNNER_POLL_FREQUENCY": "5"}
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [str(BIN / "newsflow"), "serve"],
            cwd=newcomer.cwd,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + 300
        completed: list[dict[str, Any]] = []
        while time.monotonic() < deadline and not completed and proc.poll() is None:
            time.sleep(2)
            try:
                runs = newcomer.flow_runs({"flow_runs": {"state": {"type": {"any_": ["COMPLETED"]}}}})
            except httpx.HTTPError:
                continue
            completed = [r for r in runs if r.get("deployment_id")]
        assert completed, log.read_text(errors="replace")[-3000:]
        (run,) = completed[:1]
        assert run["auto_scheduled"], run  # the server's scheduler made it, not a manual trigger
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(60)
    assert (newcomer.cwd / "newsflow.duckdb").exists()


def test_serve_refuses_without_a_server_that_can_schedule(newcomer: Newcomer) -> None:
    done = newcomer.newsflow("serve", NEWSFLOW_LOCAL_SERVER="false")
    assert done.returncode == 1
    assert "scheduler" in done.stderr and "PREFECT_API_URL" in done.stderr
