"""Grow a warehouse to 1,000,000 articles and measure what stays flat (docs/scaling.md, "Growth").

The template is any warehouse `newsflow ingest` wrote (e.g. 1,000 BBC articles). Copy k of it is the
template's rows with every id re-keyed (`hash(id, k)`), locators and content hashes tagged `#k`, and
every time shifted by k days (so 1,000 articles a day): a million articles is 1,000 copies.

Between checkpoints the warehouse is filled in bulk inside DuckDB (INSERT ... SELECT from the
attached template, one transaction per chunk of copies), with every derived table as the writer
would have left it: the search index, story profiles (article_terms), fingerprints (copy_bands),
stories, statements and merges are copied re-keyed, and the sums (entity_stats, entity_aliases,
entity_pairs, term_stats) grow by the template's own sums times the copies added. Filled copies
count as distinct reports (their fingerprints and stories are re-keyed), as a real warehouse of
distinct articles would hold them.

At each checkpoint a fresh process writes the next copies through the real writer, the same call
`newsflow ingest` makes for a batch (ledger and duplicate look-ups, then `write_batch` with the
cross-article linker and the copy/story/statement links, the index and the aggregates in the
batch's transaction); their letters are enciphered per copy (same offsets, new words), so each is
new reporting on the same entities and not a copy of stored text. It reports the write time per
batch (median), its peak RSS, the size on disk, and the latency (median of 3, warm) of every
documented example query (README, docs/warehouse.md), `newsflow search`, and a 50-row read of
every view. The NLP is not measured.

    nice -n 19 uv run python scripts/bench_growth.py --template T.duckdb --warehouse /tmp/g.duckdb \
        --markdown growth.md
    nice -n 19 uv run python scripts/bench_growth.py --template T.duckdb \
        --warehouse ducklake:/tmp/lake/g.ducklake --checkpoints 10000,100000
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import statistics
import string
import subprocess
import sys
import time
import uuid
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsflow.core.records import InputOutcome  # noqa: E402
from warehouse.db import open_reader, open_writer  # noqa: E402
from warehouse.extensions import load_extensions  # noqa: E402
from warehouse.lake import is_lake, set_data_path  # noqa: E402
from warehouse.postings import compact_postings  # noqa: E402
from warehouse.search import search  # noqa: E402

# rows hanging off one article (what a batch writes) and what the fill copies besides
ARTICLE_TABLES = (
    "articles", "sections", "paragraphs", "sentences", "mentions", "entity_roles", "claims",
    "claim_entities", "amounts",
)  # fmt: skip
DERIVED_TABLES = (
    "search_postings", "search_docs", "article_terms", "copy_bands", "stories", "story_merges",
    "statements", "inputs", "article_entities",
)  # fmt: skip
SUMS = {  # pre-aggregated table -> (keys, counts): sums over articles, so copies add multiples
    "entity_stats": (("entity_id",), ("mentions", "articles")),
    "entity_aliases": (("entity_id", "alias"), ("mention_count",)),
    "entity_pairs": (("entity_id_a", "entity_id_b"), ("sentences", "articles")),
    "term_stats": (("term",), ("articles",)),
    "search_stats": (("kind",), ("docs", "length")),
    "entity_days": (("day", "entity_id"), ("mentions", "articles")),
    "entity_sources": (("source", "entity_id"), ("mentions", "articles")),
    "entity_article_pairs": (("entity_id_a", "entity_id_b"), ("articles",)),
}
IDS = {
    "article_id", "claim_id", "amount_id", "story_id", "statement_id", "copy_of", "first_article_id",
    "into_story_id", "doc_id", "band_key",
}  # fmt: skip
TIMES = {
    "published_at", "modified_at", "ingested_at", "updated_at", "reported_at", "first_report_at",
    "last_report_at", "merged_at", "first_seen", "last_seen", "article_published_at",
}  # fmt: skip
TAGGED = {"locator", "content_hash", "external_id"}
ENCIPHERED = {("articles", "title"), ("articles", "text"), ("sentences", "text"), ("claims", "content")}


def copy_select(con: duckdb.DuckDBPyConnection, table: str, k: str, cipher: str | None = None) -> str:
    """SELECT list of copy `k` (an SQL expression) of the template's `table` (attached as `t`)."""
    exprs = []
    for (col,) in con.execute(
        "SELECT column_name FROM duckdb_columns() WHERE database_name = 't' AND table_name = ? "
        "ORDER BY column_index",
        [table],
    ).fetchall():
        q = f'"{col}"'
        if col in IDS:
            e = f"CASE WHEN {k} = 0 OR {q} IS NULL THEN {q} ELSE (hash({q}, {k}) >> 1)::BIGINT END"
        elif col in TIMES:
            e = f"{q} + to_days(({k})::INTEGER)"
        elif col in TAGGED:
            e = f"CASE WHEN {k} = 0 THEN {q} ELSE {q} || '#' || {k} END"
        elif (table, col) == ("search_postings", "run"):
            e = "0"  # the copies land in the tail, as a batch's postings do
        elif cipher and (table, col) in ENCIPHERED:
            e = f"translate({q}, '{string.ascii_lowercase}', '{cipher}')"
        else:
            e = q
        exprs.append(f"{e} AS {q}")
    return ", ".join(exprs)


