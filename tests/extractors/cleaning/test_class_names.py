"""Class/id names that state a negation ("non-paywall") do not mark an element as boilerplate, and
the class words that tell one item from the next are no part of a box's kind."""

from __future__ import annotations

from tests.support.pages import beside_teaser_cards, html_article

PARAGRAPHS = "".join(
    f"<p>Paragraph {n}: the river rose through the night and the town's volunteers filled "
    f"sandbags until the water stopped a street short of the old mill.</p>"
    for n in range(1, 5)
)


def test_a_section_named_as_not_paywalled_is_kept() -> None:
    html = (
        "<html><body><article class='article-body'><h1>Flood</h1>"
        f"<section class='row'>{PARAGRAPHS}</section>"
        "<section class='row non-paywall'><p>The free part ends with what the mayor said: the "
        "town will build a higher wall along the river before next winter.</p></section>"
        "</article></body></html>"
    )
    assert "the mayor said" in html_article(html).text


def test_a_paywall_box_is_still_cut() -> None:
    html = (
        "<html><body><article class='article-body'><h1>Flood</h1>"
        f"<div class='text'>{PARAGRAPHS}</div>"
        "<div class='paywall'><p>Subscribe now to read every story for one euro a month.</p></div>"
        "</article></body></html>"
    )
    text = html_article(html).text
    assert "Paragraph 4" in text and "Subscribe now" not in text


def test_a_kind_leaves_out_the_class_words_that_tell_items_apart() -> None:
    """Boxes of one kind (posts, cards) are compared by tag and class; an item's identifier and its
    zebra stripe are no part of the kind, its other words and short numbers are."""
    from bs4 import BeautifulSoup

    from extractors.cleaning.htmltree import kind

    def of(cls: str) -> tuple[str, str | None]:
        box = BeautifulSoup(f"<div class='{cls}'></div>", "html.parser").div
        assert box is not None
        return kind(box)

    assert of("comment even cid-4e7a47cb69be") == of("comment odd cid-4e7af926eab8") == ("div", "comment")
    assert of("reply thread-odd depth-2 post-4711") == ("div", "reply depth-2")
    assert of("col-md-6") == ("div", "col-md-6") != of("col-md-4")
    assert of("story") == ("div", "story")


def test_the_facets_a_content_system_lists_on_a_post_are_no_names() -> None:
    # Its type, state, format and tags: "video" and "share" are words of their values, not names
    # of the box. Beside a column of teaser cards, the post is still the text.
    facets = "post type-post status-publish format-video tag-share-prices tag-comment"
    story = f"<article class='{facets}'><h1>Flood</h1>{PARAGRAPHS}</article>"
    text = html_article(beside_teaser_cards(story, "Flood", "the river")).text
    assert "Paragraph 1:" in text and "Paragraph 4:" in text
    assert "Excerpt 2." not in text
