"""Cost of the cross-outlet links on real articles: the same extracted batches written with and without.

    uv run python scripts/bench_links_corpus.py CORPUS.jsonl [--limit 500] [--runs 3] [--cache FILE]

The corpus is cleaned, deduplicated and extracted once (as the run does, in this process); then its
batches (`batch_size` of the settings) are written with `write_batch` into fresh warehouses, with links
and without, alternating, --runs times. Prints the write time with and without links (medians), the link
step per article, the extraction time per article and the links' share of the whole ingest. --cache
keeps the extracted articles (a pickle) so a second invocation skips spaCy.
"""

from __future__ import annotations

import argparse
import pickle
import statistics
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from newsflow.core.records import CleanArticle, ExtractedArticle
from newsflow.core.settings import Settings


def extracted_articles(corpus: Path, limit: int, settings: Settings) -> tuple[list[ExtractedArticle], float]:
    """The corpus's first `limit` distinct articles, cleaned and extracted, and the seconds that took."""
    from extractors.cleaning.clean import clean
    from extractors.nlp import extract, skip_reason
    from sources.local import load_local

    start = time.perf_counter()
    articles: list[CleanArticle] = []
    seen: set[str] = set()
    for item in load_local([str(corpus)]):
        if item.document is None:
            continue
        art = clean(item.document)
        if art.content_hash in seen or skip_reason(art, settings):
            continue
        seen.add(art.content_hash)
        articles.append(art)
        if len(articles) == limit:
            break
    out = [x for x in extract(articles, settings) if isinstance(x, ExtractedArticle)]
    return out, time.perf_counter() - start


def write_all(path: Path, batches: list[list[ExtractedArticle]], likeness: Any) -> tuple[float, float]:
    """Wall and CPU seconds (this process, all its threads) to write every batch into a new warehouse
    (one transaction each)."""
    from extractors.entities.linking import link_across_articles
    from warehouse.db import open_writer
    from warehouse.load import write_batch
    from warehouse.runs import start_run

    total = cpu = 0.0
    with open_writer(path) as con:
        run_id = str(uuid.uuid4())
        start_run(con, run_id, "ingest", ["bench"], None, None)
        for part in batches:
            t, c = time.perf_counter(), time.process_time()
            write_batch(con, run_id, part, [], [], link=link_across_articles, likeness=likeness)
            total += time.perf_counter() - t
            cpu += time.process_time() - c
    return total, cpu


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--limit", type=int, default=500)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--cache", type=Path, default=None, help="pickle of the extracted articles (reused)")
    a = ap.parse_args()
    settings = Settings(_env_file=None, n_process=1)
    if a.cache and a.cache.exists():
        extracted, extract_seconds = pickle.loads(a.cache.read_bytes())
    else:
        extracted, extract_seconds = extracted_articles(a.corpus, a.limit, settings)
        if a.cache:
            a.cache.write_bytes(pickle.dumps((extracted, extract_seconds)))
    size = settings.batch_size
    batches = [extracted[i : i + size] for i in range(0, len(extracted), size)]
    t = time.perf_counter()
    from extractors.similarity import ReportLikeness

    likeness = ReportLikeness(settings)
    import_seconds = time.perf_counter() - t
    plain, linked = [], []
    with tempfile.TemporaryDirectory(prefix="bench-links-") as tmp:
        for r in range(a.runs):
            plain.append(write_all(Path(tmp) / f"plain{r}.duckdb", batches, None))
            linked.append(write_all(Path(tmp) / f"linked{r}.duckdb", batches, likeness))
    n = len(extracted)
    off, on = (statistics.median(w for w, _ in x) for x in (plain, linked))
    off_cpu, on_cpu = (statistics.median(c for _, c in x) for x in (plain, linked))
    ingest = extract_seconds + off
    print(f"articles {n}, batches of {size}, runs {a.runs}")
    print(f"write without links {off:.2f} s, with links {on:.2f} s (wall, runs: {plain} / {linked})")
    print(f"write CPU without links {off_cpu:.2f} s, with links {on_cpu:.2f} s")
    print(
        f"link step {(on - off) / n * 1000:.2f} ms/article wall, {(on_cpu - off_cpu) / n * 1000:.2f} ms CPU; "
        f"similarity module import {import_seconds * 1000:.0f} ms"
    )
    print(f"clean+extract {extract_seconds / n * 1000:.1f} ms/article (one process, when the cache was made)")
    print(f"links' share of this ingest: +{100 * (on - off) / ingest:.1f}%")


if __name__ == "__main__":
    main()
