"""Cleaning and NLP extraction: plain, typed functions from RawDocument to ExtractedArticle."""
