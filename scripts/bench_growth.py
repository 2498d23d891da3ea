"""Grow a warehouse toward 1,000,000 articles and measure what stays flat (docs/scaling.md).

Replays the extracted rows of a template warehouse (any warehouse `newsflow ingest` wrote, e.g. a
few hundred BBC articles) with new keys, 1,000 articles per batch, through the writer users run:
ledger and duplicate look-ups, then `write_batch` (cross-article linking, replacement, entity
aliases, the search index and the entity aggregates, all in the batch's transaction). The NLP is
not what is measured. At each checkpoint it reports the write time per batch (median of the last
3), peak RSS, size on disk, and the latency (median of 3, fresh read-only connection as
`newsflow sql` opens) of every example query and view in docs/warehouse.md and of the search.

    uv run python scripts/bench_growth.py --template T.duckdb --warehouse /tmp/g.duckdb
    uv run python scripts/bench_growth.py --template T.duckdb --warehouse ducklake:sqlite:/tmp/g.sqlite
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsflow.core.records import InputOutcome  # noqa: E402
from warehouse.db import open_reader, open_writer  # noqa: E402
from warehouse.extensions import load_extensions  # noqa: E402
from warehouse.lake import is_lake, set_data_path  # noqa: E402
from warehouse.ledger import ledger_entries, stored_canonicals, stored_hashes  # noqa: E402
from warehouse.load import write_batch  # noqa: E402
from warehouse.runs import finish_run, start_run  # noqa: E402

ARTICLE_TABLES = (
    "articles", "sections", "paragraphs", "sentences", "mentions", "entity_roles", "claims", "amounts",
)  # fmt: skip
MASK = (1 << 63) - 1

# docs/warehouse.md "Example queries" (verbatim), every view, and the search macros
EXAMPLES = {
    "most-mentioned people": "SELECT name, mentions, articles FROM entity_mentions WHERE type = 'PERSON' "
    "ORDER BY mentions DESC LIMIT 20",
    "what a speaker said": "SELECT a.title, c.kind, c.cue, c.content FROM claims c JOIN entities e "
    "ON e.entity_id = c.speaker_entity_id JOIN articles a USING (article_id) WHERE e.name = 'Tony Blair'",
    "money pledged": "SELECT am.text, am.value_usd, c.content FROM amounts am LEFT JOIN claims c USING "
    "(claim_id) WHERE am.kind = 'money' ORDER BY am.value_usd DESC NULLS LAST LIMIT 100",
    "mentioned with a person, by sentence": "SELECT if(name_a = 'Tony Blair', name_b, name_a) AS other, "
    "sentences FROM entity_cooccurrence_sentence WHERE 'Tony Blair' IN (name_a, name_b) "
    "ORDER BY sentences DESC LIMIT 10",
    "heads of government": "SELECT DISTINCT e.name, r.role, c.name AS of FROM entity_roles r JOIN entities e "
    "USING (entity_id) LEFT JOIN entities c ON c.entity_id = r.of_entity_id "
    "WHERE r.role IN ('Prime Minister', 'President', 'Chancellor')",
    "commitments of a country": "SELECT * FROM commitments_usd WHERE entity_name = 'United Kingdom' "
    "ORDER BY usd_total DESC NULLS LAST",
    "last run's failures": "SELECT source, locator, stage, reason FROM failures "
    "WHERE run_id = (SELECT run_id FROM runs ORDER BY started_at DESC LIMIT 1)",
    "search articles": "SELECT * FROM search_articles('rare earth minerals', lim := 20)",
    "search claims": "SELECT * FROM search_claims('interest rates', lim := 20)",
}
VIEWS = (
    "entity_mentions", "input_status", "duplicates", "entity_mentions_by_article", "entity_mentions_by_day",
    "entity_cooccurrence_sentence", "entity_cooccurrence_article", "top_entities_by_source",
    "who_said_what", "commitments_usd", "statements_about",
)  # fmt: skip


def load_template(path: Path) -> tuple[dict[str, pa.Table], pa.Table]:
    """The template's article-keyed tables and its claim_entities (as Arrow)."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        tables = {t: con.execute(f"SELECT * FROM {t}").to_arrow_table() for t in ARTICLE_TABLES}
        tables["entities"] = con.execute(
            "SELECT entity_id, entity_key, name, type, country_code FROM entities"
        ).to_arrow_table()
        return tables, con.execute("SELECT * FROM claim_entities").to_arrow_table()
    finally:
        con.close()


def _xor(column: pa.ChunkedArray, salt: int) -> pa.Array:
    """New 63-bit ids: the old ones XOR a per-copy salt (nulls stay null)."""
    return pc.bit_wise_and(pc.bit_wise_xor(column, pa.scalar(salt, pa.int64())), pa.scalar(MASK, pa.int64()))


def replay(template: dict[str, pa.Table], claim_entities: pa.Table, copies: int) -> dict[str, pa.Table]:
    """`copies` copies of the template's articles, each with new article, claim and amount ids."""
    parts: dict[str, list[pa.Table]] = {}
    for _ in range(copies):
        salt, tag = random.getrandbits(62) | 1, uuid.uuid4().hex[:12]
        for name, table in template.items():
            if name == "entities":
                continue
            for col in ("article_id", "claim_id", "amount_id"):
                if col in table.column_names:
                    table = table.set_column(table.schema.get_field_index(col), col, _xor(table[col], salt))
            if name == "articles":
                for col in ("locator", "content_hash", "external_id"):
                    tagged = pc.binary_join_element_wise(table[col], tag, "#")
                    table = table.set_column(table.schema.get_field_index(col), col, tagged)
            parts.setdefault(name, []).append(table)
        ce = claim_entities.set_column(0, "claim_id", _xor(claim_entities["claim_id"], salt))
        parts.setdefault("claim_entities", []).append(ce)
    out = {name: pa.concat_tables(ts) for name, ts in parts.items()}
    out["entities"] = template["entities"]
    return out


