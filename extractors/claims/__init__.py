"""Claims: who said, pledged or agreed what (attribution rules, quotes, cues, speakers)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsflow.core.lazy import lazy_getattr

if TYPE_CHECKING:
    from extractors.claims.attribution import Attribution, find_attributions
    from extractors.claims.extract import claim_kind, extract_claims
    from extractors.claims.quotes import Quote, find_quotes
    from extractors.claims.speakers import SpeakerResolver

__all__ = [
    "Attribution",
    "Quote",
    "SpeakerResolver",
    "claim_kind",
    "extract_claims",
    "find_attributions",
    "find_quotes",
]

# Imported on first use, so one module of the package loads only what it needs.
_LAZY = {
    "Attribution": "extractors.claims.attribution",
    "Quote": "extractors.claims.quotes",
    "SpeakerResolver": "extractors.claims.speakers",
    "claim_kind": "extractors.claims.extract",
    "extract_claims": "extractors.claims.extract",
    "find_attributions": "extractors.claims.attribution",
    "find_quotes": "extractors.claims.quotes",
}


__getattr__ = lazy_getattr(__name__, _LAZY)
