"""The pipeline with its rule components run by lookup (`Settings.spacy_fast_rules`) against the
pipeline as shipped: the same output? how much CPU?

    uv run python scripts/bench_fast_rules.py CORPUS.jsonl [--limit 400] [--chunk 16]

Parses the texts the ingest would parse with both pipelines, interleaved chunk by chunk in one
process (CPU time per component, alternating which pipeline goes first), and checks on every token
that both give the same tag, POS, morphology, dependency, head, entity, sentence start and lemma,
and that `analyse` extracts the same entities, claims and amounts from both parses.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter, defaultdict
from typing import Any


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("corpus")
    ap.add_argument("--limit", type=int, default=400, help="first N articles (0: all)")
    ap.add_argument("--chunk", type=int, default=16, help="articles per timed nlp.pipe call")
    args = ap.parse_args()

    from extractors.cleaning.clean import clean
    from extractors.fast_rules import LemmaMemo
    from extractors.nlp import analyse, load_nlp, nlp_text, skip_reason
    from newsflow.core.settings import Settings
    from sources.local import load_local

    settings = Settings()
    fast_rules = tuple(settings.spacy_fast_rules)
    exclude = tuple(settings.spacy_exclude)
    arts = []
    for item in load_local([args.corpus]):
        if item.document is not None:
            art = clean(item.document)
            if skip_reason(art, settings) is None:
                arts.append(art)
        if args.limit and len(arts) >= args.limit:
            break
    texts = [nlp_text(a, settings.max_nlp_chars) for a in arts]
    full = load_nlp(settings.spacy_model, exclude, ())
    fast = load_nlp(settings.spacy_model, exclude, fast_rules)
    print(f"as shipped: {full.pipe_names}\nfast rules {list(fast_rules)}: {fast.pipe_names}")
    for nlp in (full, fast):  # warm up: first calls allocate
        list(nlp.pipe(texts[: args.chunk], batch_size=settings.nlp_batch_size))

    cpu = {"full": 0.0, "fast": 0.0, "full+analyse": 0.0, "fast+analyse": 0.0}
    steps: dict[str, defaultdict[str, float]] = {"full": defaultdict(float), "fast": defaultdict(float)}
    diffs: Counter[str] = Counter()
    examples: list[str] = []
    tokens = same_extractions = 0
    for k, start in enumerate(range(0, len(texts), args.chunk)):
        chunk, chunk_arts = texts[start : start + args.chunk], arts[start : start + args.chunk]
        parsed: dict[str, list[Any]] = {}
        for name in ("full", "fast") if k % 2 == 0 else ("fast", "full"):
            nlp = full if name == "full" else fast
            t = time.process_time()
            docs = _parse(nlp, chunk, settings.nlp_batch_size, steps[name])
            mid = time.process_time()
            extracted = [analyse(a, d) for a, d in zip(chunk_arts, docs, strict=True)]
            end = time.process_time()
            cpu[name] += mid - t
            cpu[f"{name}+analyse"] += end - t
            parsed[name] = [docs, extracted]
        for a_doc, b_doc in zip(parsed["full"][0], parsed["fast"][0], strict=True):
            for a, b in zip(a_doc, b_doc, strict=True):
                tokens += 1
                for attr, x, y in (
                    ("tag", a.tag_, b.tag_),
                    ("pos", a.pos_, b.pos_),
                    ("morph", str(a.morph), str(b.morph)),
                    ("dep", a.dep_, b.dep_),
                    ("head", a.head.i, b.head.i),
                    ("ent", (a.ent_iob_, a.ent_type_), (b.ent_iob_, b.ent_type_)),
                    ("sent_start", a.is_sent_start, b.is_sent_start),
                    ("lemma", a.lemma_, b.lemma_),
                ):
                    if x != y:
                        diffs[attr] += 1
                        if len(examples) < 10:
                            examples.append(f"{attr}: {a.text!r} {x!r} vs {y!r}")
        same_extractions += sum(x == y for x, y in zip(parsed["full"][1], parsed["fast"][1], strict=True))

    n = len(texts)
    print(f"{n} articles, {tokens} tokens; differing token attributes: {dict(diffs) or 'none'}")
    print(*examples, sep="\n")
    print(f"identical extractions (entities, claims, amounts): {same_extractions} of {n}")
    for name, seconds in cpu.items():
        print(f"CPU ms per article, {name}: {1000 * seconds / n:.1f}")
    memo = fast.get_pipe("newsflow_lemma_memo") if "newsflow_lemma_memo" in fast.pipe_names else None
    if isinstance(memo, LemmaMemo):
        print(f"lemma memo: {len(memo.memo)} distinct (word, POS, morphology)")
    for name, per_step in steps.items():
        print(f"CPU ms per article and component, {name}:")
        for step, seconds in per_step.items():
            print(f"  {step:26s} {1000 * seconds / n:6.2f}")
    print(
        f"as shipped / fast rules: nlp.pipe {cpu['full'] / cpu['fast']:.3f}, "
        f"with analyse {cpu['full+analyse'] / cpu['fast+analyse']:.3f}"
    )


def _parse(nlp: Any, texts: list[str], batch_size: int, steps: defaultdict[str, float]) -> list[Any]:
    """`nlp.pipe` one component at a time, adding each one's CPU seconds to `steps`."""
    t = time.process_time()
    docs = [nlp.make_doc(text) for text in texts]
    steps["tokenizer"] += time.process_time() - t
    for name, component in nlp.pipeline:
        t = time.process_time()
        pipe = getattr(component, "pipe", None)
        docs = list(pipe(docs, batch_size=batch_size)) if pipe else [component(doc) for doc in docs]
        steps[name] += time.process_time() - t
    return docs


if __name__ == "__main__":
    main()
