"""Boilerplate inside an article container: tags, class/id words, link density."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from functools import lru_cache

from bs4 import Tag
from bs4.element import NavigableString
from lxml.html import defs as html_defs

from extractors.cleaning.htmltree import (
    BLOCK_TAGS,
    BOILERPLATE_TAGS,
    MIN_PARAGRAPH,
    TextStats,
    attr,
    bare_text,
    children,
    element_beside,
    following_text,
    is_link_popup,
    kind,
    norm_space,
    spaced_text,
    text_of,
)
from extractors.cleaning.textmeasure import (
    COLONS,
    ends_sentence,
    sentence_count,
    set_in_sentence,
    text_length,
    word_count,
)
from newsflow.core.urls import split_url

__all__ = [
    "BOILERPLATE_TAGS",
    "TextAfter",
    "cut_for_certain",
    "is_boilerplate",
    "is_link_boilerplate",
    "is_outside",
    "line_of_text",
    "sentence_count",
]
_WORDS = (
    r"share|sharing|social|sociallinks|related|recommend|newsletter|subscri(be|ption)|signup|"
    r"sign-up|promo|advert|advertisement|ads?|ad-slot|adslot|ad-container|dfp|gpt|sponsor(ed)?|"
    r"outbrain|taboola|comments?|disqus|byline|bylines|author|authors|contributor|caption|"
    r"credit|credits|breadcrumbs?|tags?|tag-list|topics|keywords|sidebar|widget|toolbar|"
    r"print|email|popup|modal|cookie|banner|masthead|footer|header|nav|navigation|menu|"
    r"more-stories|read-more|readmore|most-popular|popular|trending|also-read|see-also|"
    r"next-article|prev-article|pagination|pager|rating|vote|meta|dateline|timestamp|"
    r"date|published|updated|copyright|disclaimer|visually-hidden|sr-only|skip|"
    r"inline-related|recirc|embed|video|video-player|gallery|slideshow|photo|image|img|"
    r"lightbox|tooltip|donate|membership|paywall|subscribe-box|cta|follow|rss|bio|"
    r"next-prev|prev-next|post-navigation|post-nav|"
    # the same parts named in other languages (de, es, fr, pt)
    r"anzeige|werbung|teilen|kommentare?|autor|autoren|quelle|bildunterschrift|verwandte|"
    r"publicidad|publicidade|publicite|comentarios?|compartir|relacionadas?|suscripcion|"
    r"partager|partage|commentaires?|auteur|auteurs|legende"
)
BOILERPLATE_CLASS = re.compile(rf"(?:^|[\s_-])(?:{_WORDS})(?:$|[\s_-])")
_OUTSIDE = (
    r"comments?|comment-list|disqus|footer|sidebar|related|recommend(ed|ations)?|newsletter|"
    r"nav|navigation|menu|share|social|promo|advert|advertisement|ads?|sponsored|"
    r"outbrain|taboola|most-popular|popular|trending|more-stories|recirc|breadcrumbs?"
)
# Strong boilerplate words that mark an element even inside longer camelCase or compound names.
BOILERPLATE_PART = re.compile(
    r"caption|byline|newsletter|related|advert|comment|promo|sponsor|subscri|outbrain|taboola|"
    r"recommend|signup|breadcrumb|disqus|cookie|consent|gdpr|popup|overlay|paywall|sharing|"
    r"share-|-share|sharebar|social|credit|tooltip|read-more|readmore|also-read|"
    r"see-also|timestamp"
)
OUTSIDE_CLASS = re.compile(rf"(?:^|[\s_-])(?:{_OUTSIDE})(?:$|[\s_-])")  # page regions, not content
STORY_LIST_LINKS = 0.3  # link share of a list of linked items that marks it as further reading
EMBED_CLASS = re.compile(r"embed|tweet|twitter|instagram")
ADDRESS = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)
CONTENT_CLASS = re.compile(
    r"article[-_]?body|articlebody|article[-_]?content|article[-_]?text|entry[-_]?content|"
    r"story[-_]?body|story[-_]?content|story[-_]?text|post[-_]?content|post[-_]?body|"
    r"body[-_]?text|main[-_]?content|content[-_]?body|rich[-_]?text|articletext|"
    r"section[-_]?body|text[-_]?body|article__body|article__content"
)
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
SUBHEADINGS = HEADINGS - {"h1"}
_HEADING_LIST = sorted(HEADINGS)  # (for Tag.find)
_BOLD = ("strong", "b")
BOLD_LINE = 100  # characters: a paragraph all in one bold run this short is set as a subheading


def set_as_heading(el: Tag, stats: TextStats) -> bool:
    """A subheading: an <h2> to <h6>, or a <p> or <div> whose text is all one bold run of at most
    BOLD_LINE characters ending no sentence (an editor's bold line over a section)."""
    if el.name in SUBHEADINGS:
        return True
    if el.name not in ("p", "div"):
        return False
    text = stats.text.get(id(el), 0)
    if not 0 < text <= BOLD_LINE or bare_text(el):
        return False
    runs = [c for c in el.contents if isinstance(c, Tag) and stats.text.get(id(c), 0)]
    return (
        len(runs) == 1
        and runs[0].name in _BOLD
        and stats.text.get(id(runs[0])) == text
        and not ends_sentence(text_of(el).rstrip())
    )


def heading_block(el: Tag, stats: TextStats) -> bool:
    """A paragraph set as a subheading (see `set_as_heading`) that is a heading block of the text:
    a bold line ending in a colon leads into what follows it (a list, a quote) and stays a paragraph."""
    return set_as_heading(el, stats) and not text_of(el).rstrip().endswith(":")


PROSE_TAGS = frozenset({"p", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "pre"})


_OVERLAY_ROLES = frozenset({"dialog", "alertdialog"})  # ARIA: a window over the page (consent, sign-up)


def is_outside(el: Tag, stats: TextStats) -> bool:
    """A page region that is not the article (footer, sidebar, comments, related, menus), or a
    dialog over the page; never an element that holds the page's <main>. A form of fields is one
    too, whatever its names (see `_form_of_fields`: a comment, contact or sign-up form); a form
    holding a heading or a long paragraph is a product or a whole page (ASP.NET)."""
    tag = el.name
    if tag in ("nav", "aside", "footer"):
        return not stats.holds_main(el)
    if tag == "form":
        return not stats.holds_main(el) and _form_of_fields(el, stats)
    if stats.toggles and _toggle_panel(el, stats):
        return True
    attrs = el.attrs
    if not attrs:
        return False
    if attrs.get("role") in _OVERLAY_ROLES or attrs.get("aria-modal") == "true":
        return True
    if "class" not in attrs and "id" not in attrs:
        return False
    return _region_name(stats.names(el)) and not stats.holds_main(el)


PANEL_TOGGLES = 2  # checkboxes outside any form that make a box a settings window


def _toggle_panel(el: Tag, stats: TextStats) -> bool:
    """A settings window over the page (a consent window's categories): PANEL_TOGGLES or more
    checkboxes outside any <form>, and no paragraph or heading (the text is labels and
    descriptions in boxes; a story holding a poll's boxes has its paragraphs); never a <main> or
    what holds one."""
    if el.name == "main" or stats.holds_main(el):
        return False
    return stats.toggles_in(el) >= PANEL_TOGGLES and el.find(_PANEL_TEXT) is None


_PANEL_TEXT = ["p", *sorted(HEADINGS)]  # (for Tag.find)

FORM_PARAGRAPH = 200  # characters of one paragraph's prose that a form of fields never holds


def _form_of_fields(el: Tag, stats: TextStats) -> bool:
    """A form whose text is labels and instructions: no heading and no paragraph of
    FORM_PARAGRAPH prose (a form holding either is a product, or a page wrapped in a form)."""
    if el.find(_HEADING_LIST) is not None:
        return False
    return not any(stats.own_prose.get(id(d), 0) >= FORM_PARAGRAPH for d in stats.subtree(el))


@lru_cache(maxsize=8192)
def _region_name(names: str) -> bool:
    """A class/id naming a page region (pages repeat their class strings: cached)."""
    return bool(OUTSIDE_CLASS.search(names)) and not CONTENT_CLASS.search(names)


def is_boilerplate(
    el: Tag,
    stats: TextStats,
    budget: int,
    weak: bool = True,
    text_after: TextAfter | None = None,
    named: bool = True,
) -> bool:
    """True when `el` should be cut: a boilerplate tag or class/id, or a link-dense block;
    never when it holds more than `budget` characters of non-link text (the undo guard), unless
    it is a list of links named as boilerplate (see `_named_link_list`).
    With `weak` False, class/id names count only with one of the strong words (BOILERPLATE_PART);
    with `named` False, nothing is cut for its class/id, itemprop or role (cuts by shape only:
    cards, forms, captions, calls to action, link density).
    With `text_after` (see TextAfter), a block named by a weak word only is not cut for its name
    when it is running text that the story goes on after (see `_running_text`), and a short box of
    linked notes that it does not go on after is cut (see `_closing_box`)."""
    tag = el.name
    items = list_items(el, stats)
    if items and named and el.attrs and _named_link_list(el, items, stats):
        return True
    if tag == "form" and id(el) in stats.outside:
        return True  # a form of fields (see `is_outside`): labels and instructions, however long
    if cut_past_guard(el, stats, items):
        return True
    if _over_budget(el, stats, budget):
        return False
    if tag in BOILERPLATE_TAGS:
        return not (tag == "time" and _in_sentence(el))
    if (
        named
        and el.attrs
        and _named_boilerplate(el, stats, weak)
        and not _text_in_box(el, stats, weak, text_after)
    ):
        return True
    if (items and _story_list(el, items, stats)) or (tag in ("ul", "ol") and _image_list(el, stats)):
        return True
    if tag in _CAPTION_HOLDERS and (
        (_image_with_caption(el, stats) and not _floated_image(el, stats) and not _whole_quote(el, stats))
        or _caption_among_paragraphs(el, stats)
        or _gallery_slide(el, stats)
    ):
        return True
    if tag in _CAPTION_HOLDERS and (
        _call_to_action(el, stats) or _form_box(el, stats) or _card_of_series(el, stats)
    ):
        return True
    if (
        tag in ("div", "section")
        and text_after is not None
        and (_closing_box(el, stats, text_after) or _comments_notice(el, stats, text_after))
    ):
        return True
    if (
        (tag in _INLINE_HOLDERS or tag not in HTML_TAGS)
        and _opens_with_image(el, stats)
        and _image_with_caption(el, stats)
    ):
        return True
    if tag == "table" and _calendar(el, stats):
        return True
    if tag in _REFERENCE_HOLDERS and _cross_reference(el, stats):
        return True
    if tag == "a" and _link_card(el, stats):
        return True
    return _link_cut(el, stats)


CARD_PARTS = 2  # boxes of text inside one link that set it out as a card (a label, a title)


def _link_card(el: Tag, stats: TextStats) -> bool:
    """A link standing as a block of its own between blocks (no text beside it) whose text is set
    out in CARD_PARTS boxes or more (a label over a title, as a card): a teaser for another page
    set between the paragraphs. A link in a sentence, or one line of link text, is not one."""
    for direction in ("previous_sibling", "next_sibling"):
        if _sibling_tag(el, direction) not in BLOCK_TAGS:
            return False
    node = el
    while True:
        parts = [c for c in node.contents if isinstance(c, Tag) and stats.text.get(id(c), 0)]
        if bare_text(node):
            return False  # bare text beside the boxes: a line of text, not a card
        if len(parts) != 1:
            return len(parts) >= CARD_PARTS
        node = parts[0]


RUNNING_SENTENCES = 3  # sentences of a weak-named block that make it running text, not a label
RUNNING_LINKS = 0.1  # link share of its text above which such a block is a teaser, not text


def _text_in_box(el: Tag, stats: TextStats, weak: bool, text_after: Callable[[Tag], bool] | None) -> bool:
    """A block named by a weak class word only (no strong word, itemprop or role) that is running
    text the story goes on after: part of the story, set in a box."""
    return (
        weak
        and text_after is not None
        and not _named_boilerplate(el, stats, weak=False)
        and _running_text(el, stats)
        and text_after(el)
    )


def _running_text(el: Tag, stats: TextStats) -> bool:
    """A block of running text: few links (names linked in its sentences aside, see
    `pointer_links`), no image, RUNNING_SENTENCES sentences or more (a quote box, a worked
    example, a FAQ answer; not a caption, a label or a teaser)."""
    key = id(el)
    text = stats.text.get(key, 0)
    if not text or (
        stats.links.get(key, 0) > RUNNING_LINKS * text and pointer_links(el, stats) > RUNNING_LINKS * text
    ):
        return False
    if any(is_picture(d, stats) for d in stats.subtree(el)):
        return False
    return sentence_count(spaced_text(el)) >= RUNNING_SENTENCES


TEXT_AFTER_PROSE = 80  # characters of a block's own prose that make it a paragraph of the story


class TextAfter:
    """Whether the story goes on after an element: a paragraph of prose (TEXT_AFTER_PROSE) that the
    cuts keep lies after it in the containers. A box of running text set between the story's
    paragraphs is part of it whatever its weak class words say; at the end of the text (an author
    box, a series blurb, a notice) it is not. Worked out once, on first use."""

    def __init__(self, containers: list[Tag], stats: TextStats, budget: int) -> None:
        self.containers = containers
        self.stats = stats
        self.budget = budget
        self.last: int | None = None  # position of the last kept paragraph (-1: none)
        self.first: int | None = None  # position of the first kept paragraph (-1: none)

    def __call__(self, el: Tag) -> bool:
        """True when a kept paragraph of prose follows `el`'s subtree."""
        if self.last is None:
            self.last = self._kept_paragraph(from_end=True)
        stats = self.stats
        return stats.pos[id(el)] + stats.size[id(el)] <= self.last

    def before(self, el: Tag) -> bool:
        """True when a kept paragraph of prose comes before `el` (the story `el` would follow)."""
        if self.first is None:
            self.first = self._kept_paragraph(from_end=False)
        return 0 <= self.first < self.stats.pos[id(el)]

    def _kept_paragraph(self, from_end: bool) -> int:
        """Position of the first block (the last, `from_end`) with TEXT_AFTER_PROSE of own prose
        that no cut (without this exception) removes; a cut subtree is passed over whole."""
        stats = self.stats
        nodes, pos, size = stats.nodes, stats.pos, stats.size
        step = -1 if from_end else 1
        for container in reversed(self.containers) if from_end else self.containers:
            start, end = pos[id(container)], pos[id(container)] + size[id(container)]
            i = end - 1 if from_end else start
            while start <= i < end:
                node = nodes[i]
                if stats.own_prose.get(id(node), 0) < TEXT_AFTER_PROSE:
                    i += step
                    continue
                cut = self._cut_ancestor(node, container)
                if cut is None:
                    return i
                i = pos[id(cut)] - 1 if from_end else pos[id(cut)] + size[id(cut)]
        return -1

    def _cut_ancestor(self, node: Tag, container: Tag) -> Tag | None:
        """The outermost element from `node` up to (not including) `container` that is cut."""
        found: Tag | None = None
        el: Tag | None = node
        while el is not None and el is not container:
            if id(el) in self.stats.pos and is_boilerplate(el, self.stats, self.budget):
                found = el
            el = el.parent
        return found


_REFERENCE_HOLDERS = PROSE_TAGS | {"div"}
REFERENCE_LABEL = 40  # characters: the longest label before a cross-reference's link
REFERENCE_WORDS = 3  # words of link text that name another story (not a handle, a file name)


def _cross_reference(el: Tag, stats: TextStats) -> bool:
    """A short label ending in a colon and one link making up the rest of the block ("See also:
    <a>another story</a>"): a pointer to another page set between the paragraphs."""
    anchor = _labelled_link(el, stats)
    return anchor is not None and word_count(text_of(anchor)) >= REFERENCE_WORDS


def _labelled_link(el: Tag, stats: TextStats) -> Tag | None:
    """The one link of a block that is a short label ending in a colon and that link, most of the
    text ("Label: <a>...</a>"), else None."""
    key = id(el)
    text, links = stats.text.get(key, 0), stats.links.get(key, 0)
    if stats.anchors.get(key, 0) != 1 or links * 2 < text:
        return None
    before: list[str] = []
    anchor: Tag | None = None
    for node in el.descendants:
        if isinstance(node, Tag) and node.name == "a":
            anchor = node
            break
        if type(node) is NavigableString:
            before.append(node)
    if anchor is None or not reference_label(norm_space("".join(before)), text, links):
        return None
    return anchor


def reference_label(label: str, text: int, links: int) -> bool:
    """`label` (the text before a block's link) is a short label ending in a colon, and with the
    link it makes up the block (`text` and `links` its measured lengths): "Label: <a>...</a>"."""
    return (
        label.endswith(COLONS)
        and text_length(label) <= REFERENCE_LABEL
        and text - links <= text_length(label) + 2
    )


# An image: an <img>, or a <picture> whose <img> is only in its <noscript> (lazy loading).
IMAGE_TAGS = frozenset({"img", "picture"})
# Attributes that set an element as a picture: a source (a component's, `<amp-img src>`; players
# and frames are never built, see htmltree.NON_CONTENT), or a lazy loader's for a box it fills.
_PICTURE_SOURCES = (
    "src",
    "srcset",
    "data-src",
    "data-srcset",
    "data-bg",
    "data-background",
    "data-background-image",
)


def is_picture(el: Tag, stats: TextStats) -> bool:
    """A picture: an <img> or a <picture>, or an element with no text set as one — marked as an
    image (role="img"), given a source (a component's, a lazy loader's), or styled with a
    background image (a template's card or lead picture set as a box)."""
    if el.name in IMAGE_TAGS:
        return True
    attrs = el.attrs
    if not attrs or stats.text.get(id(el), 0):
        return False
    return (
        attrs.get("role") == "img"
        or any(name in attrs for name in _PICTURE_SOURCES)
        or "url(" in str(attrs.get("style", ""))
    )


_CAPTION_HOLDERS = frozenset({"div", "section", "table", "dl"})
CAPTION_MAX = 300  # characters: the text beside an image that reads as its caption


def _image_with_caption(el: Tag, stats: TextStats) -> bool:
    """A block holding an image and little text: a caption and credit without the <figure>
    markup, or a teaser card (an image, a title, a line); an illustrated section is not one."""
    key = id(el)
    text = stats.text.get(key, 0)
    if not 0 < text <= CAPTION_MAX:
        return False
    inside = stats.subtree(el)
    if not any(is_picture(d, stats) and not _in_popup(d, el, stats) for d in inside):
        return False
    return not _illustrated_section(el, inside, stats) and not _beside_captioned_figure(el, inside, stats)


_FIGURE_TAGS = frozenset({"figure", "figcaption"})
_CAPTION_NAME = re.compile(r"caption")  # a box named as a caption, in any compound ("wp-caption-text")


def _beside_captioned_figure(el: Tag, inside: list[Tag], stats: TextStats) -> bool:
    """Paragraphs of prose beside a <figure> that holds its own caption, making most of the text
    outside the figure (SECTION_PROSE), with no link in or around the block: the caption is
    marked, so the paragraphs are text (a how-to's step beside its picture), not its caption. In
    old-style markup the caption is a box named as one (a <div> for the <figcaption>)."""
    key = id(el)
    if stats.links.get(key, 0) or el.find_parent("a") is not None:
        return False
    captioned = False
    figures = prose = 0  # the pictures' and captions' text (a caption may stand beside its <figure>)
    end = -1  # where the last picture or caption seen ends
    for d in inside:
        caption = d.name == "figcaption" or _CAPTION_NAME.search(stats.names(d)) is not None
        if caption and stats.text.get(id(d)):
            captioned = True
        at = stats.pos[id(d)]
        if at < end:
            continue
        if caption or d.name in _FIGURE_TAGS:
            figures += stats.text.get(id(d), 0)
            end = at + stats.size[id(d)]
        elif id(d) in stats.own_prose and set_as_paragraph(d, stats):
            prose += stats.own_prose[id(d)]
    return captioned and prose > 0 and prose >= SECTION_PROSE * (stats.text[key] - figures)


def _in_popup(image: Tag, box: Tag, stats: TextStats) -> bool:
    """The image sits in a link pop-up inside `box` (a hover card in a sentence: see
    `is_link_popup`), which counts for nothing in the box's text, and so is not its image."""
    node = image.parent
    while node is not None and node is not box:
        if is_link_popup(node, stats):
            return True
        node = node.parent
    return False


def _floated_image(el: Tag, stats: TextStats) -> bool:
    """A <div> set as a paragraph whose text runs on from its one image: the image first (alone or
    in a textless link), bare text right after it in the same line (or a bold run that bare text
    goes on from, see `_bold_opening`), no line break (an image floated into a paragraph, as a <p>
    holds it), prose of its own ending a sentence (not a spinner's word, a credit line). A caption
    box sets its text apart from the image, in an element of its own or on a line of its own."""
    if id(el) not in stats.own_prose or not line_of_text(el) or not _sentence(el):
        return False
    image: Tag | None = None
    for node in el.descendants:
        if isinstance(node, Tag):
            if node.name == "br" or (image is not None and is_picture(node, stats)):
                return False
            if image is None and is_picture(node, stats):
                image = node
        elif image is None and type(node) is NavigableString and node.strip():
            return False  # text before the image
    step = image
    while step is not None and step is not el:
        if following_text(step).strip() or _bold_opening(step):
            return True
        step = step.parent
        if step is None or stats.text.get(id(step), 0):
            return False  # the text after the image is set in an element of its own
    return False


def _bold_opening(image: Tag) -> bool:
    """Right after `image` a bold run opens the text that runs on in bare text after it (a lead
    that opens with the names it is about in bold, as tabloids set it)."""
    run = element_beside(image, "next_sibling")
    return run is not None and run.name in _BOLD and bool(following_text(run).strip())


def _whole_quote(el: Tag, stats: TextStats) -> bool:
    """The box holds all of a <blockquote>'s text, inside it or as the quote's own box (see
    `TextStats.unwrapped`): the quotation itself (a reader's words beside their picture), not a
    caption box set inside it."""
    quote = el.parent
    return stats.unwrapped(el).name == "blockquote" or (
        quote is not None
        and quote.name == "blockquote"
        and stats.text.get(id(quote)) == stats.text.get(id(el))
    )


# Boxes other than a <div> that hold an image and its caption: a <span> or <p> wrapper, or a
# custom element (a tag HTML does not define, a script framework's component).
_INLINE_HOLDERS = frozenset({"span", "p"})
HTML_TAGS = frozenset(html_defs.tags)


def _opens_with_image(el: Tag, stats: TextStats) -> bool:
    """The box opens with its image in a child of its own that holds no text, and holds no bare
    text of its own: an image with its caption set apart below it (a paragraph that opens with
    an image runs on beside it in the same line of text)."""
    first: Tag | None = None
    for node in el.contents:
        if isinstance(node, Tag):
            if first is None:
                first = node
        elif type(node) is NavigableString and node.strip():
            return False
    if first is None or stats.text.get(id(first), 0):
        return False
    return any(is_picture(d, stats) for d in stats.subtree(first))


def _image_list(el: Tag, stats: TextStats) -> bool:
    """A list whose every item opens with its image (see `_opens_with_image`) and holds a caption
    of at most SERIES_CARD_MAX characters with a sentence and no paragraph: a photo gallery set
    out as a list (a list of covers with a title and a year each is a discography, not one)."""
    items = children(el)
    return bool(items) and all(
        item.name == "li"
        and 0 < stats.text.get(id(item), 0) <= SERIES_CARD_MAX
        and _opens_with_image(item, stats)
        and item.find("p") is None
        and sentence_count(norm_space(text_of(item))) > 0
        for item in items
    )


def _caption_among_paragraphs(el: Tag, stats: TextStats) -> bool:
    """A box set between two of the story's paragraphs (or <div>s set as ones) or headings that
    opens with an empty slot (an image, or the placeholder a script fills with one) and holds a
    line or two of bare text with no link and no paragraph of its own: a caption and credit
    without <figure> markup."""
    for direction in ("previous_sibling", "next_sibling"):
        sibling = element_beside(el, direction)
        if sibling is None or not (
            sibling.name in PROSE_TAGS or (set_as_paragraph(sibling, stats) and kind(sibling) != kind(el))
        ):
            return False  # a like box beside it is one more of a series (a gallery's slide)
    return slot_caption(el, stats)


# characters: a caption set apart below its picture's slot may run to a wire photo's (who, where,
# when, and the credit), twice a caption that has only its length to go by
SLOT_CAPTION_MAX = 2 * CAPTION_MAX


def slot_caption(el: Tag, stats: TextStats) -> bool:
    """A box that opens with an empty slot (an image, or the placeholder a script fills with one)
    and holds a caption's text (SLOT_CAPTION_MAX) with no link and no paragraph of its own."""
    key = id(el)
    if not 0 < stats.text.get(key, 0) <= SLOT_CAPTION_MAX or stats.links.get(key, 0):
        return False
    if any(d.name in PARAGRAPH_TAGS for d in stats.subtree(el)):
        return False
    node = el
    while True:  # down the first children: the first of them with no text is the image's slot
        first = next(
            (c for c in node.contents if isinstance(c, Tag) or (type(c) is NavigableString and c.strip())),
            None,
        )
        if not isinstance(first, Tag):
            return False
        if bare_text(node):
            return False  # text running on from the slot or a box: a line of text, not a caption
        if not stats.text.get(id(first), 0):
            return True
        node = first


GALLERY_SLIDES = 3  # like boxes, each an empty slot and its caption, that make a photo gallery


def _gallery_slide(el: Tag, stats: TextStats) -> bool:
    """One of GALLERY_SLIDES or more like sibling boxes (the same tag; every sibling with text one
    of them), each an empty slot and its caption (see `slot_caption`): a photo gallery's slides."""
    return slot_caption(el, stats) and stats.picked(el, _gallery_slides)


def _gallery_slides(parent: Tag, stats: TextStats) -> set[int]:
    """The children of `parent` that are a gallery's slides (see `_gallery_slide`), or none."""
    slides = [c for c in parent.contents if isinstance(c, Tag) and stats.text.get(id(c), 0)]
    if len(slides) >= GALLERY_SLIDES and all(
        c.name == slides[0].name and slot_caption(c, stats) for c in slides
    ):
        return {id(c) for c in slides}
    return set()


# Blocks that set text out as paragraphs or items (a caption's text is bare in its box).
PARAGRAPH_TAGS = PROSE_TAGS | {"ul", "ol", "dl", "table"}


def _sibling_tag(el: Tag, direction: str) -> str | None:
    """The tag of `element_beside`."""
    sibling = element_beside(el, direction)
    return sibling.name if sibling is not None else None


def set_as_paragraph(el: Tag, stats: TextStats) -> bool:
    """A <p>, or a <div> set as one (div soup): prose of its own and no block inside."""
    return el.name == "p" or (id(el) in stats.own_prose and line_of_text(el))


BUTTON_WORDS = 3  # words of a link set as a button ("Subscribe", "Sign up now")


def _call_to_action(el: Tag, stats: TextStats, limit: int | None = None) -> bool:
    """A box of little text (`limit`, else CAPTION_MAX) under its own heading, with a message, that ends
    in its one link, set as a button (a few words standing alone among blocks, not in a sentence): a
    sign-up, donation or download appeal, or a teaser card, not a section of the story."""
    key = id(el)
    text = stats.text.get(key, 0)
    if not 0 < text <= (limit or CAPTION_MAX) or stats.anchors.get(key, 0) != 1:
        return False
    inside = stats.subtree(el)
    headings = [d for d in inside if set_as_heading(d, stats)]
    if not headings or any(stats.links.get(id(h)) for h in headings):
        return False
    anchor = next(d for d in inside if d.name == "a")
    words = word_count(text_of(anchor))
    if not 0 < words <= BUTTON_WORDS or not anchor.get("href") or _after_in(anchor, el, stats):
        return False
    if text - stats.links[key] - sum(stats.text.get(id(h), 0) for h in headings) <= 0:
        return False  # a heading and its edit link: no message
    parent = anchor.parent
    return (
        parent is not None
        and all(c is anchor or c.name in BLOCK_TAGS for c in parent.contents if isinstance(c, Tag))
        and not bare_text(parent)
    )


SERIES_CARD_MAX = 600  # characters: a card of a series of like cards may be this long (twice CAPTION_MAX)


def _card_of_series(el: Tag, stats: TextStats) -> bool:
    """A box past CAPTION_MAX (up to SERIES_CARD_MAX) shaped as a call to action (a heading, a
    message, one button link at its end) beside a like box (same tag and class) of the same shape:
    a card of a teaser grid ("Read more" under each excerpt) whose excerpt runs longer than its
    neighbours'; one such box alone is a section of the story that ends in a link."""
    text = stats.text.get(id(el), 0)
    return (
        CAPTION_MAX < text <= SERIES_CARD_MAX
        and _call_to_action(el, stats, SERIES_CARD_MAX)
        and stats.picked(el, _series_cards)
    )


def _series_cards(parent: Tag, stats: TextStats) -> set[int]:
    """The children of `parent` shaped as a call to action (up to SERIES_CARD_MAX) that have a like
    sibling (same tag and class) of the same shape."""
    kinds: dict[tuple[str, str | None], list[Tag]] = {}
    for child in children(parent):
        if _call_to_action(child, stats, SERIES_CARD_MAX):
            kinds.setdefault(kind(child), []).append(child)
    return {id(card) for like in kinds.values() if len(like) > 1 for card in like}


CLOSING_BOX_MAX = 400  # characters: a box of closing notes after the story is this short


def _closing_box(el: Tag, stats: TextStats, text_after: TextAfter) -> bool:
    """A short box (CLOSING_BOX_MAX) after the story's last paragraph whose text is two or more
    paragraphs, each holding a link: notes set apart from the story (a letters policy and a call
    to follow, a newsletter line and a contact), where the closing-note rule peels one line only.
    A box before which no paragraph of the story is kept holds the story (a short post whose
    paragraph links a name, a line pointing to its audio after it), and is none."""
    key = id(el)
    text = stats.text.get(key, 0)
    if not 0 < text <= CLOSING_BOX_MAX:
        return False
    paras = [c for c in children(el) if (c.name == "p" or line_of_text(c)) and stats.text.get(id(c))]
    if len(paras) == 1:  # one paragraph set out in several with blank lines (<br><br>)
        linked = _linked_paragraphs(paras[0], stats)
        if len(linked) < 2 or not all(linked):
            return False
    elif len(paras) < 2 or any(not stats.anchors.get(id(p)) for p in paras):
        return False
    if sum(stats.text.get(id(p), 0) for p in paras) < text or text_after(el) or not text_after.before(el):
        return False
    # names linked in the sentences of the story's last paragraphs, as the story links them
    return _sentence_links(el, stats) < stats.links.get(key, 0) or not _linking_story_before(el, stats)


LINKING_SHARE = 0.25  # of a story's paragraphs: linking inside sentences this often is its way


def _linking_story_before(el: Tag, stats: TextStats) -> bool:
    """LINKING_SHARE or more of the paragraphs of prose set before `el` (past its bare wrappers)
    in its parent hold a link inside a sentence (see `_sentence_links`): a site that links the
    names in its story, whose own links in sentences are the story's too."""
    paragraphs = [
        p
        for sibling in stats.outermost(el).find_previous_siblings()
        for p in ([sibling] if sibling.name == "p" else sibling.find_all("p"))
        if stats.own_prose.get(id(p))
    ]
    linking = sum(_sentence_links(p, stats) > 0 for p in paragraphs)
    return bool(paragraphs) and linking >= LINKING_SHARE * len(paragraphs)


_COMMENTS = re.compile(r"comment|disqus|kommentar|comentario|commentaire")  # a comment thread's names


def _comments_notice(el: Tag, stats: TextStats, text_after: Callable[[Tag], bool]) -> bool:
    """A short box (CLOSING_BOX_MAX) right before an empty comment thread, which a script fills
    in, that the story does not go on after: the thread's notice (its rules, a disclaimer), not
    the story's last words (they sit in the story's own box, before the thread's)."""
    if not 0 < stats.text.get(id(el), 0) <= CLOSING_BOX_MAX:
        return False
    following = element_beside(el, "next_sibling")
    return (
        following is not None
        and id(following) in stats.pos
        and not stats.text.get(id(following))
        and _COMMENTS.search(stats.names(following)) is not None
        and not text_after(el)
    )


def _linked_paragraphs(el: Tag, stats: TextStats) -> list[bool]:
    """Whether each paragraph of a block set out with blank lines (two <br>s or more between
    them) holds a link with text, in order; one paragraph when there is no blank line."""
    linked: list[bool] = []
    blank = True  # (the block's start opens its first paragraph)
    for text, has_link, _ in _br_lines(el, stats):
        if not text.strip():
            blank = True
            continue
        if blank:
            linked.append(False)
            blank = False
        linked[-1] = linked[-1] or has_link
    return linked


def _br_lines(el: Tag, stats: TextStats) -> Iterator[tuple[str, bool, bool]]:
    """The lines of a block set out with <br>s, in order: each line's text, whether it holds a link
    with text, and whether a <br> ends it (the last line's is the block's end)."""
    line: list[str] = []
    linked = False
    for node in el.descendants:
        if isinstance(node, Tag):
            if node.name == "br":
                yield "".join(line), linked, True
                line.clear()
                linked = False
            elif node.name == "a" and stats.text.get(id(node)):
                linked = True
        elif type(node) is NavigableString:
            line.append(node)
    yield "".join(line), linked, False


MONTH_DAYS = 28  # days numbered in a row that make a table a month's calendar
_DAY_CELL = re.compile(r"\d{1,2}")  # a cell holding a day of the month


def _calendar(el: Tag, stats: TextStats) -> bool:
    """A table whose cells number the days of a month in reading order (1, 2, 3, ... up to
    MONTH_DAYS or more, the days of the months either side left aside) and hold little else: a
    calendar widget or a booking calendar. A table of figures (standings, results) numbers its
    rows but not in a run of its cells."""
    numbers: list[int] = []
    other = 0
    for cell in stats.subtree(el):
        if cell.name in ("td", "th") and stats.text.get(id(cell), 0):
            text = text_of(cell).strip() if stats.text[id(cell)] <= 2 else ""  # a day is two digits
            if _DAY_CELL.fullmatch(text):
                numbers.append(int(text))
            else:
                other += 1
    run = best = 0
    for day in numbers:
        run = run + 1 if day == run + 1 else int(day == 1)
        best = max(best, run)
    return best >= MONTH_DAYS and other < best


def _form_box(el: Tag, stats: TextStats) -> bool:
    """A box of little text (CAPTION_MAX) around a form: the form's message and small print (a
    sign-up, search or poll box whose fields the page scan dropped)."""
    return 0 < stats.text.get(id(el), 0) <= CAPTION_MAX and any(d.name == "form" for d in stats.subtree(el))


def _after_in(el: Tag, box: Tag, stats: TextStats) -> bool:
    """Text follows `el` inside `box`."""
    end = stats.pos[id(el)] + stats.size[id(el)]
    stop = stats.pos[id(box)] + stats.size[id(box)]
    return any(stats.text.get(id(d)) for d in stats.nodes[end:stop]) or bool(following_text(el).strip())


SECTION_PROSE = 0.8  # share of an illustrated section's text that is prose (a caption's is less)
SECTION_TEXT = 200  # characters of such prose that make a section of text even without a heading


def _illustrated_section(el: Tag, inside: list[Tag], stats: TextStats) -> bool:
    """Prose beside an image, with no link, under a subheading (see `set_as_heading`) or longer
    than a caption line: a section of the text that is illustrated (a caption has no heading and
    is set in a caption element or a line or two; a teaser card links its heading; a heading over
    a row of logos says nothing under it). A row of share links (see `_share_row`) is left out:
    an entry of a live report shares itself; a name linked inside a sentence is prose."""
    key = id(el)
    rows = [id(c) for c in parts_of(el, stats, REPLY_WRAPPERS) if _share_row(c, stats)]
    text = stats.text[key] - sum(stats.text[r] for r in rows)
    links = stats.links.get(key, 0) - sum(stats.links.get(r, 0) for r in rows)
    named = _sentence_links(el, stats) if links else 0
    if links > named or stats.prose.get(key, 0) + named < SECTION_PROSE * text:
        return False
    if text > SECTION_TEXT:
        return True
    headings = [stats.text.get(id(d), 0) for d in inside if set_as_heading(d, stats)]
    return bool(headings) and text > max(headings)  # text under the heading, not a heading alone


def _sentence_links(el: Tag, stats: TextStats) -> int:
    """The text of the links under `el` each set inside a sentence of its paragraph (a block with
    no block inside it; see `set_in_sentence`): names linked to their pages, as a caption's
    credit, a card's linked title or a call to read on are not."""
    found = 0
    paragraphs: dict[int, tuple[list[str], dict[int, int]] | None] = {}  # each block's texts, once
    for link in el.find_all("a"):
        length = stats.text.get(id(link), 0)
        block = link.parent
        while block is not None and block is not el and block.name not in BLOCK_TAGS:
            block = block.parent
        if not length or block is None:
            continue
        if id(block) not in paragraphs:
            pieces = None if _holds_block(block, stats) else list(block.strings)
            paragraphs[id(block)] = (
                None if pieces is None else (pieces, {id(p): i for i, p in enumerate(pieces)})
            )
        held = paragraphs[id(block)]
        if held is None:
            continue  # a box of blocks (a card whose link holds its title), not a paragraph
        pieces, at = held
        inside = [at[id(piece)] for piece in link.strings if id(piece) in at]
        if inside and set_in_sentence("".join(pieces[: inside[0]]), "".join(pieces[inside[-1] + 1 :])):
            found += length
    return found


def _holds_block(el: Tag, stats: TextStats) -> bool:
    """A block element lies inside `el` (read from the statistics' node list when they hold it)."""
    if id(el) not in stats.pos:
        return el.find(BLOCK_TAGS) is not None
    return any(d.name in BLOCK_TAGS for d in stats.subtree(el)[1:])


def pointer_links(el: Tag, stats: TextStats) -> int:
    """The link text under `el` that points away from its text: its links but those set inside a
    sentence of a paragraph (see `_sentence_links`: names linked to their pages are the text's own
    words), as a teaser's title, a menu or a call to read on sets them."""
    links = stats.links.get(id(el), 0)
    return links - _sentence_links(el, stats) if links else 0


def _named_boilerplate(el: Tag, stats: TextStats, weak: bool = True) -> bool:
    """Its class/id, itemprop or ARIA role marks `el` as boilerplate (an embedded quote excepted).
    A heading's id is not read: it is an anchor made from the heading's own words."""
    label = (attr(el, "class") or "").lower() if el.name in HEADINGS else stats.names(el)
    names = _boilerplate_name(label, inline=not weak or el.name not in BLOCK_TAGS)
    if names and not _embeds_quote(el, stats):
        return True
    if attr(el, "itemprop") in ("author", "publisher", "image", "associatedMedia", "video"):
        return True
    return attr(el, "role") in ("navigation", "complementary", "banner", "contentinfo", "dialog")


def cut_for_certain(el: Tag, stats: TextStats) -> bool:
    """A boilerplate tag (header, form, figure, ...; not <time>, which may sit in a sentence) or a
    name with a strong boilerplate word (newsletter, related, comments, pop-up, paywall, ...): what
    the cuts inside the text remove, the weak words' undo notwithstanding."""
    return (el.name in BOILERPLATE_TAGS and el.name != "time") or (
        bool(el.attrs) and _named_boilerplate(el, stats, weak=False)
    )


def is_link_boilerplate(el: Tag, stats: TextStats, budget: int, past_guard: bool = False) -> bool:
    """The lenient cut: navigation tags and link-dense blocks only (same undo guard), and readers'
    replies under the story (see `reply_thread`), which no guard keeps; with `past_guard`, all
    that no guard keeps (see `cut_past_guard`: the page is not all teasers)."""
    if cut_past_guard(el, stats) if past_guard else _replies_under_story(el, stats):
        return True
    if _over_budget(el, stats, budget):
        return False
    return el.name in ("nav", "aside", "footer", "form") or _link_cut(el, stats)


def cut_past_guard(el: Tag, stats: TextStats, items: list[Tag] | None = None) -> bool:
    """A box cut by its shape whatever it holds, past the undo guard and its fallbacks: a list of
    teasers (excerpts cut short, see `_excerpt_list`, or cards with linked titles, see
    `_teaser_cards`) or readers' replies under the story (see `reply_thread`). None of it is
    the story's text, so it does not count in what the cuts may take (`items`: `el`'s list items,
    when known)."""
    if items is None:
        items = list_items(el, stats)
    if items and (_excerpt_list(items, stats) or _teaser_cards(el, items, stats)):
        return True
    return _replies_under_story(el, stats)


def _over_budget(el: Tag, stats: TextStats, budget: int) -> bool:
    """The undo guard: `el` holds more than `budget` characters of non-link text."""
    return text_outside_links(el, stats) > budget


def text_outside_links(el: Tag, stats: TextStats) -> int:
    """The characters of `el`'s text outside links."""
    return stats.text.get(id(el), 0) - stats.links.get(id(el), 0)


def _link_cut(el: Tag, stats: TextStats) -> bool:
    """An inline link popup, or a link-dense block (a paragraph citing one address, an entry of a
    list or table, and a box that opens with the story's last paragraph, excepted)."""
    if el.name not in BLOCK_TAGS:
        return is_link_popup(el, stats)
    inner = stats.unwrapped(el)
    if inner.name == "p":
        el = inner  # a paragraph set in a component's box is judged as the paragraph
    key = id(el)
    text, links = stats.text.get(key, 0), stats.links.get(key, 0)
    if not link_dense(el.name, text, links):
        return False
    if el.name in ("div", "section") and _story_tail(el, stats):
        return False
    if el.name in _ENTRY_TAGS:
        return not (stats.anchors.get(key, 0) == 1 and links < text)
    div_paragraph = line_of_text(el)
    if (el.name == "p" or div_paragraph) and stats.anchors.get(key, 0) == 1 and _cites_address(el):
        return False
    return not (
        div_paragraph
        and not link_dense("p", text, links)
        and (
            _sentence(el)
            or _labelled_link(el, stats) is not None
            or _cites_by_address(el, stats)
            or _line_of_prose(el, stats)
        )
    )


def opening_prose(box: Tag, stats: TextStats) -> Tag | None:
    """The block of prose that opens `box` past its subheadings, or None when a link (a card's
    title) comes first."""
    for el in stats.subtree(box)[1:]:
        if el.name == "a" and stats.text.get(id(el)):
            return None
        if stats.own_prose.get(id(el)) and el.name not in HEADINGS:
            return el
    return None


def _story_tail(box: Tag, stats: TextStats) -> bool:
    """`box` opens with a paragraph of the story (TEXT_AFTER_PROSE characters of prose, not a line
    that leads into what follows with a colon): links after it are a list set below the story's
    last paragraph, to be judged apart from it."""
    first = opening_prose(box, stats)
    return (
        first is not None
        and stats.own_prose.get(id(first), 0) >= TEXT_AFTER_PROSE
        and text_of(first).rstrip()[-1:] not in COLONS
    )


def inside_wrappers(el: Tag, most: int | None = None) -> Tag:
    """`el`, or the innermost `div`/`section` nested in it as its only child, down a chain of
    such (`most` levels at most): the bare wrappers a template may nest a box in do not change
    what the box sets out (a wrapper beside an image or an empty slot is no bare wrapper)."""
    levels = 0
    while most is None or levels < most:
        inner = children(el)
        if len(inner) != 1 or inner[0].name not in ("div", "section"):
            return el
        el = inner[0]
        levels += 1
    return el


REPLIES = 3  # like boxes, each shaped as a reply, that make a thread of readers' replies
REPLY_WRAPPERS = 3  # bare wrappers looked through for a thread's boxes (every box of a chain asks)
STORY_LEVELS = 3  # how far up the boxes before a thread of replies are looked at for the story
_THREAD_HOLDERS = frozenset({"div", "section", "ol", "ul"})


def reply_thread(el: Tag, stats: TextStats) -> bool:
    """`el` (inside up to REPLY_WRAPPERS bare wrappers) holds REPLIES or more like boxes (one tag
    and class), each shaped as a reply (see `_reply`), and they hold half its prose or more:
    readers' replies. The thread may sit in a box of its own below a head of short lines (a title,
    a count of replies, a link to follow them: no paragraph), up to REPLY_WRAPPERS levels down."""
    if stats.prose.get(id(el), 0) < REPLIES * MIN_PARAGRAPH:
        return False  # (each reply holds a block of prose)
    return stats.judged(el, _holds_replies)


def _holds_replies(el: Tag, stats: TextStats) -> bool:
    """The search `reply_thread` makes, once per element (see `TextStats.judged`)."""
    box = inside_wrappers(el, REPLY_WRAPPERS)
    for _ in range(REPLY_WRAPPERS):
        kids = [
            c
            for c in children(box)
            if stats.prose.get(id(c)) and c.name not in PROSE_TAGS  # (a reply is a box of parts)
        ]
        if not kids:
            return False
        if 2 * _reply_prose(kids, stats) >= stats.prose.get(id(el), 0):
            return True
        inner = max(kids, key=lambda c: stats.prose[id(c)])
        if any(c is not inner and holds_paragraph(c, stats) for c in children(box)):
            return False
        box = inner  # the thread below a head of short lines (a title, a count of replies)
    return False


def _reply_prose(kids: list[Tag], stats: TextStats) -> int:
    """The prose of the boxes in `kids` of the kind that REPLIES or more of them shaped as a reply
    (see `_reply`) are; 0 when no kind has so many."""
    if len(kids) < REPLIES:
        return 0
    counts = Counter(kind(c) for c in kids if _reply(c, stats))
    if not counts:
        return 0
    like, n = counts.most_common(1)[0]
    return sum(stats.prose[id(c)] for c in kids if kind(c) == like) if n >= REPLIES else 0


def _replies_under_story(el: Tag, stats: TextStats) -> bool:
    """A thread of readers' replies (see `reply_thread`) with the story they are under before it."""
    return el.name in _THREAD_HOLDERS and reply_thread(el, stats) and _story_before(el, stats)


def _story_before(el: Tag, stats: TextStats) -> bool:
    """A paragraph of prose (TEXT_AFTER_PROSE) lies before `el`, in the boxes before it or before
    one of the STORY_LEVELS boxes holding it: the story the replies are under."""
    box: Tag | None = el
    for _ in range(STORY_LEVELS):
        if box is None:
            return False
        if any(id(b) in stats.pos and holds_paragraph(b, stats) for b in box.find_previous_siblings(True)):
            return True
        box = box.parent
    return False


def holds_paragraph(el: Tag, stats: TextStats) -> bool:
    """`el` holds a paragraph of the story: a block of TEXT_AFTER_PROSE characters of own prose."""
    return any(stats.own_prose.get(id(d), 0) >= TEXT_AFTER_PROSE for d in stats.subtree(el))


def parts_of(box: Tag, stats: TextStats, most: int | None = None) -> list[Tag]:
    """The parts a box sets out: its children that hold text, inside its bare wrappers (`most`
    levels of them at most, see `inside_wrappers`)."""
    return [c for c in children(inside_wrappers(box, most)) if stats.text.get(id(c))]


def _reply(post: Tag, stats: TextStats) -> bool:
    """A reply: first a part with text and no prose (its writer and time), then prose, and last a
    row of links with no prose (its reply and like buttons); a section of a story ends in prose,
    and an entry of a live report opens with its time, has a title or shares itself (see
    `report_entry`). The writer's line and the prose may share one box, the row of links after it."""
    parts = parts_of(post, stats, REPLY_WRAPPERS)
    if len(parts) == 2 and stats.prose.get(id(parts[0])):
        parts = parts_of(parts[0], stats) + parts[1:]  # the writer, the time and the prose in one box
    if len(parts) < 3:
        return False
    head, last = id(parts[0]), id(parts[-1])
    return (
        not stats.prose.get(head)
        and not stats.prose.get(last)
        and stats.links.get(last, 0) >= stats.text[last]
        and any(stats.prose.get(id(c)) for c in parts[1:-1])
        and not report_entry(parts, stats)
    )


TITLE_WORDS = 4  # words of a heading that titles an entry (a writer's name over a reply has fewer)
STAMP_WORD = 3  # letters of the words a time stamp holds beside its figures (a zone, am/pm, o'clock)
STAMP_LENGTH = 30  # characters (text_length) of a time stamp set as an entry's first part


def report_entry(parts: list[Tag], stats: TextStats) -> bool:
    """The parts of a box set out as an entry of a live report (or of a timeline), not as a
    reader's reply, though both open with a line that holds no prose: a first part stamped with
    the time before any name (see `_stamped_first`), a title (see `_titled`), or a row that
    shares the entry on other sites (see `_share_row`)."""
    if parts and _stamped_first(parts[0]):
        return True
    return any(_share_row(part, stats) for part in parts) or any(_titled(part, stats) for part in parts)


_WORD = re.compile(r"[^\W\d_]+")
# A clock time at the start of a line (10:05, 10.05, 10h05), not a date (05.12.2026)
_CLOCK_FIRST = re.compile(r"(?:[01]?\d|2[0-3])[:.h][0-5]\d(?![\d./-])")


def _stamped_first(part: Tag) -> bool:
    """`part` opens with a clock time, or is a time stamp alone: figures, and beside them only
    words of STAMP_WORD letters or fewer (a time zone, am or pm, a word for o'clock). An entry of a
    live report is stamped with its time first; a reply opens with its writer's name, or with the
    day it was written (a thread runs over days, a live report over hours)."""
    text = norm_space(text_of(part))
    if _CLOCK_FIRST.match(text):
        return True
    return (
        text_length(text) <= STAMP_LENGTH
        and any(c.isdigit() for c in text)
        and all(len(word) <= STAMP_WORD for word in _WORD.findall(text))
    )


def _share_row(part: Tag, stats: TextStats) -> bool:
    """`part` is a row without prose that shares its box on other sites (see `_shares`)."""
    return not stats.prose.get(id(part)) and _shares(part, stats)


def _titled(part: Tag, stats: TextStats) -> bool:
    """`part` is or holds a heading of TITLE_WORDS words or more that is not a link (a teaser's
    title links to its story)."""
    return any(
        h.name in HEADINGS
        and 2 * stats.links.get(id(h), 0) < stats.text.get(id(h), 0)
        and word_count(norm_space(text_of(h))) >= TITLE_WORDS
        for h in stats.subtree(part)
    )


# An address handed on in a link's query, plain or percent-encoded: its host.
_HANDED_ON = re.compile(r"https?(?::|%3a)(?:/|%2f){2}([^/?&#%\s]+)", re.IGNORECASE)


def _shares(row: Tag, stats: TextStats) -> bool:
    """`row` holds a link that hands an address to another site: a network's share page given the
    story's address, or a mail to no one yet that sends it (a reply's own links act on the page
    itself; a writer's mail address names its recipient)."""
    if not stats.anchors.get(id(row)):
        return False
    for a in stats.subtree(row):
        if a.name != "a" or not (href := str(a.get("href") or "").strip()):
            continue
        if href[:8].lower() == "mailto:?":
            return True
        target = split_url(href)
        if target is None:
            continue  # a malformed address (a template's placeholder for the host) hands nothing on
        handed = _HANDED_ON.search(target.query)
        if handed and target.netloc and _host(target.netloc) != _host(handed.group(1)):
            return True
    return False


def _host(netloc: str) -> str:
    """A host as a link names it, without port, credentials or a leading "www."."""
    host = netloc.rpartition("@")[2].partition(":")[0].lower()
    return host.removeprefix("www.")


def line_of_text(el: Tag) -> bool:
    """A <div> set as a paragraph (div soup): only inline elements and text inside, no block."""
    return el.name == "div" and not any(isinstance(c, Tag) and c.name in BLOCK_TAGS for c in el.contents)


def _line_of_prose(el: Tag, stats: TextStats) -> bool:
    """A line of the block set out with <br>s, before its last, that holds no link and ends a
    sentence: lines of running text with links among them (a post citing its sources), not a row
    of links (the last line is `_sentence`'s)."""
    return any(
        ended and not linked and ends_sentence(norm_space(text))
        for text, linked, ended in _br_lines(el, stats)
    )


def _sentence(el: Tag) -> bool:
    """The element's text ends a sentence (running text, not a row of links or a label)."""
    return ends_sentence(norm_space(text_of(el)))


# A list item or table row holding one link and text besides it is an entry of its list or table
# (an ingredient with its amount, a title with its year, a contact with its label), not a link
# to cut on its own: a list or table of links is judged whole, by its own link density.
_ENTRY_TAGS = frozenset({"li", "dd", "dt", "tr"})


def _cites_address(el: Tag) -> bool:
    """A paragraph (or a link) whose text is a web or e-mail address: a reference the story gives
    (navigation links name their target in words, not by its address)."""
    return ADDRESS.fullmatch(norm_space(text_of(el))) is not None


def _cites_by_address(el: Tag, stats: TextStats) -> bool:
    """The block's one link shows its target's web or e-mail address in full (a label and the
    address: a source the story gives; navigation names its target in words)."""
    if stats.anchors.get(id(el), 0) != 1:
        return False
    anchor = el.find("a")
    return anchor is not None and _cites_address(anchor)


def _in_sentence(el: Tag) -> bool:
    """An inline element that is part of running text ("on <time>Monday</time> the ...")."""
    parent = el.parent
    return bool(following_text(el).strip()) or (parent is not None and parent.name in PROSE_TAGS)


def _embeds_quote(el: Tag, stats: TextStats) -> bool:
    """An embedded post (tweet, Instagram caption) is a quotation the story is built on."""
    return el.name == "blockquote" or (
        EMBED_CLASS.search(stats.names(el)) is not None
        and any(d.name == "blockquote" for d in stats.subtree(el)[1:])
    )


@lru_cache(maxsize=8192)
def _boilerplate_name(names: str, inline: bool) -> bool:
    """A class/id naming boilerplate; inline elements (links, spans inside a sentence) need one
    of the strong words, so "player-link" or "date" inside prose is kept."""
    if not names.strip() or CONTENT_CLASS.search(names):
        return False
    return bool(BOILERPLATE_PART.search(names) or (not inline and BOILERPLATE_CLASS.search(names)))


LIST_BOXES = 3  # like boxes that set out a list without list markup


def list_items(el: Tag, stats: TextStats) -> list[Tag]:
    """The items of a list: a <ul>'s or <ol>'s <li>s, or the boxes of a <div> or <section> set
    out as one (LIST_BOXES or more children of the same tag and class, no paragraph or heading
    among them, every child with text one of them; empty ones left out); else none."""
    if el.name in ("ul", "ol"):
        return [li for li in children(el) if li.name == "li"]
    if el.name not in ("div", "section"):
        return []
    boxes = [c for c in children(el) if stats.text.get(id(c), 0)]
    if len(boxes) < LIST_BOXES or bare_text(el):
        return []
    first = kind(boxes[0])
    if first[0] in PROSE_TAGS or any(kind(c) != first for c in boxes):
        return []
    return boxes


def _linked_items(items: list[Tag], stats: TextStats) -> bool:
    """Two items or more, every one holding a link."""
    return len(items) >= 2 and all(stats.anchors.get(id(item), 0) for item in items)


def _named_link_list(el: Tag, items: list[Tag], stats: TextStats) -> bool:
    """A list (see `list_items`) named by a strong boilerplate word (related, comments,
    recommended, ...) whose every item holds a link: teasers with their excerpts, posts with their
    authors' links. It is cut even past the undo guard: a short story with long excerpts under it
    would otherwise keep them (the fallback that keeps only link-dense cuts still undoes it on a
    page that is all list)."""
    return _linked_items(items, stats) and _named_boilerplate(el, stats, weak=False)


# An excerpt cut short: an ellipsis closing the text ("... the bank sh...", "…").
TRUNCATED = re.compile(r"(?:\.{2,}|…)\W{0,3}$")


def _excerpt_list(items: list[Tag], stats: TextStats) -> bool:
    """A list (see `list_items`) whose every item holds a link and ends in an excerpt cut short by
    an ellipsis: teasers for other pages (their titles linked, their openings truncated), whatever
    their names. It is cut past the undo guard as a named list of links is: the excerpts are long."""
    return _linked_items(items, stats) and all(TRUNCATED.search(text_of(li).rstrip()) for li in items)


TEASER_LINKS = 0.2  # link density that marks a region as a teaser list
TEASER_CARDS = 3  # cards with linked titles that make a list of teasers


def _teaser_cards(el: Tag, items: list[Tag], stats: TextStats) -> bool:
    """A list (see `list_items`) of TEASER_CARDS or more items, every one a card that sets a linked
    title over its excerpt (see `linked_title`), the whole link-dense (TEASER_LINKS): teasers for
    other pages, whatever their names. It is cut past the undo guard as a list of truncated
    excerpts is (a story set out as boxes links a name over a long text, far less link-dense)."""
    return (
        len(items) >= TEASER_CARDS
        and stats.links.get(id(el), 0) >= TEASER_LINKS * stats.text.get(id(el), 0)
        and all(linked_title(item, stats) for item in items)
    )


def linked_title(card: Tag, stats: TextStats) -> bool:
    """`card` sets a title that is all link text over its text: a heading of link text, or a first
    part that is and opens the card (a teaser's title, linked to its story, over its excerpt; a
    paragraph whose first link comes after its opening words links a name inside its text)."""
    parts = parts_of(card, stats)
    return len(parts) > 1 and any(
        stats.links.get(id(h), 0) >= stats.text[id(h)]
        for h in parts
        if h.name in HEADINGS or (h is parts[0] and _opens_box(h))
    )


def _opens_box(el: Tag) -> bool:
    """No bare text stands before `el` among its siblings: it opens the box that holds it."""
    return not any(type(s) is NavigableString and s.strip() for s in el.previous_siblings)


def _story_list(el: Tag, items: list[Tag], stats: TextStats) -> bool:
    """A list (see `list_items`) whose every item links somewhere, with much of its text in links
    that point away (see `pointer_links`: items that link a name in their sentence are the
    story's list): further reading."""
    if not _linked_items(items, stats):
        return False
    text = stats.text.get(id(el), 0)
    return (
        text > 0
        and stats.links.get(id(el), 0) > STORY_LIST_LINKS * text
        and pointer_links(el, stats) > STORY_LIST_LINKS * text
    )


def links_most(el: Tag, stats: TextStats) -> bool:
    """More than half of the element's text is link text (a link list, a teaser, a share row)."""
    key = id(el)
    return stats.links.get(key, 0) * 2 > stats.text.get(key, 0) > 0


def link_dense(tag: str, text: int, links: int) -> bool:
    """A block mostly made of link text (menus, related-story lists); prose blocks (paragraphs,
    headings, quotes) may link most of their words and still be prose."""
    limit = 0.8 if tag in PROSE_TAGS else 0.5
    return text > 0 and links / text > limit
