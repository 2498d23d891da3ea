"""Attribution predictions in the scorer's JSONL format: {"doc_id", "attributions": [...]}."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, DocBin

from extractors.claims.attribution import Attribution, find_attributions
from extractors.claims.extract import claim_kind
from extractors.nlp import load_nlp
from newsflow.core.settings import FAST_RULES, FastRule
from newsflow.core.strings import mend_json

Record = dict[str, Any]


def attribution_record(doc: Doc, att: Attribution) -> Record:
    """One attribution as the scorer reads it (content fragments kept for split quotes)."""
    return {
        "source": list(att.source) if att.source else None,
        "cue": list(att.cue) if att.cue else None,
        "content": list(att.content_span),
        "content_frags": [list(f) for f in att.content],
        "type": claim_kind(doc, att)[0],
    }


def doc_predictions(doc: Doc, nlp: Language | None = None) -> list[Record]:
    """All attributions of one parsed doc as scorer records (headline re-parsed with `nlp`)."""
    return [attribution_record(doc, a) for a in find_attributions(doc, nlp)]


def predictions_for(
    texts: Iterable[str],
    model: str,
    batch_size: int = 32,
    cache: Path | None = None,
    fast_rules: tuple[FastRule, ...] = FAST_RULES,
) -> list[list[Record]]:
    """Attribution records for each text, parsed with the pipeline's own `load_nlp` (streamed;
    with `cache`, parses are kept in that DocBin file and reused, see `cached_docs`)."""
    nlp = load_nlp(model, (), fast_rules)
    if cache is None:
        docs: Iterable[Doc] = nlp.pipe(texts, batch_size=batch_size)
    else:
        docs = cached_docs(list(texts), nlp, batch_size, cache)
    return [doc_predictions(doc, nlp) for doc in docs]


def cached_docs(texts: list[str], nlp: Language, batch_size: int, cache: Path) -> list[Doc]:
    """The parses stored in `cache` when it holds exactly these texts; else parsed and stored.

    For rule development: the claim rules rerun in seconds on parses made once."""
    if cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if [doc.text for doc in docs] == texts:
            return docs
    docs = list(nlp.pipe(texts, batch_size=batch_size))
    cache.parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs).to_disk(cache)
    return docs


def read_jsonl(path: Path) -> Iterator[Record]:
    """Records of a JSONL file, skipping blank lines (half a character mended, see `mend_json`: each
    offset into the text stays in place)."""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(mend_json(line))


def prediction_rows(
    records: list[Record],
    model: str,
    batch_size: int = 32,
    cache: Path | None = None,
    fast_rules: tuple[FastRule, ...] = FAST_RULES,
) -> list[Record]:
    """Scorer rows `{"doc_id", "attributions"}` for records with `doc_id` (or `id`) and `text`."""
    preds = predictions_for((r.get("text") or "" for r in records), model, batch_size, cache, fast_rules)
    return [
        {"doc_id": rec.get("doc_id") or rec.get("id"), "attributions": atts}
        for rec, atts in zip(records, preds, strict=True)
    ]


def write_predictions(
    records: list[Record],
    out: Path,
    model: str,
    batch_size: int = 32,
    cache: Path | None = None,
    fast_rules: tuple[FastRule, ...] = FAST_RULES,
) -> int:
    """Run the extractor over each record's `text` and write the scorer's JSONL; returns count."""
    rows = prediction_rows(records, model, batch_size, cache, fast_rules)
    with out.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return len(rows)
