"""The model's two rule-based components, run exactly but by lookup: same output, a fraction of the CPU.

* `AttributeTable` for `attribute_ruler`: spaCy runs its ~180 patterns (tag → POS and morphology,
  word exceptions) through the Matcher, whose IN / NOT_IN / REGEX tests are Python calls at every
  token (≈ 5 ms per article). The same patterns, indexed by the word or tag their first token
  needs, give the same matches, written in the ruler's order. Only the pattern language the rules
  use is compiled (equality, IN, NOT_IN, REGEX on LOWER/TAG/DEP/IS_SPACE); any other ruler runs as
  shipped.
* `LemmaMemo` for `lemmatizer`: spaCy's lemmatizer is a function of a token's word, POS and
  morphology (its own cache is keyed so), but its cache misses every token that returns early
  (proper nouns, punctuation, base forms), so it costs ≈ 5 ms per article. The memo keeps every
  answer, keyed the same way, and sets the lemmas of a Doc in one array write.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

if TYPE_CHECKING:
    from thinc.types import Ints2d

_COLUMNS = {"LOWER": 0, "TAG": 1, "DEP": 2, "IS_SPACE": 3}  # the order anchors are chosen in
_ATTR_IDS = [LOWER, TAG, DEP, IS_SPACE]

# One test on one token: its column's value (a string hash, or 0/1 for IS_SPACE) → passes or not.
Test = tuple[int, Callable[[int], bool]]


@dataclass(frozen=True, slots=True)
class _Pattern:
    """One alternative of one rule: its place among the rules, the tests of each of its tokens
    (the first token's anchor test left out: the lookup did it) and the token it writes to."""

    order: int
    tokens: tuple[tuple[Test, ...], ...]
    index: int


class AttributeTable:
    """Applies an `AttributeRuler`'s rules to a Doc exactly as the ruler does, by lookup."""

    def __init__(self, ruler: AttributeRuler, anchored: list[tuple[_Pattern, int, list[int]]]) -> None:
        self.attrs = ruler.attrs
        # column → value of the first token → the patterns that may start there; column -1: anywhere
        self.index: dict[int, dict[int, list[_Pattern]]] = {}
        self.anywhere: list[_Pattern] = []
        for pattern, column, keys in anchored:
            if column < 0:
                self.anywhere.append(pattern)
            for key in keys:
                self.index.setdefault(column, {}).setdefault(key, []).append(pattern)
        self.columns = sorted(self.index.items())

    def __call__(self, doc: Doc) -> Doc:
        """Find every rule match on the Doc as it is, then write them in the ruler's order."""
        rows = doc.to_array(_ATTR_IDS).tolist()
        n = len(rows)
        matches: set[tuple[int, int]] = set()
        for start, row in enumerate(rows):
            candidates = [p for column, table in self.columns for p in table.get(row[column], ())]
            for p in candidates + self.anywhere if self.anywhere else candidates:
                end = start + len(p.tokens)
                if end <= n and _passes(rows, start, p.tokens):
                    matches.add((p.order, start + p.index if p.index >= 0 else end + p.index))
        for order, target in sorted(matches):
            set_token_attrs(doc[target], self.attrs[order])
        return doc


def _passes(rows: list[list[int]], start: int, tokens: tuple[tuple[Test, ...], ...]) -> bool:
    """True when every token from `start` passes its tests."""
    for offset, tests in enumerate(tokens):
        row = rows[start + offset]
        for column, test in tests:
            if not test(row[column]):
                return False
    return True


class LemmaMemo:
    """Sets lemmas exactly as a rule or lookup `Lemmatizer` does, computing each distinct
    (word, POS, morphology) once per process."""

    max_entries = 200_000  # started afresh beyond this (≈ 40 MB): a long run's memory stays bounded

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.memo: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        """Fill the lemmas the lemmatizer would fill (all, or only unset ones unless it overwrites)."""
        if len(self.memo) > self.max_entries:
            self.memo.clear()
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3:4].copy()
        overwrite = self.lemmatizer.overwrite
        strings = doc.vocab.strings
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            value = self.memo.get(key)
            if value is None:
                value = self.memo[key] = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            lemmas[i, 0] = value
        doc.from_array([LEMMA], cast("Ints2d", lemmas))  # spaCy types to_array as floats
        return doc


