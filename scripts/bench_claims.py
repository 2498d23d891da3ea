"""Measure the claim stage's cost relative to spaCy on the same articles.

Usage: uv run python scripts/bench_claims.py FILE.jsonl [--limit N] [--repeat R]
FILE.jsonl holds one object per line with a "text" field (a news corpus or the gold data).
Reports spaCy seconds (nlp.pipe, parse only), claim-stage seconds (extract_claims +
find_amounts, best of R repeats over the parsed docs) and the overhead in percent.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from extractors.amounts import find_amounts
from extractors.claims.extract import extract_claims
from extractors.entities.resolve import resolve_entities
from extractors.nlp import load_nlp
from extractors.scorer_io import read_jsonl
from newsflow.core.records import CleanArticle
from newsflow.core.settings import get_settings


def article_for(text: str) -> CleanArticle:
    """A bare CleanArticle for a text (no blocks: offsets equal the text's)."""
    return CleanArticle(
        source="bench", locator="bench", external_id="bench", raw_hash="", text=text, blocks=[]
    )


def main(argv: list[str] | None = None) -> int:
    """Parse the texts once, then time the claim stage over the parsed docs."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("data", type=Path)
    ap.add_argument("--limit", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    texts = [r["text"] for r in read_jsonl(args.data)][: args.limit]
    nlp = load_nlp(get_settings().spacy_model)
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=32))
    spacy_s = time.perf_counter() - t0
    articles = [article_for(t) for t in texts]
    inputs = [(d, a, *resolve_entities(d, a)[:2]) for d, a in zip(docs, articles, strict=True)]
    best = float("inf")
    n_claims = 0
    for _ in range(args.repeat):
        t1 = time.perf_counter()
        n_claims = 0
        for doc, article, entities, mentions in inputs:
            claims, _links = extract_claims(doc, article, entities, mentions)
            find_amounts(doc, claims)
            n_claims += len(claims)
        best = min(best, time.perf_counter() - t1)
    words = sum(len(d) for d in docs)
    print(f"articles={len(texts)} tokens={words} claims={n_claims}")
    print(f"spacy_s={spacy_s:.2f} ({len(texts) / spacy_s:.1f} articles/s)")
    print(f"claims_s={best:.3f} ({1000 * best / len(texts):.2f} ms/article)")
    print(f"overhead={100 * best / spacy_s:.1f}% of spaCy time")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
