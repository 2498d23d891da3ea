"""The lookup twins of the attribute ruler and the lemmatizer give what the shipped components give."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from extractors.fast_rules import LemmaMemo, attribute_table
from extractors.nlp import load_nlp
from newsflow.core.settings import get_settings

# Word exceptions of English attribute rules and lemmas: pronouns by case, "do"/"have" as main
# verbs, existential "there", "ain't", "y'all", "nothin'", irregular verbs, blank lines, titles.
SAMPLES = [
    "I told you it was fine, but you did not believe me.\n\nThey gave it to me and I kept it.",
    "There are three reasons. There's no doubt, y'all, we ain't got nothin' to hide.",
    "She has a dog. He did his homework and got better marks; it gets easier.",
    "The ministers said on Tuesday that the talks, which began in Geneva, had been 'productive'.",
    "Mr. Smith, 54, was seen leaving No. 10 Downing St. at 5 p.m.  \n  Nobody else spoke.",
    "Shares of Acme Corp. fell 3.5% to $12.40 after analysts cut their forecasts.",
]

ATTRIBUTES = ("tag_", "pos_", "morph", "dep_", "head", "lemma_", "ent_type_", "is_sent_start")


def _rows(doc: Doc) -> list[tuple[object, ...]]:
    return [tuple(str(getattr(t, a)) for a in ATTRIBUTES) for t in doc]


@pytest.fixture(scope="module")
def pipelines() -> tuple[Language, Language]:
    """The model as shipped and with both lookup twins."""
    model = get_settings().spacy_model
    return load_nlp(model, (), ()), load_nlp(model, (), ("attribute_table", "lemma_memo"))


def test_twins_replace_the_components_and_the_default_uses_them(pipelines: tuple[Language, Language]) -> None:
    shipped, fast = pipelines
    assert {"attribute_ruler", "lemmatizer"} <= set(shipped.pipe_names)
    assert {"attribute_ruler", "lemmatizer"}.isdisjoint(fast.pipe_names)
    assert {"attribute_ruler", "lemmatizer"} <= set(fast.disabled)
    assert fast.pipe_names.index("newsflow_attribute_table") < fast.pipe_names.index("newsflow_lemma_memo")
    assert set(get_settings().spacy_fast_rules) == {"attribute_table", "lemma_memo"}


@pytest.mark.parametrize("text", SAMPLES)
def test_same_tokens_as_the_shipped_pipeline(pipelines: tuple[Language, Language], text: str) -> None:
    shipped, fast = pipelines
    assert _rows(fast(text)) == _rows(shipped(text))


def test_every_rule_of_the_model_compiles(pipelines: tuple[Language, Language]) -> None:
    ruler = pipelines[0].get_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    table = attribute_table(ruler)
    assert table is not None
    orders = {p.order for patterns in table.index.values() for ps in patterns.values() for p in ps}
    assert orders | {p.order for p in table.anywhere} == set(range(len(ruler.patterns)))


def _ruler_and_docs() -> tuple[AttributeRuler, list[Doc]]:
    """A small ruler with overlapping rules, a negative index, two-token, NOT_IN and REGEX rules."""
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    ruler.add([[{"TAG": "NN"}]], {"POS": "NOUN", "MORPH": "Number=Sing"})
    ruler.add([[{"TAG": "NN", "LOWER": "data"}]], {"MORPH": "Number=Plur"})  # later: overrides
    ruler.add([[{"LOWER": {"IN": ["the", "a"]}}, {"TAG": {"NOT_IN": ["NN"]}}]], {"POS": "DET"}, index=0)
    ruler.add([[{"DEP": "amod"}, {"LOWER": {"REGEX": "^dat"}}]], {"LEMMA": "datum"}, index=-1)
    ruler.add([[{"IS_SPACE": True}]], {"TAG": "_SP", "POS": "SPACE"})
    ruler.add([[{"TAG": "NN", "DEP": {"NOT_IN": ["nsubj"]}}]], {"POS": "PROPN"})
    words = ["the", "big", "data", "the", "data", "\n", "a", "table"]
    tags = ["DT", "JJ", "NN", "DT", "NN", "_SP", "DT", "NN"]
    deps = ["det", "amod", "nsubj", "det", "dobj", "dep", "det", "pobj"]
    heads = [2, 2, 2, 4, 2, 4, 7, 4]
    docs = [Doc(nlp.vocab, words=words, tags=tags, deps=deps, heads=heads) for _ in range(2)]
    return ruler, docs


def test_table_matches_the_ruler_on_overlapping_rules() -> None:
    ruler, (by_ruler, by_table) = _ruler_and_docs()
    table = attribute_table(ruler)
    assert table is not None
    ruler(by_ruler)
    table(by_table)
    assert _rows(by_table) == _rows(by_ruler)
    assert [t.pos_ for t in by_table] == ["DET", "", "NOUN", "", "PROPN", "SPACE", "", "PROPN"]
    assert str(by_table[4].morph) == "Number=Plur"
    assert by_table[2].lemma_ == "datum"


def test_rules_it_cannot_compile_leave_the_ruler_as_shipped() -> None:
    ruler, _ = _ruler_and_docs()
    ruler.add([[{"POS": "NOUN", "OP": "+"}]], {"TAG": "NNS"})
    assert attribute_table(ruler) is None


def test_lemma_memo_gives_the_lemmatizer_lemmas_once_per_form(pipelines: tuple[Language, Language]) -> None:
    shipped = pipelines[0]
    lemmatizer = shipped.get_pipe("lemmatizer")
    memo = LemmaMemo(lemmatizer)  # type: ignore[arg-type]
    text = "The officials were saying that talks had gone badly, and the officials said so again."
    expected = [t.lemma_ for t in shipped(text)]
    with shipped.select_pipes(disable=["lemmatizer"]):
        doc = shipped(text)
    assert not any(t.lemma for t in doc if t.pos_ != "AUX")
    assert [t.lemma_ for t in memo(doc)] == expected
    size = len(memo.memo)
    assert size < len(doc)  # "the officials" twice: one entry each
    with shipped.select_pipes(disable=["lemmatizer"]):
        again = memo(shipped(text))
    assert [t.lemma_ for t in again] == expected and len(memo.memo) == size
