"""How far the chosen container reaches: a list is one unit, a region holding <main> is no
sidebar, a parent's own running text is not left behind, and a label whose link list was cut
goes with it."""

from __future__ import annotations

import pytest

from tests.support.pages import html_article

SENTENCE = (
    "The council debated the new budget for the coming year line by line until late in the "
    "evening, and the mayor answered every question from the floor."
)


def test_the_descent_stops_at_a_list_whose_other_items_hold_text() -> None:
    nested = "".join(f"<li>Story {n}: {SENTENCE}</li>" for n in range(3))
    html = (
        "<html><body><nav><a href='/'>Home</a></nav><div class='post'>"
        "<p>Host: the town hall, Market Square 1</p><p>Chair: Ann Lee</p>"
        "<ol><li>Two short talks (30 mins)</li>"
        f"<li>An exchange (1 hour)<ol>{nested}</ol></li></ol>"
        "</div></body></html>"
    )
    text = html_article(html).text
    assert "Two short talks (30 mins)" in text
    assert "Story 2:" in text


def test_a_region_named_like_navigation_that_holds_main_is_the_article() -> None:
    body = "".join(f"<p>Paragraph {n}. {SENTENCE}</p>" for n in range(6))
    side = "".join(f"<p>Service note {n}. {SENTENCE} {SENTENCE}</p>" for n in range(3))
    html = (
        "<html><body>"
        "<div class='page'><aside><ul><li><a href='/a'>Help</a></li>"
        "<li><a href='/b'>Donate</a></li></ul></aside>"
        f"<div class='left-navigation-wrapper--margin'><main><h1>Budget passed</h1>{body}</main></div></div>"
        f"<div class='more-info'><div class='info-box'>{side}</div></div>"
        "</body></html>"
    )
    text = html_article(html).text
    assert "Paragraph 0." in text and "Paragraph 5." in text


def test_bare_running_text_beside_a_long_list_is_kept() -> None:
    intro = f"<span>{SENTENCE} {SENTENCE} {SENTENCE}</span>"
    items = "".join(f"<li>Reason {n}: {SENTENCE} {SENTENCE}</li>" for n in range(4))
    links = "".join(
        f"<li><a href='/p{n}'>Our service page {n}</a> with the opening hours of the office</li>"
        for n in range(4)
    )
    html = f"<html><body><div id='content'>{intro}<ul>{links}</ul><ul>{items}</ul></div></body></html>"
    text = html_article(html).text
    assert "Reason 3:" in text
    assert text.count(SENTENCE) >= 3 + 8  # the bare intro as well as the list


def test_a_label_before_a_cut_link_list_goes_with_it_and_a_subheading_stays() -> None:
    related = "<ul>" + "".join(f"<li><a href='/s{n}'>Another story {n}</a></li>" for n in range(4)) + "</ul>"
    html = (
        "<html><body><article><h1>Budget passed</h1>"
        f"<p>First. {SENTENCE}</p><h3>Read also</h3>{related}<p>Second. {SENTENCE}</p>"
        f"<p><strong>See also:</strong></p>{related}"
        f"<h2>What happens next</h2><p>Third. {SENTENCE}</p><p>Fourth. {SENTENCE}</p>"
        "</article></body></html>"
    )
    text = html_article(html).text
    assert "Read also" not in text
    assert "See also:" not in text
    assert "Another story" not in text
    assert "What happens next" in text
    assert "Second." in text and "Fourth." in text


def test_a_named_body_beside_a_header_the_descent_took_is_chosen() -> None:
    dek = f"<span>For subscribers</span><h2>{SENTENCE} {SENTENCE}</h2>"
    related = "".join(f"<a href='/r{n}'>Related story number {n} about the vote</a> " for n in range(8))
    html = (
        "<html><body><div class='wrap'>"
        f"<div><div class='article-header'>{dek}</div></div>"
        f"<div class='row'><div class='article-body'><p>Body. {SENTENCE} {SENTENCE[:80]}</p>"
        f"<aside class='related'>Related: {related}</aside></div></div>"
        "</div></body></html>"
    )
    text = html_article(html).text
    assert f"Body. {SENTENCE}" in text


def test_when_weak_class_words_took_most_of_the_text_strong_ones_still_cut() -> None:
    paragraphs = "".join(f"<div class='widget'><p>Paragraph {n}. {SENTENCE}</p></div>" for n in range(3))
    related = (
        "<div class='related-box'><p>Related: the mayor's last budget was passed in one night, "
        "and the opposition walked out before the vote. <a href='/old'>Read it</a></p></div>"
    )
    html = f"<html><body><article><h1>Budget passed</h1>{paragraphs}{related}</article></body></html>"
    text = html_article(html).text
    assert all(f"Paragraph {n}." in text for n in range(3))
    assert "Related:" not in text


def test_a_body_set_out_as_like_blocks_keeps_every_block() -> None:
    first = "".join(f"<p>Part one, paragraph {n}. {SENTENCE}</p>" for n in range(4))
    html = (
        "<html><body><div class='node'>"
        f"<section class='text-module'>{first}</section>"  # four fifths of the prose, then one fifth
        f"<section class='text-module'><p>Part two. {SENTENCE} It passed at night.</p></section>"
        "</div></body></html>"
    )
    text = html_article(html).text
    assert "Part one, paragraph 3." in text
    assert "Part two." in text


