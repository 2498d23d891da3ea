"""A page built of a framework's components (custom elements: names with a hyphen) is read as one
built of <div>s: a component outside a line of text is a box, so its paragraphs stay apart and the
rules that judge boxes judge it; one inside a line of text (a ticker, a price) stays inline."""

from __future__ import annotations

from tests.support.pages import STORY_PARAGRAPHS, html_article

RELATED = (
    "<x-related><x-item><a href='/a'>Harbour master warns of more storms this winter</a></x-item>"
    "<x-item><a href='/b'>Ferry timetable changes again for the spring</a></x-item>"
    "<x-item><a href='/c'>New quay opens in the spring after two years of work</a></x-item></x-related>"
)


def page(story: str, after: str = "") -> str:
    return (
        "<html><head><title>Harbour reopens</title></head><body><x-page><x-header><a href='/'>Home</a>"
        f"</x-header><x-story><h1>Harbour reopens</h1>{story}</x-story>{after}</x-page></body></html>"
    )


def test_paragraphs_set_as_components_stay_apart_and_a_list_of_links_is_cut() -> None:
    story = "".join(f"<x-paragraph>{text}</x-paragraph>" for text in STORY_PARAGRAPHS)
    article = html_article(page(story, RELATED))
    assert article.text.split("\n\n") == list(STORY_PARAGRAPHS)


def test_a_component_in_a_line_of_text_stays_inline() -> None:
    story = (
        "<p>Shares of <fin-ticker>ACME</fin-ticker> rose after the harbour reopened on Tuesday.</p>"
        "<x-paragraph>Tickets cost <x-price>12</x-price> euros for the crossing, the operator said."
        "</x-paragraph><x-paragraph>Cabins cost <b>from</b> <x-price>40</x-price> euros a night, "
        "the operator added.</x-paragraph>" + "".join(f"<p>{text}</p>" for text in STORY_PARAGRAPHS)
    )
    text = html_article(page(story)).text
    assert "Shares of ACME rose after the harbour reopened on Tuesday." in text
    assert "Tickets cost 12 euros for the crossing, the operator said." in text
    assert "Cabins cost from 40 euros a night, the operator added." in text