@Language.factory("newsflow_attribute_table")
def make_attribute_table(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """The pipeline's attribute rules as an `AttributeTable` (the ruler itself if not compilable)."""
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    return attribute_table(ruler) or ruler


@Language.factory("newsflow_lemma_memo")
def make_lemma_memo(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """The pipeline's lemmatizer behind a `LemmaMemo`."""
    lemmatizer = nlp.get_pipe("lemmatizer")
    assert isinstance(lemmatizer, Lemmatizer)
    return LemmaMemo(lemmatizer)


def use_fast_rules(nlp: Language, attribute_rules: bool, lemmas: bool) -> None:
    """Swap the attribute ruler and the lemmatizer for their lookup twins where they apply; the
    originals stay loaded (disabled), so the pipeline's components and config are unchanged."""
    ruler = nlp.get_pipe("attribute_ruler") if "attribute_ruler" in nlp.pipe_names else None
    if attribute_rules and isinstance(ruler, AttributeRuler) and attribute_table(ruler) is not None:
        nlp.add_pipe("newsflow_attribute_table", after="attribute_ruler")
        nlp.disable_pipe("attribute_ruler")
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    if lemmas and isinstance(lemmatizer, Lemmatizer) and lemmatizer.mode in ("rule", "lookup"):
        nlp.add_pipe("newsflow_lemma_memo", after="lemmatizer")
        nlp.disable_pipe("lemmatizer")


def attribute_table(ruler: AttributeRuler) -> AttributeTable | None:
    """The ruler's rules compiled for lookup, or None if one uses what this does not compile."""
    anchored = []
    for order, rule in enumerate(ruler.patterns):
        index = int(ruler.indices[order])
        for alternative in cast(list[list[dict[str, Any]]], rule["patterns"]):
            if not -len(alternative) <= index < len(alternative):
                return None
            column, keys = _anchor(alternative[0])
            tokens = []
            for position, spec in enumerate(alternative):
                tests = _compile_token(ruler, spec, skip=column if position == 0 else None)
                if tests is None:
                    return None
                tokens.append(tests)
            anchored.append((_Pattern(order, tuple(tokens), index), column, keys))
    return AttributeTable(ruler, anchored)


def _anchor(spec: dict[str, Any]) -> tuple[int, list[int]]:
    """The column a pattern's first token is looked up by and the values it may have there (the
    first of LOWER, TAG, DEP, IS_SPACE tested for equality or IN), or (-1, []): anywhere."""
    for name, column in _COLUMNS.items():
        value = spec.get(name)
        if isinstance(value, str | bool):
            return column, [_value_id(value)]
        if isinstance(value, dict) and list(value) == ["IN"] and isinstance(value["IN"], list):
            return column, [_value_id(v) for v in value["IN"]]
    return -1, []


def _compile_token(ruler: AttributeRuler, spec: dict[str, Any], skip: int | None) -> tuple[Test, ...] | None:
    """The tests of one token's pattern (but the `skip` column's), or None if it uses an attribute
    or operator not handled."""
    tests: list[Test] = []
    for name, value in spec.items():
        column = _COLUMNS.get(name)
        if column is None:
            return None
        test = _compile_value(ruler, value)
        if test is None:
            return None
        if column != skip:
            tests.append((column, test))
    return tuple(tests)


def _value_id(value: str | bool) -> int:
    """A pattern value as the Matcher compares it: a string's hash, a flag's 0/1."""
    return int(value) if isinstance(value, bool) else get_string_id(value)


def _compile_value(ruler: AttributeRuler, value: object) -> Callable[[int], bool] | None:
    """One attribute's test, as the Matcher reads it: equal, IN, NOT_IN or REGEX (on the string)."""
    if isinstance(value, str | bool):
        key = _value_id(value)
        return lambda v: v == key
    if not isinstance(value, dict) or len(value) != 1:
        return None
    ((op, arg),) = value.items()
    if op in ("IN", "NOT_IN") and isinstance(arg, list):
        keys = frozenset(get_string_id(a) for a in arg)
        return (lambda v: v in keys) if op == "IN" else (lambda v: v not in keys)
    if op == "REGEX" and isinstance(arg, str):
        regex, strings = re.compile(arg), ruler.vocab.strings
        return lambda v: regex.search(strings[v]) is not None
    return None
