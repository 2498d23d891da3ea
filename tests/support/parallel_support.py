"""Helpers for the pool and Dask tests: a small input folder and a comparable warehouse snapshot."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb

from tests.conftest import SEED

ROW_TABLES = ("articles", "sentences", "mentions", "entities", "entity_aliases", "paragraphs", "inputs")
_KEYS = {
    "articles": "article_id, content_hash, extraction, word_count",
    "sentences": "article_id, sentence_no, start_char, end_char",
    "mentions": "article_id, entity_id, start_char, end_char, label, sentence_no",
    "entities": "entity_id, entity_key, name, type",
    "entity_aliases": "entity_id, alias, mention_count",
    "paragraphs": "article_id, paragraph_no, kind, start_char, end_char",
    "inputs": "split_part(locator, '/', -1), outcome, article_id",
}


def small_inputs(root: Path, n: int = 8) -> Path:
    """n short reports, the seed article and one exact duplicate: work for several batches."""
    src = root / "inputs"
    src.mkdir()
    shutil.copy(SEED, src / "seed.txt")
    shutil.copy(SEED, src / "seed-copy.txt")
    people = ["Anna Berg", "Carlos Mendes", "Yuki Sato", "Peter Olsen"]
    places = ["Geneva", "Seoul", "Nairobi", "Lima"]
    for i in range(n):
        who, where = people[i % 4], places[(i // 2) % 4]
        (src / f"report_{i:02d}.txt").write_text(
            f"Talks day {i}\n{who} arrived in {where} on Monday for round {i} of the talks. "
            f"Officials from the European Union said the plan was worth ${i + 3} billion, and "
            f"{who} told reporters that {where} would host the next round.\n"
        )
    return src


def snapshot(warehouse: Path) -> dict[str, list[tuple[object, ...]]]:
    """The rows that must not depend on how extraction was scheduled (no timestamps or run ids)."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return {t: con.execute(f"SELECT {_KEYS[t]} FROM {t} ORDER BY ALL").fetchall() for t in ROW_TABLES}
    finally:
        con.close()
