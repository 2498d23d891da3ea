"""What keeping the search index current costs per 1,000 new articles: incremental vs rebuild.

On a copy of a warehouse (e.g. one scripts/bench_growth.py grew), times, each inside a transaction
that is rolled back: adding 1,000 articles' postings to the index as every write batch does
(`index_articles`), rebuilding newsflow's whole index (`rebuild_index`), and, for comparison, the
fts extension's own `PRAGMA create_fts_index` over the same articles (which can only be rebuilt).

    uv run python scripts/bench_search_index.py /tmp/grow.duckdb
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import duckdb  # noqa: E402
import pyarrow as pa  # noqa: E402

from warehouse.db import connect  # noqa: E402
from warehouse.extensions import load_extensions  # noqa: E402
from warehouse.search import index_articles, index_listed, unindex_articles  # noqa: E402


def timed(con: duckdb.DuckDBPyConnection, action: object, runs: int) -> float:
    """Median seconds of `action(con)` over `runs` runs, each rolled back."""
    times = []
    for _ in range(runs):
        con.execute("BEGIN")
        t0 = time.perf_counter()
        action(con)  # type: ignore[operator]
        times.append(time.perf_counter() - t0)
        con.execute("ROLLBACK")
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("warehouse", type=Path)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "w.duckdb"
        shutil.copy(args.warehouse, copy)
        con = connect(copy)
        load_extensions(con, "fts")
        n = con.execute("SELECT count(*) FROM articles").fetchone()[0]  # type: ignore[index]
        ids = [r[0] for r in con.execute("SELECT article_id FROM articles USING SAMPLE 1000 ROWS").fetchall()]
        con.register("sample_ids", pa.table({"article_id": pa.array(ids, pa.int64())}))
        unindex_articles(con, "sample_ids")  # as if these 1,000 were new: the index lacks them

        def rebuild(c: duckdb.DuckDBPyConnection) -> None:
            c.execute("DELETE FROM search_postings")
            c.execute("DELETE FROM search_docs")
            c.execute("CREATE OR REPLACE TEMP VIEW search_all AS SELECT article_id FROM articles")
            index_listed(c, "search_all")

        def fts_pragma(c: duckdb.DuckDBPyConnection) -> None:
            c.execute("PRAGMA create_fts_index('articles', 'article_id', 'title', 'text', overwrite = 1)")

        incremental = timed(con, lambda c: index_articles(c, ids), args.runs)
        full = timed(con, rebuild, max(1, args.runs - 2))
        pragma = timed(con, fts_pragma, 1)
        postings = con.execute("SELECT count(*) FROM search_postings").fetchone()[0]  # type: ignore[index]
        print(f"warehouse: {n} articles, {postings} postings")
        print(f"incremental, 1,000 new articles: {incremental:.2f} s")
        print(f"full rebuild (newsflow index):    {full:.2f} s  ({full / incremental:.0f}x)")
        print(f"PRAGMA create_fts_index (fts):    {pragma:.2f} s  ({pragma / incremental:.0f}x)")
        con.close()


if __name__ == "__main__":
    main()
