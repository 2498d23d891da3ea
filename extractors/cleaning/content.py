"""Choose the element(s) holding the main article text: known containers, then text density."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from bs4 import Tag

from extractors.cleaning.blockfilter import (
    is_byline,
    is_date_line,
    is_date_stamp,
    names_title,
    text_key,
    title_lengths,
)
from extractors.cleaning.boilerplate import (
    CONTENT_CLASS,
    HEADINGS,
    PROSE_TAGS,
    TEASER_LINKS,
    TEXT_AFTER_PROSE,
    cut_for_certain,
    holds_paragraph,
    inside_wrappers,
    is_outside,
    is_picture,
    linked_title,
    opening_prose,
    parts_of,
    pointer_links,
    reply_thread,
    report_entry,
    set_as_paragraph,
)
from extractors.cleaning.htmltree import (
    BOILERPLATE_TAGS,
    REGION_PASS,
    TextStats,
    attr,
    child_tag,
    children,
    classes,
    element_beside,
    kind,
    norm_space,
    root_element,
    text_of,
    text_stats,
)

KNOWN_SHARE = 0.4  # a named article-body container must hold this share of the chosen prose
DESCEND_SHARE = 0.75  # descend into a child holding at least this share of its parent's prose
CHUNK_SHARE = 0.25  # like blocks beside the best child holding this share of its prose: a split body
MIN_POST = 200  # prose of a classed block for it to count as a post's body (posts, answers)
SERIES_ITEMS = 3  # cards that make a list of teasers
HEADLINE_PARAGRAPHS = 3  # paragraphs of prose that make the headline's block a story, not a header
HEADLINE_STORY = 1000  # or prose below the headline (text set out with <br>): more than a dek
SIBLING_LEVELS = 2  # how far up a named body beside the choice is looked for
ANCESTOR_GROWTH = 1.3  # a named container above the choice may add at most 30% more prose
ENTRY_SHARE = 0.5  # share of a region's prose in list items and forms that makes it entries
CHUNK_BOXES = frozenset({"div", "section", "article"})  # boxes a template sets a body out in, a run of them
# Blocks never chosen alone while their siblings hold text: a paragraph, one item of a list.
_UNITS = PROSE_TAGS | {"li", "dd", "dt"}


def measure(nodes: list[Tag], toggles: list[Tag] | None = None) -> TextStats:
    """Statistics of every element; page regions (footers, sidebars) pass a quarter of their prose."""
    return text_stats(nodes, is_outside, toggles)


def choose_containers(root: Tag, stats: TextStats, headline: Tag | None = None) -> list[Tag]:
    """The content root(s): descend by prose share, prefer a known container, merge siblings."""
    return choose_within(body_of(root), stats, headline)


def choose_within(body: Tag, stats: TextStats, headline: Tag | None = None) -> list[Tag]:
    """The content root(s) inside `body` (see choose_containers); `headline` is the page's own
    headline (see `page_headline`) when it has one."""
    node = _with_set_apart_post(body, _descend(body, stats), stats)
    known = _known_container(node, stats)
    if known is None:
        known = _known_ancestor(body, node, stats)
    if known is None:
        known = _known_sibling(body, node, stats)
    if known is not None:
        return _with_siblings(known, node, stats)
    if headline is not None:  # no named body to go by: the page's headline marks the story
        node = _with_set_apart_post(body, _descend(body, stats, headline), stats)
    return _with_chunks(node, stats)


def body_of(root: Tag) -> Tag:
    """The <body>, or the document when the page has none."""
    html = root_element(root)
    body = child_tag(html, "body") if html is not None else None
    return body if body is not None else root


def page_headline(h1s: list[Tag], h2s: list[Tag], stats: TextStats, title: str | None) -> Tag | None:
    """The one visible <h1> that is the page's title (or most of it), else the one such <h2> (the
    <h1> is the site's name), else the one such element of any tag (see `_headline_box`), else
    None."""
    if not title:
        return None
    key = text_key(title)
    for headings in (h1s, h2s):
        found = [
            h
            for h in headings
            if id(h) in stats.pos and stats.text.get(id(h)) and names_title(text_key(text_of(h)), key)
        ]
        if found:
            return found[0] if len(found) == 1 else None
    return _headline_box(stats, key)


def _headline_box(stats: TextStats, key: str) -> Tag | None:
    """The one element of any tag, holding no other such element and in no link, whose text is
    the page's title or most of it (a headline set in a styled box; a teaser's or a "more" link's
    title is no headline), else None."""
    lengths = title_lengths(key)
    found: list[Tag] = []
    for el in stats.nodes:
        if (
            stats.text.get(id(el), 0) in lengths
            and not stats.links.get(id(el))
            and names_title(text_key(text_of(el)), key)
            and el.find_parent("a") is None
        ):
            if found and stats.contains(found[-1], el):
                found[-1] = el  # the innermost of a box and its wrappers
            else:
                found.append(el)
    return found[0] if len(found) == 1 else None


def _descend(node: Tag, stats: TextStats, headline: Tag | None = None) -> Tag:
    """Walk down while one child holds most of its parent's prose, or clearly dominates its
    siblings once prose is discounted by link density (teaser lists beside the article). Lists of
    teaser cards are passed over; the walk stops at a parent that sets out text beside the best
    child (paragraphs, an intro, like chunks) and before a post nested in its like. With the
    page's `headline`, it goes into the headline's story where the share rule would stop, or
    would walk into a larger region of list entries and forms or a thread of replies beside it, or
    stop at a page region or a box the cuts remove for certain that outweighs it (see `_beside_box`:
    a consent window beside a short story, which the undo guard would then keep). From the
    headline's story it leaves the headline behind only for the body below its header group."""
    prose, text = stats.prose, stats.text
    passed: dict[tuple[str, str], Tag] = {}  # (tag, class) of the classed elements walked through
    anchored = False  # a step was taken to the headline's story
    while True:
        kids = children(node)
        ranked = sorted((c for c in kids if prose.get(id(c))), key=lambda c: -prose[id(c)])
        if not ranked:
            return node
        teasers = [c for c in ranked if _teaser_list(c, stats)]
        rest = [c for c in ranked if not any(c is t for t in teasers)]
        if teasers and rest and (_own_text(rest[0], stats) or _headline_story(rest[0], headline, stats)):
            ranked = rest
        else:
            teasers = []
        # (a list of teasers passed over is no story for replies to follow)
        beside = [c for c in kids if not any(c is t for t in teasers)] if teasers else kids
        replies = [c for c in ranked[:REPLY_RANKS] if _replies_after_story(c, beside, stats)]
        if replies:
            ranked = [c for c in ranked if not any(c is r for r in replies)]
            teasers += [r for r in replies if not cut_for_certain(r, stats)]
        best = ranked[0]
        region = id(best) in stats.outside
        if region or cut_for_certain(best, stats):
            story = _beside_box(best, kids, headline, region, stats)
            if story is not None:
                passed.setdefault((story.name, attr(story, "class") or ""), story)
                node, anchored = story, True  # the headline's story beside a larger region or box
                continue
            if region:
                return node  # a page region (sidebar, comments, related) is never walked into
        if (best.name in _UNITS or set_as_paragraph(best, stats)) and any(
            c is not best and text.get(id(c)) for c in kids
        ):
            return node  # keep the other (short) paragraphs or items beside a long one
        if _paragraphs_beside(best, kids, stats):
            return node  # paragraphs set out beside the best child (a list, a block): it is a part
        intros = (c for c in _before(best, kids) if headline is None or not stats.contains(c, headline))
        if any(_paragraph_block(c, stats) for c in intros):
            return node  # an intro of paragraphs before the best child (the headline's block is the story)
        if _like_chunks_prose(best, kids, stats) >= CHUNK_SHARE * prose[id(best)]:
            return node  # the body is set out as a run of like blocks: one of them is not the article
        left = _prose_left(node, best, kids, stats) - sum(prose[id(t)] for t in teasers)
        block = _headline_block(kids, headline, stats)
        holder = None
        if block is not None and headline is not None and _sets_out_story(block, headline, stats):
            holder = block  # the headline's block sets out the story below it
        story = _story_beside_entries(best, kids, block, holder, stats)
        if story is None and holder is not None and _apart_from_thread(holder, best, stats):
            story = holder
        if story is not None:
            best = story  # the headline's story, not the entries or the thread beside it
            anchored = True
        elif prose[id(best)] < DESCEND_SHARE * left and not _dominates(best, ranked[1:], node, stats):
            if holder is not None:
                best = holder  # the story under the page's headline, beside other regions
                anchored = True
            else:
                story = _beside_teasers(ranked, stats) if headline is not None else None
                if story is None:
                    return node
                best = story  # the story beside a column of teasers with their excerpts
        elif anchored and headline is not None and not stats.contains(best, headline):
            if not _body_after_header(best, kids, headline, stats):
                return node  # under the headline's story: the text is not left behind it
            anchored = False  # the body below the headline's header group, walked as any body
        kind = (best.name, attr(best, "class") or "")
        outer = passed.get(kind) if kind[1] else None
        if outer is not None and _post_left_behind(outer, best, stats):
            return node  # a post nested in its like (unclosed markup of a series of posts)
        passed.setdefault(kind, best)
        node = best


