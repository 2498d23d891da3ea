"""Against the real thing: `newsflow dashboard` (a Prefect server on loopback), `newsflow ingest` and
`newsflow serve` as subprocesses pointed at it, checked through the REST API and in Chromium."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import duckdb
import httpx
import pytest
from pytest_httpserver import HTTPServer

from newsflow.ops.artifacts import FAILURES_KEY, REPORT_KEY, SUMMARY_KEY
from tests.conftest import ROOT

# One process runs all of them: they share the module's dashboard server (a Prefect server start each),
# stopped once they are done (an idle Prefect server's services keep using CPU).
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("dashboard")]

T = TypeVar("T")
BIN = Path(sys.executable).parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
STAGES = {"triage", "clean", "dedupe", "extract", "write"}


@dataclass
class Dashboard:
    """A running `newsflow dashboard`."""

    url: str  # http://127.0.0.1:PORT
    home: Path  # its PREFECT_HOME
    logs: Path

    @property
    def api(self) -> str:
        return f"{self.url}/api"

    def request(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        """One API call; like Prefect's own client, retry what the server calls temporary (SQLite
        "database is locked" comes back as 503 on a busy machine)."""
        for attempt in range(6):
            r = httpx.request(method, f"{self.api}{path}", json=body, timeout=30)
            if r.status_code not in (429, 502, 503) or attempt == 5:
                break
            time.sleep(0.5 * 2**attempt)
        r.raise_for_status()
        return r.json()

    def get(self, path: str) -> Any:
        return self.request("GET", path)

    def post(self, path: str, body: dict[str, Any]) -> Any:
        return self.request("POST", path, body)


@dataclass
class IngestRun:
    """One `newsflow ingest` run reported to the dashboard."""

    flow_run_id: str
    warehouse: Path
    output: str


def free_port() -> int:
    """A TCP port nobody listens on right now, on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """This environment without Prefect/newsflow settings, plus a private Prefect home and `extra`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "NEWSFLOW_"))}
    env |= {"PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false", **extra}
    return env


def start(command: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    """Start a long-running process in its own process group, output to `log`."""
    with log.open("wb") as out:
        return subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )


def stop(proc: subprocess.Popen[bytes], sig: int = signal.SIGTERM) -> None:
    """Stop a process started by `start`, and its children."""
    if proc.poll() is None:
        os.killpg(proc.pid, sig)
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(10)


def wait_for(what: str, check: Callable[[], T | None], timeout: float, log: Path | None = None) -> T:
    """Poll `check` until it returns something, or fail after `timeout` seconds with the log's tail."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if (value := check()) is not None:
                return value
        except (httpx.HTTPError, OSError):
            pass
        time.sleep(0.5)
    tail = log.read_text(errors="replace")[-3000:] if log and log.exists() else ""
    pytest.fail(f"timed out after {timeout:.0f}s waiting for {what}\n{tail}")


def healthy(url: str) -> bool | None:
    """True once the server answers /api/health."""
    return True if httpx.get(f"{url}/api/health", timeout=5).status_code == 200 else None


@pytest.fixture(scope="module")
def dashboard(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dashboard]:
    """`newsflow dashboard` on a free loopback port, SQLite in a tmp Prefect home; stopped at the end."""
    root = tmp_path_factory.mktemp("dashboard")
    port = free_port()
    board = Dashboard(f"http://127.0.0.1:{port}", root / "prefect-home", root / "server.log")
    proc = start(
        [str(BIN / "newsflow"), "dashboard", "--port", str(port)],
        clean_env(board.home),
        board.logs,
    )
    try:
        wait_for("the Prefect server's /api/health", lambda: healthy(board.url), 180, board.logs)
        yield board
    finally:
        stop(proc)


