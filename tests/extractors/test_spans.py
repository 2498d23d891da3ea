"""The per-doc token columns equal what spaCy's Token, Span and sentence objects give."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from extractors.nlp import load_nlp
from extractors.spans import (
    doc_text,
    indices_with_lower,
    indices_with_pos,
    sent_bounds,
    sentence_ranges,
    span_text,
    token_flags,
    token_starts,
    token_texts,
)
from newsflow.core.settings import get_settings

TEXT = (
    "Key Points:\n\nAccording to the  ministry, prices rose 3%\tin May.\n"
    "In his view, the deal \u2014 worth \u00a3600m \u2014 was \u201cfair\u201d, Mr Blair said.  \n\n"
    "  Ngozi Okonjo-Iweala, the WTO chief, said: \u201cWe will act.\u201d \n"
)


@pytest.fixture(scope="module")
def doc() -> Doc:
    """A parsed text with line breaks, runs of spaces, a tab, dashes and curly quotes."""
    nlp: Language = load_nlp(get_settings().spacy_model)
    return nlp(TEXT)


def test_columns_equal_the_token_attributes(doc: Doc) -> None:
    assert doc_text(doc) == doc.text == TEXT
    assert token_texts(doc) == [t.text for t in doc]
    assert token_starts(doc) == [t.idx for t in doc]
    assert token_flags(doc, "space") == [t.is_space for t in doc]
    assert token_flags(doc, "alpha") == [t.is_alpha for t in doc]
    assert indices_with_pos(doc, {"VERB", "AUX"}) == [t.i for t in doc if t.pos_ in {"VERB", "AUX"}]
    assert indices_with_lower(doc, {"according", "in"}) == [
        t.i for t in doc if t.lower_ in {"according", "in"}
    ]


def test_sentences_equal_spacy_sentences(doc: Doc) -> None:
    sents = list(doc.sents)
    assert len(sents) > 3
    assert sentence_ranges(doc) == [(s.start, s.end) for s in sents]
    for token in doc:
        assert sent_bounds(doc, token.i) == (token.sent.start, token.sent.end - 1)


@pytest.mark.parametrize("start", [-40, -3, 0, 1, 7, 30, 200])
@pytest.mark.parametrize("end", [-50, -1, 0, 2, 8, 31, 200])
def test_span_text_slices_like_a_span(doc: Doc, start: int, end: int) -> None:
    assert span_text(doc, start, end) == doc[start:end].text


def test_empty_doc(doc: Doc) -> None:
    empty = Doc(doc.vocab, words=[])
    assert (doc_text(empty), token_texts(empty), span_text(empty, 0, 3)) == ("", [], "")
