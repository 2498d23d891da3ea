"""Amounts: money, percentages and counts with normalised values (issue 7).

`parse_amount(text)` is pure (no spaCy) and never raises; `find_amounts(doc, claims)` scans a
parsed article and links each amount to the claim whose content span holds it.

Money is normalised to `value` in its own currency (ISO 4217 code in `unit`) and `value_usd`
through `USD_PER_UNIT`, a fixed table of approximate reference rates dated `RATES_DATE`
(not live rates; `value_usd` is NULL for a currency not in the table). A bare plural scale
("billions of dollars") has `value` NULL and `qualifier` "billions"; nothing is guessed.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from extractors.attribution import doc_text
from newsflow.records import Amount, Claim

RATES_DATE = "2025-10-31"
# USD per one unit of each currency, approximate reference rates on RATES_DATE.
USD_PER_UNIT: dict[str, float] = {
    "USD": 1.0,
    "EUR": 1.16,
    "GBP": 1.32,
    "JPY": 0.0065,
    "CNY": 0.14,
    "KRW": 0.0007,
    "INR": 0.0113,
    "CHF": 1.25,
    "CAD": 0.71,
    "AUD": 0.65,
    "RUB": 0.0123,
    "BRL": 0.186,
    "MXN": 0.054,
}

SYMBOLS: dict[str, str] = {
    "us$": "USD",
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₩": "KRW",
    "₹": "INR",
    "a$": "AUD",
    "c$": "CAD",
}
CURRENCY_WORDS: dict[str, str] = {
    "dollar": "USD",
    "dollars": "USD",
    "usd": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "eur": "EUR",
    "pound": "GBP",
    "pounds": "GBP",
    "sterling": "GBP",
    "gbp": "GBP",
    "yen": "JPY",
    "jpy": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "cny": "CNY",
    "won": "KRW",
    "krw": "KRW",
    "rupee": "INR",
    "rupees": "INR",
    "inr": "INR",
    "francs": "CHF",
    "chf": "CHF",
    "roubles": "RUB",
    "rubles": "RUB",
}
SCALES: dict[str, float] = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "mln": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "bln": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "trn": 1e12,
    "crore": 1e7,
    "lakh": 1e5,
}
NUMBER_WORDS: dict[str, float] = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "dozen": 12,
    "a dozen": 12,
}
QUALIFIERS: dict[str, str] = {
    "more than": "over",
    "over": "over",
    "above": "over",
    "in excess of": "over",
    "at least": "at least",
    "no less than": "at least",
    "about": "about",
    "around": "about",
    "roughly": "about",
    "approximately": "about",
    "some": "about",
    "nearly": "nearly",
    "almost": "nearly",
    "close to": "nearly",
    "up to": "up to",
    "as much as": "up to",
    "as many as": "up to",
    "less than": "under",
    "fewer than": "under",
    "under": "under",
    "below": "under",
    "at most": "at most",
}

_QUAL = "|".join(sorted((re.escape(q) for q in QUALIFIERS), key=len, reverse=True))
_SYM = "|".join(sorted((re.escape(s) for s in SYMBOLS), key=len, reverse=True))
_SCALE = "|".join(sorted(SCALES, key=len, reverse=True))
_CURW = "|".join(sorted(CURRENCY_WORDS, key=len, reverse=True))
_NOT_UNITS = "is|was|has|does|us|this|its|his|as|yes|plus|less|unless|across|thus|whereas"
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"

MONEY_RE = re.compile(
    rf"(?:\b(?P<qual>{_QUAL})\s+)?"
    rf"(?:(?P<sym>{_SYM})\s?(?P<num>{_NUM})(?:[\s-]?(?P<scale>{_SCALE})\b)?"
    rf"(?:\s+(?P<symword>{_CURW})\b)?"
    rf"|\b(?P<num2>{_NUM})(?:[\s-]?(?P<scale2>{_SCALE}))?\s+(?P<word>{_CURW})\b"
    rf"|\b(?P<bare>(?:{_SCALE})s)\s+(?:of\s+)?(?:(?P<word3>{_CURW})\b|(?P<sym3>{_SYM})))",
    re.IGNORECASE,
)
PERCENT_RE = re.compile(
    rf"(?:\b(?P<qual>{_QUAL})\s+)?(?P<num>{_NUM})\s?(?:%|\s?per\s?cent\b|\s?percent\b)"
    rf"(?:\s+of\s+(?:the\s+)?(?:(?:its|their|the|his|her)\s+)?"
    rf"(?P<base>(?:gross domestic product|GDP|GNP|[A-Za-z][\w-]*(?:\s+[a-z][\w-]*)?)))?",
    re.IGNORECASE,
)
COUNT_RE = re.compile(
    rf"(?:\b(?P<qual>{_QUAL})\s+)?\b(?P<num>{_NUM}|"
    + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
    + r")\b(?:\s+(?P<scale>million|billion|thousand))?(?:\s+[a-z][\w-]*){0,2}?\s+"
    + rf"(?!(?:{_NOT_UNITS})\b)"
    r"(?P<unit>[a-z][\w-]*s)\b",
    re.IGNORECASE,
)
# "billions in new investments": money of unknown size and currency (value and unit NULL).
BARE_SCALE_RE = re.compile(
    r"\b(?P<bare>(?:millions|billions|trillions))\s+(?:of\s+(?:dollars\s+)?|in\s+)"
    r"(?=(?:new\s+|fresh\s+|foreign\s+|[A-Z][a-z]+\s+)*(?:investments?|funding|aid|loans?|"
    r"spending|deals?|contracts?|revenue|profits?|cash|dollars|sales|subsidies|tax)\b)",
)
SKIP_LABELS = {"DATE", "TIME", "ORDINAL"}


@dataclass(frozen=True, slots=True)
class ParsedAmount:
    """The normalised reading of an amount's text."""

    kind: str  # money, percent, count
    value: float | None
    unit: str | None = None
    value_usd: float | None = None
    qualifier: str | None = None
    base: str | None = None
    start: int = 0  # span of the match inside the parsed text
    end: int = 0


