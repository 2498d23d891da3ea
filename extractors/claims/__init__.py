"""Claims: who said, pledged or agreed what (attribution rules, quotes, cues, speakers)."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

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


def __getattr__(name: str) -> Any:
    """A public name of this package, imported from its module on first use."""
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
