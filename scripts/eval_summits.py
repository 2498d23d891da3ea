"""Evaluate the whole pipeline on summit reports end to end: ingest, score with the reference scorer.

Usage: uv run python scripts/eval_summits.py DATA_DIR --scorer PATH/score_summits.py
       [--errors] [--check FLOORS.json] [--keep W.duckdb] [--json OUT]

DATA_DIR holds articles.jsonl (one report a line, `id` = the gold key) and gold.json. The articles are
ingested as users ingest them (`run_ingest`, default settings, the same code path as `newsflow ingest`
without the Prefect server) into a temporary warehouse, which the scorer then reads.

--check FLOORS.json fails (exit 1) when a figure falls below its floor; the file maps dotted figure names of
the scorer's JSON to floors, e.g. {"persons.F1": 84.0, "quotes.who_said_what": 78.0, "analyst": 88.0}.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from newsflow.core.settings import Settings
from newsflow.runtime.run import run_ingest


def figure(scores: dict[str, Any], dotted: str) -> float:
    """One figure of the scorer's JSON by its dotted name ("quotes.who_said_what")."""
    value: Any = scores
    for part in dotted.split("."):
        value = value[part]
    return float(value)


def below_floors(scores: dict[str, Any], floors: dict[str, float]) -> list[str]:
    """Every figure under its floor, as a readable line."""
    return [
        f"{name} {figure(scores, name):.1f} < floor {floor:.1f}"
        for name, floor in floors.items()
        if figure(scores, name) < floor
    ]


def main(argv: list[str] | None = None) -> int:
    """Ingest the reports into a fresh warehouse, print the scorer's table, optionally check floors."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("data", type=Path, help="folder holding articles.jsonl and gold.json")
    ap.add_argument("--scorer", type=Path, required=True, help="path to score_summits.py")
    ap.add_argument("--errors", action="store_true", help="also print every miss and wrong answer")
    ap.add_argument("--check", type=Path, default=None, help="JSON of floors; exit 1 when one is missed")
    ap.add_argument("--keep", type=Path, default=None, help="write the warehouse here instead of a temp dir")
    ap.add_argument("--json", type=Path, default=None, help="also write the scorer's figures here")
    args = ap.parse_args(argv)
    articles, gold = args.data / "articles.jsonl", args.data / "gold.json"
    for path in (articles, gold, args.scorer):
        if not path.is_file():
            raise SystemExit(f"not found: {path}")
    with tempfile.TemporaryDirectory(prefix="eval-summits-") as tmp:
        warehouse = args.keep or Path(tmp) / "summits.duckdb"
        if warehouse.exists():
            raise SystemExit(f"{warehouse} exists: give a new path")
        t0 = time.perf_counter()
        run = run_ingest([str(articles)], Settings(warehouse=warehouse))
        took = time.perf_counter() - t0
        print(f"ingested {run['seen']} reports ({run['new']} new) in {took:.1f}s", file=sys.stderr)
        out = args.json or Path(tmp) / "scores.json"
        cmd = [sys.executable, str(args.scorer), "--warehouse", str(warehouse), "--gold", str(gold)]
        cmd += ["--json", str(out)] + (["--errors"] if args.errors else [])
        code = subprocess.call(cmd)
        if code != 0 or args.check is None:
            return code
        misses = below_floors(json.loads(out.read_text()), json.loads(args.check.read_text()))
    for line in misses:
        print(f"FLOOR MISSED: {line}", file=sys.stderr)
    return 1 if misses else 0


if __name__ == "__main__":
    raise SystemExit(main())