def _number(text: str | None) -> float | None:
    """A float from '1,234.5' or a number word; None if it is not a finite number."""
    if not text:
        return None
    low = text.lower()
    if low in NUMBER_WORDS:
        return float(NUMBER_WORDS[low])
    try:
        value = float(low.replace(",", ""))
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _scaled(value: float | None, scale: str | None) -> float | None:
    if value is None:
        return None
    out = value * SCALES.get((scale or "").lower(), 1.0)
    return out if math.isfinite(out) else None


def _usd(value: float | None, currency: str | None) -> float | None:
    if value is None or currency not in USD_PER_UNIT:
        return None
    out = value * USD_PER_UNIT[currency or ""]
    return out if math.isfinite(out) else None


def _qualifier(text: str | None) -> str | None:
    return QUALIFIERS.get(" ".join(text.lower().split())) if text else None


def money_from_match(m: re.Match[str]) -> ParsedAmount:
    """A money reading of one MONEY_RE match."""
    qual = _qualifier(m.group("qual"))
    if m.group("bare"):
        word = m.group("word3")
        cur = CURRENCY_WORDS[word.lower()] if word else SYMBOLS.get((m.group("sym3") or "").lower())
        return ParsedAmount("money", None, cur, None, m.group("bare").lower(), None, *m.span())
    if m.group("sym") is not None:
        cur = SYMBOLS.get(m.group("sym").lower())
        word = m.group("symword")
        if word:
            cur = CURRENCY_WORDS.get(word.lower(), cur)
        value = _scaled(_number(m.group("num")), m.group("scale"))
    else:
        cur = CURRENCY_WORDS.get(m.group("word").lower())
        value = _scaled(_number(m.group("num2")), m.group("scale2"))
    return ParsedAmount("money", value, cur, _usd(value, cur), qual, None, *m.span())


