"""Evaluate attribution extraction against gold JSONL with the reference scorer.

Usage: uv run python scripts/eval_claims.py DATA_DIR_OR_FILE --scorer PATH/score_attribution.py
       [--out preds.jsonl] [--split dev] [--limit N]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

from extractors.attribution_io import read_jsonl, write_predictions


def gold_file(path: Path, split: str) -> Path:
    """The gold JSONL: the path itself, or DIR/<split>.jsonl."""
    return path / f"{split}.jsonl" if path.is_dir() else path


def main(argv: list[str] | None = None) -> int:
    """Write predictions for the gold texts, then print the scorer's table."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("data", type=Path, help="gold JSONL file or a directory holding <split>.jsonl")
    ap.add_argument("--scorer", type=Path, required=True, help="path to score_attribution.py")
    ap.add_argument("--split", default="dev")
    ap.add_argument("--out", type=Path, default=Path("predictions.jsonl"))
    ap.add_argument("--model", default=None, help="spaCy model (default: settings)")
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles")
    args = ap.parse_args(argv)
    gold = gold_file(args.data, args.split)
    records = list(read_jsonl(gold))
    if args.limit:
        records = records[: args.limit]
    t0 = time.perf_counter()
    n = write_predictions(records, args.out, args.model)
    print(f"{n} articles -> {args.out} in {time.perf_counter() - t0:.1f}s", file=sys.stderr)
    gold_arg = gold
    if args.limit:
        gold_arg = args.out.with_suffix(".gold.jsonl")
        gold_arg.write_text("".join(gold.read_text().splitlines(True)[: args.limit]))
    cmd = [sys.executable, str(args.scorer), "--gold", str(gold_arg), "--pred", str(args.out)]
    return subprocess.call(cmd)


if __name__ == "__main__":
    raise SystemExit(main())
