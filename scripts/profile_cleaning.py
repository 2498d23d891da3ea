"""Where the HTML cleaner's CPU time goes: parse vs scan vs walks vs metadata, per dev page."""

from __future__ import annotations

import argparse
import contextlib
import importlib
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from eval_cleaning import DATA, shared

from newsflow.core.errors import InputError
from sources.local import load_local

# The modules by name: the package re-exports functions named like its modules (`clean`, ...).
clean_module = importlib.import_module("extractors.cleaning.clean")
html_module = importlib.import_module("extractors.cleaning.html")
tree_module = importlib.import_module("extractors.cleaning.htmltree")
meta_module = importlib.import_module("extractors.cleaning.metadata")

STAGES = (  # (module, function, label): each call's CPU time is added to its label
    (tree_module, "parse_html", "parse: BeautifulSoup + lxml, pruned"),
    (html_module, "page_scan", "scan (made while building; a walk otherwise)"),
    (html_module, "extract_metadata", "metadata (htmldate included)"),
    (meta_module, "htmldate_guess", "  of which htmldate"),
    (html_module, "strip_non_content", "strip non-content and hidden"),
    (html_module, "measure", "statistics: one bottom-up pass"),
    (html_module, "choose_containers", "container choice"),
    (html_module, "collect_blocks", "block walk(s)"),
    (html_module, "filter_blocks", "block filter"),
    (meta_module, "identify_language", "language check"),
    (clean_module, "clean_html", "clean_html in all (teardown included)"),
)


def _timed(module: ModuleType, name: str, label: str, spent: Counter[str]) -> None:
    """Wrap module.name so that its CPU time adds up under `label`."""
    inner: Callable[..., Any] = getattr(module, name)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        """The wrapped call, timed."""
        started = time.process_time()
        try:
            return inner(*args, **kwargs)
        finally:
            spent[label] += time.process_time() - started

    setattr(module, name, wrapper)


def main(argv: list[str] | None = None) -> int:
    """Clean the dev pages a few times and print the best run's CPU time per stage."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("data_dir", type=Path, nargs="?", default=None)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args(argv)
    files = sorted(str(p) for p in ((args.data_dir or shared(DATA)) / "html").glob("*.html.gz"))
    spent: Counter[str] = Counter()
    for module, name, label in STAGES:
        _timed(module, name, label, spent)
    best: tuple[float, dict[str, float]] | None = None
    for _ in range(args.runs):
        spent.clear()
        started = time.process_time()
        for item in load_local(files):
            if item.document is not None:
                with contextlib.suppress(InputError):
                    clean_module.clean(item.document)
        total = time.process_time() - started
        if best is None or total < best[0]:
            best = (total, dict(spent))
    assert best is not None
    total, stages = best
    count = len(files)
    print(
        f"{count} pages, load + decode + clean: {total:.3f} CPU s, {count / total:.1f} pages per CPU s"
        f" (best of {args.runs})"
    )
    for label, seconds in stages.items():
        print(f"  {label:40s} {1000 * seconds / count:6.2f} ms/page  {100 * seconds / total:5.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
