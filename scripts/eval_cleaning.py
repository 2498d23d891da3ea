"""Dev evaluation of the HTML cleaner: clean every page, write {id: text}, run the scorer."""

from __future__ import annotations

import argparse
import contextlib
import json
import subprocess
import sys
import time
from pathlib import Path

from extractors.clean import clean
from extractors.language import detect_language
from newsflow.cli import article_json
from newsflow.errors import InputError
from sources.local import load_local

SCORER = Path("shared/eval/score_article_text.py")
DATA = Path("shared/data/article-text-dev")


def shared(path: Path) -> Path:
    """`../<path>` from the working directory, or from the nearest folder above it that has it."""
    for folder in [Path.cwd(), *Path.cwd().parents]:
        if (folder.parent / path).exists():
            return folder.parent / path
    return Path("..") / path


def predict(data_dir: Path) -> tuple[dict[str, str], float, float]:
    """Clean every DATA_DIR/html/*.html.gz as `newsflow clean --format jsonl` does.

    Returns the texts by page id, and the wall-clock and CPU seconds spent loading, decoding
    and cleaning (CPU time is what a busy shared machine does not distort)."""
    files = sorted(str(p) for p in (data_dir / "html").glob("*.html.gz"))
    _warm_up(files[:1])
    texts: dict[str, str] = {}
    started, cpu_started = time.perf_counter(), time.process_time()
    for item in load_local(files):
        if item.document is None:
            continue
        try:
            obj = article_json(clean(item.document))
        except InputError as exc:
            obj = {"id": item.document.external_id, "text": "", "error": str(exc)}
        texts[str(obj["id"])] = str(obj["text"])
    return texts, time.perf_counter() - started, time.process_time() - cpu_started


def _rate(count: int, seconds: float) -> str:
    """Pages per second, formatted."""
    return f"{count / seconds:.1f}" if seconds > 0 else "inf"


def _warm_up(files: list[str]) -> None:
    """Load the language model and lazy imports (htmldate) once, outside the timed loop."""
    detect_language("warm up the language model once, outside the timed loop")
    from htmldate import find_date  # noqa: F401  (imported lazily by the metadata fallback)

    for item in load_local(files):
        if item.document is not None:
            with contextlib.suppress(InputError):
                clean(item.document)


def main(argv: list[str] | None = None) -> int:
    """Run the cleaner over the dev pages, score it and print the table and the speed."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument(
        "data_dir",
        type=Path,
        nargs="?",
        default=None,
        help="html/*.html.gz and ground-truth.json (default: ../shared/data/article-text-dev)",
    )
    ap.add_argument(
        "--scorer",
        type=Path,
        default=None,
        help="score_article_text.py (default: ../shared/eval/, searched upwards)",
    )
    ap.add_argument(
        "--out",
        type=Path,
        default=Path("out/eval-cleaning.json"),
        help="where the {id: text} predictions go (default: out/eval-cleaning.json)",
    )
    ap.add_argument("--per-page", type=Path, help="per-page TSV from the scorer")
    args = ap.parse_args(argv)
    args.data_dir = args.data_dir or shared(DATA)
    texts, seconds, cpu = predict(args.data_dir)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(texts, ensure_ascii=False, indent=1), encoding="utf-8")
    cmd = [
        sys.executable,
        str(args.scorer or shared(SCORER)),
        str(args.out),
        "--gt",
        str(args.data_dir / "ground-truth.json"),
    ]
    if args.per_page:
        cmd += ["--per-page", str(args.per_page)]
    result = subprocess.run(cmd, check=False)
    print(
        f"{len(texts)} pages, load + decode + clean in one process: "
        f"{_rate(len(texts), seconds)} pages/s wall ({seconds:.2f} s), "
        f"{_rate(len(texts), cpu)} pages per CPU second ({cpu:.2f} s)"
    )
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
