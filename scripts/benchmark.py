"""End-to-end benchmark of the ingest against bare spaCy, in one run, with the machine noted.

    uv run python scripts/benchmark.py CORPUS.jsonl [--limit N] [--runs 3] [--n-process 2]

Every measurement that involves a run happens in a fresh subprocess (so start-up, spaCy loading and
memory are real); ratios compare numbers measured in the same invocation. Prints a table at the end
and, with --json, the raw numbers.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CHILD = [sys.executable, str(Path(__file__).resolve()), "--child"]


# ---------------------------------------------------------------- children (run in subprocesses)


def child_bare(args: argparse.Namespace) -> dict[str, Any]:
    """Bare nlp.pipe over exactly the texts the ingest parses (same model and processes, every
    component as the model ships it: no `spacy_fast_rules`)."""
    from extractors.cleaning.clean import clean
    from extractors.nlp import load_nlp, nlp_text, skip_reason
    from newsflow.core.settings import Settings
    from sources.local import load_local

    settings = Settings(n_process=args.n_process)
    texts, seen = [], set()
    for item in load_local([args.corpus]):
        if item.document is None:
            continue
        art = clean(item.document)
        if art.content_hash in seen or skip_reason(art, settings):
            continue
        seen.add(art.content_hash)
        texts.append(nlp_text(art, settings.max_nlp_chars))
    nlp = load_nlp(settings.spacy_model, tuple(settings.spacy_exclude), ())  # every component as shipped
    words = sum(len(t.split()) for t in texts)
    before = cpu()
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=settings.nlp_batch_size, n_process=args.n_process):
        pass
    seconds = time.perf_counter() - start
    return {
        "docs": len(texts),
        "words": words,
        "seconds": seconds,
        "pipes": nlp.pipe_names,
        "cpu": {k: v - before[k] for k, v in cpu().items()},
    }


def child_ingest(args: argparse.Namespace) -> dict[str, Any]:
    """run_ingest into a new warehouse (optionally twice: the rerun), timed inside the process."""
    ready = time.perf_counter()
    from newsflow.core.settings import Settings
    from newsflow.runtime.run import run_ingest

    imported = time.perf_counter()
    settings = Settings(
        warehouse=Path(args.warehouse), n_process=args.n_process, staging_dir=args.staging or None
    )
    before = cpu()
    start = time.perf_counter()
    summary = run_ingest([args.corpus], settings)
    seconds = time.perf_counter() - start
    return {
        "seconds": seconds,
        "cpu": {k: v - before[k] for k, v in cpu().items()},
        "import_seconds": imported - ready,
        "spacy_loaded": "spacy" in sys.modules,
        "summary": {k: summary[k] for k in ("seen", "new", "updated", "unchanged", "duplicate", "failed")},
    }


def cpu() -> dict[str, float]:
    """CPU seconds of this process and of its (finished) child processes."""
    import multiprocessing
    import resource

    for child in multiprocessing.active_children():
        child.join()
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"self": me.ru_utime + me.ru_stime, "children": kids.ru_utime + kids.ru_stime}


def child_flow(args: argparse.Namespace) -> dict[str, Any]:
    """The same ingest as a Prefect flow (temporary server started and warmed first, timed apart)."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    os.environ["NEWSFLOW_N_PROCESS"] = str(args.n_process)
    if args.dask:
        os.environ["NEWSFLOW_DASK_ADDRESS"] = args.dask
        os.environ["NEWSFLOW_DASK_WORKERS"] = str(args.n_process)
    t0 = time.perf_counter()
    from prefect import flow

    @flow(name="warm-up")
    def warm() -> None:
        """Nothing: starts the temporary API server."""

    warm()
    server = time.perf_counter() - t0
    from flows.ingest import ingest_for
    from newsflow.core.settings import get_settings

    before = tree_cpu()
    start = time.perf_counter()
    summary = ingest_for(get_settings())(sources=[args.corpus], warehouse=args.warehouse)
    seconds = time.perf_counter() - start
    used = tree_cpu() - before
    return {"seconds": seconds, "server_seconds": server, "new": summary["new"], "tree_cpu": used}


def tree_cpu() -> float:
    """CPU seconds of this process, its finished children and its live descendants (the API server)."""
    import psutil

    done = cpu()
    live = 0.0
    for proc in psutil.Process().children(recursive=True):
        with contextlib.suppress(psutil.Error):
            times = proc.cpu_times()
            live += times.user + times.system
    return done["self"] + done["children"] + live