def bare_scale_from_match(m: re.Match[str]) -> ParsedAmount:
    """ "billions in investments": money without a value or currency."""
    return ParsedAmount("money", None, None, None, m.group("bare").lower(), None, *m.span("bare"))


def percent_from_match(m: re.Match[str]) -> ParsedAmount:
    """A percentage reading of one PERCENT_RE match."""
    base = m.group("base")
    return ParsedAmount(
        "percent", _number(m.group("num")), "%", None, _qualifier(m.group("qual")), base, *m.span()
    )


def count_from_match(m: re.Match[str]) -> ParsedAmount:
    """A count reading of one COUNT_RE match."""
    value = _scaled(_number(m.group("num")), m.group("scale"))
    unit = m.group("unit").lower()
    return ParsedAmount("count", value, unit, None, _qualifier(m.group("qual")), None, *m.span())


def parse_amount(text: str) -> ParsedAmount | None:
    """The earliest money amount, percentage or count in a text; None if there is none.

    "$550-billion" → money 550e9 USD; "over $400 billion" → qualifier over; "2% of GDP" →
    percent 2 with base GDP; "at least 10 major firms" → count 10, unit firms. Never raises.
    """
    found: list[ParsedAmount] = []
    try:
        for pattern, build in (
            (MONEY_RE, money_from_match),
            (BARE_SCALE_RE, bare_scale_from_match),
            (PERCENT_RE, percent_from_match),
            (COUNT_RE, count_from_match),
        ):
            m = pattern.search(text)
            if m is not None:
                found.append(build(m))
    except (ValueError, KeyError, OverflowError, TypeError):
        return None
    return min(found, key=lambda p: p.start) if found else None


def _claim_index(claims: list[Claim], start: int, end: int) -> int | None:
    """The claim whose content span holds [start, end), the narrowest one if several."""
    best: int | None = None
    for i, c in enumerate(claims):
        inside = c.content_start <= start and end <= c.content_end
        width = c.content_end - c.content_start
        if inside and (best is None or width < claims[best].content_end - claims[best].content_start):
            best = i
    return best


def _to_amount(p: ParsedAmount, text: str, offset: int, claims: list[Claim]) -> Amount:
    s, e = offset + p.start, offset + p.end
    return Amount(
        kind=p.kind,
        text=text[s:e],
        start=s,
        end=e,
        value=p.value,
        unit=p.unit,
        value_usd=p.value_usd,
        qualifier=p.qualifier,
        base=p.base,
        claim_index=_claim_index(claims, s, e),
    )


def _taken(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(a < e and s < b for a, b in spans)


def _count_ok(doc: Doc, s: int, e: int) -> bool:
    """A count is kept unless spaCy reads its number as a date, time or ordinal."""
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None:
        return False
    nums: list[Token] = [t for t in span if t.like_num]
    return bool(nums) and all(t.ent_type_ not in SKIP_LABELS for t in nums)


def find_amounts(doc: Doc, claims: list[Claim]) -> list[Amount]:
    """Money, percentages and counts in the doc, linked to the claim whose content holds them."""
    text = doc_text(doc)
    out: list[Amount] = []
    taken: list[tuple[int, int]] = []
    try:
        for pattern, build in (
            (MONEY_RE, money_from_match),
            (BARE_SCALE_RE, bare_scale_from_match),
            (PERCENT_RE, percent_from_match),
        ):
            for m in pattern.finditer(text):
                parsed = build(m)
                if not _taken(taken, parsed.start, parsed.end):
                    out.append(_to_amount(parsed, text, 0, claims))
                    taken.append((parsed.start, parsed.end))
        for m in COUNT_RE.finditer(text):
            if not _taken(taken, *m.span()) and _count_ok(doc, *m.span()):
                out.append(_to_amount(count_from_match(m), text, 0, claims))
                taken.append(m.span())
    except (ValueError, KeyError, OverflowError, TypeError):
        return out
    out.sort(key=lambda a: a.start)
    return out