def _body_after_header(best: Tag, kids: list[Tag], headline: Tag, stats: TextStats) -> bool:
    """`best` is the body below the headline's header group: the first child holding prose after
    the one holding the headline, which holds no paragraph's worth of text below it
    (TEXT_AFTER_PROSE: a header group of the headline and a line or two; a short post's box, with
    its share bar and links, holds more), and the size of a story with a post's worth of prose
    outside page regions (see `_story_sized`, MIN_POST: a post of a linked file has a comment form
    after it)."""
    if stats.prose.get(id(best), 0) < MIN_POST or not _story_sized(best, stats):
        return False
    at = _holding(kids, headline, stats)
    if at is None or stats.text.get(id(kids[at]), 0) - stats.text.get(id(headline), 0) >= TEXT_AFTER_PROSE:
        return False
    return next((c for c in kids[at + 1 :] if stats.prose.get(id(c))), None) is best


def _holding(kids: list[Tag], el: Tag, stats: TextStats) -> int | None:
    """The index of the child in `kids` that holds `el`, or None."""
    return next((i for i, c in enumerate(kids) if stats.contains(c, el)), None)


def _headline_block(
    kids: list[Tag], headline: Tag | None, stats: TextStats, least: int = MIN_POST
) -> Tag | None:
    """The child in `kids` holding the page's headline and `least` prose (a post's worth) below
    it, in no page region; else None."""
    if headline is None or (at := _holding(kids, headline, stats)) is None:
        return None
    child = kids[at]
    below = stats.prose.get(id(child), 0) - stats.prose.get(id(headline), 0)
    return None if below < least or id(child) in stats.outside else child