def write_one(target: str, run_id: str, tables: dict[str, pa.Table]) -> tuple[float, float]:
    """One batch as a run writes it: ledger and duplicate look-ups, then the batch transaction."""
    a = tables["articles"]
    locators, hashes = a["locator"].to_pylist(), a["content_hash"].to_pylist()
    outcomes = [
        InputOutcome(source, loc, ext, "new", raw, ch, aid)
        for source, loc, ext, raw, ch, aid in zip(
            a["source"].to_pylist(), locators, a["external_id"].to_pylist(), a["raw_hash"].to_pylist(),
            hashes, a["article_id"].to_pylist(), strict=True,
        )
    ]  # fmt: skip
    t0, c0 = time.perf_counter(), _cpu()
    with open_writer(Path(target)) as con:
        ledger_entries(con, locators)
        stored_hashes(con, hashes)
        stored_canonicals(con, [u for u in a["canonical_url"].to_pylist() if u])
    with open_writer(Path(target)) as con:
        write_batch(con, run_id, [], outcomes, [], staged=tables)
    return time.perf_counter() - t0, _cpu() - c0


def _cpu() -> float:
    """CPU seconds of this process, all threads (steadier than wall time on a shared machine)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def disk_size(target: str) -> int:
    """Bytes on disk: the file, or the lake's catalog plus its data directory."""
    if not is_lake(target):
        return Path(target).stat().st_size + sum(p.stat().st_size for p in Path(target).parent.glob("*.wal"))
    catalog = Path(target.removeprefix("ducklake:").removeprefix("sqlite:"))
    data = Path(f"{catalog}.files")
    return catalog.stat().st_size + sum(p.stat().st_size for p in data.rglob("*") if p.is_file())


def query_latencies(target: str) -> dict[str, float]:
    """Median of 3 runs, in ms, of every example query and a 50-row read of every view."""
    queries = dict(EXAMPLES) | {f"view {v}": f"SELECT * FROM {v} LIMIT 50" for v in VIEWS}
    out = {}
    with open_reader(Path(target)) as con:
        load_extensions(con, "fts")
        for name, sql in queries.items():
            times = []
            for _ in range(3):
                t0 = time.perf_counter()
                con.execute(sql).fetchall()
                times.append((time.perf_counter() - t0) * 1000)
            out[name] = round(statistics.median(times), 1)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--template", type=Path, required=True, help="a warehouse newsflow ingest wrote")
    ap.add_argument("--warehouse", required=True, help="the file or ducklake: URL to grow (made fresh)")
    ap.add_argument("--checkpoints", default="10000,100000,1000000")
    ap.add_argument("--batch", type=int, default=1000, help="articles per batch")
    ap.add_argument("--time-limit", type=float, default=3600, help="stop growing after this many seconds")
    ap.add_argument("--out", type=Path, help="write the results as JSON here too")
    args = ap.parse_args()

    template, claim_entities = load_template(args.template)
    per_copy = template["articles"].num_rows
    copies = max(1, round(args.batch / per_copy))
    target = args.warehouse
    if is_lake(target):
        set_data_path(target, None)
    checkpoints = sorted(int(c) for c in args.checkpoints.split(","))
    run_id = str(uuid.uuid4())
    with open_writer(Path(target)) as con:
        start_run(con, run_id, "bench_growth", ["bench"], None, None)
    results: list[dict[str, Any]] = []
    stored, started = 0, time.monotonic()
    times: list[float] = []
    cpus: list[float] = []
    print(f"template: {per_copy} articles x {copies} copies per batch", flush=True)
    while checkpoints and time.monotonic() - started < args.time_limit:
        tables = replay(template, claim_entities, copies)
        wall, cpu = write_one(target, run_id, tables)
        times.append(wall)
        cpus.append(cpu)
        stored += tables["articles"].num_rows
        if stored % (10 * copies * per_copy) < copies * per_copy:
            print(f"{stored:>9} articles, last batch {times[-1]:.2f}s wall, {cpus[-1]:.2f}s CPU", flush=True)
        if stored >= checkpoints[0]:
            checkpoints.pop(0)
            row = {
                "articles": stored,
                "write_s_per_batch": round(statistics.median(times[-3:]), 3),
                "write_cpu_s_per_batch": round(statistics.median(cpus[-3:]), 3),
                "articles_per_batch": copies * per_copy,
                "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
                "disk_mib": round(disk_size(target) / 2**20, 1),
                "queries_ms": query_latencies(target),
            }
            results.append(row)
            print(json.dumps(row, indent=1), flush=True)
    with open_writer(Path(target)) as con:
        finish_run(con, run_id, "completed")
    if checkpoints:
        print(f"stopped at {stored} articles (time limit); checkpoints not reached: {checkpoints}")
    if args.out:
        args.out.write_text(json.dumps({"warehouse": target, "results": results}, indent=1))


if __name__ == "__main__":
    main()
