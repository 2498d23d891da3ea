"""Cleaning and NLP extraction: plain, typed functions from RawDocument to ExtractedArticle.

`cleaning/` is BeautifulSoup + lxml (no spaCy); `entities/`, `claims/`, `amounts` and `nlp` work on
spaCy parses;
`similarity` is the pure likeness of reports and claims that the writer's cross-outlet links use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsflow.core.lazy import lazy_getattr

if TYPE_CHECKING:
    from extractors.cleaning.clean import clean
    from extractors.nlp import extract, load_nlp
    from extractors.similarity import ReportLikeness

__all__ = [
    "ReportLikeness",
    "clean",
    "extract",
    "load_nlp",
]

# Imported on first use, so `newsflow clean` never loads spaCy.
_LAZY = {
    "clean": "extractors.cleaning.clean",
    "extract": "extractors.nlp",
    "load_nlp": "extractors.nlp",
    "ReportLikeness": "extractors.similarity",
}


__getattr__ = lazy_getattr(__name__, _LAZY)