def child_queries(args: argparse.Namespace) -> dict[str, Any]:
    """Latency of the analysis queries and the Arrow-vs-executemany load rate, on the loaded warehouse."""
    import duckdb
    import pyarrow as pa

    from warehouse.aggregates import refresh_aggregates
    from warehouse.analysis import QUERIES
    from warehouse.extensions import connection_config
    from warehouse.migrate import migrate

    out: dict[str, Any] = {}
    src = duckdb.connect(args.warehouse, read_only=True, config=connection_config())
    mentions = src.sql("SELECT * FROM mentions").to_arrow_table()
    src.close()
    out["load"] = load_rates(pa.concat_tables([mentions] * max(1, 200_000 // max(1, mentions.num_rows))))
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "q.duckdb"
        con = duckdb.connect(str(copy), config=connection_config())
        con.execute(f"ATTACH '{args.warehouse}' AS src (READ_ONLY)")
        con.execute("COPY FROM DATABASE src TO q")
        con.execute("DETACH src")
        out["claims_real"] = con.execute("SELECT count(*) FROM claims").fetchone()[0]  # type: ignore[index]
        if not out["claims_real"]:
            synthesize_claims(con)
        for k in range(1, args.scale):
            replicate(con, k)
        migrate(con)
        t = time.perf_counter()
        refresh_aggregates(con)  # what the end of a run that changed articles does
        out["refresh_ms"] = (time.perf_counter() - t) * 1000
        out["claims"] = con.execute("SELECT count(*) FROM claims").fetchone()[0]  # type: ignore[index]
        out["articles"] = con.execute("SELECT count(*) FROM articles").fetchone()[0]  # type: ignore[index]
        out["mentions"] = con.execute("SELECT count(*) FROM mentions").fetchone()[0]  # type: ignore[index]
        speaker = con.execute(
            "SELECT speaker_entity_id FROM claims WHERE speaker_entity_id IS NOT NULL "
            "GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()
        params = {"speaker": speaker[0] if speaker else 0}
        con.close()
        con = duckdb.connect(str(copy), read_only=True, config=connection_config())
        out["queries"] = {}
        for name, sql in QUERIES.items():
            times = []
            for _ in range(7):
                t = time.perf_counter()
                con.execute(sql, [params["speaker"]] if "?" in sql else []).fetchall()
                times.append(time.perf_counter() - t)
            out["queries"][name] = statistics.median(times[1:]) * 1000
        con.close()
    return out


def load_rates(mentions: Any) -> dict[str, float]:
    """Rows/s loading mentions into a fresh warehouse: Arrow bulk insert vs executemany."""
    import duckdb

    from warehouse.arrow_sql import insert_rows
    from warehouse.extensions import connection_config
    from warehouse.migrate import migrate

    con = duckdb.connect(config=connection_config())
    migrate(con)
    con.execute("BEGIN")
    t = time.perf_counter()
    insert_rows(con, "mentions", mentions)
    arrow = mentions.num_rows / (time.perf_counter() - t)
    con.execute("ROLLBACK")
    rows = mentions.slice(0, min(mentions.num_rows, 5000))
    cols = rows.column_names
    tuples = list(zip(*(rows.column(c).to_pylist() for c in cols), strict=True))
    con.execute("BEGIN")
    t = time.perf_counter()
    con.executemany(f"INSERT INTO mentions ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})", tuples)
    naive = len(tuples) / (time.perf_counter() - t)
    con.execute("ROLLBACK")
    con.close()
    return {"arrow_rows_s": arrow, "executemany_rows_s": naive, "arrow_rows": mentions.num_rows}


def synthesize_claims(con: Any) -> None:
    """Stand-in claims while the claim extractor is a placeholder: one per sentence with a PERSON."""
    con.execute(
        """
        INSERT INTO claims (claim_id, article_id, speaker_entity_id, speaker_text, speaker_start,
                            speaker_end, speaker_kind, cue, content, content_start, content_end, kind,
                            is_direct_quote, negated, sentence_no)
        SELECT hash(m.article_id, m.sentence_no) >> 1, m.article_id, any_value(m.entity_id),
               any_value(m.text), min(m.start_char), min(m.end_char), 'entity', 'said', s.text,
               s.start_char, s.end_char, 'statement', false, false, m.sentence_no
        FROM mentions m JOIN sentences s USING (article_id, sentence_no)
        WHERE m.label = 'PERSON'
        GROUP BY m.article_id, m.sentence_no, s.text, s.start_char, s.end_char
        """
    )


def replicate(con: Any, k: int) -> None:
    """Add copy k of the corpus's articles, sentences, mentions and claims (ids and hashes changed)."""
    for table in ("articles", "sentences", "mentions", "claims"):
        if k == 1:
            con.execute(f"CREATE TEMP TABLE orig_{table} AS SELECT * FROM {table}")
        cols = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()]
        exprs = [
            f"xor({c}, {k << 52}) AS {c}"
            if c in ("article_id", "claim_id")
            else f"{c} || '#{k}' AS {c}"
            if c == "content_hash"
            else c
            for c in cols
        ]
        con.execute(f"INSERT INTO {table} SELECT {', '.join(exprs)} FROM orig_{table}")


CHILDREN = {"bare": child_bare, "ingest": child_ingest, "flow": child_flow, "queries": child_queries}


# ---------------------------------------------------------------- the parent


def run_child(kind: str, **kw: Any) -> tuple[dict[str, Any], float, int]:
    """Run a child benchmark; return its JSON, its wall time and the peak RSS of its process tree."""
    cmd = [*CHILD, kind]
    for key, value in kw.items():
        cmd += [f"--{key.replace('_', '-')}", str(value)]
    out, wall, peak = measure(cmd)
    return json.loads(out.strip().splitlines()[-1]), wall, peak


def measure(cmd: list[str], env: dict[str, str] | None = None, cwd: Path = ROOT) -> tuple[str, float, int]:
    """Run a command; return its stdout, its wall time and the peak RSS of its process tree."""
    import psutil

    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=cwd, env=env)
    peak = [0]

    def sample() -> None:
        try:
            root = psutil.Process(proc.pid)
            while proc.poll() is None:
                total = 0
                for p in [root, *root.children(recursive=True)]:
                    with contextlib.suppress(psutil.Error):
                        total += p.memory_info().rss
                peak[0] = max(peak[0], total)
                time.sleep(0.05)
        except psutil.Error:
            pass

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    wall = time.perf_counter() - start
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"{cmd[:4]} failed ({proc.returncode}):\n{err[-3000:]}")
    return out, wall, peak[0]


class UserCommand:
    """`newsflow ingest` as a user types it: default settings, the local Prefect server (started by
    the first command on a fresh Prefect home, then reused), a new warehouse in a folder of its own."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.home = folder / "prefect-home"
        self.env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "NEWSFLOW_"))}
        self.env |= {"PREFECT_HOME": str(self.home), "NEWSFLOW_DASHBOARD_PORT": str(free_port())}
        self.newsflow = str(Path(sys.executable).parent / "newsflow")

    def ingest(self, source: str, warehouse: str) -> tuple[float, int]:
        """Wall seconds and peak RSS (the command's process tree, not the detached server)."""
        _, wall, peak = measure(
            [self.newsflow, "ingest", source], self.env | {"NEWSFLOW_WAREHOUSE": warehouse}
        )
        return wall, peak

    def stop(self) -> None:
        """Stop the local server the first command started."""
        subprocess.run([self.newsflow, "dashboard", "--stop"], env=self.env, capture_output=True, check=False)


def free_port() -> int:
    """A TCP port nobody listens on right now, on 127.0.0.1."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def slice_corpus(corpus: Path, limit: int | None, folder: Path, name: str) -> str:
    """The first `limit` lines of the corpus as a file of its own (the whole corpus when None)."""
    if limit is None:
        return str(corpus)
    target = folder / name
    with corpus.open(encoding="utf-8") as src, target.open("w", encoding="utf-8") as dst:
        for n, line in enumerate(src):
            if n >= limit:
                break
            dst.write(line)
    return str(target)


def machine() -> str:
    """CPU, cores, memory and load: the context every figure needs."""
    import psutil

    model = (
        next(
            (
                ln.split(":", 1)[1].strip()
                for ln in Path("/proc/cpuinfo").read_text().splitlines()
                if ln.startswith("model name")
            ),
            platform.processor(),
        )
        if Path("/proc/cpuinfo").exists()
        else platform.processor()
    )
    load = os.getloadavg() if hasattr(os, "getloadavg") else (0, 0, 0)
    return (
        f"{model}, {psutil.cpu_count()} cores, {psutil.virtual_memory().total / 2**30:.0f} GiB, "
        f"Python {platform.python_version()}, load {load[0]:.1f}/{load[1]:.1f}/{load[2]:.1f}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--limit", type=int, default=None, help="first N articles only")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--n-process", type=int, default=2)
    ap.add_argument("--slice", type=int, default=200, help="articles of the small run for the RSS ratio")
    ap.add_argument("--prefect", action=argparse.BooleanOptionalAction, default=True)
    ap.add_argument(
        "--user",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="also time `newsflow ingest` as users run it (defaults, local Prefect server)",
    )
    ap.add_argument("--scale", type=int, default=1, help="query latencies over N copies of the corpus")
    ap.add_argument("--dask", action="store_true", help="also time the flow on a local Dask cluster (slice)")
    ap.add_argument("--json", type=Path, default=None, help="also write the raw numbers here")
    ap.add_argument("--from-json", type=Path, default=None, help="only print the table of an earlier --json")
    args = ap.parse_args()
    if args.from_json:
        saved = json.loads(args.from_json.read_text())
        report(args, saved["results"], saved["queries"], saved.get("machine", "(not recorded)"))
        return
    started_on = machine()
    print(f"machine: {started_on}", flush=True)
    keys = ("bare", "ingest", "rerun", "flow", "small", "dask", "user")
    res: dict[str, list[Any]] = {k: [] for k in keys}
    with tempfile.TemporaryDirectory(prefix="newsflow-bench-") as tmp:
        folder = Path(tmp)
        corpus = slice_corpus(args.corpus, args.limit, folder, "corpus.jsonl")
        small = slice_corpus(args.corpus, args.slice, folder, "small.jsonl")
        warehouse = ""
        for r in range(args.runs):
            bare, _, _ = run_child("bare", corpus=corpus, n_process=args.n_process)
            res["bare"].append(bare)
            print(
                f"[{r + 1}] bare spaCy: {bare['docs']} docs in {bare['seconds']:.1f}s, cpu {bare['cpu']}",
                flush=True,
            )
            if args.user:
                res["user"].append(user_runs(folder / f"user{r}", corpus))
                print(f"[{r + 1}] newsflow ingest (defaults): {res['user'][-1]}", flush=True)
            warehouse = str(folder / f"w{r}.duckdb")
            ing, wall, rss = run_child("ingest", corpus=corpus, warehouse=warehouse, n_process=args.n_process)
            ing.update(wall=wall, rss=rss)
            res["ingest"].append(ing)
            print(
                f"[{r + 1}] ingest: {ing['summary']} in {ing['seconds']:.1f}s, "
                f"peak RSS {rss / 2**20:.0f} MiB, cpu {ing['cpu']}",
                flush=True,
            )
            again, wall, _ = run_child("ingest", corpus=corpus, warehouse=warehouse, n_process=args.n_process)
            again.update(wall=wall)
            res["rerun"].append(again)
            print(f"[{r + 1}] rerun: {again['seconds']:.3f}s (process {wall:.2f}s)", flush=True)
            sm, wall, rss = run_child(
                "ingest", corpus=small, warehouse=str(folder / f"s{r}.duckdb"), n_process=args.n_process
            )
            sm.update(wall=wall, rss=rss)
            res["small"].append(sm)
            print(f"[{r + 1}] {args.slice}-article slice: peak RSS {rss / 2**20:.0f} MiB", flush=True)
            if args.prefect:
                env_home = folder / f"prefect{r}"
                os.environ["PREFECT_HOME"] = str(env_home)
                fl, wall, _ = run_child(
                    "flow", corpus=corpus, warehouse=str(folder / f"f{r}.duckdb"), n_process=args.n_process
                )
                res["flow"].append(fl)
                print(
                    f"[{r + 1}] Prefect flow: {fl['seconds']:.1f}s (+ server {fl['server_seconds']:.1f}s)",
                    flush=True,
                )
        if args.dask:
            os.environ["PREFECT_HOME"] = str(folder / "prefect-dask")
            dk, _, _ = run_child(
                "flow",
                corpus=small,
                warehouse=str(folder / "d.duckdb"),
                n_process=args.n_process,
                dask="local",
            )
            res["dask"] = [dk]
            print(
                f"Dask LocalCluster ({args.n_process} workers): {args.slice} articles in {dk['seconds']:.1f}s"
            )
        queries, _, _ = run_child("queries", warehouse=warehouse, scale=args.scale)
    if args.json:
        args.json.write_text(
            json.dumps({"results": res, "queries": queries, "machine": started_on}, indent=2, default=str)
        )
    report(args, res, queries, started_on)


def user_runs(folder: Path, corpus: str) -> dict[str, float]:
    """The README's command on a fresh Prefect home: the seeds (first ever, then into a new warehouse,
    then unchanged), the corpus (first, then unchanged); wall seconds and peak RSS."""
    folder.mkdir()
    user = UserCommand(folder)
    seeds = str(ROOT / "seeds")
    try:
        out: dict[str, float] = {}
        out["seed_first"], _ = user.ingest(seeds, str(folder / "seed1.duckdb"))
        out["seed_new_warehouse"], _ = user.ingest(seeds, str(folder / "seed2.duckdb"))
        out["seed_unchanged"], _ = user.ingest(seeds, str(folder / "seed2.duckdb"))
        out["corpus"], out["corpus_rss"] = user.ingest(corpus, str(folder / "corpus.duckdb"))
        out["corpus_unchanged"], _ = user.ingest(corpus, str(folder / "corpus.duckdb"))
        return out
    finally:
        user.stop()


def report(
    args: argparse.Namespace, res: dict[str, list[Any]], queries: dict[str, Any], started_on: str
) -> None:
    """The table of medians (per-run values in brackets)."""
    med = statistics.median
    bare_aps = med(b["docs"] / b["seconds"] for b in res["bare"])
    bare_wps = med(b["words"] / b["seconds"] for b in res["bare"])
    docs, words = res["bare"][0]["docs"], res["bare"][0]["words"]
    ing_s = med(i["seconds"] for i in res["ingest"])
    ratios = [b["seconds"] / i["seconds"] for b, i in zip(res["bare"], res["ingest"], strict=True)]
    rerun_s = med(r["seconds"] for r in res["rerun"])
    speedups = [i["seconds"] / r["seconds"] for i, r in zip(res["ingest"], res["rerun"], strict=True)]
    bare_cpu = med(1000 * (b["cpu"]["self"] + b["cpu"]["children"]) / docs for b in res["bare"])
    ing_cpu = med(1000 * (i["cpu"]["self"] + i["cpu"]["children"]) / docs for i in res["ingest"])
    startup = med(r["wall"] - r["seconds"] for r in res["rerun"])
    rss_ratio = med(i["rss"] / s["rss"] for i, s in zip(res["ingest"], res["small"], strict=True))
    load = queries["load"]
    speedup = load["arrow_rows_s"] / load["executemany_rows_s"]
    rows = [
        ("machine", f"at start: {started_on}; at end: {machine()}"),
        ("spaCy pipes", ", ".join(res["bare"][0]["pipes"])),
        ("parsed articles (distinct texts)", f"{docs} ({words} words), n_process={args.n_process}"),
        ("bare nlp.pipe", f"{bare_aps:.1f} articles/s, {bare_wps:.0f} words/s"),
        ("end-to-end ingest", f"{docs / ing_s:.1f} articles/s, {words / ing_s:.0f} words/s ({ing_s:.1f}s)"),
        ("ratio ingest / bare (per run)", f"{med(ratios):.2f}  [{', '.join(f'{x:.2f}' for x in ratios)}]"),
        (
            "CPU per article (all processes)",
            f"bare {bare_cpu:.1f} ms, ingest {ing_cpu:.1f} ms → CPU ratio {bare_cpu / ing_cpu:.2f}",
        ),
        (
            "rerun (nothing changed)",
            f"{rerun_s:.3f}s → {med(speedups):.0f}× faster than the first run "
            f"[{', '.join(f'{x:.0f}×' for x in speedups)}]",
        ),
        (
            "process start-up (rerun)",
            f"{startup:.2f}s, spaCy imported: {any(r['spacy_loaded'] for r in res['rerun'])}",
        ),
        (
            "peak RSS full / slice",
            f"{med(i['rss'] for i in res['ingest']) / 2**20:.0f} MiB / "
            f"{med(s['rss'] for s in res['small']) / 2**20:.0f} MiB = {rss_ratio:.2f}",
        ),
        (
            "mentions load",
            f"Arrow {load['arrow_rows_s']:,.0f} rows/s vs executemany "
            f"{load['executemany_rows_s']:,.0f} rows/s = {speedup:.0f}×",
        ),
    ]
    scale = f"{queries['articles']} articles, {queries['mentions']} mentions, {queries['claims']} claims"
    synth = "" if queries["claims_real"] else " (claims synthesized: 1 per PERSON-mention sentence)"
    rows.append(("query data", scale + synth))
    rows.append(
        (
            "aggregates refresh (0030)",
            f"{queries['refresh_ms']:.0f} ms at the end of a run that changed articles",
        )
    )
    for name, ms in queries["queries"].items():
        rows.append((f"query {name}", f"{ms:.1f} ms"))
    if res["flow"]:
        flow_s = med(f["seconds"] for f in res["flow"])
        cpu_over = [
            (f["tree_cpu"] - (i["cpu"]["self"] + i["cpu"]["children"])) / f["tree_cpu"]
            for f, i in zip(res["flow"], res["ingest"], strict=True)
        ]
        over = [
            (f["seconds"] - i["seconds"]) / f["seconds"]
            for f, i in zip(res["flow"], res["ingest"], strict=True)
        ]
        rows.append(
            (
                "Prefect flow",
                f"{flow_s:.1f}s vs run_ingest {ing_s:.1f}s; overhead {med(over):+.1%} "
                f"[{', '.join(f'{x:+.1%}' for x in over)}]; temporary server start "
                f"{med(f['server_seconds'] for f in res['flow']):.1f}s (not included); CPU overhead "
                f"(flow + API server vs run_ingest) {med(cpu_over):+.1%}",
            )
        )
    if res.get("dask"):
        dk, sm = res["dask"][0], med(s["seconds"] for s in res["small"])
        rate = args.slice / dk["seconds"]
        rows.append(
            (
                f"Dask LocalCluster, {args.n_process} workers",
                f"{args.slice} articles in {dk['seconds']:.1f}s = {rate:.1f} articles/s "
                f"({rate / args.n_process:.1f} per worker, incl. worker start-up); "
                f"pool on the same slice {args.slice / sm:.1f} articles/s",
            )
        )
    if res.get("user"):
        user = res["user"]
        u_ratio = [b["seconds"] / u["corpus"] for b, u in zip(res["bare"], user, strict=True)]
        e_ratio = [b["seconds"] / i["seconds"] for b, i in zip(res["bare"], res["ingest"], strict=True)]
        rows[5:5] = [
            (
                "`newsflow ingest` (defaults) / bare",
                f"{med(u_ratio):.2f}  [{', '.join(f'{x:.2f}' for x in u_ratio)}]; engine only "
                f"(run_ingest, n_process={args.n_process}) {med(e_ratio):.2f}",
            ),
            (
                "`newsflow ingest` corpus",
                f"{med(u['corpus'] for u in user):.1f}s wall, peak RSS "
                f"{med(u['corpus_rss'] for u in user) / 2**20:.0f} MiB (engine only: "
                f"{med(i['rss'] for i in res['ingest']) / 2**20:.0f} MiB)",
            ),
            (
                "`newsflow ingest` corpus unchanged",
                f"{med(u['corpus_unchanged'] for u in user):.1f}s wall (server running)",
            ),
            (
                "`newsflow ingest` seeds",
                "first ever (fresh Prefect home, starts the server) "
                f"{med(u['seed_first'] for u in user):.1f}s; "
                f"new warehouse {med(u['seed_new_warehouse'] for u in user):.1f}s; "
                f"unchanged {med(u['seed_unchanged'] for u in user):.1f}s",
            ),
        ]
    width = max(len(k) for k, _ in rows)
    print()
    for key, value in rows:
        print(f"{key.ljust(width)}  {value}")


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        kind = sys.argv[2]
        cp = argparse.ArgumentParser()
        for opt in ("corpus", "warehouse", "staging"):
            cp.add_argument(f"--{opt}", default="")
        cp.add_argument("--n-process", type=int, default=2)
        cp.add_argument("--scale", type=int, default=1)
        cp.add_argument("--dask", default="")
        child_args = cp.parse_args(sys.argv[3:])
        print(json.dumps(CHILDREN[kind](child_args), default=str))
    else:
        main()
