"""The pure similarity decisions of the cross-outlet links: copies, stories, statements."""

from __future__ import annotations

import pytest

from extractors.similarity import (
    CopyText,
    ReportLikeness,
    StatementRule,
    StatementText,
    average_link,
    copy_score,
    same_statement,
)
from newsflow.core.likeness import Likeness
from newsflow.core.settings import Settings
from tests.warehouse.test_links import COPY, OTHER_REPORT, SUMMIT

RULE = StatementRule(0.8, 3, 3, 5, 0.9, 5)


@pytest.mark.parametrize(
    ("a", "b", "speakers", "linked"),
    [
        (
            "the bridge will open before the winter",
            '"The bridge will open before the winter," she said',
            "same",
            True,
        ),
        ("open the bridge before the winter", "would open the new bridge before winter", "same", True),
        ("the bridge will open before the winter", "taxes on fuel will fall in March", "same", False),
        ("a fair deal", "a fair deal for the farmers of the north", "unknown", False),
        (
            "the bridge will open before the winter",
            "the bridge will open before the winter",
            "different",
            False,
        ),
    ],
)
def test_statement_rule(a: str, b: str, speakers: str, linked: bool) -> None:
    score = same_statement(StatementText.of(a), StatementText.of(b), speakers, RULE)  # type: ignore[arg-type]
    assert (score > 0) is linked


def test_copy_score_separates_a_trimmed_copy_from_another_report() -> None:
    original, copy, other = (CopyText.of(t, 4, 50) for t in (SUMMIT, COPY, OTHER_REPORT))
    assert copy_score(copy, original, 0.4) >= 0.9
    assert copy_score(other, original, 0.4) < 0.5


def test_average_link_keeps_stored_stories_apart_unless_a_new_report_joins_them() -> None:
    stored = [{"x": 1.0}, {"y": 1.0}]
    assert average_link([*stored, {"z": 1.0}], [1, 1, 1], 0.5, fixed=2) == [0, 1, 2]
    bridge = {"x": 0.8, "y": 0.6}
    labels = average_link([{"x": 1.0}, {"x": 0.9, "y": 0.43}, bridge], [1, 1, 1], 0.5, fixed=2)
    assert labels[2] == labels[0]


def test_report_likeness_applies_the_settings_thresholds() -> None:
    likeness: Likeness[CopyText, StatementText] = ReportLikeness(Settings(_env_file=None))
    original, copy, other = (likeness.copy_view(t) for t in (SUMMIT, COPY, OTHER_REPORT))
    assert likeness.copy_similarity(copy, original) >= 0.9
    assert likeness.copy_similarity(other, original) == 0.0
    assert set(likeness.copy_keys(copy)) & set(likeness.copy_keys(original))
    quote = likeness.claim_view('"The bridge will open before the winter," she said')
    assert (
        likeness.same_statement(quote, likeness.claim_view("the bridge will open before the winter"), "same")
        > 0
    )
    assert likeness.same_statement(quote, likeness.claim_view("taxes on fuel will fall"), "same") == 0.0
