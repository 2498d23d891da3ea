"""The README's first command on a machine where nothing has run, N times in a row.

    uv run python scripts/fresh_runs.py [-n 20]

Each round: a new folder with the seeds, a new PREFECT_HOME, no Prefect server, no PREFECT_API_URL;
`newsflow ingest` (what `uv run newsflow ingest` runs), then a second run into a new warehouse with the
server the first one started, then a third with nothing new, then that server is stopped. Prints per
round: exit codes, wall seconds, and any ERROR/WARNING/Traceback line; at the end how many rounds were clean.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NEWSFLOW = str(Path(sys.executable).parent / "newsflow")
NOISE = re.compile(r"\b(ERROR|WARNING|CRITICAL)\b|Traceback")


def free_port() -> int:
    """A TCP port nobody listens on right now, on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def run(cmd: list[str], cwd: Path, env: dict[str, str]) -> tuple[int, float, str]:
    """Exit code, wall seconds and output of a command."""
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    return done.returncode, time.perf_counter() - start, done.stdout + done.stderr


def round_(folder: Path) -> tuple[bool, str]:
    """One fresh machine: first run, second run, unchanged run; True when all were clean."""
    work = folder / "work"
    shutil.copytree(ROOT / "seeds", work / "seeds")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "NEWSFLOW_"))}
    env |= {"PREFECT_HOME": str(folder / "prefect-home"), "NEWSFLOW_DASHBOARD_PORT": str(free_port())}
    try:
        rc1, t1, out1 = run([NEWSFLOW, "ingest"], work, env)
        rc2, t2, out2 = run([NEWSFLOW, "ingest"], work, env | {"NEWSFLOW_WAREHOUSE": "second.duckdb"})
        rc3, t3, out3 = run([NEWSFLOW, "ingest"], work, env | {"NEWSFLOW_WAREHOUSE": "second.duckdb"})
    finally:
        subprocess.run([NEWSFLOW, "dashboard", "--stop"], cwd=work, env=env, capture_output=True, check=False)
    noise = [ln for ln in (out1 + out2 + out3).splitlines() if NOISE.search(ln)]
    ok = rc1 == rc2 == rc3 == 0 and not noise
    line = (
        f"first: exit {rc1} in {t1:.1f}s; second (new warehouse): exit {rc2} in {t2:.1f}s; "
        f"unchanged: exit {rc3} in {t3:.1f}s"
    )
    return ok, line + "".join(f"\n    {ln}" for ln in noise[:5])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=20)
    args = ap.parse_args()
    clean = 0
    for i in range(1, args.n + 1):
        with tempfile.TemporaryDirectory(prefix="newsflow-fresh-") as tmp:
            ok, line = round_(Path(tmp))
        clean += ok
        print(f"[{i}/{args.n}] {'clean' if ok else 'NOT CLEAN'}: {line}", flush=True)
    print(f"{clean} of {args.n} first runs on a fresh Prefect home were clean", flush=True)


if __name__ == "__main__":
    main()
