"""The statement precision the summit scorer gives a linker that makes exactly the links its recall asks.

    uv run python scripts/eval_summits.py DATA_DIR --scorer PATH/score_summits.py --keep W.duckdb
    uv run python scripts/bound_statements.py W.duckdb DATA_DIR/gold.json --scorer PATH/score_summits.py

The scorer's recall asks, for every gold snippet of one report that also appears in another report of
the same summit, that a claim holding it in each share a `statement_id`; its precision judges every
pair of claims that share one and both hold gold snippets, right only when their snippets are the same
text or each appears in the other report. This script links exactly the pairs recall asks for (one
claim a side, nothing else) and judges them as the precision does: the result is what a linker that
found every gold link and made no other would score, on these claims.
"""

from __future__ import annotations

import argparse
import importlib.util
import itertools
import json
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import duckdb


def load_norm(scorer: Path) -> Callable[[str | None], str]:
    """The scorer's own text folding, so both sides match text exactly as it does."""
    spec = importlib.util.spec_from_file_location("score_summits", scorer)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {scorer}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    norm: Callable[[str | None], str] = module.norm
    return norm


def main(argv: list[str] | None = None) -> None:
    """Print the required links, the pairs the precision would judge and how many it counts right."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("warehouse", type=Path)
    ap.add_argument("gold", type=Path)
    ap.add_argument("--scorer", type=Path, required=True, help="path to score_summits.py")
    args = ap.parse_args(argv)
    norm = load_norm(args.scorer)
    gold = json.loads(args.gold.read_text())
    con = duckdb.connect(str(args.warehouse), read_only=True)
    key_of = dict(con.execute("SELECT article_id, external_id FROM articles").fetchall())
    texts = {
        k: norm(t) for k, t in con.execute("SELECT external_id, text FROM articles").fetchall() if k in gold
    }
    claims: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for claim_id, article_id, content in con.execute(
        "SELECT claim_id, article_id, content FROM claims"
    ).fetchall():
        if key_of.get(article_id) in gold:
            claims[key_of[article_id]].append((claim_id, norm(content)))
    snippets = {
        k: {norm(i["snippet"]) for kind in ("quotes", "reported") for i in g.get(kind, [])}
        for k, g in gold.items()
    }

    parent: dict[int, int] = {}

    def root(x: int) -> int:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    required = 0
    for key, snips in snippets.items():
        for snippet in snips:
            for other, text in texts.items():
                if (
                    other <= key
                    or snippet not in text
                    or gold[other].get("summit") != gold[key].get("summit")
                ):
                    continue
                required += 1
                mine = [c for c, t in claims[key] if snippet in t]
                theirs = [c for c, t in claims[other] if snippet in t]
                if mine and theirs:
                    parent[root(mine[0])] = root(theirs[0])
    groups: dict[int, list[tuple[str, set[str]]]] = defaultdict(list)
    for key, held in claims.items():
        for claim_id, text in held:
            if claim_id in parent:
                groups[root(claim_id)].append((key, {s for s in snippets[key] if s in text}))
    judged = right = 0
    for members in groups.values():
        for (k1, s1), (k2, s2) in itertools.combinations(members, 2):
            if k1 == k2 or not s1 or not s2:
                continue
            judged += 1
            right += bool(s1 & s2 or (any(x in texts[k2] for x in s1) and any(x in texts[k1] for x in s2)))
    print(
        f"required links {required}; judged pairs {judged}, right {right}: precision "
        f"{100 * right / max(1, judged):.1f} with every required link made and no other"
    )


if __name__ == "__main__":
    main()
