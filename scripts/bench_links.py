"""Cost of the cross-outlet link step per new article as the warehouse grows (synthetic rows).

    uv run python scripts/bench_links.py [--sizes 1000 10000 100000] [--batch 200] [--runs 3] [--dir DIR]

For each size, a warehouse is filled in bulk with that many synthetic stored articles (random-word
texts, 110 a day: a bigger warehouse is an older one; their LSH band keys, story profiles and stories),
then batches of new articles (a fifth of them copies of stored ones) are written with `write_batch`,
with and without linking. The figure is (write with links - write without) / batch, the median of
--runs batches, and the copy step alone (band-key probes and the candidates' texts). Ratios between
sizes come from one run; the machine is shared.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pyarrow as pa

from extractors.similarity import CopyText, ReportLikeness, band_keys, minhash
from newsflow.core.ids import content_hash, stable_id
from newsflow.core.records import Block, CleanArticle, ExtractedArticle
from newsflow.core.settings import Settings
from warehouse import links
from warehouse.db import open_writer
from warehouse.load import write_batch
from warehouse.runs import start_run

VOCAB = [f"w{i}" for i in range(20_000)]
NOW = datetime(2026, 12, 1, tzinfo=UTC)
DAILY = 110  # stored articles a day: a bigger warehouse is an older one, not a denser one


def _dated_bands(bands: dict[int, int], when: dict[int, datetime]) -> pa.Table:
    """copy_bands rows with their holder's report time, in report order (as the writer appends them)."""
    rows = sorted(bands.items(), key=lambda kv: when[kv[1]])
    return pa.table(
        {
            "band_key": pa.array([k for k, _ in rows], pa.int64()),
            "article_id": pa.array([a for _, a in rows], pa.int64()),
            "reported_at": pa.array([when[a] for _, a in rows], pa.timestamp("us", tz="UTC")),
        }
    )


def text(rng: random.Random, words: int = 120) -> str:
    """A random text with a skewed word distribution, in sentences of 12 words."""
    picked = rng.choices(VOCAB, weights=[1 / (i + 1) for i in range(len(VOCAB))], k=words)
    return " ".join(" ".join(picked[i : i + 12]) + "." for i in range(0, words, 12))


def fill(path: Path, n: int, settings: Settings, rng: random.Random, real: int = 2_000) -> list[str]:
    """Bulk-load n stored articles with their link rows; return the texts new copies are made of.

    The first `real` articles get their real band keys (copies of them must be found); the rest get
    as many random keys, which is all a key probe's cost depends on."""
    weights = np.array([1 / (i + 1) for i in range(len(VOCAB))])
    picks = np.random.default_rng(n).choice(len(VOCAB), size=(n, 120), p=weights / weights.sum())
    texts = [
        " ".join(" ".join(VOCAB[j] for j in row[i : i + 12]) + "." for i in range(0, 120, 12))
        for row in picks
    ]
    ids = [stable_id("bench", i) for i in range(n)]
    when = [NOW - timedelta(days=i / DAILY) for i in range(n)]  # the same articles a day at every size
    stories = [stable_id("story", ids[i - i % 5]) for i in range(n)]  # five reports a story
    keys: list[int] = []
    holders: list[int] = []
    for aid, t in zip(ids[:real], texts[:real], strict=True):
        v = CopyText.of(t, settings.link_shingle_words, settings.link_copy_lead_words)
        for kind, grams in (("lead", v.lead), ("text", v.text)):
            k = band_keys(minhash(grams, settings.link_minhash_perms), settings.link_lsh_bands, kind)
            keys += k
            holders += [aid] * len(k)
    articles = pa.table(
        {
            "article_id": pa.array(ids, pa.int64()),
            "source": ["bench"] * n,
            "external_id": [str(i) for i in range(n)],
            "locator": [f"bench#{i}" for i in range(n)],
            "text": texts,
            "content_hash": [content_hash(t) + str(i) for i, t in enumerate(texts)],
            "extraction": ["ok"] * n,
            "ingested_at": pa.array(when, pa.timestamp("us", tz="UTC")),
            "updated_at": pa.array(when, pa.timestamp("us", tz="UTC")),
            "story_id": pa.array(stories, pa.int64()),
            "outlet": [f"outlet{i % 300}" for i in range(n)],
        }
    )
    terms = pa.table(
        {
            "article_id": pa.array([a for a in ids for _ in range(40)], pa.int64()),
            "term": [f"w:{rng.choice(VOCAB)}" for _ in range(40 * n)],
            "weight": [0.15] * (40 * n),
            "reported_at": pa.array([w for w in when for _ in range(40)], pa.timestamp("us", tz="UTC")),
        }
    )
    per_article = 2 * settings.link_lsh_bands
    keys += [rng.getrandbits(63) for _ in range(per_article * max(0, n - real))]
    holders += [a for a in ids[real:] for _ in range(per_article)]
    bands: dict[int, int] = {}
    for key, holder in zip(keys, holders, strict=True):
        bands.setdefault(key, holder)
    with open_writer(path) as con:
        for name, table in (
            ("articles", articles),
            ("article_terms", terms),
            ("copy_bands", _dated_bands(bands, dict(zip(ids, when, strict=True)))),
        ):
            con.register("rows", table)
            con.execute(f"INSERT INTO {name} BY NAME SELECT * FROM rows")
            con.unregister("rows")
        con.execute(
            "INSERT INTO stories SELECT story_id, NULL, min(ingested_at), max(ingested_at), count(*), "
            "list(DISTINCT outlet), 0 FROM articles GROUP BY story_id"
        )
        con.execute("CHECKPOINT")
    return texts