def attach_template(con: duckdb.DuckDBPyConnection, template: Path) -> None:
    """Attach the template read-only as `t`."""
    con.execute(f"ATTACH '{template}' AS t (READ_ONLY)")


def fill(target: str, template: Path, first: int, last: int, chunk: int = 50) -> None:
    """Copies first..last-1 of the template, in bulk, one transaction per `chunk` copies."""
    k0 = first
    while k0 < last:
        k1 = min(last, k0 + chunk)
        with open_writer(Path(target)) as con:
            con.execute("SET memory_limit = '6GB'")
            attach_template(con, template)
            con.execute("BEGIN")
            for table in (*ARTICLE_TABLES, *DERIVED_TABLES):
                con.execute(
                    f"INSERT INTO {table} BY NAME SELECT {copy_select(con, table, 'r.k')} "
                    f"FROM range({k0}, {k1}) r(k), t.{table} ORDER BY r.k"
                )
            for table, (keys, counts) in SUMS.items():
                shifted = ", ".join(f"d.{c} + r.k::INTEGER AS {c}" if c == "day" else f"d.{c}" for c in keys)
                added = ", ".join(f"sum(d.{c}) AS {c}" for c in counts)
                on = " AND ".join(f"w.{c} = d.{c}" for c in keys)
                sums = ", ".join(f"coalesce(w.{c}, 0) + d.{c} AS {c}" for c in counts)
                con.execute(
                    f"CREATE OR REPLACE TEMP TABLE fill_sums AS SELECT {', '.join(f'd.{c}' for c in keys)}, "
                    f"{sums} FROM (SELECT {shifted}, {added} FROM range({k0}, {k1}) r(k), t.{table} d "
                    f"GROUP BY ALL) d LEFT JOIN {table} w ON {on}"
                )
                con.execute(f"DELETE FROM {table} w USING fill_sums d WHERE {on}")
                con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM fill_sums")
                con.execute("DROP TABLE temp.fill_sums")
            compact_postings(con)  # sorted runs of postings, as the writer keeps them
            con.execute("COMMIT")
            con.execute("DETACH t")
        print(f"  filled copies {k0}..{k1 - 1}", flush=True)
        k0 = k1


def replay(template: Path, k: int) -> dict[str, pa.Table]:
    """Copy k of the template's article rows as Arrow tables (as a worker would stage them), its
    letters enciphered so that its words are new."""
    cipher = "".join(random.Random(k).sample(string.ascii_lowercase, 26))
    con = duckdb.connect()
    try:
        attach_template(con, template)
        out = {
            table: con.execute(
                f"SELECT {copy_select(con, table, str(k), cipher)} FROM t.{table}"
            ).to_arrow_table()
            for table in ARTICLE_TABLES
        }
        out["entities"] = con.execute(
            "SELECT entity_id, entity_key, name, type, country_code FROM t.entities"
        ).to_arrow_table()
        return out
    finally:
        con.close()


