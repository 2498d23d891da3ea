"""Measure newsflow's own analysis after spaCy (entities, claims, amounts) against spaCy itself.

Usage: uv run python scripts/bench_claims.py FILE.jsonl [--limit N] [--repeat R]
       [--parse-cache DIR] [--dump OUT.jsonl]

FILE.jsonl holds one article per line (a news corpus, the summit reports or the attribution gold).
The articles are loaded and cleaned as `newsflow ingest` does, parsed once with the configured model
(`--parse-cache DIR` keeps the parses in DIR and reuses them while the texts are the same), then
`extractors.nlp.analyse` runs over the parsed docs R times. Reported: spaCy CPU ms per article (when
parsed in this run), and the best of R CPU ms per article of `analyse` and of each of its steps.
`--dump` writes every ExtractedArticle (without the article itself) as one JSON line, so two versions
of the extractors can be compared byte for byte on the same parses.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, DocBin

from extractors import nlp as nlp_stage
from extractors.cleaning.clean import clean
from extractors.nlp import analyse, load_nlp, nlp_text, skip_reason
from newsflow.core.records import CleanArticle, ExtractedArticle
from newsflow.core.settings import Settings
from sources.local import load_local

STEPS = ("resolve_entities", "extract_claims", "find_amounts", "_assign_blocks")


def load_articles(path: Path, limit: int, settings: Settings) -> list[CleanArticle]:
    """The file's articles as the ingest cleans them, without those it would not parse."""
    out = []
    for item in load_local([str(path)]):
        if item.document is None:
            continue
        article = clean(item.document)
        if skip_reason(article, settings) is None:
            out.append(article)
        if len(out) == limit:
            break
    return out


def parse(texts: list[str], settings: Settings, cache_dir: Path | None) -> tuple[list[Doc], float | None]:
    """The parsed docs and spaCy's CPU seconds (None when they came from the cache)."""
    nlp = load_nlp(settings.spacy_model, tuple(settings.spacy_exclude))
    digest = hashlib.sha256("\x00".join(texts).encode()).hexdigest()[:16]
    cache = cache_dir / f"{settings.spacy_model}-{len(texts)}-{digest}.spacy" if cache_dir else None
    if cache is not None and cache.is_file():
        return list(DocBin().from_disk(cache).get_docs(nlp.vocab)), None
    t0 = time.process_time()
    docs = list(nlp.pipe(texts, batch_size=settings.nlp_batch_size))
    seconds = time.process_time() - t0
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        DocBin(docs=docs).to_disk(cache)
    return docs, seconds


def timed_steps(totals: dict[str, float]) -> Callable[[], None]:
    """Wrap analyse's steps so each adds its CPU seconds to `totals`; returns the undo."""
    originals = {name: getattr(nlp_stage, name) for name in STEPS}

    def wrap(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            t0 = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                totals[name] += time.process_time() - t0

        return timed

    def undo() -> None:
        for name, fn in originals.items():
            setattr(nlp_stage, name, fn)

    for name, fn in originals.items():
        setattr(nlp_stage, name, wrap(name, fn))
    return undo


def run_once(pairs: list[tuple[CleanArticle, Doc]]) -> tuple[list[ExtractedArticle], dict[str, float]]:
    """One pass of analyse over fresh copies of the docs' per-doc caches; CPU seconds per step."""
    totals: dict[str, float] = defaultdict(float)
    undo = timed_steps(totals)
    out = []
    try:
        for article, doc in pairs:
            doc.user_data.clear()  # what one analyse caches must not help the next repeat
            t0 = time.process_time()
            out.append(analyse(article, doc))
            totals["analyse"] += time.process_time() - t0
    finally:
        undo()
    return out, totals


def record(extracted: ExtractedArticle) -> dict[str, Any]:
    """One article's output as plain data (the article itself only by its locator)."""
    data = dataclasses.asdict(extracted)
    data["article"] = extracted.article.locator
    return data


def main(argv: list[str] | None = None) -> int:
    """Parse once, then time analyse and its steps over the parsed docs."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", type=Path)
    ap.add_argument("--limit", type=int, default=300, help="first N articles (0 = all)")
    ap.add_argument("--repeat", type=int, default=3, help="passes of analyse; the best is reported")
    ap.add_argument("--parse-cache", type=Path, default=None, help="folder for reusable parses")
    ap.add_argument("--dump", type=Path, default=None, help="write every article's output here (JSONL)")
    args = ap.parse_args(argv)
    settings = Settings()
    articles = load_articles(args.data, args.limit or -1, settings)
    docs, spacy_s = parse([nlp_text(a, settings.max_nlp_chars) for a in articles], settings, args.parse_cache)
    pairs = list(zip(articles, docs, strict=True))
    best: dict[str, float] = {}
    outputs: list[ExtractedArticle] = []
    for _ in range(max(1, args.repeat)):
        outputs, totals = run_once(pairs)
        best = {k: min(v, best.get(k, v)) for k, v in totals.items()}
    n = len(pairs)
    print(f"articles={n} tokens={sum(len(d) for d in docs)} claims={sum(len(o.claims) for o in outputs)}")
    if spacy_s is not None:
        print(f"spacy: {1000 * spacy_s / n:.1f} ms CPU/article")
    for name in ("analyse", *STEPS):
        print(f"{name}: {1000 * best.get(name, 0.0) / n:.2f} ms CPU/article (best of {args.repeat})")
    if spacy_s:
        print(f"analyse = {100 * best['analyse'] / spacy_s:.1f}% of spaCy's CPU")
    if args.dump is not None:
        with args.dump.open("w", encoding="utf-8") as f:
            for extracted in outputs:
                f.write(json.dumps(record(extracted), ensure_ascii=False, default=str) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
