"""Amounts: money, percentages and counts with normalised values (issue 7).

`parse_amount(text)` is pure (no spaCy) and never raises; `find_amounts(doc, claims)` scans a
parsed article and links each amount to the claim whose content span holds it; an amount the
article repeats in the same words is stored once (`distinct_amounts`).

Money is normalised to `value` in its own currency (ISO 4217 code in `unit`) and `value_usd`
through `USD_PER_UNIT`, a fixed table of approximate reference rates dated `RATES_DATE`
(not live rates; `value_usd` is NULL for a currency not in the table). A bare plural scale
("billions of dollars") has `value` NULL and `qualifier` "billions"; nothing is guessed.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from extractors.spans import doc_text
from newsflow.core.records import Amount, Claim

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
# Number words a percentage may be spelt with ("two per cent", "zero percent", "twenty-five percent").
PERCENT_WORDS: dict[str, float] = {
    "zero": 0,
    **{w: v for w, v in NUMBER_WORDS.items() if " " not in w and w not in {"dozen", "hundred"}},
    "thirteen": 13,
    "fourteen": 14,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "a hundred": 100,
    "one hundred": 100,
}
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_PCT_WORD = rf"(?:{_TENS})[\s-](?:{_UNITS})|" + "|".join(sorted(PERCENT_WORDS, key=len, reverse=True))
PERCENT_RE = re.compile(
    rf"(?:\b(?P<qual>{_QUAL})\s+)?(?P<num>{_NUM}|\b(?:{_PCT_WORD})\b)"
    rf"\s?(?:%|\s?per\s?cent\b|\s?percent(?:age\s+points?)?\b|pc\b|\s?pct\b)"
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

# Where a match of the patterns above can begin, found without trying them at every position.
_WORD = re.compile(r"\w+")
_DIGIT_RUN = re.compile(r"\d+")
LONGEST_NUMBER = 30  # digits in a row that can be an amount
_QUAL_LENGTHS = sorted({len(q) for q in QUALIFIERS})
# A symbol's last character ("$", "€") has no case, so it is found without IGNORECASE.
_SYMBOL_ENDS = re.compile("|".join(sorted({re.escape(s[-1]) for s in SYMBOLS})))
_SYMBOL_LENGTHS = sorted({len(s) for s in SYMBOLS})


def _first_words(phrases: list[str]) -> frozenset[str]:
    """The first word of each phrase, lowercased."""
    return frozenset(_WORD.findall(p)[0].lower() for p in phrases)


# A pattern's number words (and "millions" of MONEY_RE) begin at a word start: these are the words.
_MONEY_WORDS = frozenset(f"{scale}s" for scale in SCALES)
_PERCENT_WORDS = _first_words([*PERCENT_WORDS, *_TENS.split("|")])
_COUNT_WORDS = _first_words(list(NUMBER_WORDS))
_ANY_WORDS = _MONEY_WORDS | _PERCENT_WORDS | _COUNT_WORDS


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
    """A float from '1,234.5' or a number word ("two", "twenty-five"); None if it is not a finite
    number."""
    if not text:
        return None
    low = " ".join(text.lower().replace("-", " ").split())
    if low in NUMBER_WORDS:
        return float(NUMBER_WORDS[low])
    if low in PERCENT_WORDS:
        return float(PERCENT_WORDS[low])
    tens, _, unit = low.partition(" ")
    if tens in PERCENT_WORDS and unit in PERCENT_WORDS and PERCENT_WORDS[unit] < 10:
        return float(PERCENT_WORDS[tens] + PERCENT_WORDS[unit])
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


def _with_qualifiers(text: str, starts: set[int]) -> list[int]:
    """The positions where a match may begin: a number's own start, or a qualifier ("more than")
    standing before it with only whitespace between."""
    out = set(starts)
    for start in starts:
        space = start
        while space > 0 and text[space - 1].isspace():
            space -= 1
        if space < start:
            out.update(space - n for n in _QUAL_LENGTHS if space >= n)
    return sorted(out)


def match_starts(text: str) -> dict[re.Pattern[str], list[int]]:
    """For MONEY_RE, PERCENT_RE and COUNT_RE: a sorted list holding every position where a match
    can begin (and more). Each pattern opens with an optional qualifier and then needs a digit, a
    currency symbol or one of its words; those are found by cheap scans."""
    runs: set[int] = set()  # where a \b before a digit can hold
    digits: set[int] = set()
    for run in _DIGIT_RUN.finditer(text):
        if run.end() - run.start() <= LONGEST_NUMBER:  # (a longer run is no amount: each of its
            runs.add(run.start())  # digits tried as a start would scan the rest of it again)
            digits.update(range(run.start(), run.end()))
    symbols = {m.end() - n for m in _SYMBOL_ENDS.finditer(text) for n in _SYMBOL_LENGTHS if m.end() >= n}
    words: dict[re.Pattern[str], set[int]] = {MONEY_RE: set(), PERCENT_RE: set(), COUNT_RE: set()}
    for m in _WORD.finditer(text):
        word = m.group()
        low = word.lower() if word.isascii() else ""  # a non-ASCII word may match by case folding
        if low and low not in _ANY_WORDS:
            continue
        for pattern, listed in (
            (MONEY_RE, _MONEY_WORDS),
            (PERCENT_RE, _PERCENT_WORDS),
            (COUNT_RE, _COUNT_WORDS),
        ):
            if not low or low in listed:
                words[pattern].add(m.start())
    return {
        MONEY_RE: _with_qualifiers(text, runs | symbols | words[MONEY_RE]),
        PERCENT_RE: _with_qualifiers(text, digits | words[PERCENT_RE]),
        COUNT_RE: _with_qualifiers(text, runs | words[COUNT_RE]),
    }


def finditer_at(pattern: re.Pattern[str], text: str, starts: list[int]) -> list[re.Match[str]]:
    """`pattern.finditer(text)` when every match begins at one of `starts` (sorted) and none is
    empty: the pattern is tried only there."""
    out: list[re.Match[str]] = []
    end = 0
    for start in starts:
        if start < end:
            continue
        m = pattern.match(text, start)
        if m is not None:
            out.append(m)
            end = m.end()
    return out


def find_amounts(doc: Doc, claims: list[Claim]) -> list[Amount]:
    """Money, percentages and counts in the doc, linked to the claim whose content holds them."""
    text = doc_text(doc)
    out: list[Amount] = []
    taken: list[tuple[int, int]] = []
    starts = match_starts(text)
    try:
        for pattern, build in (
            (MONEY_RE, money_from_match),
            (BARE_SCALE_RE, bare_scale_from_match),
            (PERCENT_RE, percent_from_match),
        ):
            found = (
                finditer_at(pattern, text, starts[pattern]) if pattern in starts else pattern.finditer(text)
            )
            for m in found:
                parsed = build(m)
                if not _taken(taken, parsed.start, parsed.end):
                    out.append(_to_amount(parsed, text, 0, claims))
                    taken.append((parsed.start, parsed.end))
        for m in finditer_at(COUNT_RE, text, starts[COUNT_RE]):
            if not _taken(taken, *m.span()) and _count_ok(doc, *m.span()):
                out.append(_to_amount(count_from_match(m), text, 0, claims))
                taken.append(m.span())
    except (ValueError, KeyError, OverflowError, TypeError):
        return out
    out.sort(key=lambda a: a.start)
    return distinct_amounts(share_scales(out, text))


def distinct_amounts(amounts: list[Amount]) -> list[Amount]:
    """One row per amount an article states: a later mention written the same way and with the same
    value ("750 billion dollars" in the lead and again in a quote) is a restatement, not a second
    amount, so sums over an article do not count it twice. The row keeps the first position and,
    when the first mention lies in no claim, the claim of the first repeat that does. Another
    spelling of the value ("$750B" beside "$750 billion") stays a row of its own."""
    out: list[Amount] = []
    first: dict[tuple[str, float | None, str | None, str], int] = {}
    for a in amounts:
        key = (a.kind, a.value, a.unit, " ".join(a.text.lower().split()))
        if a.value is None or key not in first:
            first.setdefault(key, len(out))
            out.append(a)
        elif out[first[key]].claim_index is None and a.claim_index is not None:
            out[first[key]] = replace(out[first[key]], claim_index=a.claim_index)
    return out


# What may stand between the members of a list or range of amounts ("$20 or $21, maybe even $22
# trillion", "$5-$10 billion", "between 3 and 4 million euros").
_LIST_GAP = re.compile(r"(?:[\s,;\-\u2013\u2014]|\b(?:or|and|to|maybe|even|perhaps|possibly|up)\b)*")
_SCALE_WORD = re.compile(rf"\b(?:{_SCALE})\b|\d(?:{_SCALE})\b", re.IGNORECASE)


def share_scales(amounts: list[Amount], text: str) -> list[Amount]:
    """Give the members of a list or range of money amounts the scale written only on the last one:
    in "$20 or $21, maybe even $22 trillion" all three are trillions. A member keeps its value when it
    has a scale of its own or is already as large as the scaled last one."""
    out = list(amounts)
    carried: float | None = None  # the scale of the list member after the current one
    for i in range(len(out) - 1, -1, -1):
        a = out[i]
        own = _SCALE_WORD.search(a.text)
        scale = SCALES.get(own.group().lstrip("0123456789").lower()) if own else None
        b = out[i + 1] if i + 1 < len(out) else None
        shared = (
            scale is None
            and carried is not None
            and b is not None
            and a.kind == b.kind == "money"
            and a.unit == b.unit
            and a.value is not None
            and b.value is not None
            and _LIST_GAP.fullmatch(text[a.end : b.start]) is not None
            and a.value * carried <= b.value * 10
        )
        if shared and a.value is not None and carried is not None:
            value = a.value * carried
            out[i] = replace(a, value=value, value_usd=_usd(value, a.unit))
            scale = carried
        carried = scale if a.kind == "money" else None
    return out
