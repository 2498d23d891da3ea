"""Where the time goes: the run's own process (pyinstrument) and a worker's share per spaCy component.

    uv run python scripts/profile_run.py CORPUS.jsonl [--limit 200] [--html profile.html]

Proportions are what matter (the machine is shared): the CPU time of the run's process against its
workers', the stages inside the run's process, and per-article time of each spaCy component plus
the extractors in one worker.
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import tempfile
import time
from pathlib import Path


def worker_split(corpus: str, limit: int) -> list[tuple[str, float]]:
    """ms per article for each spaCy component and for newsflow's own per-article work."""
    from extractors.cleaning.clean import clean
    from extractors.nlp import analyse, load_nlp, nlp_text
    from newsflow.core.settings import Settings
    from sources.local import load_local

    settings = Settings()
    raws = [i.document for i in load_local([corpus]) if i.document is not None][:limit]
    t = time.process_time()
    arts = [clean(raw) for raw in raws]
    cleaning = time.process_time() - t
    nlp = load_nlp(settings.spacy_model, tuple(settings.spacy_exclude), tuple(settings.spacy_fast_rules))
    texts = [nlp_text(a, settings.max_nlp_chars) for a in arts]
    timings: dict[str, float] = {"clean (in the run's process)": cleaning}
    t = time.process_time()
    docs = [nlp.make_doc(x) for x in texts]
    timings["tokenizer"] = time.process_time() - t
    for name, proc in nlp.pipeline:
        t = time.process_time()
        pipe = getattr(proc, "pipe", None)
        docs = list(pipe(docs, batch_size=settings.nlp_batch_size)) if pipe else [proc(d) for d in docs]
        timings[name] = time.process_time() - t
    t = time.process_time()
    for art, doc in zip(arts, docs, strict=True):
        analyse(art, doc)
    timings["newsflow analyse (entities, claims, amounts)"] = time.process_time() - t
    return [(k, 1000 * v / len(arts)) for k, v in timings.items()]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("corpus")
    ap.add_argument("--limit", type=int, default=200)
    ap.add_argument("--n-process", type=int, default=2)
    ap.add_argument("--html", type=Path, default=None)
    args = ap.parse_args()

    from pyinstrument import Profiler

    from newsflow.core.settings import Settings
    from newsflow.runtime.run import run_ingest

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "slice.jsonl"
        with open(args.corpus, encoding="utf-8") as f:
            src.write_text("".join(line for _, line in zip(range(args.limit), f, strict=False)))
        settings = Settings(warehouse=Path(tmp) / "w.duckdb", n_process=args.n_process)
        profiler = Profiler(interval=0.002)
        profiler.start()
        start = time.perf_counter()
        run_ingest([str(src)], settings)
        wall = time.perf_counter() - start
        profiler.stop()
        for child in multiprocessing.active_children():  # the pool's workers exit after the run
            child.join()
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    main_cpu, worker_cpu = me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime
    print(
        f"run of {args.limit} articles: {wall:.1f}s wall; CPU: run process {main_cpu:.1f}s, "
        f"workers {worker_cpu:.1f}s (run process = {main_cpu / (main_cpu + worker_cpu):.0%} of all CPU)"
    )
    print(profiler.output_text(unicode=False, color=False))
    if args.html:
        args.html.write_text(profiler.output_html())
    print("per article in one worker (CPU ms):")
    for name, ms in worker_split(args.corpus, min(args.limit, 100)):
        print(f"  {name:45s} {ms:6.1f}")


if __name__ == "__main__":
    main()