def write_one(
    target: str, run_id: str, tables: dict[str, pa.Table], spent: dict[str, float] | None = None
) -> tuple[float, float]:
    """One batch as `newsflow ingest` writes it (newsflow.runtime.stages): the ledger and duplicate
    look-ups, then write_batch with the linker and the link decisions. Wall and CPU seconds."""
    from extractors.entities.linking import link_across_articles
    from extractors.similarity import ReportLikeness
    from newsflow.core.settings import Settings
    from newsflow.runtime.stages import open_warehouse
    from warehouse.ledger import ledger_entries, stored_canonicals, stored_hashes
    from warehouse.load import write_batch

    a = tables["articles"]
    locators, hashes = a["locator"].to_pylist(), a["content_hash"].to_pylist()
    outcomes = [
        InputOutcome(source, loc, ext, "new", raw, ch, aid)
        for source, loc, ext, raw, ch, aid in zip(
            a["source"].to_pylist(), locators, a["external_id"].to_pylist(), a["raw_hash"].to_pylist(),
            hashes, a["article_id"].to_pylist(), strict=True,
        )
    ]  # fmt: skip
    settings = Settings(warehouse=Path(target))
    likeness = ReportLikeness(settings)
    t0, c0 = time.perf_counter(), _cpu()
    with open_warehouse(settings) as con:  # as the run opens it: NEWSFLOW_WRITER_MEMORY_LIMIT applies
        ledger_entries(con, locators)
        stored_hashes(con, hashes)
        stored_canonicals(con, [u for u in a["canonical_url"].to_pylist() if u])
    with open_warehouse(settings) as con:
        writer: Any = con if spent is None else Timed(con, spent)
        write_batch(
            writer, run_id, [], outcomes, [], staged=tables, link=link_across_articles, likeness=likeness
        )
    return time.perf_counter() - t0, _cpu() - c0


class Timed:
    """A connection that adds up the wall time of each statement (by its first 90 characters)."""

    def __init__(self, con: duckdb.DuckDBPyConnection, spent: dict[str, float]) -> None:
        self._con, self.spent = con, spent

    def execute(self, sql: str, *args: Any) -> Any:
        t0 = time.perf_counter()
        self._con.execute(sql, *args)
        key = " ".join(sql.split())[:90]
        self.spent[key] = self.spent.get(key, 0.0) + time.perf_counter() - t0
        return self

    def fetchall(self) -> Any:
        return self._con.fetchall()

    def fetchone(self) -> Any:
        return self._con.fetchone()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._con, name)


def seed_word_counts(target: str, tables: dict[str, pa.Table]) -> None:
    """Give the enciphered batch's profile words the document counts its plain words have (the
    template's count times the copies stored), as new reporting in a real warehouse uses words as
    common as the stored ones. Without it every enciphered word, down to its 'the', would look rare
    (IDF growing with the warehouse) and the batch's story profiles, hence its stories, would grow
    with the warehouse for a reason a real warehouse does not have. Not timed."""
    from collections import Counter

    from extractors.similarity import ReportLikeness
    from newsflow.core.settings import Settings

    likeness = ReportLikeness(Settings())
    a = tables["articles"]
    counts: Counter[str] = Counter()
    for title, text in zip(a["title"].to_pylist(), a["text"].to_pylist(), strict=True):
        counts.update(set(likeness.report_terms(title or "", likeness.copy_view(text))))
    with open_writer(Path(target)) as con:
        stored = int(con.execute("SELECT count(*) FROM articles").fetchone()[0])  # type: ignore[index]
        scale = max(1, round(stored / a.num_rows))
        delta = pa.table(
            {"term": list(counts), "n": pa.array([n * scale for n in counts.values()], pa.int32())}
        )
        con.register("seed_delta", delta)
        con.execute("BEGIN")
        con.execute(
            "CREATE TEMP TABLE seed_sums AS SELECT d.term, "
            "(coalesce(t.articles, 0) + d.n)::INTEGER AS articles "
            "FROM seed_delta d LEFT JOIN term_stats t USING (term)"
        )
        con.execute("DELETE FROM term_stats t USING seed_sums d WHERE t.term = d.term")
        con.execute("INSERT INTO term_stats SELECT term, articles FROM seed_sums")
        con.execute("COMMIT")


