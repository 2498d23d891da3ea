"""The cleaner on both dev sets as it is and under every unseen-site stand-in, in one table.

Each mode is one run of `scripts/eval_cleaning.py` in its own process (the stand-ins patch the
tree builder and the name reader), `--jobs` at a time. `--save FILE` keeps the figures; `--against
FILE` prints each figure's change against saved ones and exits 1 when one fell in any mode: an
F1 of either set or of either snippet half, or more pages missing half their must-haves. That is
the check a cleaning rule passes before it is kept; a run that fails (the cleaner raised on a page)
is reported and fails the check too. `--combined` runs every two stand-ins at once instead (each
pair of FLAGS): a check that no mix of them makes the cleaner raise. `--outside "ARGS"` runs every
mode on the outside pages too (ARGS: `scripts/eval_outside.py`'s folder arguments), and their figures must not
fall either: a stand-in's handling tuned on the dev pages shows there whether it generalises.

    uv run python scripts/eval_standins.py [--save FILE | --against FILE] [--jobs 2]
        [--modes ... | --combined] [--outside "--pairs DIR --page-folders DIR DIR --fixtures DIR"]
"""

from __future__ import annotations

import argparse
import itertools
import json
import shlex
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

EVAL = Path(__file__).with_name("eval_cleaning.py")
OUTSIDE = Path(__file__).with_name("eval_outside.py")
MODES = {  # name: eval_cleaning.py flags
    "as is": [],
    "names": ["--ignore-names"],
    "half0": ["--ignore-names", "half0"],
    "half1": ["--ignore-names", "half1"],
    "plain": ["--plain-tags"],
    "names+plain": ["--ignore-names", "--plain-tags"],
    "div": ["--div-paragraphs"],
    "div+names": ["--div-paragraphs", "--ignore-names"],
    "div+plain": ["--div-paragraphs", "--plain-tags"],
    "div+plain+names": ["--div-paragraphs", "--plain-tags", "--ignore-names"],
    "br": ["--br-paragraphs"],
    "br+names": ["--br-paragraphs", "--ignore-names"],
    "br+div": ["--br-paragraphs", "--div-paragraphs"],
    "br+plain": ["--br-paragraphs", "--plain-tags"],
    "all four": ["--br-paragraphs", "--div-paragraphs", "--plain-tags", "--ignore-names"],
}
# One-flag stand-ins, each run as is and with names ignored ("<name>+names")
PAIRED = {
    "wrap": "--wrap-divs",
    "h1 div": "--div-headlines",
    "lists": "--div-lists",
    "css img": "--css-images",
    "bold": "--bold-subheadings",
    "custom": "--custom-boxes",
    "split": "--split-paragraphs",
    "inserts": "--interstitials",
    "chunks": "--chunked-body",
    "replies": "--reader-comments",
    "live": "--live-report",
    "column": "--teaser-column",
    "links": "--linked-names",
    "unclosed": "--unclosed-story",
    "table": "--table-layout",
    "wrapped p": "--wrapped-paragraphs",
}
for _name, _flag in PAIRED.items():
    MODES[_name] = [_flag]
    MODES[f"{_name}+names"] = [_flag, "--ignore-names"]
# --combined: every two stand-ins at once (the flags of the one-flag modes and of the markup modes)
FLAGS = (*PAIRED.values(), "--ignore-names", "--plain-tags", "--div-paragraphs", "--br-paragraphs")
COMBINED = {" + ".join(pair): list(pair) for pair in itertools.combinations(FLAGS, 2)}
HIGHER = ("articles_f1", "snippets_f1", "snippets_half0_f1", "snippets_half1_f1")  # must not fall
LOWER = ("snippets_lost_pages",)  # must not rise
Figures = dict[str, dict[str, float]]


def run_mode(flags: list[str], folder: Path, outside: list[str]) -> dict[str, float]:
    """One eval_cleaning.py run under `flags`, and one eval_outside.py run over the `outside`
    pages' folders when given; their figures. A run that fails (a page the cleaner raised on)
    raises RuntimeError with the end of its error output."""
    folder.mkdir(parents=True)
    out = folder / "figures.json"
    _run([sys.executable, str(EVAL), *flags, "--out", str(folder), "--figures", str(out)])
    figures: dict[str, float] = json.loads(out.read_text(encoding="utf-8"))
    if outside:
        more = folder / "outside.json"
        _run([sys.executable, str(OUTSIDE), *outside, *flags, "--figures", str(more)])
        figures.update(json.loads(more.read_text(encoding="utf-8")))
    return figures