def _beside_box(
    best: Tag, kids: list[Tag], headline: Tag | None, region: bool, stats: TextStats
) -> Tag | None:
    """The headline's block (see `_headline_block`) beside `best`, a larger page region or box the
    cuts remove for certain; None when `best` may be the story's own box (a strong word in the
    names of a box that sets out a story, see `_cut_box`) and the headline's block sets out none
    (a header group over a story under a paywall's name)."""
    if headline is None:
        return None
    story = _headline_block(kids, headline, stats, _least_beside(kids, headline, stats))
    if story is None or story is best:
        return None
    own_box = not region and not _cut_box(best, stats)
    return None if own_box and not _sets_out_story(story, headline, stats) else story


def _least_beside(kids: list[Tag], headline: Tag, stats: TextStats) -> int:
    """The prose the headline's block needs below the `headline` beside a larger page region or
    box the cuts remove for certain (see `_descend`): a post's worth (MIN_POST) when another child
    in no page region holds prose (the headline's block may be a header group over it, and a
    story's box may carry a strong word in its names), else a paragraph's worth (TEXT_AFTER_PROSE:
    a story of one short paragraph, a video's or a picture's caption)."""
    for c in kids:
        if stats.prose.get(id(c)) and id(c) not in stats.outside and not stats.contains(c, headline):
            return MIN_POST
    return TEXT_AFTER_PROSE


def _headline_story(el: Tag, headline: Tag | None, stats: TextStats) -> bool:
    """`el` holds the page's `headline` and sets out a story below it (see `_sets_out_story`),
    whatever its names (a platform's post box named for its newsletter)."""
    return headline is not None and stats.contains(el, headline) and _sets_out_story(el, headline, stats)


def _sets_out_story(block: Tag, headline: Tag, stats: TextStats) -> bool:
    """The headline's block sets out a story below it: HEADLINE_PARAGRAPHS paragraphs of prose or
    more, or HEADLINE_STORY prose in any form (a header group holds a dek or an abstract)."""
    return _story_sized(block, stats, stats.prose.get(id(headline), 0))


def _story_beside_entries(
    best: Tag, kids: list[Tag], story: Tag | None, holder: Tag | None, stats: TextStats
) -> Tag | None:
    """The headline's block `story` (see `_headline_block`) when `best` beside it is a region of
    list entries and forms (comments, reviews, subscription offers) and the block sets out the
    headline's story (`holder`), or, when no other child holds MIN_POST prose, holds MIN_POST
    prose below the headline in any form (a short post, an intro of one paragraph). A
    larger third block is the body that a header group sits above, and is left to the share. A
    question whose answers `best` holds (a post of their thread, see `_thread`) is not taken alone."""
    if story is None or story is best or not _entries(best, stats):
        return None
    if _holds_post_of(story, _thread(best, stats), stats):
        return None
    if story is holder:
        return story
    alone = all(c is best or c is story or stats.prose.get(id(c), 0) < MIN_POST for c in kids)
    return story if alone else None


def _entries(el: Tag, stats: TextStats) -> bool:
    """Most of `el`'s prose sits in list items and forms: entries of a list (comments, reviews)
    and a form to add one, not a story. An item under a heading of its own is a section of a
    story set out as a list (the steps of a how-to, a numbered list of tips), and an item set out
    as a live report's entry is the story's text (see `_report_item`): neither is an entry."""
    return _listed_prose(el, stats) >= ENTRY_SHARE * stats.prose.get(id(el), 0)