def _peak_rss_mib() -> float:
    """Peak RSS of this process since it started, in MiB. Linux's VmHWM, not ru_maxrss: a child keeps
    the ru_maxrss of the process it was forked from (here the bulk fill's, ≈ 4.7 GB at 1M articles),
    so the measuring process would report the fill's peak as its own."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu() -> float:
    """CPU seconds of this process, all threads (steadier than wall time on a shared machine)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def examples(template: Path) -> dict[str, Any]:
    """Every documented example, with the template's commonest names in place of the docs' ones (the
    heaviest case: most rows match)."""
    con = duckdb.connect(str(template), read_only=True)
    try:

        def top(sql: str) -> Any:
            row = con.execute(sql).fetchone()
            return row[0] if row else None

        person = top(
            "SELECT e.name FROM entity_stats s JOIN entities e USING (entity_id) WHERE e.type = 'PERSON' "
            "ORDER BY s.mentions DESC LIMIT 1"
        )
        country = top(
            "SELECT e.name FROM entity_stats s JOIN entities e USING (entity_id) WHERE e.type = 'COUNTRY' "
            "ORDER BY s.mentions DESC LIMIT 1"
        )
        speaker = top(
            "SELECT e.name FROM claims c JOIN entities e ON e.entity_id = c.speaker_entity_id "
            "GROUP BY e.name ORDER BY count(*) DESC LIMIT 1"
        )
        story = top("SELECT story_id FROM stories ORDER BY articles DESC LIMIT 1")
    finally:
        con.close()
    views = (
        "entity_mentions", "input_status", "duplicates", "entity_mentions_by_article",
        "entity_mentions_by_day", "entity_cooccurrence_sentence", "entity_cooccurrence_article",
        "top_entities_by_source", "who_said_what", "commitments_usd", "statements_about",
        "story_statements", "speaker_statements", "story_outlets", "story_ids",
    )  # fmt: skip
    p, c, s = (str(x).replace("'", "''") for x in (person, country, speaker))
    queries: dict[str, Any] = {
        # README
        "README top entities": "SELECT name, type, mentions FROM entity_mentions "
        "ORDER BY mentions DESC LIMIT 10",
        "README who_said_what LIMIT 5": "SELECT * FROM who_said_what LIMIT 5",
        "README newsflow search --since --limit 10": ("rare earth minerals", False, date(2026, 1, 1), 10),
        "README newsflow search --claims": ("defence spending", True, None, 20),
        # docs/warehouse.md, full-text search
        "search_articles": "SELECT * FROM search_articles('rare earth minerals')",
        "search_articles since, lim 5": "SELECT * FROM search_articles('tariffs', "
        "since := DATE '2026-01-01', lim := 5)",
        "search_claims": "SELECT * FROM search_claims('defence spending')",
        "search_scores": "SELECT doc_id, score FROM search_scores('rare earth', 'article')",
        # docs/warehouse.md, example queries
        "most-mentioned people": "SELECT name, mentions, articles FROM entity_mentions WHERE type = 'PERSON' "
        "ORDER BY mentions DESC LIMIT 20",
        "what a speaker said": "SELECT article_title, kind, cue, content FROM who_said_what "
        f"WHERE speaker = '{s}' ORDER BY article_published_at DESC LIMIT 20",
        "money pledged": "SELECT text, value_usd, claim_content FROM amounts WHERE kind = 'money' "
        "ORDER BY value_usd DESC NULLS LAST LIMIT 20",
        "mentioned with a person, by sentence": f"SELECT if(name_a = '{p}', name_b, name_a) AS other, "
        f"sentences FROM entity_cooccurrence_sentence WHERE '{p}' IN (name_a, name_b) "
        "ORDER BY sentences DESC LIMIT 10",
        "heads of government": "SELECT DISTINCT e.name, r.role, c.name AS of FROM entity_roles r "
        "JOIN entities e USING (entity_id) LEFT JOIN entities c ON c.entity_id = r.of_entity_id "
        "WHERE r.role IN ('Prime Minister', 'President', 'Chancellor')",
        "commitments of a country": f"SELECT * FROM commitments_usd WHERE entity_name = '{c}' "
        "ORDER BY usd_total DESC NULLS LAST",
        "statements of a story": "SELECT speaker, text, outlets, independent, first_outlet "
        f"FROM story_statements WHERE story_id = {int(story or 0)} AND rank <= 10 ORDER BY rank",
        "statements of a speaker": "SELECT text, first_report_at, first_outlet, first_url, outlets, "
        f"independent FROM speaker_statements WHERE speaker = '{s}' ORDER BY outlets DESC LIMIT 20",
        "stories by reports": "SELECT title, articles, n_outlets, copies, independent FROM story_outlets "
        "ORDER BY articles DESC LIMIT 20",
        "articles about a topic": "SELECT title, published_at, snippet FROM "
        "search_articles('rare earth minerals', lim := 10)",
        "last run's failures": "SELECT source, locator, stage, reason FROM failures "
        "WHERE run_id = (SELECT run_id FROM runs ORDER BY started_at DESC LIMIT 1)",
    }
    return queries | {f"view {v}": f"SELECT * FROM {v} LIMIT 50" for v in views}


