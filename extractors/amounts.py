"""Amounts: money, percentages and counts with normalised values (placeholder, see issue 7)."""

from __future__ import annotations

from spacy.tokens import Doc

from newsflow.records import Amount, Claim


def find_amounts(doc: Doc, claims: list[Claim]) -> list[Amount]:
    """Money, percentages and counts in the doc, linked to the claim whose content holds them."""
    return []
