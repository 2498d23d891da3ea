"""The pruning tree builder: the cleaner's text is unchanged, what it never reads is not built,
and the scan made while building is the scan a walk over the tree makes."""

from __future__ import annotations

import gc
import weakref

from bs4 import BeautifulSoup, Tag

from extractors.cleaning.blocks import collect_blocks
from extractors.cleaning.htmltree import (
    LeanBuilder,
    PruningBuilder,
    Scan,
    page_scan,
    parse_html,
    parsed_page,
    scan,
)

PAGE = (
    "<!DOCTYPE html><html><head>\n  <meta charset='utf-8'>\n  <title>T</title>\n"
    '  <script type=\'application/ld+json\'>{"headline": "H"}</script>\n'
    "  <script>var tracking = 1;</script><style>p {}</style>\n</head>\n<body>\n"
    "<!-- a comment --><div class='story'>\n  <p>Some <b>bold</b> <i>text</i> and"
    "<script>ignored()</script> more</p>\n  <p>Second<!-- inline --> paragraph</p>\n"
    "  <ul>\n    <li>one</li>\n    <li><a href='/x'>two</a> <em>three</em></li>\n  </ul>\n"
    "  <svg><g><path d='M0'/><text>chart label</text></g></svg>\n"
    "  <pre>  kept\n  spaces </pre>\n  <div style='display:none'>hidden menu</div>\n"
    "  <select><option>pick</option></select><p itemprop='author'>By Someone</p>\n"
    "</div>\n</body></html>"
)


def build(builder: type[LeanBuilder]) -> BeautifulSoup:
    """The page built by one of the lean builders."""
    return BeautifulSoup(PAGE, builder=builder(multi_valued_attributes=None, attribute_dict_class=dict))


def blocks(soup: BeautifulSoup) -> list[tuple[str, str]]:
    """The cleaner's blocks of the whole page, non-content elements left out."""
    body = soup.find("body")
    assert isinstance(body, Tag)
    return collect_blocks([body], lambda el: el.name in ("script", "style", "svg", "select"))


def test_the_pruned_tree_gives_the_same_blocks_with_fewer_nodes() -> None:
    full, pruned = build(LeanBuilder), build(PruningBuilder)
    assert blocks(pruned) == blocks(full)
    assert len(list(pruned.descendants)) < 0.75 * len(list(full.descendants))
    assert not pruned.find_all(["svg", "style", "select"])
    assert [s.get("type") for s in pruned.find_all("script")] == ["application/ld+json"]
    assert pruned.find("meta") is not None and pruned.find("title") is not None
    pre = pruned.find("pre")
    assert pre is not None and pre.get_text() == "  kept\n  spaces "


def _same(ours: Scan, walked: Scan) -> None:
    """Two scans found the same elements (by identity), in the same order."""

    def ids(items: list[Tag]) -> list[int]:
        return [id(el) for el in items]

    assert {k: ids(v) for k, v in ours.named.items()} == {k: ids(v) for k, v in walked.named.items()}
    assert ids(ours.content) == ids(walked.content)
    assert ids(ours.non_content) == ids(walked.non_content)
    assert ids(ours.itemprops) == ids(walked.itemprops)
    assert [(id(el), outer) for el, outer in ours.hidden] == [(id(el), o) for el, o in walked.hidden]
    assert ours.owner == walked.owner
    assert ours.page_chars == walked.page_chars


def test_the_scan_made_while_building_is_the_scan_of_a_walk() -> None:
    for builder in (LeanBuilder, PruningBuilder):
        soup = build(builder)
        made = soup.builder.found  # type: ignore[attr-defined]
        assert isinstance(made, Scan)
        _same(made, scan(soup))


def test_markup_after_the_end_falls_back_to_a_walk() -> None:
    soup = parse_html("<html><body><p>one</p></body></html><p>after the end</p>")
    assert soup is not None
    found = page_scan(soup)
    _same(found, scan(soup))
    assert [el.name for el in found.named["h1"]] == []
    assert any(el.name == "p" and el.get_text() == "after the end" for el in found.content)


