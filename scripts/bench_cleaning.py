"""Cleaning throughput as a user gets it: pages per second of one fresh process.

Each run starts a new Python process that imports the cleaner and cleans every page of both dev
sets as `newsflow clean` does (read, gunzip, decode, clean, detect the language). It reports pages
per second with the process start-up (interpreter, imports, first-use set-up) included and
excluded, and the CPU time; the median of the runs is printed. Run it on a quiet machine (`nice`
other work): wall-clock figures on a shared machine measure the other work too."""

from __future__ import annotations

import argparse
import contextlib
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

from eval_cleaning import DATA, SNIPPET_DATA, shared


def child(dirs: list[Path]) -> None:
    """The measured process: clean every page, print the loop's wall and CPU time as JSON (the
    parent counts the start-up as its own wall time less the loop's)."""
    from extractors.cleaning.clean import clean
    from newsflow.core.errors import InputError
    from sources.local import load_local

    started = time.perf_counter()
    cpu = time.process_time()
    files = [str(p) for d in dirs for p in sorted((d / "html").glob("*.html.gz"))]
    for item in load_local(files):
        if item.document is not None:
            with contextlib.suppress(InputError):
                clean(item.document)
    done = time.perf_counter()
    print(
        json.dumps(
            {
                "pages": len(files),
                "loop": done - started,
                "loop_cpu": time.process_time() - cpu,
            }
        )
    )


def main(argv: list[str] | None = None) -> int:
    """Run the child `--runs` times and print the median figures."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("dirs", type=Path, nargs="*", help="data sets (default: both cleaning dev sets)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    dirs = args.dirs or [shared(DATA), shared(SNIPPET_DATA)]
    if args.child:
        child(dirs)
        return 0
    rows = []
    for _ in range(args.runs):
        started = time.perf_counter()
        out = subprocess.run(
            [sys.executable, __file__, "--child", *map(str, dirs)], check=True, capture_output=True, text=True
        ).stdout
        total = time.perf_counter() - started
        row = json.loads(out.strip().splitlines()[-1])
        row["total"] = total
        rows.append(row)
    pages = rows[0]["pages"]
    total = statistics.median(r["total"] for r in rows)
    loop = statistics.median(r["loop"] for r in rows)
    cpu = statistics.median(r["loop_cpu"] for r in rows)
    print(
        f"{pages} pages, one process, median of {args.runs}: "
        f"{pages / total:.1f} pages/s start-up included ({total:.2f} s, of which start-up "
        f"{total - loop:.2f} s), {pages / loop:.1f} pages/s excluded, {pages / cpu:.1f} pages per CPU s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