def _listed_prose(el: Tag, stats: TextStats) -> int:
    """The prose of the entries inside `el` (see `_entries`), counted as `el`'s prose counts it:
    a page region inside (a sidebar's most-read list) passes on 1/REGION_PASS of it."""
    nodes = stats.subtree(el)
    listed, index = 0, 1
    while index < len(nodes):
        sub = nodes[index]
        region = id(sub) in stats.outside
        if sub.name in ("li", "form"):
            span = stats.subtree(sub)
            if sub.name == "form" or not (any(d.name in HEADINGS for d in span) or _report_item(sub, stats)):
                prose = stats.prose.get(id(sub), 0)
                listed += prose // REGION_PASS if region else prose
        elif region:
            listed += _listed_prose(sub, stats) // REGION_PASS
        else:
            index += 1
            continue
        index += stats.size[id(sub)]
    return listed


def _report_item(item: Tag, stats: TextStats) -> bool:
    """A list item set out as an entry of a live report (see `report_entry`): the story's text."""
    parts = parts_of(item, stats)
    return len(parts) > 1 and report_entry(parts, stats)


def _thread(el: Tag, stats: TextStats) -> set[tuple[str, str]]:
    """The (tag, class) of which `el` holds SERIES_ITEMS or more posts (see `_posts`) set out in
    parts (see `_in_parts`) that hold ENTRY_SHARE of its prose or more: a thread of posts or
    replies, not a few questions and answers inside a story."""
    counts: Counter[tuple[str, str]] = Counter()
    prose: Counter[tuple[str, str]] = Counter()
    ends: dict[tuple[str, str], int] = {}  # where the last counted post of each kind ends
    for sub, cls in _posts(el, stats):
        if _in_parts(sub, stats):
            post_kind, at = (sub.name, cls), stats.pos[id(sub)]
            counts[post_kind] += 1
            if at >= ends.get(post_kind, 0):  # (a reply nested in a post of its kind is in its prose)
                prose[post_kind] += stats.prose[id(sub)]
                ends[post_kind] = at + stats.size[id(sub)]
    need = ENTRY_SHARE * stats.prose[id(el)]
    return {k for k, n in counts.items() if n >= SERIES_ITEMS and prose[k] >= need}


def _in_parts(post: Tag, stats: TextStats) -> bool:
    """`post` sets its text out in parts: most of its prose in boxes inside, and beside them a
    part with text but no prose (the writer and date over a reply, its buttons below it) or a head
    of short lines stamped with the post's time (see `_stamped_head`); a box of paragraphs, or a
    section of a story under its heading, has no such part, and an entry of a live report is no
    post (see `report_entry`)."""
    if stats.own_prose.get(id(post), 0) * 2 >= stats.prose[id(post)]:
        return False
    parts = parts_of(post, stats)
    return any(not stats.prose.get(id(c)) or _stamped_head(c, stats) for c in parts) and not report_entry(
        parts, stats
    )


def _stamped_head(part: Tag, stats: TextStats) -> bool:
    """`part` is a post's head of short lines (a title, the writer and the time: no block of a
    paragraph's prose, TEXT_AFTER_PROSE), one of them its time stamp (see `is_date_stamp`; a
    section's heading holds no clock time)."""
    nodes = stats.subtree(part)
    return not holds_paragraph(part, stats) and any(
        stats.own_prose.get(id(d)) and is_date_stamp(norm_space(text_of(d)), hours=True) for d in nodes
    )


REPLY_RANKS = 3  # the children with most prose that are asked whether they hold replies
REPLY_STORY = 0.15  # share of the thread's prose that the story above it holds (an intro holds less)


def _replies_after_story(el: Tag, kids: list[Tag], stats: TextStats) -> bool:
    """`el` holds a thread of posts (see `_thread`) and a child before it sets out a story of its
    own — HEADLINE_PARAGRAPHS paragraphs of prose, REPLY_STORY of the thread's prose or more, no
    post of the thread's kind, nothing the cuts remove for certain: comments under a post, which
    neither hold the descent back nor are walked into (an intro above a series of sections is
    short beside them). Replies by their shape (see `reply_thread`) need only a paragraph above
    them, in no page region: a short story's comments are no more the text than a long one's."""
    if reply_thread(el, stats) and any(
        id(c) not in stats.outside and holds_paragraph(c, stats) for c in _before(el, kids)
    ):
        return True
    need = REPLY_STORY * stats.prose[id(el)]
    before = [c for c in _before(el, kids) if stats.prose.get(id(c), 0) >= need and _own_text(c, stats)]
    if not before:
        return False
    kinds = _thread(el, stats)
    return bool(kinds) and any(
        _paragraphs(c, stats) >= HEADLINE_PARAGRAPHS and not _holds_post_of(c, kinds, stats) for c in before
    )


