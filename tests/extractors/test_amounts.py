"""Amount parsing (pure) and amount finding on parsed docs, with hypothesis property tests."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from extractors.amounts import (
    COUNT_RE,
    LONGEST_NUMBER,
    MONEY_RE,
    PERCENT_RE,
    RATES_DATE,
    SYMBOLS,
    USD_PER_UNIT,
    find_amounts,
    finditer_at,
    match_starts,
    parse_amount,
)
from extractors.nlp import load_nlp
from newsflow.core.records import Claim
from newsflow.core.settings import get_settings


@pytest.fixture(scope="module")
def nlp() -> Language:
    """The project's pipeline, loaded once."""
    return load_nlp(get_settings().spacy_model)


@pytest.mark.parametrize(
    ("text", "kind", "value", "unit", "usd", "qualifier"),
    [
        ("$550-billion", "money", 550e9, "USD", 550e9, None),
        ("over $400 billion", "money", 400e9, "USD", 400e9, "over"),
        ("more than $5m", "money", 5e6, "USD", 5e6, "over"),
        ("£600m", "money", 600e6, "GBP", 600e6 * USD_PER_UNIT["GBP"], None),
        ("$1.13bn", "money", 1.13e9, "USD", 1.13e9, None),
        ("€2.5 million", "money", 2.5e6, "EUR", 2.5e6 * USD_PER_UNIT["EUR"], None),
        ("¥3 trillion", "money", 3e12, "JPY", 3e12 * USD_PER_UNIT["JPY"], None),
        ("500 million yen", "money", 500e6, "JPY", 500e6 * USD_PER_UNIT["JPY"], None),
        ("US$5 million", "money", 5e6, "USD", 5e6, None),
        ("about 1,200 dollars", "money", 1200.0, "USD", 1200.0, "about"),
        ("billions of dollars", "money", None, "USD", None, "billions"),
        ("at least 10 major firms", "count", 10.0, "firms", None, "at least"),
        ("twelve trucks", "count", 12.0, "trucks", None, None),
        ("up to 3.5 percent", "percent", 3.5, "%", None, "up to"),
    ],
)
def test_parse_amount_examples(
    text: str, kind: str, value: float | None, unit: str, usd: float | None, qualifier: str | None
) -> None:
    p = parse_amount(text)
    assert p is not None
    assert (p.kind, p.unit, p.qualifier) == (kind, unit, qualifier)
    assert p.value == pytest.approx(value) if value is not None else p.value is None
    assert p.value_usd == pytest.approx(usd) if usd is not None else p.value_usd is None


def test_percent_with_base() -> None:
    p = parse_amount("raise defence spending to 2% of GDP by 2027")
    assert p is not None and (p.kind, p.value, p.unit, p.base) == ("percent", 2.0, "%", "GDP")


def test_unknown_currency_has_no_usd_and_table_is_dated() -> None:
    assert RATES_DATE.count("-") == 2
    assert "XYZ" not in USD_PER_UNIT
    p = parse_amount("the bill costs 40 billion rubles")
    assert p is not None and p.unit == "RUB"


def test_bare_billions_in_investments_has_no_value() -> None:
    p = parse_amount("a map highlighting billions in new Japanese investments")
    assert p is not None and (p.kind, p.value, p.unit, p.qualifier) == (
        "money",
        None,
        None,
        "billions",
    )
    assert parse_amount("billions of people") is None


def test_no_amount() -> None:
    assert parse_amount("no numbers here") is None
    assert parse_amount("") is None


def test_a_run_of_digits_too_long_for_a_number_is_no_amount(nlp: Language) -> None:
    """A serial number is no amount, and its digits are not each tried as the start of one (each
    try scanned the rest of the run: 50,000 digits took 135 s)."""
    run = "7" * (LONGEST_NUMBER + 1)
    text = f"Japan pledged $5 billion. The code {run}% was read out. Prices rose 3% in May."
    at = text.index(run)
    assert not [s for s in match_starts(text)[PERCENT_RE] if at <= s < at + len(run)]
    assert [a.text for a in find_amounts(nlp(text), [])] == ["$5 billion", "3%"]


def test_find_amounts_links_to_claims(nlp: Language) -> None:
    text = "Officials said Japan will invest $5 billion. Prices rose 3%."
    doc = nlp(text)
    claims = [Claim(content=text[15:43], content_start=15, content_end=43)]
    amounts = find_amounts(doc, claims)
    money = next(a for a in amounts if a.kind == "money")
    pct = next(a for a in amounts if a.kind == "percent")
    assert money.claim_index == 0 and money.value == 5e9
    assert pct.claim_index is None and pct.value == 3.0


def test_years_are_not_counts(nlp: Language) -> None:
    amounts = find_amounts(nlp("In 2022 officials met twice."), [])
    assert all(a.kind != "count" or a.value != 2022 for a in amounts)


amount_like = st.text(
    alphabet=st.sampled_from(list("0123456789.,-$€£¥%  abmnotkrilsy\n\"'")) | st.characters(),
    max_size=60,
)


