"""Block-level clean-up after extraction: headline, byline, widget labels, CMS shortcodes."""

from __future__ import annotations

import re

from extractors.blocks import Part

NOISE_LINES = frozenset(
    {
        "advert",
        "advertisement",
        "ad",
        "ads",
        "sponsored",
        "comments",
        "comment",
        "share",
        "sharethis",
        "sharethisarticle",
        "shareonfacebook",
        "tweet",
        "printthisarticle",
        "print",
        "email",
        "readmore",
        "continuereading",
        "skipadvert",
        "advertisementcontinuereadingbelow",
        "storycontinuesbelow",
        "storycontinuesbelowadvertisement",
        "relatedarticles",
        "relatedstories",
        "tellusyourthoughts",
        "leaveacomment",
        "loadingcomments",
        "showcomments",
        "updated",
        "published",
        "close",
        "menu",
        "search",
    }
)
_SHORTCODE = re.compile(r"\[(\w+)[^\]]*\].*\[/\1\]|\[\w+[^\]]*\]", re.DOTALL)
_NON_ALNUM = re.compile(r"[\W_]+")
_BY = re.compile(r"(?:by|von|par|por|door|di)\s+", re.IGNORECASE)
_NAME_SEPARATOR = re.compile(r"\s*(?:,|\band\b|\bund\b|\bet\b|&)\s*")


def filter_blocks(parts: list[Part], title: str | None) -> list[Part]:
    """Remove the headline (a heading, or an early block, repeating the title), a leading
    "By ..." byline, widget labels ("Advertisement", "Share") and CMS shortcodes."""
    key = _key(title) if title else None
    kept: list[Part] = []
    for index, (kind, text) in enumerate(parts):
        short = len(text) <= 300
        if short and (kind == "heading" or index < 3) and _key(text) == key:
            continue
        if index < 3 and len(text) < 80 and is_byline(text):
            continue
        if short and (_key(text) in NOISE_LINES or _SHORTCODE.fullmatch(text)):
            continue
        kept.append((kind, text))
    return kept


def is_byline(text: str) -> bool:
    """ "By Jane Doe and John Roe": a by-word followed only by capitalised names."""
    match = _BY.match(text)
    if not match:
        return False
    names = [n for n in _NAME_SEPARATOR.split(text[match.end() :].rstrip(" .")) if n]
    return bool(names) and all(
        1 <= len(words := name.split()) <= 4 and all(w[0].isupper() for w in words) for name in names
    )


def _key(text: str) -> str:
    """A comparison key: lowercase letters and digits only."""
    return _NON_ALNUM.sub("", text.lower())