def _paragraphs(el: Tag, stats: TextStats) -> int:
    """The `<p>` paragraphs of prose inside `el`."""
    return sum(1 for d in stats.subtree(el) if d.name == "p" and stats.own_prose.get(id(d)))


def _apart_from_thread(story: Tag, best: Tag, stats: TextStats) -> bool:
    """`best` holds a thread of posts (see `_thread`) and `story`, another child, holds none of its
    kind: replies beside a story, not the rest of a thread whose first post is under the headline."""
    if story is best:
        return False
    kinds = _thread(best, stats)
    return bool(kinds) and not _holds_post_of(story, kinds, stats)


def _holds_post_of(el: Tag, kinds: set[tuple[str, str]], stats: TextStats) -> bool:
    """`el` holds a post of one of the (tag, class) `kinds` (see `_post_kinds`)."""
    return bool(kinds) and any(kind in kinds for kind in _post_kinds(el, stats))


def _beside_teasers(ranked: list[Tag], stats: TextStats) -> Tag | None:
    """Another child than the one with most prose that holds DESCEND_SHARE of the children's prose
    once teaser excerpts are left out (see `_excerpt_prose`): the story beside a column of cards
    whose excerpts outweighed it; else None."""
    own = [stats.prose[id(c)] - _excerpt_prose(c, stats) for c in ranked]
    top = max(range(len(ranked)), key=lambda i: own[i])
    if top == 0 or own[top] < DESCEND_SHARE * sum(own):
        return None
    return ranked[top]


def _excerpt_prose(el: Tag, stats: TextStats) -> int:
    """The prose of the blocks inside `el` set right under a block that is all link text, or
    opening with a line that is (a title linked on the line above, set out with <br>): the excerpts
    of teaser cards below their linked titles."""
    total = 0
    for sub in stats.subtree(el):
        mine = stats.own_prose.get(id(sub), 0)
        if not mine:
            continue
        before = sub.find_previous_sibling()
        under_link = before is not None and 0 < stats.text.get(id(before), 0) <= stats.links.get(
            id(before), 0
        )
        if under_link or _opens_with_link_line(sub):
            total += mine
    return total


def _opens_with_link_line(el: Tag) -> bool:
    """`el` opens with a line of link text alone: a link (in bold or not) and then a <br>."""
    first = next((c for c in el.contents if not (isinstance(c, str) and not c.strip())), None)
    inner = first
    while isinstance(inner, Tag) and inner.name in ("b", "strong") and len(inner.contents) == 1:
        inner = inner.contents[0]
    if not (isinstance(first, Tag) and isinstance(inner, Tag) and inner.name == "a"):
        return False
    after = element_beside(first, "next_sibling")
    return after is not None and after.name == "br"


def _teaser_list(el: Tag, stats: TextStats) -> bool:
    """Cards of other stories: SERIES_ITEMS or more children holding prose (inside the box's bare
    wrappers, see `inside_wrappers`) under a heading that is all link text, the whole link-dense
    (TEASER_LINKS)."""
    key = id(el)
    text = stats.text.get(key, 0)
    if not text or stats.links.get(key, 0) < TEASER_LINKS * text:
        return False
    cards = 0
    for child in children(inside_wrappers(el)):
        if stats.prose.get(id(child)) and linked_title(child, stats):
            cards += 1
    return cards >= SERIES_ITEMS


def _own_text(el: Tag, stats: TextStats) -> bool:
    """`el` may hold the text in place of a list of teasers beside it: a post's worth of prose
    (MIN_POST) in no page region and no box the cuts remove (see `_cut_box`)."""
    return stats.prose.get(id(el), 0) >= MIN_POST and id(el) not in stats.outside and not _cut_box(el, stats)


def _cut_box(el: Tag, stats: TextStats) -> bool:
    """A box the cuts remove for certain (see `cut_for_certain`) that is no story's own box: a
    boilerplate tag (a header group), or a strong word in its names on a box that does not set out
    a story by its size (see `_story_sized`): a story's own box may carry one (the paywall on it,
    its promotion to the front page)."""
    return cut_for_certain(el, stats) and (el.name in BOILERPLATE_TAGS or not _story_sized(el, stats))


def _story_sized(el: Tag, stats: TextStats, above: int = 0) -> bool:
    """`el` sets out a story: HEADLINE_PARAGRAPHS paragraphs of prose or more, or HEADLINE_STORY
    prose in any form past the `above` prose of its headline."""
    prose = stats.prose.get(id(el), 0) - above
    return _paragraphs(el, stats) >= HEADLINE_PARAGRAPHS or prose >= HEADLINE_STORY


def _before(el: Tag, kids: list[Tag]) -> list[Tag]:
    """The children in `kids` before `el` (Tags compare by identity here)."""
    return kids[: next(i for i, c in enumerate(kids) if c is el)]


