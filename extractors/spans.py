"""Small helpers over a spaCy parse shared by the claim, speaker and amount extractors."""

from __future__ import annotations

from spacy.tokens import Doc

__all__ = ["doc_text", "sent_bounds"]


def doc_text(doc: Doc) -> str:
    """The doc's text, built once per doc (spaCy rebuilds it on every `doc.text`)."""
    text = doc.user_data.get("newsflow_text")
    if not isinstance(text, str):
        text = doc.text
        doc.user_data["newsflow_text"] = text
    return text


def sent_bounds(doc: Doc, i: int) -> tuple[int, int]:
    """First and last token index of the sentence holding token i (cheaper than `token.sent`)."""
    start = i
    while start > 0 and not doc[start].is_sent_start:
        start -= 1
    end = i + 1
    while end < len(doc) and not doc[end].is_sent_start:
        end += 1
    return start, end - 1