def query_latencies(target: str, queries: dict[str, Any]) -> dict[str, float]:
    """Median of 3 warm runs, in ms, of each query (a tuple is a `newsflow search` call)."""
    out = {}
    with open_reader(Path(target)) as con:
        load_extensions(con, "fts")
        for name, q in queries.items():
            times: list[float] = []
            for i in range(4):  # the first run warms the cache
                t0 = time.perf_counter()
                if isinstance(q, tuple):
                    search(con, q[0], claims=q[1], since=q[2], limit=q[3])
                else:
                    con.execute(q).fetchall()
                if i:
                    times.append((time.perf_counter() - t0) * 1000)
                if times and times[0] > 5000:
                    break  # far over any target: one warm run says enough
            out[name] = round(statistics.median(times), 1)
    return out


def disk_size(target: str) -> int:
    """Bytes on disk: the file (and its WAL), or the lake's catalog plus its data directory."""
    if not is_lake(target):
        return sum(p.stat().st_size for p in Path(target).parent.glob(Path(target).name + "*"))
    catalog = Path(target.removeprefix("ducklake:").removeprefix("sqlite:"))
    data = Path(f"{catalog}.files")
    return catalog.stat().st_size + sum(p.stat().st_size for p in data.rglob("*") if p.is_file())


def measure(template: Path, target: str, first: int, batches: int) -> dict[str, Any]:
    """Write copies first.. through the writer, then time the queries (run in a fresh process)."""
    if is_lake(target):
        set_data_path(target, None)
    run_id = str(uuid.uuid4())
    from warehouse.runs import finish_run, start_run

    with open_writer(Path(target)) as con:
        start_run(con, run_id, "bench_growth", ["bench"], None, None)
    walls, cpus = [], []
    spent: dict[str, float] = {}
    for k in range(first, first + batches):
        tables = replay(template, k)
        seed_word_counts(target, tables)
        wall, cpu = write_one(target, run_id, tables, spent)
        walls.append(wall)
        cpus.append(cpu)
        print(f"  batch {k}: {wall:.2f} s wall, {cpu:.2f} s CPU", file=sys.stderr, flush=True)
    with open_writer(Path(target)) as con:
        finish_run(con, run_id, "completed")
    rss = _peak_rss_mib()
    with open_reader(Path(target)) as con:
        articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]  # type: ignore[index]
    return {
        "articles": articles,
        "write_s_per_batch": round(statistics.median(walls), 3),
        "write_cpu_s_per_batch": round(statistics.median(cpus), 3),
        "write_s_all": [round(w, 2) for w in walls],
        "writer_peak_rss_mib": round(rss),
        "disk_mib": round(disk_size(target) / 2**20, 1),
        "queries_ms": query_latencies(target, examples(template)),
        "reader_peak_rss_mib": round(_peak_rss_mib()),
        "slowest_statements_s_per_batch": {
            sql: round(t / batches, 3) for sql, t in sorted(spent.items(), key=lambda x: -x[1])[:12]
        },
    }