def _paragraph_block(el: Tag, stats: TextStats) -> bool:
    """A wrapper of two or more link-free paragraphs of prose and nothing else that holds text but
    one line of a link (a "see also" line set among them; two are teasers' titles, and a link in a
    paragraph's sentence marks a notice's text as often as an intro's). A dek is one paragraph; a
    byline or a date line is no paragraph of an intro; a box the cuts remove for certain does not
    count."""
    key = id(el)
    if el.name not in ("div", "section") or key in stats.outside:
        return False
    kids = parts_of(el, stats)
    if len(kids) < 2 or any(not set_as_paragraph(c, stats) for c in kids):
        return False
    linked = [c for c in kids if stats.links.get(id(c), 0)]
    if len(linked) > 1 or any(stats.own_prose.get(id(c)) for c in linked):
        return False  # links in its paragraphs, or more than one line of a link (teasers)
    if any(c.name != "p" for c in kids) and any(is_picture(d, stats) for d in stats.subtree(el)):
        return False  # lines set as <div>s beside an image: a caption and its credit, not an intro
    paragraphs = sum(1 for c in kids if stats.own_prose.get(id(c)) and not _about_the_story(text_of(c)))
    return paragraphs >= 2 and not cut_for_certain(el, stats)


def _about_the_story(text: str) -> bool:
    """A line about the story, not of it: its byline or its date."""
    stripped = text.strip()
    return is_byline(stripped) or is_date_stamp(stripped) or is_date_line(stripped)


DIV_PARAGRAPHS = 2  # paragraphs set as <div>s beside the best child that make the parent the text


def _paragraphs_beside(best: Tag, kids: list[Tag], stats: TextStats) -> bool:
    """Paragraphs of prose set out beside `best`: one <p>, or DIV_PARAGRAPHS <div>s set as paragraphs
    (one such box is as often a dek, a byline or a credit line as text)."""
    divs = 0
    for c in kids:
        if c is best or not stats.prose.get(id(c)):
            continue
        if c.name == "p":
            return True
        divs += set_as_paragraph(c, stats)
    return divs >= DIV_PARAGRAPHS


def _with_set_apart_post(body: Tag, node: Tag, stats: TextStats) -> Tag:
    """The parent of `node` (of the outermost bare wrapper around it, see `TextStats.outermost`)
    when a sibling holds a block of the same tag and class as a block of prose inside `node`: one
    more post of the series `node` holds, set apart from it (a question above its answers, a first
    post above its replies)."""
    outer = stats.outermost(node, body)
    parent = outer.parent
    if parent is None or parent is body or id(parent) not in stats.pos:
        return node
    siblings = [c for c in children(parent) if c is not outer and _own_text(c, stats)]
    if not siblings:
        return node
    counts = Counter(_post_kinds(node, stats))
    kinds = {kind for kind, count in counts.items() if count >= 2}  # the blocks of a series
    if not kinds:
        return node
    return parent if any(kind in kinds for c in siblings for kind in _post_kinds(c, stats)) else node


def _post_left_behind(outer: Tag, inner: Tag, stats: TextStats) -> bool:
    """`outer` holds, beside `inner` (nested in it), a block of prose of a kind that `inner` holds
    too: the post that going down into `inner` would leave behind (layout grids nest in their like
    without that)."""
    if stats.prose[id(outer)] - stats.prose[id(inner)] < MIN_POST:
        return False
    inside = set(_post_kinds(inner, stats))
    return any(kind in inside for kind in _post_kinds(outer, stats, leave_out=inner))


def _post_kinds(el: Tag, stats: TextStats, leave_out: Tag | None = None) -> list[tuple[str, str]]:
    """(tag, class) of the posts inside `el` (see `_posts`)."""
    return [(sub.name, cls) for sub, cls in _posts(el, stats, leave_out)]


def _posts(el: Tag, stats: TextStats, leave_out: Tag | None = None) -> Iterator[tuple[Tag, str]]:
    """The classed blocks inside `el` holding MIN_POST prose, with their class; page regions
    skipped, and `leave_out` with what holds it and what it holds."""
    nodes = stats.subtree(el)
    index = 1
    while index < len(nodes):
        sub = nodes[index]
        key = id(sub)
        if key in stats.outside or sub is leave_out or stats.prose.get(key, 0) < MIN_POST:
            index += stats.size[key]  # (no block inside holds more prose than its ancestors)
            continue
        cls = kind(sub)[1]
        if cls and not (leave_out is not None and stats.contains(sub, leave_out)):
            yield sub, cls
        index += 1


def _prose_left(node: Tag, best: Tag, kids: list[Tag], stats: TextStats) -> int:
    """The prose of `node` less that of the children beside `best` that the cuts remove for certain
    (boilerplate tags, strongly named boilerplate): a header group, a newsletter box or a pop-up
    cannot hold the descent back, as the text would not keep them either. Children of the same
    tag and class as `best` are kept whatever their name: if `best` is text, so are they (posts
    of a thread named like comments)."""
    prose, like = stats.prose, kind(best)
    return prose[id(node)] - sum(
        prose.get(id(c), 0)
        for c in kids
        if c is not best
        and prose.get(id(c))
        and not (like[1] and kind(c) == like)
        and cut_for_certain(c, stats)
    )


