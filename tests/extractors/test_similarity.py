"""The pure similarity decisions of the cross-outlet links: copies, stories, statements."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.similarity import (
    CopyText,
    ReportLikeness,
    StatementRule,
    StatementText,
    average_link,
    band_keys,
    copy_score,
    joins_statement,
    minhash,
    same_statement,
    word_terms,
    words,
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
        ("it 'a big step'", '"This is a big step for the port," she said', "same", True),
        ("the plan a big step", '"This is a big step for the port," she said', "same", False),
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


def test_a_claim_holding_two_statements_cannot_chain_them() -> None:
    rule_of = Settings(_env_file=None).link_statement_agreement
    bridge = StatementText.of("the bridge will open before the winter")
    taxes = StatementText.of("taxes on fuel will fall in March")
    both = StatementText.of("the bridge will open before the winter, and taxes on fuel will fall in March")
    # the claim holding both reports the same as each; each alone reports the same as it only
    assert same_statement(both, bridge, "same", RULE) > 0 and same_statement(both, taxes, "same", RULE) > 0
    assert same_statement(taxes, bridge, "same", RULE) == 0
    # a statement of two bridge claims and the double claim: the taxes claim agrees with one of three
    assert not joins_statement(1, 3, rule_of)
    assert (
        joins_statement(2, 3, rule_of) and joins_statement(1, 2, rule_of) and joins_statement(1, 1, rule_of)
    )
    assert joins_statement(0, 0, rule_of)  # only the claim's own report holds it so far
    assert joins_statement(1, 3, 0.0) and not joins_statement(2, 3, 1.0)  # single and complete link


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


def test_minhash_agreement_tracks_the_shared_share_of_shingles() -> None:
    a = {f"shingle {i}" for i in range(300)}
    b = {f"shingle {i}" for i in range(100, 400)}  # Jaccard 0.5
    c = {f"other {i}" for i in range(300)}
    agree = (minhash(a, 256) == minhash(b, 256)).mean()
    assert 0.4 < agree < 0.6
    assert (minhash(a, 256) == minhash(c, 256)).mean() < 0.05


def test_band_keys_are_the_same_for_the_same_text_and_differ_by_kind() -> None:
    grams = {f"w{i} w{i + 1} w{i + 2}" for i in range(50)}
    assert band_keys(minhash(grams, 128), 32, "text") == band_keys(minhash(set(grams), 128), 32, "text")
    assert not set(band_keys(minhash(grams, 128), 32, "text")) & set(
        band_keys(minhash(grams, 128), 32, "lead")
    )


def test_a_run_starts_without_importing_the_similarity_module() -> None:
    code = "import sys, newsflow.runtime.run; print('extractors.similarity' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_report_terms_read_from_the_copy_view_equal_those_of_the_whole_text() -> None:
    likeness = ReportLikeness(Settings(_env_file=None))
    title, text = (
        "Leaders’ summit ends",
        "Talks went on.\n\nThe Prime Minister said: “We agreed.” Trade rose 5%.",
    )
    assert likeness.report_terms(title, likeness.copy_view(text)) == word_terms(words(f"{title} {text}"))


def test_band_keys_stored_by_earlier_runs_still_match() -> None:
    # keys are stored in the warehouse: a change to the shingles, the CRC-32 or the hashes breaks every
    # stored fingerprint (these values were written by the first release of the keys)
    likeness = ReportLikeness(Settings(_env_file=None))
    text = (
        "The bridge over the river will open before the winter, the minister said on Monday. "
        "Work began in 2019."
    )
    keys = likeness.copy_keys(likeness.copy_view(text))
    assert len(keys) == 64
    assert keys[:2] == [1731998372900404038, 4535666674958266905]
    assert keys[-1] == 636555647003520244


def test_words_fold_case_accents_quotes_and_ligatures() -> None:
    assert words("Café “Zoë’s” naïve\u00a0ﬁle Ångström") == ["cafe", "zoes", "naive", "file", "angstrom"]
    assert words("Don't STOP") == ["dont", "stop"]


_VOCABULARY = ["the", "bridge", "will", "open", "before", "winter", "she", "said", "not", "new", "road"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_VOCABULARY), min_size=1, max_size=12),
    st.lists(st.sampled_from(_VOCABULARY), min_size=1, max_size=12),
)
def test_claims_are_one_statement_only_if_they_share_a_run_or_enough_terms(
    a_words: list[str], b_words: list[str]
) -> None:
    likeness = ReportLikeness(Settings(_env_file=None))
    a, b = likeness.claim_view(" ".join(a_words)), likeness.claim_view(" ".join(b_words))
    shared = len(likeness.claim_terms(a) & likeness.claim_terms(b))
    meet = not likeness.claim_runs(a).isdisjoint(likeness.claim_runs(b))
    if any(likeness.same_statement(a, b, s) > 0 for s in ("same", "unknown", "different")):
        assert (shared >= 1 and meet) or shared >= likeness.rewording_terms