def test_elements_hold_only_their_own_fields() -> None:
    # The fields every element of a builder shares (parser class, namespaces, string types) are
    # class attributes of its LeanTag class: an element's dict holds its name, attributes,
    # contents and links, and reads the shared ones as bs4's own Tag does.
    ours, theirs = build(PruningBuilder), BeautifulSoup(PAGE, "lxml", multi_valued_attributes=None)
    div, bs4_div = ours.find("div"), theirs.find("div")
    assert isinstance(div, Tag) and isinstance(bs4_div, Tag)
    assert set(vars(div)) == {
        "name",
        "attrs",
        "contents",
        "can_be_empty_element",
        "parent",
        "previous_sibling",
        "previous_element",
        "next_sibling",
        "next_element",
    }
    for name in (
        "parser_class",
        "namespace",
        "hidden",
        "interesting_string_types",
        "preserve_whitespace_tags",
    ):
        assert getattr(div, name) == getattr(bs4_div, name), name


def test_text_inside_a_pruned_subtree_never_reaches_the_text_around_it() -> None:
    # Character data goes straight into the builder's pending list and is cut off when the pruned
    # subtree ends (nested ones too, and one the document never closes).
    soup = parse_html(
        "<html><body><p>before<script>var leak = 1;</script> after</p>"
        "<p>one<svg><g><text>label</text><style>p {}</style></g>tail</svg> two</p>"
        "<p>last<script>never closed"
    )
    assert soup is not None
    assert [[str(s) for s in p.contents] for p in soup.find_all("p")] == [
        ["before after"],
        ["one two"],
        ["last"],
    ]
    assert soup.find(["script", "svg", "style"]) is None


def test_a_page_is_freed_without_the_collector() -> None:
    # The teardown empties every node the builder made, the page's scan (a caller may still hold
    # it, as clean_html does) and the builder (it sits in a reference cycle with lxml's parser,
    # which only the collector frees): no element waits for the collector.
    collecting = gc.isenabled()
    gc.disable()
    try:
        with parsed_page(PAGE) as root:
            assert root is not None
            found = page_scan(root)
            refs = [weakref.ref(el) for el in (root.find("body"), root.find("title"), root.find("li"))]
        assert [ref() for ref in refs] == [None, None, None]
        assert not found.content and not found.named
    finally:
        if collecting:
            gc.enable()


def test_a_void_element_holds_nothing_and_what_follows_it_is_read() -> None:
    """libxml2 nests what follows an `<embed>`, `<source>`, `<track>` or `<wbr>` in it; a browser
    reads them as void. The text after an embedded player was lost with the player."""
    html = (
        "<html><body><div><p>First part.</p><object data='a.swf'><param name='m'></object>"
        "<embed src='a.swf'><p>Second part.</p><video><source src='v.mp4'><track src='v.vtt'></video>"
        "<p>Third<wbr>part.</p></div></body></html>"
    )
    for builder in (LeanBuilder, PruningBuilder):
        soup = BeautifulSoup(html, builder=builder(multi_valued_attributes=None, attribute_dict_class=dict))
        for name in ("embed", "source", "track", "wbr"):
            assert all(not el.contents for el in soup.find_all(name))
        div = soup.find("div")
        assert isinstance(div, Tag)
        assert [p.get_text() for p in div.find_all("p", recursive=False)] == [
            "First part.",
            "Second part.",
            "Thirdpart.",
        ]


def test_a_byte_order_mark_between_tags_is_no_text() -> None:
    """A template's files joined with their byte-order marks leave a BOM between tags: it shows
    nothing, so it collapses as whitespace does and gives its parent no text of its own (a
    component after it is still a box)."""
    html = "<html><body><div>\ufeff<story-box><p>A paragraph.</p></story-box>\u200b</div></body></html>"
    soup = BeautifulSoup(
        html, builder=PruningBuilder(multi_valued_attributes=None, attribute_dict_class=dict)
    )
    div = soup.find("div")
    assert isinstance(div, Tag)
    assert [c.name for c in div.children if isinstance(c, Tag)] == ["div"]
    assert not any(isinstance(c, str) and c.strip(" \n") for c in div.children)


def test_void_elements_inside_and_outside_a_pruned_subtree_keep_the_tree_whole() -> None:
    html = (
        "<html><body><article><div><p>One.</p><embed src='a'><svg><embed src='b'></svg>"
        "<p>Two.</p></div><p>Three.</p></article></body></html>"
    )
    soup = BeautifulSoup(
        html, builder=PruningBuilder(multi_valued_attributes=None, attribute_dict_class=dict)
    )
    article = soup.find("article")
    assert isinstance(article, Tag)
    assert [c.name for c in article.children if isinstance(c, Tag)] == ["div", "p"]
    div = article.find("div")
    assert isinstance(div, Tag)
    assert [c.name for c in div.children if isinstance(c, Tag)] == ["p", "p"]
