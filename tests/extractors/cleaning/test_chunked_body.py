"""A story body that its template sets out as a run of boxes (a few paragraphs to a box, an ad's
slot between two) is taken whole, also when the walk goes into the first box because the others
are short; tab panes, teaser cards and a box above the headline are no chunks of it."""

from __future__ import annotations

from tests.support.pages import BUDGET_SENTENCE, headline_page, html_article, numbered_paragraphs

SENTENCE = BUDGET_SENTENCE
SLOT = '<div><div id="slot-1"></div></div>'


def _page(story: str) -> str:
    return headline_page(f"<div class='story'>{story}</div>")


def test_a_short_last_chunk_of_the_same_class_is_kept() -> None:
    story = (
        f"<div class='txt-block'>{numbered_paragraphs('Chunk', 9)}</div>{SLOT}"
        "<div class='txt-block'><p>Closing line. The vote is due on Friday.</p></div>"
    )
    text = html_article(_page(story)).text
    assert "Chunk 0." in text and "Chunk 8." in text
    assert "Closing line." in text


def test_an_unclassed_chunk_that_goes_on_with_the_story_is_kept() -> None:
    related = "".join(
        f'<p><a href="/story-{n}">Another story from the town hall, number {n}</a></p>' for n in range(3)
    )
    story = (
        f"<div>{numbered_paragraphs('Chunk', 9)}</div>{SLOT}"
        f"<div><p>Closing paragraph. {SENTENCE}</p><p>Read more:</p>{related}</div>"
    )
    text = html_article(_page(story)).text
    assert "Chunk 0." in text and "Chunk 8." in text
    assert "Closing paragraph." in text
    assert "number 2" not in text


def test_a_named_body_with_no_class_is_followed_by_its_chunks_too() -> None:
    # Marked as the body by schema.org alone: the run of unclassed boxes after it is read as for a
    # body the walk found.
    story = (
        f"<div itemprop='articleBody'>{numbered_paragraphs('Chunk', 9)}</div>{SLOT}"
        f"<div>{numbered_paragraphs('Closing', 4)}</div>"
    )
    text = html_article(_page(story)).text
    assert "Chunk 8." in text and "Closing 0." in text and "Closing 3." in text


def test_an_unclassed_chunk_that_is_mostly_quotes_is_kept() -> None:
    quote = f"<blockquote><p>Quoted. {SENTENCE} {SENTENCE}</p><p>{SENTENCE} {SENTENCE}</p></blockquote>"
    after = f"<p>After the quote. {SENTENCE}</p>"
    story = f"<div>{numbered_paragraphs('Chunk', 20)}</div>{SLOT}<div>{quote}{after}</div>"
    text = html_article(_page(story)).text
    assert "Chunk 19." in text
    assert "Quoted." in text and "After the quote." in text


def test_teaser_cards_beside_the_story_are_no_chunk() -> None:
    cards = "".join(
        f'<div><h3><a href="/story-{n}">Another story from the town hall, number {n}</a></h3>'
        f"<p>Teaser {n}. {SENTENCE}</p></div>"
        for n in range(2)
    )
    story = f"<div>{numbered_paragraphs('Chunk', 9)}</div>{cards}"
    text = html_article(_page(story)).text
    assert "Chunk 8." in text
    assert "Teaser 0." not in text and "Teaser 1." not in text


def test_tab_panes_are_no_chunks() -> None:
    # Panes of the same class, each with an id a tab's link points to: the chosen pane alone.
    tabs = '<ul><li><a href="#about">About</a></li><li><a href="#history">History</a></li></ul>'
    story = (
        f"{tabs}<div class='pane' id='about'>{numbered_paragraphs('About', 9)}</div>"
        f"<div class='pane' id='history'><p>History 0. {SENTENCE}</p></div>"
    )
    text = html_article(_page(story)).text
    assert "About 8." in text
    assert "History 0." not in text


def test_a_box_of_the_same_class_above_the_headline_is_no_chunk() -> None:
    above = f"<div class='txt-block'><p>Above. {SENTENCE}</p></div>"
    story = f"<div class='txt-block'>{numbered_paragraphs('Chunk', 9)}</div>"
    html = (
        "<html><head><title>Budget night</title></head><body><div class='page'>"
        f"{above}<h1>Budget night</h1>{story}</div></body></html>"
    )
    text = html_article(html).text
    assert "Chunk 0." in text
    assert "Above." not in text


LINKS = "".join(
    f'<p><a href="/story-{n}">Another story from the town hall, number {n}</a></p>' for n in range(5)
)


def test_the_story_s_last_paragraph_over_a_list_of_links_is_kept_and_the_links_cut() -> None:
    # The box is mostly links, but it opens with a paragraph of the story: judged part by part.
    story = f"{numbered_paragraphs('Story', 6)}<div><p>Last paragraph. {SENTENCE}</p>{LINKS}</div>"
    text = html_article(_page(story)).text
    assert "Story 5." in text and "Last paragraph." in text
    assert "number 4" not in text


def test_a_line_that_leads_into_a_list_of_links_goes_with_it() -> None:
    lead_in = "More reports from the town hall, on the budget and on every other vote, are here:"
    story = f"{numbered_paragraphs('Story', 6)}<div><p>{lead_in}</p>{LINKS}</div>"
    text = html_article(_page(story)).text
    assert "Story 5." in text
    assert "More reports" not in text and "number 4" not in text


def test_a_first_box_whose_paragraphs_link_names_inside_their_text_is_no_list_of_teasers() -> None:
    # The first box holds the headline, a list of links and paragraphs that link three names each,
    # as link-dense as teaser cards; but each paragraph opens with its own words, not with a title.
    linked = "".join(
        f'<p>Part {n} of the story names <a href="/p{n}a">the Harbour Tools company</a>, '
        f'<a href="/p{n}b">the Quay Works yard</a> and <a href="/p{n}c">the Pier Press printers</a> '
        "as the firms behind the new budget plan for the town.</p>"
        for n in range(3)
    )
    tools = "".join(f'<li><a href="/t{n}">Tool number {n}</a></li>' for n in range(6))
    first = f"<div class='txt-block'><h1>Budget night</h1><p>{SENTENCE}</p><ul>{tools}</ul>{linked}</div>"
    last = f"<div class='txt-block'><p>Last part. {SENTENCE} {SENTENCE}</p></div>"
    html = (
        "<html><head><title>Budget night</title></head><body><div class='page'>"
        f"{first}{SLOT}{last}</div></body></html>"
    )
    text = html_article(html).text
    assert "Part 0 of the story" in text and "Part 2 of the story" in text
    assert "Last part." in text