def test_like_blocks_each_under_their_own_headline_are_not_one_body() -> None:
    own = "".join(f"<p>Own story, paragraph {n}. {SENTENCE}</p>" for n in range(4))
    html = (
        "<html><head><title>Budget passed</title></head><body><div class='feed'>"
        f"<div class='story'><h1>Budget passed</h1>{own}</div>"
        f"<div class='story'><h1>Bridge reopens</h1><p>Next story. {SENTENCE} It opened at noon.</p></div>"
        "</div></body></html>"
    )
    text = html_article(html).text
    assert "Own story, paragraph 3." in text
    assert "Next story." not in text


def test_a_list_beside_paragraphs_is_not_chosen_alone() -> None:
    steps = "".join(f"<li>Step {n}: {SENTENCE}</li>" for n in range(6))
    html = (
        "<html><body><div class='recipe'><h2>Method</h2>"
        f"<ol>{steps}</ol><p>Serving. {SENTENCE}</p></div></body></html>"
    )
    text = html_article(html).text
    assert "Step 5:" in text
    assert "Serving." in text


@pytest.mark.parametrize("box", ["div class='signup-popup'", "header"])
def test_a_box_the_cuts_remove_does_not_hold_the_descent_back(box: str) -> None:
    body = "".join(f"<p>Paragraph {n}. {SENTENCE}</p>" for n in range(4))
    pitch = "Sign up for our weekly letter with the best stories of the week, sent every Friday morning."
    html = (
        f"<html><body><{box}><p>{pitch} {pitch} {pitch}</p></{box.split()[0]}>"
        "<div class='wrap'>"
        "<div class='strip'>The shop opens at nine on weekdays and at ten on Saturdays, all year.</div>"
        f"<div class='story'>{body}</div></div>"
        "</body></html>"
    )
    text = html_article(html).text
    assert "Paragraph 3." in text
    assert "The shop opens" not in text


def test_a_paragraph_set_beside_a_block_of_paragraphs_is_kept() -> None:
    block = "".join(f"<p>Paragraph {n}. {SENTENCE}</p>" for n in range(4))
    html = (
        "<html><body><div class='post'>"
        f"<div class='text'>{block}</div><p>Closing paragraph. {SENTENCE}</p>"
        "</div></body></html>"
    )
    text = html_article(html).text
    assert "Paragraph 3." in text
    assert "Closing paragraph." in text


def test_a_named_column_holding_the_story_and_a_larger_comment_thread_is_not_taken() -> None:
    """A main column named like an article body holds the story and a thread of short reader
    comments with more text than the story but little prose (a page region's prose counts a
    quarter besides): the column adds "little prose", yet the story is taken, not the column,
    and the thread stays out."""
    story = "".join(f"<p>Detail {n}. {SENTENCE}</p>" for n in range(6))
    comments = "".join(
        f"<li><div>reader{n}</div><div>Oct. {n % 28 + 1}, 2010</div><p>So true, number {n}!</p></li>"
        for n in range(40)
    )
    html = (
        "<html><body><div id='main-content'>"
        f"<div class='story'><div class='story-text'>{story}</div></div>"
        f"<div id='comments'><h3>Readers' comments</h3><ol>{comments}</ol></div>"
        "</div></body></html>"
    )
    text = html_article(html).text
    assert "Detail 5." in text
    assert "So true" not in text


def test_a_related_post_named_like_a_body_inside_the_story_s_box_is_not_the_story() -> None:
    """A template that keeps its related posts inside the story's own box, each post's excerpt
    named like an article body, in a wrapper whose name reads as a page region (a theme's layout
    named for its menu), so that each excerpt holds a good share of the page's prose as counted: the story's
    box, named so too, holds them as a small share of its own prose, and stays the choice. A named
    body holding most of its named wrapper is still taken."""
    story = "".join(f"<p>Paragraph {n}. {SENTENCE}</p>" for n in range(6))
    related = "".join(
        f"<div class='entry-content'><p>Related {n}. A few lines from another post of the site, "
        "set under its title to lead readers on to it from this one, with a second line that tells "
        "a little more of what it says and where.</p></div>"
        for n in range(3)
    )
    html = (
        "<html><head><title>Budget passed</title></head><body><div class='header-slider forced-menu'>"
        f"<div class='post-content'><h1>Budget passed</h1>{story}<h3>More posts</h3>{related}</div>"
        "</div><p>Site notes. The paper is read in every town of the valley and beyond it.</p></body></html>"
    )
    text = html_article(html).text
    assert all(f"Paragraph {n}." in text for n in range(6)), text[:200]
    wrapped = (
        "<html><head><title>Budget passed</title></head><body><div class='post-content'>"
        f"<h1>Budget passed</h1><div class='entry-content'>{story}</div><p>Filed under budgets</p>"
        "</div></body></html>"
    )
    text = html_article(wrapped).text
    assert "Paragraph 5." in text and "Filed under budgets" not in text
