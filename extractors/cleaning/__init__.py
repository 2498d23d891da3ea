"""HTML and text cleaning (BeautifulSoup + lxml): RawDocument to CleanArticle."""

from extractors.cleaning.clean import clean
from extractors.cleaning.decode import decode_html, decode_text
from extractors.cleaning.html import clean_html
from extractors.cleaning.language import detect_language
from extractors.cleaning.metadata import Metadata, extract_metadata
from extractors.cleaning.text import clean_text

__all__ = [
    "Metadata",
    "clean",
    "clean_html",
    "clean_text",
    "decode_html",
    "decode_text",
    "detect_language",
    "extract_metadata",
]
