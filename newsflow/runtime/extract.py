"""The NLP stage of one chunk of articles, shared by the in-process stage and the worker pool."""

from __future__ import annotations

from newsflow.core.records import CleanArticle, ExtractedArticle, Failure
from newsflow.core.settings import Settings
from warehouse.staging import StagedRows, stage_extracted

__all__ = ["Extraction", "extract_articles"]

Extraction = ExtractedArticle | Failure | StagedRows


def extract_articles(settings: Settings, run_id: str, articles: list[CleanArticle]) -> list[Extraction]:
    """NLP in this process; an article that breaks an extractor fails alone; staged if configured."""
    from extractors.nlp import extract

    out: list[Extraction] = []
    try:
        out.extend(extract(articles, settings))
    except Exception:
        out = []
        for art in articles:
            try:
                out.extend(extract([art], settings))
            except Exception as exc:
                out.append(Failure(art.source, art.locator, "extract", type(exc).__name__, repr(exc)))
    if settings.staging_dir is None:
        return out
    done = [x for x in out if isinstance(x, ExtractedArticle)]
    staged = stage_extracted(settings.staging_dir, run_id, done, settings.spacy_model)
    kept: list[Extraction] = [x for x in out if not isinstance(x, ExtractedArticle)]
    return [*kept, staged]