def batch(rng: random.Random, stored: list[str], size: int, tag: str) -> list[ExtractedArticle]:
    """New articles; every fifth one a stored text with its last sentence changed."""
    out = []
    for i in range(size):
        t = text(rng)
        if i % 5 == 0:
            base = rng.choice(stored[:2_000])
            t = base[: base.rfind(" ", 0, len(base) - 60)] + " " + text(rng, 12)
        art = CleanArticle(
            "bench", f"new#{tag}-{i}", f"{tag}-{i}", f"raw{tag}{i}", t, [Block("paragraph", 0, len(t))]
        )
        art.published_at = NOW
        out.append(ExtractedArticle(art))
    return out


def timed_write(path: Path, extracted: list[ExtractedArticle], likeness: ReportLikeness | None) -> float:
    """Seconds to write one batch (one transaction)."""
    with open_writer(path) as con:
        run_id = str(uuid.uuid4())
        start_run(con, run_id, "ingest", ["bench"], None, None)
        t = time.perf_counter()
        write_batch(con, run_id, extracted, [], [], likeness=likeness)
        return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    ap.add_argument("--batch", type=int, default=200)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--dir", type=Path, default=None)
    a = ap.parse_args()
    settings = Settings(_env_file=None)
    rng = random.Random(17)
    root = a.dir or Path(tempfile.mkdtemp(prefix="bench-links-"))
    copy_step: list[float] = []
    real_copies = links._link_copies

    def clocked(*args, **kwargs):  # type: ignore[no-untyped-def]
        t = time.perf_counter()
        try:
            return real_copies(*args, **kwargs)
        finally:
            copy_step.append(time.perf_counter() - t)

    links._link_copies = clocked  # measure the copy step alone inside the real write
    steps: dict[str, float] = {}
    for name in ("_link_stories", "_link_statements", "refresh_links", "replaced_links"):
        real = getattr(links, name)

        def timer(*args, _real=real, _name=name, **kwargs):  # type: ignore[no-untyped-def]
            t = time.perf_counter()
            try:
                return _real(*args, **kwargs)
            finally:
                steps[_name] = steps.get(_name, 0.0) + time.perf_counter() - t

        setattr(links, name, timer)
    print(f"{'stored':>8} {'link ms/article':>16} {'copy step ms/article':>21} {'copies found':>13}")
    for n in a.sizes:
        path = root / f"w{n}.duckdb"
        stored = fill(path, n, settings, rng)
        linked, plain, copies = [], [], []
        for r in range(a.runs):
            copy_step.clear()
            linked.append(
                timed_write(path, batch(rng, stored, a.batch, f"l{n}-{r}"), ReportLikeness(settings))
            )
            copies.append(copy_step[0])
            plain.append(timed_write(path, batch(rng, stored, a.batch, f"p{n}-{r}"), None))
        with open_writer(path) as con:
            found = con.execute(
                "SELECT count(copy_of) FROM articles WHERE source = 'bench' AND copy_of IS NOT NULL"
            ).fetchall()[0][0]
        extra = (statistics.median(linked) - statistics.median(plain)) / a.batch * 1000
        print(f"{n:>8} {extra:>16.2f} {statistics.median(copies) / a.batch * 1000:>21.2f} {found:>13}")
        print(
            "   other steps, ms/article:",
            {k: round(v / a.runs / a.batch * 1000, 2) for k, v in steps.items()},
        )
        steps.clear()


if __name__ == "__main__":
    main()
