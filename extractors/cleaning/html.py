"""HTML → main article text, blocks and metadata (one BeautifulSoup/lxml parse, iterative walks)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from bs4 import Tag

from extractors.cleaning.blockfilter import filter_blocks
from extractors.cleaning.blocks import Part, collect_blocks, join_blocks
from extractors.cleaning.boilerplate import (
    TEXT_AFTER_PROSE,
    TextAfter,
    cut_past_guard,
    heading_block,
    is_boilerplate,
    is_link_boilerplate,
    links_most,
    text_outside_links,
)
from extractors.cleaning.content import (
    MIN_POST,
    body_of,
    choose_containers,
    choose_within,
    measure,
    named_body,
    page_headline,
)
from extractors.cleaning.htmltree import Scan, TextStats, page_scan, parsed_page, strip_non_content
from extractors.cleaning.lead import lead_elements
from extractors.cleaning.metadata import Metadata, extract_metadata
from extractors.cleaning.scripted import body_text_parts, story_missing
from extractors.cleaning.standfirst import standfirst_elements
from extractors.cleaning.stories import own_story
from extractors.cleaning.textmeasure import text_length
from newsflow.core.records import CleanArticle, RawDocument

GUARD_SHARE = 0.5  # a cut may not remove more than this share of the container's non-link text
KEPT_SHARE = 0.3  # when cuts together leave less than this share, they are undone
PARAGRAPH_SHARE = 0.5  # share of the text the cuts by shape leave that must be paragraphs to keep them


def clean_html(raw: RawDocument, html: str) -> CleanArticle:
    """Main text (heading/paragraph/list/table/quote blocks joined by blank lines) and metadata."""
    meta, parts = Metadata(), []
    with parsed_page(html) as root:
        if root is not None:
            found = page_scan(root)
            meta = extract_metadata(root, found, raw, html)
            parts = main_text(root, found, meta.title, meta.authors)
            if story_missing(meta.article_body, found.page_chars):
                parts = body_text_parts(meta.article_body or "")
    text, blocks = join_blocks(parts)
    article = CleanArticle(
        source=raw.source,
        locator=raw.locator,
        external_id=raw.external_id,
        raw_hash=raw.raw_hash,
        text=text,
        blocks=blocks,
        url=raw.url,
    )
    meta.apply(article, text)
    return article


def main_text(root: Tag, found: Scan, title: str | None, authors: Sequence[str] = ()) -> list[Part]:
    """The article's blocks: pick the container, cut boilerplate inside it, drop the headline (and a
    closing note on one of the `authors`)."""
    stats, containers = content_roots(root, found, title)
    own = sum(text_outside_links(c, stats) for c in containers)
    budget = int(GUARD_SHARE * own)
    text_after = TextAfter(containers, stats, budget)
    marked, heading = partial(links_most, stats=stats), partial(heading_block, stats=stats)
    parts = collect_blocks(
        containers, lambda el: is_boilerplate(el, stats, budget, text_after=text_after), marked, heading
    )
    past_guard = False  # the cuts past the undo guard stand in the last fallback too
    if _length(parts) < KEPT_SHARE * own:
        sure = sum(text_outside_links(el, stats) for el in _past_guard(containers, stats))
        if own - sure >= MIN_POST:  # a post's worth of text beside teasers and replies: not all list
            own, past_guard = own - sure, True  # (none of it the story's: it does not count)
    if _length(parts) < KEPT_SHARE * own:
        # Many small cuts took most of the text: undo those made by weak class words only.
        parts = collect_blocks(
            containers, lambda el: is_boilerplate(el, stats, budget, weak=False), marked, heading
        )
    if _length(parts) < KEPT_SHARE * own:
        # Still most of the text: when the names mark the story itself (a paywall's class on every
        # paragraph), the cuts by shape alone (cards, forms, captions) leave its paragraphs.
        shaped = collect_blocks(
            containers, lambda el: is_boilerplate(el, stats, budget, named=False), marked, heading
        )
        if paragraphs_left(shaped, own):
            parts = shaped
    if _length(parts) < KEPT_SHARE * own:
        # Still most of the text: undo them all, keep only the link-dense cuts.
        parts = collect_blocks(
            containers, lambda el: is_link_boilerplate(el, stats, budget, past_guard), heading=heading
        )
    return filter_blocks(parts, title, authors)


def _past_guard(containers: list[Tag], stats: TextStats) -> list[Tag]:
    """The outermost boxes inside `containers` that the cuts remove past the undo guard (see
    `cut_past_guard`)."""
    found: list[Tag] = []
    for container in containers:
        nodes = stats.subtree(container)
        index = 1
        while index < len(nodes):
            el = nodes[index]
            if cut_past_guard(el, stats):
                found.append(el)
                index += stats.size[id(el)]
            else:
                index += 1
    return found


def paragraphs_left(parts: list[Part], own: int) -> bool:
    """The cuts left KEPT_SHARE of the containers' `own` text, and PARAGRAPH_SHARE of what they
    left is in paragraphs (blocks of TEXT_AFTER_PROSE characters or more), not short lines."""
    kept = _length(parts)
    paragraphs = sum(n for n in (text_length(text) for _, text in parts) if n >= TEXT_AFTER_PROSE)
    return kept >= KEPT_SHARE * own and paragraphs >= PARAGRAPH_SHARE * kept


def _length(parts: list[Part]) -> int:
    """The text length of the blocks (see `text_length`)."""
    return sum(text_length(text) for _, text in parts)


def content_roots(root: Tag, found: Scan, title: str | None) -> tuple[TextStats, list[Tag]]:
    """The page's statistics (non-content and hidden elements removed) and the elements the text
    is taken from, in document order: standfirst, lead, then the body container(s)."""
    stats = measure(strip_non_content(found, named_body), found.toggles)
    headline = page_headline(found.named["h1"], found.named["h2"], stats, title)
    containers = choose_containers(root, stats, headline)
    story = own_story(body_of(root), containers[0], stats, found.named["h1"], title)
    if story is not None:
        containers = choose_within(story, stats, headline)
    containers = lead_elements(containers[0], stats, body_of(root)) + containers
    return stats, standfirst_elements(containers[0], stats, title) + containers
