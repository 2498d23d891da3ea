"""Crash safety: SIGKILL the ingest at random points; the warehouse stays consistent and the next run
completes the interrupted work without duplicates.

Kills are real (SIGKILL, no cleanup), each of its own run process, forked from one warm process that
has loaded spaCy once. Some come from a timer at a random moment, the others from the process itself at
the k-th call of a chosen function — while loading, while extracting, and inside the warehouse
transaction just before COMMIT — so every stage is hit on every run of the suite.
"""

from __future__ import annotations

import contextlib
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pytest

DOCS = 24
# A timer's kill falls within the first TIMER_MAX seconds of a run: a run of a few changed stories
# takes about a second on a fast machine (with 2.0, one in ten ended before its kill).
TIMER_MAX = 0.6
# One warm process (imports and the spaCy model loaded once) forks a fresh run for each line it reads;
# each run is a real process that dies by a real SIGKILL, without paying a cold start each time.
ZYGOTE = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    import importlib
    from newsflow.core.settings import Settings
    from newsflow.runtime.run import run_ingest
    import newsflow.runtime.stages  # noqa: F401  (extract_all imports extractors.nlp lazily)
    from extractors.nlp import load_nlp
    s = Settings()
    load_nlp(s.spacy_model, tuple(s.spacy_exclude), tuple(s.spacy_fast_rules))
    targets = {"load": ("sources.local", "load_file"), "extract": ("extractors.nlp", "analyse"),
               "write": ("warehouse.load", "_add_counts")}

    def run(mode, k, src, wh):
        if mode in targets:
            module = importlib.import_module(targets[mode][0])
            original, calls = getattr(module, targets[mode][1]), [0]
            def dying(*args, **kwargs):
                calls[0] += 1
                if calls[0] == k:
                    os.kill(os.getpid(), signal.SIGKILL)
                return original(*args, **kwargs)
            setattr(module, targets[mode][1], dying)
        run_ingest([src], Settings(warehouse=Path(wh), batch_size=3))

    print("warm", flush=True)
    for line in sys.stdin:
        mode, k, src, wh = line.split()
        pid = os.fork()
        if pid == 0:
            try:
                print(f"ready {os.getpid()}", flush=True)
                run(mode, int(k), src, wh)
            except BaseException:
                import traceback
                traceback.print_exc()
                os._exit(1)
            os._exit(0)
        _, status = os.waitpid(pid, 0)
        print(f"status {-os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)}",
              flush=True)
    """
)


LEADERS = ["Anna Berg", "Carlos Mendes", "Yuki Sato", "Peter Olsen", "Lena Fischer", "Omar Haddad"]
PLACES = ["Geneva", "Seoul", "Nairobi", "Lima", "Oslo", "Hanoi"]


def _write_report(src: Path, i: int, version: int, rng: random.Random) -> None:
    who, where = rng.choice(LEADERS), rng.choice(PLACES)
    (src / f"report_{i:02d}.txt").write_text(
        f"Summit Day {i}\n{who} arrived in {where} on Monday for talk number {i}, version {version}. "
        f'"We will cut tariffs by {i + 2}%," {who} told reporters, adding that {where} would host '
        f"the next round.\nOfficials said the plan was worth ${i + version} billion.\n"
    )


def _make_inputs(root: Path) -> Path:
    src = root / "inputs"
    src.mkdir()
    rng = random.Random(7)
    for i in range(DOCS):
        _write_report(src, i, 0, rng)
    return src


def _check_consistent(wh: Path) -> dict[str, int]:
    """The invariants a reader relies on after any crash."""
    con = duckdb.connect(str(wh), read_only=True)
    try:
        one = lambda sql: con.execute(sql).fetchone()[0]  # noqa: E731
        for child in ("sections", "paragraphs", "sentences", "mentions", "claims", "amounts", "entity_roles"):
            assert one(f"SELECT count(*) FROM {child} ANTI JOIN articles USING (article_id)") == 0, child
        assert one("SELECT count(*) FROM mentions ANTI JOIN entities USING (entity_id)") == 0
        assert one("SELECT count(*) FROM claim_entities ANTI JOIN claims USING (claim_id)") == 0
        assert (
            one(
                "SELECT count(*) FROM articles a WHERE extraction = 'ok' AND NOT EXISTS "
                "(SELECT 1 FROM sentences s WHERE s.article_id = a.article_id)"
            )
            == 0
        )
        assert (
            one(
                "SELECT count(*) FROM inputs WHERE outcome IN ('new', 'updated') AND article_id NOT IN "
                "(SELECT article_id FROM articles)"
            )
            == 0
        )
        assert one("SELECT count(*) - count(DISTINCT content_hash) FROM articles") == 0
        assert one("SELECT count(*) FROM runs WHERE status = 'running'") <= 1
        assert (
            one(
                "SELECT count(*) FROM runs WHERE status = 'completed' AND seen <> "
                "new + updated + unchanged + duplicate + skipped + failed"
            )
            == 0
        )
        return {
            "articles": one("SELECT count(*) FROM articles"),
            "interrupted": one("SELECT count(*) FROM runs WHERE status IN ('running', 'interrupted')"),
        }
    finally:
        con.close()


def _run_plan(
    zygote: subprocess.Popen[str],
    plan: list[tuple[str, int]],
    src: Path,
    wh: Path,
    rng: random.Random,
    log: Path,
) -> tuple[int, int]:
    """Run the plan's runs one after another, each killed as planned; check the warehouse after each.
    Return how many runs were killed and how many input files there are now."""
    assert zygote.stdin and zygote.stdout
    killed, files = 0, DOCS
    for version, (mode, k) in enumerate(plan, 1):
        # like a real night: some stories changed and one is new, so every run has work to lose
        for i in rng.sample(range(files), 3):
            _write_report(src, i, version, rng)
        _write_report(src, files, version, rng)
        files += 1
        zygote.stdin.write(f"{mode} {k} {src} {wh}\n")
        zygote.stdin.flush()
        ready, pid = zygote.stdout.readline().split()
        assert ready == "ready", ready
        if mode == "timer":
            time.sleep(rng.uniform(0.05, TIMER_MAX))
            with contextlib.suppress(ProcessLookupError):  # the run may have ended already
                os.kill(int(pid), signal.SIGKILL)
        returncode = int(zygote.stdout.readline().split()[1])
        if returncode == -signal.SIGKILL:
            killed += 1
        else:
            assert returncode == 0, log.read_text()[-2000:]
        if wh.exists():
            _check_consistent(wh)
    return killed, files


@pytest.mark.slow
def test_sigkill_at_random_points_loses_nothing(tmp_path: Path) -> None:
    src, wh = _make_inputs(tmp_path), tmp_path / "w.duckdb"
    rng = random.Random(2026)
    # each k one its run reaches in the seeded order: a kill that never fires would leave every
    # timer to land for the count below
    plan = [("load", k) for k in (2, 9, 17)] + [("extract", k) for k in (1, 3, 5, 11)]
    plan += [("write", k) for k in (1, 2, 4, 6)] + [("timer", 0)] * 10
    rng.shuffle(plan)
    log = tmp_path / "runs.log"
    with (
        log.open("w") as errors,
        subprocess.Popen(
            [sys.executable, "-c", ZYGOTE],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
        ) as zygote,
    ):
        assert zygote.stdout and zygote.stdout.readline().strip() == "warm", log.read_text()[-2000:]
        killed, files = _run_plan(zygote, plan, src, wh, rng, log)
    assert killed >= len(plan) - 1, f"only {killed} of {len(plan)} runs were killed"

    from newsflow.core.settings import Settings
    from newsflow.runtime.run import run_ingest

    final = run_ingest([str(src)], Settings(warehouse=wh, batch_size=3))
    assert final["status"] == "completed" and final["failed"] == 0
    assert final["seen"] == files
    state = _check_consistent(wh)
    assert state["articles"] == files
    assert state["interrupted"] >= 1
