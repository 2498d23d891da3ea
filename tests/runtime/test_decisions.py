"""The run's pure decisions, one table each: which inputs need work (triage) and what became of a
cleaned article (dedupe). No warehouse: the ledger and stored hashes are given."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from newsflow.core.ids import stable_id
from newsflow.core.records import CleanArticle, Outcome, RawDocument
from newsflow.runtime.stages import Batch, dedupe, triage
from warehouse.ledger import LedgerEntry

BYTES = b"<p>The minister said talks would resume.</p>"
HASH = RawDocument("s", "a.html", "a", BYTES, "html").raw_hash


def ledger_entry(outcome: str, raw_hash: str | None = HASH, article_id: int | None = 7) -> LedgerEntry:
    return LedgerEntry(raw_hash, outcome, article_id, None, None)


@pytest.mark.parametrize(
    ("last", "force", "needs_work"),
    [
        (None, False, True),  # never seen
        (ledger_entry("new"), False, False),  # same bytes, stored last time
        (ledger_entry("updated"), False, False),
        (ledger_entry("unchanged"), False, False),
        (ledger_entry("duplicate"), False, False),
        (ledger_entry("failed"), False, True),  # failed last time: try again
        (ledger_entry("skipped"), False, True),
        (ledger_entry("new", raw_hash="other"), False, True),  # the bytes changed
        (ledger_entry("new"), True, True),  # reprocess forces the work
    ],
)
def test_triage(last: LedgerEntry | None, force: bool, needs_work: bool) -> None:
    doc = RawDocument("s", "a.html", "a", BYTES, "html", etag='"e1"')
    batch = Batch("run", todo=[doc], force=force)
    triage(batch, {"a.html": last} if last else {})
    assert (batch.todo == [doc]) is needs_work
    assert batch.validators == {"a.html": ('"e1"', None)}
    if needs_work:
        assert batch.outcomes == []
    else:
        [outcome] = batch.outcomes
        assert (outcome.outcome, outcome.article_id, outcome.raw_hash) == ("unchanged", 7, HASH)


def article(locator: str, text: str = "Talks will resume.", canonical: str | None = None) -> CleanArticle:
    return CleanArticle("s", locator, locator, "raw", text, [], canonical_url=canonical)


TEXT_HASH = article("x").content_hash
SAME_TEXT_SPACED = "  talks WILL   resume. "  # the duplicate key ignores case and spacing


@dataclass
class Case:
    articles: list[CleanArticle]
    stored: dict[str, tuple[int, str]]
    expected: list[tuple[Outcome, int | None, str | None]]  # per article: outcome, article_id, reason
    force: bool = False
    last: LedgerEntry | None = None  # ledger entry of a.html
    in_flight: dict[str, tuple[int, str]] | None = None


CASES = {
    "new text": Case([article("a.html")], {}, [("new", stable_id("a.html"), None)]),
    "same text elsewhere is a duplicate": Case(
        [article("a.html", SAME_TEXT_SPACED)],
        {TEXT_HASH: (3, "b.html")},
        [("duplicate", 3, "same text as b.html")],
    ),
    "same canonical URL elsewhere is a duplicate": Case(
        [article("a.html", "Other words.", canonical="https://x/1")],
        {"https://x/1": (3, "b.html")},
        [("duplicate", 3, "same canonical URL as b.html")],
    ),
    "same text at the same locator is unchanged": Case(
        [article("a.html")], {TEXT_HASH: (5, "a.html")}, [("unchanged", 5, "same text as stored")]
    ),
    "reprocess rewrites the same text": Case(
        [article("a.html")], {TEXT_HASH: (5, "a.html")}, [("new", stable_id("a.html"), None)], force=True
    ),
    "new text at a stored locator is an update": Case(
        [article("a.html")], {}, [("updated", stable_id("a.html"), None)],
        last=ledger_entry("new", article_id=stable_id("a.html")),
    ),
    "a failed last time is new again": Case(
        [article("a.html")], {}, [("new", stable_id("a.html"), None)],
        last=ledger_entry("failed", article_id=stable_id("a.html")),
    ),
    "the second copy within a batch is a duplicate": Case(
        [article("a.html"), article("b.html", SAME_TEXT_SPACED)],
        {},
        [("new", stable_id("a.html"), None), ("duplicate", stable_id("a.html"), "same text as a.html")],
    ),
    "a copy in a batch not yet written is a duplicate": Case(
        [article("a.html")], {}, [("duplicate", 9, "same text as c.html")],
        in_flight={TEXT_HASH: (9, "c.html")},
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_dedupe(case: Case) -> None:
    batch = Batch("run", articles=list(case.articles), force=case.force, in_flight=case.in_flight or {})
    if case.last:
        batch.ledger = {"a.html": case.last}
    dedupe(batch, case.stored)
    assert [(o.outcome, o.article_id, o.reason) for o in batch.outcomes] == case.expected
    kept = [
        a.locator
        for a, (outcome, _, _) in zip(case.articles, case.expected, strict=True)
        if outcome in ("new", "updated")
    ]
    assert [a.locator for a in batch.articles] == kept
