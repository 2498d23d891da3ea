"""HTML → main article text, blocks and metadata (lxml tree, one parse, iterative walks)."""

from __future__ import annotations

import re
from collections.abc import Callable

from extractors.blocks import Part, collect_blocks, join_blocks
from extractors.boilerplate import is_boilerplate
from extractors.content import choose_containers, prose_scores
from extractors.htmltree import HtmlElement, TextStats, parse_html, strip_non_content, text_stats
from extractors.metadata import Metadata, extract_metadata
from newsflow.records import CleanArticle, RawDocument

NOISE_LINES = frozenset({"advert", "advertisement", "ad", "ads", "sponsored", "comments", "comment",
                         "share", "sharethis", "sharethisarticle", "shareonfacebook", "tweet",
                         "printthisarticle", "print", "email", "readmore", "continuereading",
                         "skipadvert", "advertisementcontinuereadingbelow", "storycontinuesbelow",
                         "storycontinuesbelowadvertisement", "relatedarticles", "relatedstories",
                         "tellusyourthoughts", "leaveacomment", "loadingcomments", "showcomments",
                         "updated", "published", "close", "menu", "search"})
_SHORTCODE = re.compile(r"\[(\w+)[^\]]*\].*\[/\1\]|\[\w+[^\]]*\]", re.DOTALL)
_NON_ALNUM = re.compile(r"[\W_]+")
_BY = re.compile(r"(?:by|von|par|por|door|di)\s+", re.IGNORECASE)
_NAME_SEPARATOR = re.compile(r"\s*(?:,|\band\b|\bund\b|\bet\b|&)\s*")
GUARD_SHARE = 0.5  # a cut may not remove more than this share of the container's non-link text


def clean_html(raw: RawDocument, html: str) -> CleanArticle:
    """Main text (heading/paragraph/list/table/quote blocks joined by blank lines) and metadata."""
    root = parse_html(html)
    meta = extract_metadata(root, raw, html) if root is not None else Metadata()
    parts: list[Part] = main_text(root, meta.title) if root is not None else []
    text, blocks = join_blocks(parts)
    article = CleanArticle(
        source=raw.source, locator=raw.locator, external_id=raw.external_id,
        raw_hash=raw.raw_hash, text=text, blocks=blocks, url=raw.url,
    )
    meta.apply(article, text)
    return article


def main_text(root: HtmlElement, title: str | None) -> list[Part]:
    """The article's blocks: pick the container, cut boilerplate inside it, drop the headline."""
    strip_non_content(root)
    stats = text_stats(root)
    containers = choose_containers(root, stats, prose_scores(stats))
    parts = collect_blocks(containers, _skipper(containers, stats))
    return _drop_headline(parts, title)


def _skipper(containers: list[HtmlElement], stats: TextStats) -> Callable[[HtmlElement], bool]:
    """A predicate cutting boilerplate subtrees, guarded by the containers' non-link text."""
    own = sum(stats.text.get(c, 0) - stats.links.get(c, 0) for c in containers)
    budget = int(GUARD_SHARE * own)
    return lambda el: is_boilerplate(el, stats, budget)


def _drop_headline(parts: list[Part], title: str | None) -> list[Part]:
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
    """"By Jane Doe and John Roe": a by-word followed only by capitalised names."""
    match = _BY.match(text)
    if not match:
        return False
    names = [n for n in _NAME_SEPARATOR.split(text[match.end():].rstrip(" .")) if n]
    return bool(names) and all(
        1 <= len(words := name.split()) <= 4 and all(w[0].isupper() for w in words)
        for name in names
    )


def _key(text: str) -> str:
    """A comparison key: lowercase letters and digits only."""
    return _NON_ALNUM.sub("", text.lower())
