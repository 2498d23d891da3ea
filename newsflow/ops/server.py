"""The local Prefect server that runs report to: started once in the background, then reused.

With no `PREFECT_API_URL`, Prefect would start a temporary server inside every run: ≈ 10 s per run,
it times out while creating its database on a fresh Prefect home, it has no scheduler (a served
schedule never fires) and its runs vanish with it. Instead newsflow starts `prefect server start`
once, detached, on the dashboard address (`NEWSFLOW_DASHBOARD_HOST`/`_PORT`), waits as long as a
first start needs, and points every later run, `newsflow serve` and `newsflow dashboard` at it.

Nothing here imports Prefect: the check costs milliseconds, before any heavy import.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import signal
import subprocess
import sys
import time
import tomllib
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from newsflow.core.errors import OrchestrationError
from newsflow.core.settings import Settings

PID_FILE = "server.pid"  # the name `prefect server stop` reads, so Prefect's own CLI stops it too
LOG_FILE = "newsflow-server.log"
LOCK_FILE = "newsflow-server.lock"
URL_FILE = "newsflow-server.url"  # the API address of the server in PID_FILE


def prefect_home() -> Path:
    """Prefect's home folder: PREFECT_HOME, else ~/.prefect."""
    return Path(os.environ.get("PREFECT_HOME") or "~/.prefect").expanduser()


def configured_api_url() -> str | None:
    """The API URL the user configured: PREFECT_API_URL, else the active Prefect profile's."""
    return configured("PREFECT_API_URL")


def configured(name: str) -> str | None:
    """A Prefect setting the user configured: the environment's, else the active profile's."""
    if value := os.environ.get(name):
        return value
    path = Path(os.environ.get("PREFECT_PROFILES_PATH") or prefect_home() / "profiles.toml").expanduser()
    try:
        profiles = tomllib.loads(path.read_text())
    except (OSError, tomllib.TOMLDecodeError):
        return None
    active = os.environ.get("PREFECT_PROFILE") or profiles.get("active")
    value = profiles.get("profiles", {}).get(active, {}).get(name)
    return str(value) if value else None


def api_url(settings: Settings, port: int | None = None) -> str:
    """The API address of the local server (the dashboard's)."""
    return f"http://{settings.dashboard_host}:{port or settings.dashboard_port}/api"


def healthy(url: str, timeout: float = 2.0) -> bool:
    """True when a Prefect API answers at `url` (its /health says true)."""
    try:
        with urllib.request.urlopen(f"{url.rstrip('/')}/health", timeout=timeout) as response:
            return bool(response.status == 200 and response.read().strip() == b"true")
    except (OSError, urllib.error.URLError, ValueError):
        return False


def server_env(settings: Settings, port: int | None = None) -> dict[str, str]:
    """The server's environment: this one, analytics off, the UI (and links to it) on this server."""
    api = api_url(settings, port)
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    return {
        **env,
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_UI_API_URL": api,
        "PREFECT_UI_URL": api.removesuffix("/api"),
    }


def server_command(settings: Settings, port: int | None = None) -> list[str]:
    """`prefect server start` on the dashboard address, from this environment's Prefect."""
    prefect = shutil.which("prefect", path=str(Path(sys.executable).parent)) or shutil.which("prefect")
    exe = [prefect] if prefect else [sys.executable, "-m", "prefect"]
    host, port = settings.dashboard_host, port or settings.dashboard_port
    return [*exe, "server", "start", "--host", host, "--port", str(port), "--analytics-off"]


def running_pid() -> int | None:
    """The process id of the server newsflow (or `prefect server start --background`) started."""
    try:
        pid = int((prefect_home() / PID_FILE).read_text().strip())
    except (OSError, ValueError):
        return None
    return pid if _alive(pid) else None


Ready = Callable[[], "str | None"]
"""Waits until the server a command will report to answers; returns its API URL (None: temporary)."""


def use_server(settings: Settings, say: Callable[[str], None]) -> str | None:
    """Point this process's Prefect client at a server with a scheduler; return its API URL."""
    return prepare_server(settings, say)()