def _like_chunks_prose(best: Tag, kids: list[Tag], stats: TextStats) -> int:
    """The prose of the other children of the same tag and class as `best` (0 when it has no class):
    the rest of a body set out as a run of like blocks (text sections, recipe steps, posts). A
    block under its own <h1> is another story of a series (infinite scroll), not a chunk."""
    like = kind(best)
    if not like[1]:
        return 0
    return sum(
        stats.prose.get(id(c), 0)
        for c in kids
        if c is not best and stats.prose.get(id(c)) and kind(c) == like and not _holds_h1(c, stats)
    )


def _holds_h1(box: Tag, stats: TextStats) -> bool:
    """`box` holds an <h1>: another story of a series (infinite scroll), not a chunk of this one."""
    return any(d.name == "h1" for d in stats.subtree(box))


def _dominates(best: Tag, others: list[Tag], parent: Tag, stats: TextStats) -> bool:
    """True when `best` holds most link-discounted prose, far more than any sibling, and the
    runner-up looks like a teaser list (link-heavy, names linked in its sentences aside: see
    `pointer_links`; a story that links its names is no teaser list): never splits a plain article
    body."""
    if stats.prose[id(best)] <= stats.own_prose.get(id(best), 0) or not others:
        return False  # a single paragraph is never the article when its siblings hold prose
    if stats.own_prose.get(id(parent), 0) * 4 > stats.prose[id(best)]:
        return False  # the parent's own running text (bare text beside its blocks) would be lost
    runner = max(others, key=lambda c: _adjusted(c, stats))
    text = stats.text.get(id(runner), 0)
    if not text or stats.links.get(id(runner), 0) < TEASER_LINKS * text:
        return False
    if pointer_links(runner, stats) < TEASER_LINKS * text:
        return False  # its links are names in its sentences: a story, not a teaser list
    score = _adjusted(best, stats)
    return score >= 0.6 * _adjusted(parent, stats) and score >= 1.5 * _adjusted(runner, stats)


def _adjusted(el: Tag, stats: TextStats) -> float:
    """Prose discounted by the element's link density."""
    key = id(el)
    text = stats.text.get(key, 0)
    return stats.prose.get(key, 0) * (1 - stats.links.get(key, 0) / text) if text else 0.0


def _known_container(node: Tag, stats: TextStats) -> Tag | None:
    """A named article-body container inside `node` holding a good share of its prose: the
    deepest of nested ones (when it holds a good share of the outer one's prose too: a related
    post's excerpt named like a body, set inside the story's box, is not the story), the larger
    of separate ones."""
    best: Tag | None = None
    prose = stats.prose
    need = KNOWN_SHARE * prose[id(node)]
    for el in stats.subtree(node):
        if el is node or prose.get(id(el), 0) < need or not _named_body(el, stats):
            continue
        inner = best is not None and stats.contains(best, el)
        if (
            best is None
            or (inner and prose[id(el)] >= KNOWN_SHARE * prose[id(best)])
            or (not inner and prose[id(el)] > prose[id(best)])
        ):
            best = el
    return best


def _named_body(el: Tag, stats: TextStats) -> bool:
    """Marked as the article body (see `named_body`), its names read through the statistics."""
    return named_body(el, stats.names(el))


def named_body(el: Tag, names: str | None = None) -> bool:
    """Marked as the article body: schema.org articleBody or a class/id (`names`, else read from
    the element: before the statistics are measured) like "entry-content"."""
    return attr(el, "itemprop") == "articleBody" or _body_name(classes(el) if names is None else names)


@lru_cache(maxsize=8192)
def _body_name(names: str) -> bool:
    """A class/id naming the article body (pages repeat their class strings: cached)."""
    return CONTENT_CLASS.search(names) is not None


def _known_ancestor(body: Tag, node: Tag, stats: TextStats) -> Tag | None:
    """The nearest named article-body container above `node` that adds little other prose and
    no page region holding as much text as `node` (a page's main column holding the story and
    its reader comments: the region's prose counts a quarter, its text is all there)."""
    limit = ANCESTOR_GROWTH * stats.prose.get(id(node), 0)
    below = node
    for el in node.parents:
        if el is body or stats.prose.get(id(el), 0) > limit or _region_beside(el, below, node, stats):
            return None
        if _named_body(el, stats):
            return el
        below = el
    return None


def _region_beside(parent: Tag, below: Tag, node: Tag, stats: TextStats) -> bool:
    """A page region among `parent`'s children, beside the one (`below`) that holds `node`, with
    as much text as `node`."""
    size = stats.text.get(id(node), 0)
    return any(
        c is not below and stats.text.get(id(c), 0) >= size and is_outside(c, stats) for c in children(parent)
    )


