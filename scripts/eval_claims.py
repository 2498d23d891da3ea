"""Evaluate attribution extraction against gold JSONL with the reference scorer.

Usage: uv run python scripts/eval_claims.py DATA_DIR_OR_FILE --scorer PATH/score_attribution.py
       [--out preds.jsonl] [--split dev] [--limit N] [--errors] [--parse-cache DIR]

--parse-cache DIR keeps the spaCy parses in DIR/<gold file>-<model>-<N>.spacy and reuses them while
the texts are the same: a rule change is then scored on train in seconds, not minutes.

--errors adds the error classes, matched one-to-one as the scorer matches: gold missed, no
unmatched prediction overlapping it (quoted / unquoted); boundary misses, a prediction overlaps
but shares under half of the tokens (too long / too short); matched contents with a wrong source;
predictions that overlap no gold, or only a gold matched already.
"""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

from extractors.scorer_io import read_jsonl, write_predictions
from newsflow.core.settings import get_settings


def gold_file(path: Path, split: str) -> Path:
    """The gold JSONL: the path itself, or DIR/<split>.jsonl."""
    return path / f"{split}.jsonl" if path.is_dir() else path


def load_scorer(path: Path) -> ModuleType:
    """The reference scorer as a module, so its own token matching classifies the errors."""
    spec = importlib.util.spec_from_file_location("score_attribution", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load the scorer from {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def doc_errors(sc: ModuleType, gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> Counter[str]:
    """Error classes of one document (see the module docstring)."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            shared = len(g["content_tok"] & p["content_tok"])
            ratio = shared / max(len(g["content_tok"]), len(p["content_tok"]), 1)
            if shared and ratio >= 0.5:
                pairs.append((ratio, gi, pi))
    matched = dict(sc._greedy(pairs))
    used = set(matched.values())
    out: Counter[str] = Counter()
    for gi, g in enumerate(gold):
        if gi in matched:
            p = pred[matched[gi]]
            wrong = g["source_frags"] and not (
                p["source_frags"] and sc._chars_overlap(g["source_frags"], p["source_frags"])
            )
            out["matched, wrong source" if wrong else "matched"] += 1
            continue
        near = [p for pi, p in enumerate(pred) if pi not in used and g["content_tok"] & p["content_tok"]]
        if not near:
            out[f"missed, {'quoted' if g['quoted'] else 'unquoted'}"] += 1
        else:
            best = max(near, key=lambda p: len(g["content_tok"] & p["content_tok"]))
            longer = len(best["content_tok"]) > len(g["content_tok"])
            out[f"boundary, prediction too {'long' if longer else 'short'}"] += 1
    for pi, p in enumerate(pred):
        if pi in used:
            continue
        overlapping = [gi for gi, g in enumerate(gold) if g["content_tok"] & p["content_tok"]]
        if not overlapping:
            out["predicted, no gold overlap"] += 1
        elif all(gi in matched for gi in overlapping):
            out["predicted, overlaps a matched gold only"] += 1
    return out


def print_errors(scorer: Path, gold: Path, pred: Path) -> None:
    """Totals of the error classes over all documents."""
    sc = load_scorer(scorer)
    golds, preds = sc.load_jsonl(str(gold)), sc.load_jsonl(str(pred))
    total: Counter[str] = Counter()
    for doc_id, g in golds.items():
        doc = sc.Doc(g["text"])
        p = preds.get(doc_id, {}).get("attributions", [])
        total.update(doc_errors(sc, sc._prep(g["attributions"], doc), sc._prep(p, doc)))
    print("\nerror classes")
    for name, count in sorted(total.items()):
        print(f"  {name:44} {count}")


def main(argv: list[str] | None = None) -> int:
    """Write predictions for the gold texts, then print the scorer's table."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("data", type=Path, help="gold JSONL file or a directory holding <split>.jsonl")
    ap.add_argument("--scorer", type=Path, required=True, help="path to score_attribution.py")
    ap.add_argument("--split", default="dev")
    ap.add_argument("--out", type=Path, default=Path("predictions.jsonl"))
    ap.add_argument("--model", default=None, help="spaCy model (default: settings)")
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles")
    ap.add_argument("--errors", action="store_true", help="also print the error classes")
    ap.add_argument("--parse-cache", type=Path, default=None, help="folder for reusable parses")
    args = ap.parse_args(argv)
    gold = gold_file(args.data, args.split)
    records = list(read_jsonl(gold))
    if args.limit:
        records = records[: args.limit]
    t0 = time.perf_counter()
    model = args.model or get_settings().spacy_model
    cache = None
    if args.parse_cache is not None:
        cache = args.parse_cache / f"{gold.stem}-{model}-{len(records)}.spacy"
    n = write_predictions(
        records, args.out, model, cache=cache, fast_rules=tuple(get_settings().spacy_fast_rules)
    )
    print(f"{n} articles -> {args.out} in {time.perf_counter() - t0:.1f}s", file=sys.stderr)
    gold_arg = gold
    if args.limit:
        gold_arg = args.out.with_suffix(".gold.jsonl")
        gold_arg.write_text("".join(gold.read_text().splitlines(True)[: args.limit]))
    cmd = [sys.executable, str(args.scorer), "--gold", str(gold_arg), "--pred", str(args.out)]
    code = subprocess.call(cmd)
    if args.errors and code == 0:
        print_errors(args.scorer, gold_arg, args.out)
    return code


if __name__ == "__main__":
    raise SystemExit(main())