def prepare_server(settings: Settings, say: Callable[[str], None]) -> Ready:
    """Point this process's Prefect client at a server with a scheduler, starting the local one
    when nothing answers, without waiting for it: the caller imports Prefect meanwhile, then calls
    the returned `Ready`.

    The user's PREFECT_API_URL (or profile) wins; else the local server. With `local_server` off,
    Prefect's temporary server is used, given time to start. Prefect's analytics stay off in this
    process too (no calls out from machines that may have no network).
    """
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    if url := configured_api_url():
        return lambda: url
    if not settings.local_server:
        os.environ.setdefault(
            "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", str(int(settings.server_start_timeout))
        )
        return lambda: None
    os.environ["PREFECT_API_URL"] = api_url(settings)
    return start_local_server(settings, say)


def start_local_server(settings: Settings, say: Callable[[str], None]) -> Callable[[], str]:
    """Start the local server (detached) unless it answers or is starting; return what waits for it."""
    url = api_url(settings)
    if healthy(url):
        return lambda: url
    home = prefect_home()
    home.mkdir(parents=True, exist_ok=True)
    log = home / LOG_FILE
    with _locked(home / LOCK_FILE):  # two runs starting at once start one server
        starting = running_pid() is not None and _read(home / URL_FILE) == url
        proc = None
        if not (starting or healthy(url)):
            say(
                f"starting the local Prefect server on {url.removesuffix('/api')} (the dashboard); "
                "later runs reuse it, `newsflow dashboard --stop` stops it"
            )
            with log.open("ab") as out:
                proc = subprocess.Popen(
                    server_command(settings),
                    env=server_env(settings),
                    stdin=subprocess.DEVNULL,
                    stdout=out,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,  # outlives this run; Ctrl-C here does not stop it
                    cwd=home,
                )
            (home / PID_FILE).write_text(str(proc.pid))
            (home / URL_FILE).write_text(url)
    deadline = time.monotonic() + settings.server_start_timeout

    def ready() -> str:
        while not healthy(url):
            if proc is not None and proc.poll() is not None:
                (home / PID_FILE).unlink(missing_ok=True)
                raise OrchestrationError(
                    f"the local Prefect server on {url} exited at start ({_tail(log)}); set "
                    "NEWSFLOW_DASHBOARD_PORT to a free port, or PREFECT_API_URL to a running server"
                )
            if time.monotonic() > deadline:
                raise OrchestrationError(
                    f"the local Prefect server on {url} did not answer within "
                    f"{settings.server_start_timeout:.0f}s (NEWSFLOW_SERVER_START_TIMEOUT); see {log}"
                )
            time.sleep(0.25)
        return url

    return ready


def _read(path: Path) -> str | None:
    """A small file's text, or None."""
    try:
        return path.read_text().strip()
    except OSError:
        return None


def stop_local_server(timeout: float = 30.0) -> int | None:
    """Stop the server newsflow started; return its pid, or None when none was running."""
    pid = running_pid()
    (prefect_home() / PID_FILE).unlink(missing_ok=True)
    (prefect_home() / URL_FILE).unlink(missing_ok=True)
    if pid is None:
        return None
    _signal(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not _alive(pid):
            return pid
        time.sleep(0.2)
    _signal(pid, signal.SIGKILL)
    return pid


def _signal(pid: int, sig: int) -> None:
    """Signal the server's process group (it leads one when newsflow started it), else the process."""
    try:
        os.killpg(pid, sig)
    except OSError:
        with suppress(OSError):
            os.kill(pid, sig)


def _alive(pid: int) -> bool:
    """True while the process exists and is not a zombie (reaped here when it is our child)."""
    with suppress(ChildProcessError):
        if os.waitpid(pid, os.WNOHANG)[0] == pid:
            return False
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    return True


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    """An exclusive advisory lock on `path` for the block."""
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _tail(log: Path, lines: int = 3) -> str:
    """The last lines of the server's log, on one line."""
    try:
        text = log.read_text(errors="replace").strip().splitlines()
    except OSError:
        return "no log"
    return " | ".join(line.strip() for line in text[-lines:] if line.strip()) or "no output"