def run_newsflow(board: Dashboard, args: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    """`newsflow ARGS` in a subprocess, reporting to the dashboard."""
    return subprocess.run(
        [str(BIN / "newsflow"), *args],
        cwd=ROOT,
        env=clean_env(board.home, PREFECT_API_URL=board.api, COLUMNS="1000", **env),
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="module")
def ingest_run(dashboard: Dashboard, tmp_path_factory: pytest.TempPathFactory) -> IngestRun:
    """`newsflow ingest seeds/ inbox/` once, where inbox/ holds two inputs that fail."""
    root = tmp_path_factory.mktemp("ingest")
    inbox = root / "inbox"
    inbox.mkdir()
    (inbox / "empty.txt").write_text("  \n")
    (inbox / "binary.html").write_bytes(b"\x00\x01\x02\x03" * 64)
    warehouse = root / "w.duckdb"
    done = run_newsflow(dashboard, ["ingest", "seeds/", str(inbox)], NEWSFLOW_WAREHOUSE=str(warehouse))
    assert done.returncode == 0, done.stdout + done.stderr
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        (flow_run_id,) = con.execute("SELECT flow_run_id FROM runs").fetchone()  # type: ignore[misc]
    finally:
        con.close()
    return IngestRun(flow_run_id, warehouse, done.stdout + done.stderr)


def artifacts_of(board: Dashboard, flow_run_id: str) -> dict[str, dict[str, Any]]:
    """The flow run's artifacts by key."""
    rows = board.post("/artifacts/filter", {"artifacts": {"flow_run_id": {"any_": [flow_run_id]}}})
    return {a["key"]: a for a in rows}


def test_an_ingest_run_shows_its_state_parameters_tasks_and_logs(
    dashboard: Dashboard, ingest_run: IngestRun
) -> None:
    assert dashboard.get("/admin/settings")["server"]["analytics_enabled"] is False
    run = dashboard.get(f"/flow_runs/{ingest_run.flow_run_id}")
    assert run["state"]["type"] == "COMPLETED"  # two inputs failed; the night did not
    assert run["name"].startswith("ingest-")
    assert run["parameters"]["sources"] == ["seeds/", str(ingest_run.warehouse.parent / "inbox")]
    tasks = dashboard.post("/task_runs/filter", {"flow_runs": {"id": {"any_": [ingest_run.flow_run_id]}}})
    assert {t["name"].rsplit("-", 1)[0] for t in tasks} == STAGES
    assert all(t["state"]["type"] == "COMPLETED" for t in tasks)
    logs = dashboard.post("/logs/filter", {"logs": {"flow_run_id": {"any_": [ingest_run.flow_run_id]}}})
    names = {log["name"] for log in logs}
    assert "newsflow.run" in names  # newsflow's own loggers reach the run's logs
    assert len(logs) < 40  # per batch and per run, no per-article chatter


def test_an_ingest_run_publishes_summary_failures_and_report(
    dashboard: Dashboard, ingest_run: IngestRun
) -> None:
    found = artifacts_of(dashboard, ingest_run.flow_run_id)
    assert set(found) == {SUMMARY_KEY, FAILURES_KEY, REPORT_KEY}
    summary = {row["source"]: row for row in json.loads(found[SUMMARY_KEY]["data"])}
    assert set(summary) == {"seeds", str(ingest_run.warehouse.parent / "inbox")}
    assert (summary["seeds"]["seen"], summary["seeds"]["new"], summary["seeds"]["failed"]) == (1, 1, 0)
    inbox = summary[str(ingest_run.warehouse.parent / "inbox")]
    assert (inbox["seen"], inbox["new"], inbox["failed"]) == (2, 0, 2)
    failures = json.loads(found[FAILURES_KEY]["data"])
    assert {Path(f["locator"]).name for f in failures} == {"empty.txt", "binary.html"}
    assert all(set(f) == {"source", "locator", "stage", "reason"} and f["reason"] for f in failures)
    assert found[REPORT_KEY]["type"] == "markdown"
    assert "## Top entities" in found[REPORT_KEY]["data"]


def final_state(board: Dashboard, flow_run_id: str) -> dict[str, Any] | None:
    """The flow run's state once it is final, else None."""
    state: dict[str, Any] = board.get(f"/flow_runs/{flow_run_id}")["state"]
    return state if state["type"] in ("COMPLETED", "FAILED", "CRASHED", "CANCELLED") else None


def test_serve_registers_the_nightly_schedule_and_runs_what_the_server_asks(
    dashboard: Dashboard, tmp_path: Path
) -> None:
    log = tmp_path / "serve.log"
    env = clean_env(
        dashboard.home,
        PREFECT_API_URL=dashboard.api,
        NEWSFLOW_SCHEDULE_TIMEZONE="Europe/Berlin",
        PREFECT_RUNNER_POLL_FREQUENCY="2",
    )
    proc = start([str(BIN / "newsflow"), "serve"], env, log)
    try:
        deployment = wait_for(
            "the nightly deployment", lambda: dashboard.get("/deployments/name/ingest/nightly"), 120, log
        )
        (schedule,) = deployment["schedules"]
        assert schedule["schedule"]["cron"] == "0 2 * * *"
        assert schedule["schedule"]["timezone"] == "Europe/Berlin"
        assert schedule["active"] and not deployment["paused"]
        reprocess = wait_for(
            "the reprocess deployment",
            lambda: dashboard.get("/deployments/name/reprocess/reprocess"),
            60,
            log,
        )
        assert reprocess["schedules"] == []
        # what the scheduler does at 02:00, now: the serving process must pick it up and run it
        warehouse = tmp_path / "served.duckdb"
        run = dashboard.post(
            f"/deployments/{deployment['id']}/create_flow_run",
            {"parameters": {"sources": ["seeds/"], "warehouse": str(warehouse)}},
        )
        final = wait_for(
            "the deployment's flow run to end", lambda: final_state(dashboard, run["id"]), 180, log
        )
        assert final["type"] == "COMPLETED", final
        assert warehouse.exists()
    finally:
        stop(proc)
    # pause_on_shutdown=False: stopping the server process leaves the nightly schedule active
    deployment = dashboard.get("/deployments/name/ingest/nightly")
    assert not deployment["paused"] and deployment["schedules"][0]["active"]


def test_a_second_run_while_one_holds_the_warehouse_exits_with_a_clear_message(
    dashboard: Dashboard, tmp_path: Path
) -> None:
    from warehouse.db import run_lock

    warehouse = tmp_path / "busy.duckdb"
    with run_lock(warehouse):
        done = run_newsflow(dashboard, ["ingest", "seeds/"], NEWSFLOW_WAREHOUSE=str(warehouse))
    assert done.returncode == 1
    assert "another newsflow run is writing to" in done.stdout + done.stderr
    assert "NEWSFLOW_RUN_LOCK_WAIT_SECONDS" in done.stdout + done.stderr


def chromium_or_skip() -> None:
    """Skip without Chromium, except in CI, where .ci/run installs it and its absence is a failure."""
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("CI must have /usr/bin/chromium (.ci/run installs it)")
        pytest.skip("no /usr/bin/chromium: `apt-get install -y chromium` to run the browser test")


def test_the_dashboard_shows_the_run_in_a_real_browser(
    dashboard: Dashboard, ingest_run: IngestRun, tmp_path: Path
) -> None:
    chromium_or_skip()
    from playwright.sync_api import sync_playwright

    name = dashboard.get(f"/flow_runs/{ingest_run.flow_run_id}")["name"]
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto(f"{dashboard.url}/runs", wait_until="domcontentloaded")
            link = page.get_by_text(name, exact=True).first
            link.wait_for(timeout=60_000)
            page.screenshot(path=tmp_path / "runs.png")
            link.click()
            page.wait_for_url(f"**/runs/flow-run/{ingest_run.flow_run_id}**", timeout=60_000)
            page.get_by_text("Completed").first.wait_for(timeout=60_000)
            page.get_by_text("write", exact=False).first.wait_for(timeout=60_000)
            page.screenshot(path=tmp_path / "run.png")
            page.get_by_text("Artifacts", exact=True).first.click()
            page.get_by_text(SUMMARY_KEY).first.wait_for(timeout=60_000)
            page.screenshot(path=tmp_path / "artifacts.png")
        finally:
            browser.close()
    for shot in ("runs.png", "run.png", "artifacts.png"):
        assert (tmp_path / shot).stat().st_size > 10_000
    if target := os.environ.get("NEWSFLOW_SCREENSHOT_DIR"):  # how docs/dashboard-run.png was made
        shutil.copy(tmp_path / "artifacts.png", Path(target) / "dashboard-run.png")


def test_a_failed_ingest_run_notifies_the_alert_webhook(
    dashboard: Dashboard, httpserver: HTTPServer, tmp_path: Path
) -> None:
    httpserver.expect_request("/hook", method="POST").respond_with_data("ok")
    done = run_newsflow(dashboard, ["alerts"], NEWSFLOW_ALERT_WEBHOOK_URL=httpserver.url_for("/hook"))
    assert done.returncode == 0, done.stdout + done.stderr
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")  # a warehouse under a plain file: nothing can be written, the run fails
    failed = run_newsflow(dashboard, ["ingest", "seeds/"], NEWSFLOW_WAREHOUSE=str(blocker / "w.duckdb"))
    assert failed.returncode != 0
    match = re.search(r"Beginning flow run '([^']+)'", failed.stdout + failed.stderr)
    assert match, failed.stdout + failed.stderr
    name = match.group(1)

    def notified() -> str | None:
        texts = [json.loads(req.get_data())["text"] for req, _ in httpserver.log]
        return next((t for t in texts if name in t), None)

    text = wait_for("the failure notification", notified, 90, dashboard.logs)
    assert "Failed" in text and "/runs/flow-run/" in text


def test_prefect_yaml_deploys_to_a_process_pool_and_a_worker_runs_it(
    dashboard: Dashboard, tmp_path: Path
) -> None:
    prefect = [str(BIN / "prefect"), "--no-prompt"]
    env = clean_env(dashboard.home, PREFECT_API_URL=dashboard.api, PWD=str(ROOT))  # as a shell here

    def run(*args: str) -> str:
        done = subprocess.run(
            [*prefect, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=180
        )
        assert done.returncode == 0, done.stdout + done.stderr
        return done.stdout

    run("work-pool", "create", "newsflow", "--type", "process", "--overwrite")
    run("deploy", "--name", "nightly")
    deployment = dashboard.get("/deployments/name/ingest/nightly")
    assert deployment["work_pool_name"] == "newsflow"
    assert deployment["schedules"][0]["schedule"]["cron"] == "0 2 * * *"
    warehouse = tmp_path / "worker.duckdb"
    flow_run = dashboard.post(
        f"/deployments/{deployment['id']}/create_flow_run",
        {"parameters": {"sources": ["seeds/"], "warehouse": str(warehouse)}},
    )
    run("worker", "start", "--pool", "newsflow", "--run-once")
    assert dashboard.get(f"/flow_runs/{flow_run['id']}")["state"]["type"] == "COMPLETED"
    assert warehouse.exists()