def _run(command: list[str]) -> None:
    """Run one evaluation; RuntimeError with its last error lines when it fails."""
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError("\n".join(done.stderr.strip().splitlines()[-3:]))


def run_modes(modes: dict[str, list[str]], jobs: int, outside: list[str]) -> tuple[Figures, dict[str, str]]:
    """The figures of every mode in `modes` (name: flags), `jobs` runs at a time, and the error
    of each mode whose run failed."""
    with tempfile.TemporaryDirectory(prefix="eval-standins-") as tmp, ThreadPoolExecutor(jobs) as pool:
        runs = {
            name: pool.submit(run_mode, flags, Path(tmp) / str(i), outside)
            for i, (name, flags) in enumerate(modes.items())
        }
        figures: Figures = {}
        failed: dict[str, str] = {}
        for name, run in runs.items():
            try:
                figures[name] = run.result()
            except RuntimeError as error:
                failed[name] = str(error)
        return figures, failed


def _outside_keys(figures: dict[str, float]) -> list[str]:
    """The outside pages' figures of a mode (see eval_outside.py's --figures), in order."""
    return sorted(key for key in figures if key.startswith("outside "))


def falls(now: Figures, before: Figures) -> list[str]:
    """Each figure that fell (or, for lost pages, rose) against `before`, as a message."""
    found = []
    for mode, figures in now.items():
        old = before.get(mode)
        if old is None:
            continue
        found += [
            f"{mode}: {k} {old[k]:.4f} -> {figures[k]:.4f}"
            for k in (*HIGHER, *_outside_keys(figures))
            if k in old and round(figures[k], 4) < round(old[k], 4)  # (as printed: the scorers give 4 digits)
        ]
        found += [f"{mode}: {k} {old[k]:.0f} -> {figures[k]:.0f}" for k in LOWER if figures[k] > old[k]]
    return found


def table(now: Figures, before: Figures | None) -> str:
    """One row per mode: both sets' F1, the snippet halves and lost pages (with changes)."""

    def cell(mode: str, key: str, digits: int) -> str:
        value = now[mode][key]
        text = f"{value:.{digits}f}"
        old = before.get(mode, {}).get(key) if before else None
        if old is not None and round(old, digits) != round(value, digits):
            text += f" ({value - old:+.{digits}f})"
        return text

    outside = _outside_keys(next(iter(now.values()), {}))
    head = (
        "| mode | articles F1 | P | snippets F1 | half 0 | half 1 | lost pages |"
        + "".join(f" {key} |" for key in outside)
        + "\n"
        + "|---" * (7 + len(outside))
        + "|"
    )
    rows = [
        f"| {mode} | {cell(mode, 'articles_f1', 4)} | {cell(mode, 'articles_precision', 4)} | "
        f"{cell(mode, 'snippets_f1', 4)} | {cell(mode, 'snippets_half0_f1', 4)} | "
        f"{cell(mode, 'snippets_half1_f1', 4)} | {cell(mode, 'snippets_lost_pages', 0)} |"
        + "".join(f" {cell(mode, key, 4)} |" for key in outside)
        for mode in now
    ]
    return "\n".join([head, *rows])


def main(argv: list[str] | None = None) -> int:
    """Run the modes, print the table; save the figures or compare them with saved ones."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--modes", nargs="+", choices=list(MODES), default=list(MODES))
    ap.add_argument(
        "--combined",
        action="store_true",
        help="run every two stand-ins at once instead (a check that no page makes the cleaner raise)",
    )
    ap.add_argument("--jobs", type=int, default=2, help="runs at a time (default 2)")
    ap.add_argument("--save", type=Path, metavar="FILE", help="write the figures of every mode into FILE")
    ap.add_argument("--against", type=Path, metavar="FILE", help="compare with figures saved by --save")
    ap.add_argument(
        "--outside",
        metavar="ARGS",
        default="",
        help="eval_outside.py's folder arguments, in one string: every mode is also run on those pages",
    )
    args = ap.parse_args(argv)
    before: Figures | None = json.loads(args.against.read_text(encoding="utf-8")) if args.against else None
    modes = COMBINED if args.combined else {name: MODES[name] for name in args.modes}
    now, failed = run_modes(modes, args.jobs, shlex.split(args.outside))
    if args.save:
        args.save.write_text(json.dumps(now, indent=1) + "\n", encoding="utf-8")
    print(table(now, before))
    for name, error in failed.items():
        print(f"FAILED: {name}: {error}")
    fell = falls(now, before) if before is not None else []
    for message in fell:
        print(f"FELL: {message}")
    return 1 if fell or failed else 0


if __name__ == "__main__":
    sys.exit(main())
