"""The pages two evaluation runs of the cleaner disagree on, page by page.

Run `scripts/eval_cleaning.py --out A --per-page A` before a change (or without a stand-in flag)
and `--out B --per-page B` after it (or with the flag); this lists the article-text pages whose
F1 moved, with precision and recall before and after, and the snippet pages whose must-haves
missed or must-nots kept changed, with the snippets that moved. `--text NAME` prints the line
diff of one page's text (a file name of the snippet set, or the start of an article-text id).

    uv run python scripts/diff_cleaning.py A B [--min 0.002] [--text NAME]
"""

from __future__ import annotations

import argparse
import csv
import difflib
import json
from pathlib import Path

Row = dict[str, str]


def read_tsv(path: Path, key: str) -> dict[str, Row]:
    """A per-page table written by eval_cleaning.py, keyed by its `key` column."""
    with path.open(encoding="utf-8", newline="") as handle:
        return {row[key]: row for row in csv.DictReader(handle, delimiter="\t")}


def article_changes(before: dict[str, Row], after: dict[str, Row], least: float) -> list[str]:
    """One line per article page whose F1 moved by `least` or more, largest fall first."""
    moved = sorted(
        (float(after[page]["f1"]) - float(row["f1"]), page) for page, row in before.items() if page in after
    )
    return [
        f"{delta:+.4f} {page[:16]}  P {before[page]['precision']} -> {after[page]['precision']}"
        f"  R {before[page]['recall']} -> {after[page]['recall']}"
        for delta, page in moved
        if abs(delta) >= least
    ]


def _snippets(row: Row, column: str) -> set[str]:
    return {s for s in row[column].split(" ‖ ") if s}


def snippet_changes(before: dict[str, Row], after: dict[str, Row]) -> list[str]:
    """One line per snippet page whose missed must-haves or kept must-nots changed."""
    lines = []
    for page, row in before.items():
        new = after.get(page)
        if new is None or (row["missed"], row["found"]) == (new["missed"], new["found"]):
            continue
        lost = sorted(_snippets(new, "missed_snippets") - _snippets(row, "missed_snippets"))
        kept = sorted(_snippets(new, "found_snippets") - _snippets(row, "found_snippets"))
        lines.append(
            f"{page[:56]:56} {row['language']:3} missed {row['missed']} -> {new['missed']} of {row['with']},"
            f" kept {row['found']} -> {new['found']} of {row['without']},"
            f" {row['chars']} -> {new['chars']} chars"
            + "".join(f"\n    now missed: {s[:90]}" for s in lost)
            + "".join(f"\n    now kept:   {s[:90]}" for s in kept)
        )
    return lines


def page_text(run: Path, name: str) -> tuple[str, str]:
    """The full key and the text of the page `name` names in a run's predictions."""
    for file in ("snippets.json", "article-text.json"):
        texts: dict[str, str] = json.loads((run / file).read_text(encoding="utf-8"))
        for key, text in texts.items():
            if key == name or key.startswith(name):
                return key, text
    raise SystemExit(f"no page {name!r} in {run}")


def main(argv: list[str] | None = None) -> int:
    """Print what moved between two runs."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("before", type=Path, help="the first run's --out/--per-page folder")
    ap.add_argument("after", type=Path, help="the second run's --out/--per-page folder")
    ap.add_argument("--min", type=float, default=0.002, help="least article F1 change shown (default 0.002)")
    ap.add_argument("--text", metavar="NAME", help="print the line diff of this page's text")
    args = ap.parse_args(argv)
    if args.text:
        key, old = page_text(args.before, args.text)
        _, new = page_text(args.after, key)
        print("\n".join(difflib.unified_diff(old.split("\n"), new.split("\n"), key, key, lineterm="", n=1)))
        return 0
    articles = article_changes(
        read_tsv(args.before / "article-text.tsv", "page_id"),
        read_tsv(args.after / "article-text.tsv", "page_id"),
        args.min,
    )
    snippets = snippet_changes(
        read_tsv(args.before / "snippets.tsv", "file"), read_tsv(args.after / "snippets.tsv", "file")
    )
    print(f"article-text pages whose F1 moved by {args.min} or more: {len(articles)}")
    print("\n".join(articles))
    print(f"snippet pages whose misses or kept must-nots changed: {len(snippets)}")
    print("\n".join(snippets))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
