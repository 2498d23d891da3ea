"""Attribution extraction: who said, pledged or agreed what (placeholder, see issue 7)."""

from __future__ import annotations

from spacy.tokens import Doc

from newsflow.records import Claim, ClaimEntity, CleanArticle, LocalEntity, Mention


def extract_claims(
    doc: Doc, article: CleanArticle, entities: list[LocalEntity], mentions: list[Mention]
) -> tuple[list[Claim], list[ClaimEntity]]:
    """Find attributed statements in the doc and link speakers to entities."""
    return [], []