def _known_sibling(body: Tag, node: Tag, stats: TextStats) -> Tag | None:
    """A named article-body container beside `node` (under its parent or grandparent) holding a
    good share of `node`'s prose: the descent took a header or teaser next to the named body."""
    need = KNOWN_SHARE * stats.prose.get(id(node), 0)
    scope: Tag | None = node
    for _ in range(SIBLING_LEVELS):
        scope = scope.parent if scope is not None else None
        if scope is None or scope is body or id(scope) not in stats.pos:
            return None
        best: Tag | None = None
        for el in stats.subtree(scope)[1:]:
            if stats.prose.get(id(el), 0) < need or id(el) in stats.outside:
                continue
            if (
                el is node
                or stats.contains(node, el)
                or stats.contains(el, node)
                or not _named_body(el, stats)
            ):
                continue
            if best is None or stats.contains(best, el) or stats.prose[id(el)] > stats.prose[id(best)]:
                best = el
        if best is not None:
            return best
    return None


def _with_siblings(node: Tag, scope: Tag, stats: TextStats) -> list[Tag]:
    """The node plus same-tag, same-class elements in `scope` that also hold prose (an article
    body split into chunks around ads and embeds), and the chunks after it (see `_with_chunks`)."""
    like = kind(node)
    found = [node]
    if like[1]:
        inside: list[Tag] = []
        for el in stats.subtree(scope):
            same = kind(el) == like and (el is node or stats.prose.get(id(el), 0) > 0)
            if same and not any(stats.contains(f, el) for f in inside):
                inside.append(el)
        if any(f is node for f in inside):
            found = inside
    found += [c for c in _with_chunks(node, stats) if not any(f is c for f in found)]
    return sorted(found, key=lambda el: stats.pos[id(el)])


def _with_chunks(node: Tag, stats: TextStats) -> list[Tag]:
    """`node` and the boxes after it that go on with its text, in page order: the rest of a body its
    template sets out as a run of boxes (CHUNK_BOXES), the first of which the walk took because the
    others are short. A later sibling of the same tag and class holding prose is a chunk wherever
    it sits; an unclassed one is in the run that follows `node` when it is set out as prose (see
    `_goes_on`); empty boxes (an ad's slot) are passed over, and the first other box of text ends
    the run."""
    parent = node.parent
    if parent is None or node.name not in CHUNK_BOXES:
        return [node]
    kids = children(parent)
    later = kids[next(i for i, c in enumerate(kids) if c is node) + 1 :]
    like = kind(node)
    found = [node]
    if like[1]:
        found += [c for c in later if kind(c) == like and _chunk(c, stats)]
    for c in later:
        if any(f is c for f in found) or not stats.text.get(id(c)):
            continue
        if not _goes_on(c, node, stats):
            break
        found.append(c)
    return sorted(found, key=lambda el: stats.pos[id(el)])


def _chunk(box: Tag, stats: TextStats) -> bool:
    """A box holding prose, in no page region, under no <h1> (another story), and with no id: a box
    with a name of its own is a section a link points to (a tab's pane)."""
    key = id(box)
    return (
        bool(stats.prose.get(key))
        and not attr(box, "id")
        and key not in stats.outside
        and not _holds_h1(box, stats)
    )


def _goes_on(box: Tag, node: Tag, stats: TextStats) -> bool:
    """An unclassed chunk (see `_chunk`) of `node`'s tag that holds its paragraphs itself, set out
    as prose or opening with a paragraph of it (a chunk's links and boxes are cut inside it as the
    body's are), and no boilerplate by tag or strong name."""
    return (
        box.name == node.name
        and not attr(box, "class")
        and _sets_out_paragraphs(box, stats)
        and (_set_out_as_prose(box, stats) or opening_prose(box, stats) is not None)
        and not cut_for_certain(box, stats)
        and _chunk(box, stats)
    )


def _sets_out_paragraphs(box: Tag, stats: TextStats) -> bool:
    """Half the prose of `box` or more is in its own paragraphs and quotes (PROSE_TAGS children, or
    its children's own text), as a body's is, not in a series of boxes or list items each holding
    some (a thread of replies, a list of cards)."""
    held = sum(
        stats.prose.get(id(c), 0) if c.name in PROSE_TAGS else stats.own_prose.get(id(c), 0)
        for c in children(box)
    )
    return 2 * held >= stats.prose.get(id(box), 0)


def _set_out_as_prose(box: Tag, stats: TextStats) -> bool:
    """Half the text of `box` or more is prose, and few of it links."""
    key = id(box)
    text = stats.text.get(key, 0)
    return stats.prose.get(key, 0) * 2 >= text and stats.links.get(key, 0) < TEASER_LINKS * text
