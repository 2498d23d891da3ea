"""Small helpers over a spaCy parse shared by the entity, claim, speaker and amount extractors.

A spaCy `Token` is made anew on every `doc[i]`, iteration or `.head`, and every `.text` or `.pos_`
is a string-store look-up: the helpers here read what the extractors scan over the whole doc once
per doc, as plain lists (cached in `doc.user_data`), so the scans make no Token objects.
"""

from __future__ import annotations

from itertools import pairwise

from spacy.attrs import IDX, IS_ALPHA, IS_SPACE, LOWER, ORTH, POS, SENT_START, SPACY
from spacy.tokens import Doc

__all__ = [
    "doc_text",
    "indices_with_lower",
    "indices_with_pos",
    "sent_bounds",
    "sent_starts",
    "sentence_ranges",
    "span_text",
    "token_flags",
    "token_starts",
    "token_texts",
]


def doc_text(doc: Doc) -> str:
    """The doc's text (`doc.text`), built once per doc (spaCy rebuilds it from Token objects on
    every `doc.text`)."""
    text = doc.user_data.get("newsflow_text")
    if not isinstance(text, str):
        spaces = _column(doc, SPACY)
        text = "".join([t + " " if space else t for t, space in zip(token_texts(doc), spaces, strict=True)])
        doc.user_data["newsflow_text"] = text
    return text


def _column(doc: Doc, attr: int) -> list[int]:
    """One token attribute of every token, read once per doc."""
    key = f"newsflow_column_{attr}"
    cached = doc.user_data.get(key)
    if isinstance(cached, list):
        return cached
    column: list[int] = doc.to_array(attr).tolist() if len(doc) else []
    doc.user_data[key] = column
    return column


def token_texts(doc: Doc) -> list[str]:
    """Every token's text (`[t.text for t in doc]`), read once per doc."""
    texts = doc.user_data.get("newsflow_token_texts")
    if not isinstance(texts, list):
        orths = _column(doc, ORTH)
        strings = doc.vocab.strings
        text_of = {orth: strings[orth] for orth in set(orths)}  # each distinct word looked up once
        texts = [text_of[orth] for orth in orths]
        doc.user_data["newsflow_token_texts"] = texts
    return texts


def span_text(doc: Doc, start: int, end: int) -> str:
    """The text of `doc[start:end]` (same slice rules), without making the Span."""
    n = len(doc)
    start = min(n, max(0, start + n if start < 0 else start))
    end = min(n, max(start, end + n if end < 0 else end))
    if start == end:
        return ""
    last = end - 1
    starts = token_starts(doc)
    return doc_text(doc)[starts[start] : starts[last] + len(token_texts(doc)[last])]


def token_starts(doc: Doc) -> list[int]:
    """Every token's character offset (`token.idx`)."""
    return _column(doc, IDX)


def token_flags(doc: Doc, flag: str) -> list[bool]:
    """A lexical flag of every token: "space" (`is_space`) or "alpha" (`is_alpha`)."""
    return [bool(v) for v in _column(doc, {"space": IS_SPACE, "alpha": IS_ALPHA}[flag])]


def indices_with_pos(doc: Doc, pos: set[str]) -> list[int]:
    """Indices of the tokens whose `pos_` is one of `pos`, in order."""
    wanted = {doc.vocab.strings[p] for p in pos}
    return [i for i, v in enumerate(_column(doc, POS)) if v in wanted]


def indices_with_lower(doc: Doc, words: set[str]) -> list[int]:
    """Indices of the tokens whose `lower_` is one of `words`, in order."""
    wanted = {doc.vocab.strings[w] for w in words}
    return [i for i, v in enumerate(_column(doc, LOWER)) if v in wanted]


def sent_starts(doc: Doc) -> list[bool]:
    """Per token: True where a sentence starts (`token.is_sent_start is True`)."""
    starts = doc.user_data.get("newsflow_sent_starts")
    if not isinstance(starts, list):
        starts = [v == 1 for v in _column(doc, SENT_START)]
        doc.user_data["newsflow_sent_starts"] = starts
    return starts


def sentence_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges [start, end) of `doc.sents`, without making the Span objects."""
    if not doc.has_annotation("SENT_START") or "sents" in doc.user_hooks:
        return [(s.start, s.end) for s in doc.sents]
    starts = sent_starts(doc)
    cuts = [i for i in range(1, len(doc)) if starts[i]]
    bounds = [0, *cuts, len(doc)] if len(doc) else []
    return list(pairwise(bounds))


def sent_bounds(doc: Doc, i: int) -> tuple[int, int]:
    """First and last token index of the sentence holding token i (cheaper than `token.sent`)."""
    starts = sent_starts(doc)
    start = i
    while start > 0 and not starts[start]:
        start -= 1
    end = i + 1
    while end < len(doc) and not starts[end]:
        end += 1
    return start, end - 1