@given(amount_like)
@settings(max_examples=400, deadline=None)
def test_parse_amount_never_raises(text: str) -> None:
    p = parse_amount(text)
    if p is not None:
        assert 0 <= p.start <= p.end <= len(text)
        assert p.kind in {"money", "percent", "count"}


@given(
    st.lists(
        st.sampled_from(
            [
                "$3 billion",
                "over",
                "at least 10 firms",
                "2% of GDP",
                "¥",
                "m",
                "said",
                "“",
                ".",
                "7",
            ]
        )
        | st.text(max_size=12),
        max_size=12,
    )
)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_find_amounts_offsets_inside_text(nlp: Language, parts: list[str]) -> None:
    text = " ".join(parts)
    doc = nlp(text)
    claims = [Claim(content=text, content_start=0, content_end=len(text))]
    for a in find_amounts(doc, claims):
        assert 0 <= a.start <= a.end <= len(text)
        assert text[a.start : a.end] == a.text
        assert a.claim_index in {0, None}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("aims for three per cent of GDP", 3.0),
        ("a tariff of zero percent", 0.0),
        ("inflation at forty-two percent", 42.0),
        ("a 75pc stake", 75.0),
        ("growth slowed by 4 percentage points", 4.0),
        ("rates of 12 pct", 12.0),
    ],
)
def test_percentages_spelt_in_words_or_short_forms(text: str, value: float) -> None:
    p = parse_amount(text)
    assert p is not None and (p.kind, p.unit) == ("percent", "%")
    assert p.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Analysts put the bill at $40 or $45, perhaps $50 billion.", [40e9, 45e9, 50e9]),
        ("Repairs will cost €3-€4 million.", [3e6, 4e6]),
        ("She paid $900 and then $2 million more.", [900.0, 2e6]),  # no list: each its own scale
        ("They sold it for $900 and $2 million.", [900.0, 2e6]),  # $900 is no $900 million
    ],
)
def test_a_list_of_amounts_shares_the_last_scale(nlp: Language, text: str, values: list[float]) -> None:
    found = [a.value for a in find_amounts(nlp(text), []) if a.kind == "money"]
    assert found == pytest.approx(values)


def test_an_amount_repeated_in_the_same_words_is_one_amount(nlp: Language) -> None:
    text = (
        "The league will spend 40 million pounds on new pitches. "
        "The chair said: \u201cWe will spend 40 million pounds and raise fees by 5%.\u201d "
        "Fees rise 5% next year, the first rise since a $2bn deal worth $2 billion."
    )
    claims = [Claim(content=text[70:130], content_start=70, content_end=130)]
    amounts = find_amounts(nlp(text), claims)
    texts = sorted(a.text for a in amounts if a.kind in {"money", "percent"})
    assert texts == ["$2 billion", "$2bn", "40 million pounds", "5%"]
    pct = next(a for a in amounts if a.text == "5%")
    assert pct.claim_index == 0  # the first 5% is inside the quote's claim
    pounds = next(a for a in amounts if a.text == "40 million pounds")
    assert pounds.start < 60 and pounds.claim_index == 0  # the first position, the repeat's claim


amount_pieces = st.sampled_from(
    [
        *SYMBOLS,
        "US$",
        "C$",
        "1",
        "23",
        "4,500",
        "1,234.5",
        "\u0663",  # an Arabic-Indic digit: \d matches it
        "more than",
        "In excess of",
        "at least",
        "about",
        "some",
        "per cent",
        "percent",
        "pc",
        "percentage points",
        "of GDP",
        "millions",
        "Ks",
        "\u212as",  # KELVIN SIGN: matches "k" when case is ignored
        "\u017fix",  # LONG S: matches "s" when case is ignored
        "billions of",
        "dollars",
        "yen",
        "twenty-five",
        "a hundred",
        "a dozen",
        "ten",
        "firms",
        "is",
        "people",
    ]
)
separators = st.sampled_from([" ", " ", " ", "", "  ", "\n", "\u00a0", "-", ",", "."])


@given(
    st.lists(st.tuples(amount_pieces, separators) | st.tuples(st.text(max_size=4), separators), max_size=14)
)
@example([("4 firms", "")])  # a number at the very start
@example([("12345678,123", ""), ("%", "")])  # a percentage beginning inside a run of digits
@example([("in excess of", "\n\u00a0 "), ("$3", "")])  # a qualifier before a symbol
@settings(max_examples=1000, deadline=None)
def test_anchored_scan_finds_what_finditer_finds(parts: list[tuple[str, str]]) -> None:
    """The amount patterns tried only where a match can begin give finditer's matches, groups included
    (no run of digits here is longer than a number, LONGEST_NUMBER)."""
    text = "".join(a + b for a, b in parts)
    starts = match_starts(text)
    for pattern in (MONEY_RE, PERCENT_RE, COUNT_RE):
        expected = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in finditer_at(pattern, text, starts[pattern])] == expected