def markdown(target: str, results: list[dict[str, Any]]) -> str:
    """The results as a markdown table (one column per checkpoint)."""
    head = "| | " + " | ".join(f"{r['articles']:,} articles" for r in results) + " |"
    lines = [f"Warehouse: `{target}`", "", head, "|---" * (len(results) + 1) + "|"]

    def row(label: str, values: list[Any]) -> None:
        lines.append(f"| {label} | " + " | ".join(str(v) for v in values) + " |")

    row("write s/batch (median, wall)", [r["write_s_per_batch"] for r in results])
    row("write CPU s/batch (median)", [r["write_cpu_s_per_batch"] for r in results])
    row("peak RSS MiB (writer)", [r["writer_peak_rss_mib"] for r in results])
    row("peak RSS MiB (writer + queries)", [r["reader_peak_rss_mib"] for r in results])
    row("fill process peak RSS MiB", [r.get("fill_peak_rss_mib", "") for r in results])
    row("on disk MiB", [r["disk_mib"] for r in results])
    row("bulk fill s (since last checkpoint)", [r.get("fill_s", "") for r in results])
    for name in results[0]["queries_ms"]:
        row(f"{name} (ms)", [r["queries_ms"].get(name, "") for r in results])
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--template", type=Path, required=True, help="a warehouse newsflow ingest wrote")
    ap.add_argument("--warehouse", required=True, help="the file or ducklake: URL to grow (made fresh)")
    ap.add_argument("--checkpoints", default="10000,100000,1000000")
    ap.add_argument(
        "--batches", type=int, default=3, help="batches written through the writer per checkpoint"
    )
    ap.add_argument("--chunk", type=int, default=50, help="template copies per bulk-fill transaction")
    ap.add_argument("--json", type=Path, help="write the results as JSON here too")
    ap.add_argument("--markdown", type=Path, help="write the table as markdown here too")
    ap.add_argument("--resume", action="store_true", help="grow the existing warehouse (made by this script)")
    ap.add_argument("--measure-from", type=int, help=argparse.SUPPRESS)  # internal: the measuring process
    args = ap.parse_args()
    target = args.warehouse
    if args.measure_from is not None:
        print(json.dumps(measure(args.template, target, args.measure_from, args.batches)))
        return
    if is_lake(target):
        set_data_path(target, None)
    if args.resume:
        pass
    elif is_lake(target):
        catalog = Path(target.removeprefix("ducklake:").removeprefix("sqlite:"))
        for p in (catalog, Path(f"{catalog}.files")):
            shutil.rmtree(p) if p.is_dir() else p.unlink(missing_ok=True)
    else:
        for p in Path(target).parent.glob(Path(target).name + "*"):
            p.unlink()
    with open_writer(args.template):
        pass  # the template at the current schema (new tables filled from its rows by their migration)
    with duckdb.connect(str(args.template), read_only=True) as con:
        per_copy = int(con.execute("SELECT count(*) FROM articles").fetchone()[0])  # type: ignore[index]
    print(f"template: {per_copy} articles per copy (one batch)", flush=True)
    results: list[dict[str, Any]] = []
    copies = 0
    if args.resume:
        with open_reader(Path(target)) as con:
            copies = -(-int(con.execute("SELECT count(*) FROM articles").fetchone()[0]) // per_copy)  # type: ignore[index]
    for checkpoint in sorted(int(c) for c in args.checkpoints.split(",")):
        upto = max(copies, -(-checkpoint // per_copy) - args.batches)
        started = time.perf_counter()
        fill(target, args.template, copies, upto, args.chunk)
        fill_s = time.perf_counter() - started
        proc = subprocess.run(
            [sys.executable, __file__, "--template", str(args.template), "--warehouse", target,
             "--batches", str(args.batches), "--measure-from", str(upto)],
            check=True, stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        copies = upto + args.batches
        row = json.loads(proc.stdout.splitlines()[-1])
        row["fill_s"] = round(fill_s)
        row["fill_peak_rss_mib"] = round(_peak_rss_mib())
        results.append(row)
        print(json.dumps(row, indent=1), flush=True)
        if args.json:
            args.json.write_text(json.dumps({"warehouse": target, "results": results}, indent=1))
        if args.markdown:
            args.markdown.write_text(markdown(target, results))
    print(markdown(target, results))


if __name__ == "__main__":
    main()
