"""The search postings as sorted runs (migration 0063), so that a query reads its terms' rows only.

DuckDB keeps min/max of every column per row group (122,880 rows) and skips the row groups a filter
cannot match, the terms of a query included (its semi-join passes them down to the scan). That
works only where rows are ordered by term, and each write batch appends its postings in document
order. So postings are kept as a log-structured set of runs: a batch's postings land in the tail
(`run` 0, read in full by a query); once the tail holds `TAIL_ROWS` it is written again sorted by
(kind, term) as a new run, and whenever the newest `FANOUT` runs are of one size tier they are merged
into one sorted run of the next tier. A posting is rewritten once per tier, so the cost per batch
grows with the logarithm of the index (a handful of rewrites of the batch's rows), and a query reads
the tail plus, in each of at most `FANOUT - 1` runs per tier, the row groups of its terms.
"""

from __future__ import annotations

import duckdb

TAIL_ROWS = 1_000_000
FANOUT = 4
_COLUMNS = "kind, doc_id, term, tf, length"


def compact_postings(con: duckdb.DuckDBPyConnection, tail_rows: int = TAIL_ROWS) -> int:
    """Sort a full tail into a run and merge runs of one tier, in the caller's transaction; return
    the postings rewritten (0 most of the time)."""
    tail = int(con.execute("SELECT count(*) FROM search_postings WHERE run = 0").fetchall()[0][0])
    if tail < tail_rows:
        return 0
    runs = [(r, n) for r, n in con.execute("SELECT run, rows FROM search_runs ORDER BY run").fetchall()]
    written = _rewrite(con, [0], tail, runs)
    while len(runs) >= FANOUT and len({_tier(n, tail_rows) for _, n in runs[-FANOUT:]}) == 1:
        merged = runs[-FANOUT:]
        del runs[-FANOUT:]
        written += _rewrite(con, [r for r, _ in merged], sum(n for _, n in merged), runs)
    return written


def _rewrite(con: duckdb.DuckDBPyConnection, old: list[int], rows: int, runs: list[tuple[int, int]]) -> int:
    """Write the postings of runs `old` again as one new run sorted by (kind, term); record it."""
    new = max([r for r, _ in runs] + old) + 1
    listed = ", ".join(str(int(r)) for r in old)
    con.execute(
        f"INSERT INTO search_postings ({_COLUMNS}, run) SELECT {_COLUMNS}, {new} FROM search_postings "
        f"WHERE run IN ({listed}) ORDER BY kind, term, doc_id"
    )
    con.execute(f"DELETE FROM search_postings WHERE run IN ({listed})")
    con.execute(f"DELETE FROM search_runs WHERE run IN ({listed})")
    con.execute("INSERT INTO search_runs VALUES (?, ?)", [new, rows])
    runs.append((new, rows))
    return rows


def _tier(rows: int, tail_rows: int) -> int:
    """Size tier of a run: 0 below FANOUT tails' worth of postings, 1 below FANOUT², and so on."""
    tier, bound = 0, tail_rows * FANOUT
    while rows >= bound:
        tier, bound = tier + 1, bound * FANOUT
    return tier
