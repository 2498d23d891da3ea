"""The standfirst: prose between the headline and the body container.

Many layouts put a summary, intro or first paragraph between the headline (the <h1>; on pages
without one before the body, a heading marked as the headline or repeating the title) and the element
holding the body (in the article header, in a "lead" block, as a subheading). Walking back in
document order from the body to the headline, prose blocks are taken; page regions holding a link
and link-dense blocks end the walk (what lies behind them is not adjacent to the body); blocks
inside a boilerplate element (byline, caption, share bar, figure) or a link-free page region (a
share bar of buttons, an ad slot) are passed over.

A dek (the summary line set in the headline's own group) is headline material for some
conventions and body text for others: the article-text dev set's ground truth leaves it out, the
snippet set's keeps it. A lede paragraph set apart from the headline group is body text for both.
So a block is taken only when it has two sentences or more (alone, or with the like <p>s beside
it: a lede set one sentence to a paragraph; one-line points in a list or in boxes are a summary) and
its parent does not hold the headline. Measured (both dev sets): taking every prose block gave
the snippet set +0.014 F1 and cost the article-text set 0.005; two sentences or more still touched
4 article-text pages (-0.002), all of them blocks beside the headline. Nothing is taken when there
is no headline before the body, or when what lies between is longer than the body: then the <h1>
is not this body's headline."""

from __future__ import annotations

from bs4 import Tag

from extractors.cleaning.blockfilter import names_title, text_key, title_lengths
from extractors.cleaning.boilerplate import HEADINGS, is_boilerplate, link_dense, sentence_count, slot_caption
from extractors.cleaning.htmltree import (
    BLOCK_TAGS,
    BOILERPLATE_TAGS,
    TextStats,
    attr,
    element_beside,
    kind,
    text_of,
)

MIN_PROSE = 40  # characters of a block's own prose for it to be a standfirst block
STANDFIRST_LINKS = 0.3  # link density above which a block is not standfirst prose
# Boilerplate tags that may still hold the standfirst (an article header, a <time> inside it).
_HOLDERS = frozenset({"header", "time"})
MIN_SENTENCES = 2


def standfirst_elements(first: Tag, stats: TextStats, title: str | None = None) -> list[Tag]:
    """Prose blocks between the headline (see `_headline`) and `first` (the body's first element),
    in document order; [] when there is no such headline or the gap outweighs the body."""
    nodes, pos, size = stats.nodes, stats.pos, stats.size
    start = pos.get(id(first))
    if start is None:
        return []
    headline = _headline(nodes, start, title, stats)
    if headline is None:
        return []
    h1 = nodes[headline]
    end = headline + size[id(nodes[headline])]  # first node after the headline's subtree
    limit = stats.prose.get(id(first), 0)
    taken: list[Tag] = []
    for i in range(start - 1, end - 1, -1):
        el = nodes[i]
        key = id(el)
        if i + size[key] > start:
            continue  # an ancestor of the body (or of the headline's end): only its parts count
        text = stats.text.get(key, 0)
        if _links_away(el, stats, text):
            taken = [t for t in taken if not stats.contains(el, t)]
            break  # navigation or a teaser list: what lies behind is not the body's lead
        if key in stats.outside or _passed_over(el, stats):
            taken = [t for t in taken if not stats.contains(el, t)]
            continue
        if (stats.own_prose.get(key, 0) >= MIN_PROSE or _short_line(el, stats)) and _lede(
            el, h1, stats, start
        ):
            taken = [t for t in taken if not stats.contains(el, t)]
            taken.append(el)
    if not taken or sum(stats.text.get(id(t), 0) for t in taken) > limit:
        return []
    taken.reverse()
    return taken


def _links_away(el: Tag, stats: TextStats, text: int) -> bool:
    """Navigation or a teaser list: a page region holding a link, or a link-heavy block of
    MIN_PROSE characters or more. A region with no link (a share bar of buttons, an ad slot, an
    image box) points nowhere: the walk passes over it."""
    if id(el) in stats.outside:
        return stats.links.get(id(el), 0) > 0
    return el.name in BLOCK_TAGS and text >= MIN_PROSE and _link_heavy(el, stats)


def _link_heavy(el: Tag, stats: TextStats) -> bool:
    """A block whose text is mostly links."""
    key = id(el)
    text, links = stats.text.get(key, 0), stats.links.get(key, 0)
    return link_dense(el.name, text, links) or (
        text > 0 and links > STANDFIRST_LINKS * text and el.name == "p"
    )


def _passed_over(el: Tag, stats: TextStats) -> bool:
    """Boilerplate by tag or name (bylines, captions, share bars, figures), an article header or
    <time> excepted, or a box that opens with an empty slot and holds a caption (a picture with
    no <figure> markup, see `slot_caption`): its blocks are not taken, the walk goes on past it."""
    if el.name in _HOLDERS:
        return False
    return el.name in BOILERPLATE_TAGS or is_boilerplate(el, stats, 1 << 62) or slot_caption(el, stats)


def _short_line(el: Tag, stats: TextStats) -> bool:
    """A <p> too short to be a standfirst block alone ("Nobody objected."), which a lede set one
    sentence to a paragraph may still hold (see `_lede`)."""
    return el.name == "p" and bool(stats.text.get(id(el))) and not _link_heavy(el, stats)


def _lede(el: Tag, h1: Tag, stats: TextStats, start: int) -> bool:
    """A lede paragraph: not in the headline's own group (its parent does not hold the <h1>) and
    at least MIN_SENTENCES sentences long, alone or, for a <p>, with the like paragraphs beside it
    before the body (at `start`): a lede set one sentence to a paragraph."""
    parent = el.parent
    if parent is None or id(parent) not in stats.pos or stats.contains(parent, h1):
        return False
    sentences = sentence_count(text_of(el).strip())
    if sentences >= MIN_SENTENCES:
        return True
    if el.name != "p":
        return False  # one-line points, as a list or as boxes, are a summary
    like = kind(el)
    for direction in ("previous_sibling", "next_sibling"):
        sibling = element_beside(el, direction)
        while (  # like lines before the body, a short one too ("That is over now.")
            sentences < MIN_SENTENCES
            and sibling is not None
            and kind(sibling) == like
            and _short_line(sibling, stats)
            and stats.pos.get(id(sibling), start) < start
        ):
            sentences += sentence_count(text_of(sibling).strip())
            sibling = element_beside(sibling, direction)
    return sentences >= MIN_SENTENCES


def _headline(nodes: list[Tag], start: int, title: str | None, stats: TextStats) -> int | None:
    """Index of the last <h1> before `start`; on pages with none there, of the last heading
    marked as the headline (itemprop) or repeating the page title, else of the last element of
    any tag whose text is the page title or most of it (a headline set in a styled box; the title
    may add the site's name)."""
    found = next((i for i in range(start - 1, -1, -1) if nodes[i].name == "h1"), None)
    if found is not None:
        return found
    key = text_key(title) if title else None
    for i in range(start - 1, -1, -1):
        el = nodes[i]
        if el.name in HEADINGS and (
            attr(el, "itemprop") == "headline" or (key and text_key(text_of(el)) == key)
        ):
            return i
    if not key:
        return None
    lengths = title_lengths(key)
    for i in range(start - 1, -1, -1):  # a headline set in a box of any tag: the title's text
        el = nodes[i]
        if stats.text.get(id(el), 0) in lengths and names_title(text_key(text_of(el)), key):
            return i
    return None
