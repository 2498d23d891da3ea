"""The standfirst: a lede paragraph between the headline and the body container is kept; a
one-line dek beside the headline, and what lies behind navigation, are not."""

from __future__ import annotations

import pytest

from tests.support.pages import html_article

BODY = "".join(
    f"<p>Paragraph {n} of the body tells how the council debated the new budget for the coming "
    f"year, line by line, until late in the evening.</p>"
    for n in range(1, 7)
)
LEDE = (
    "The city council passed its budget on Monday night. The debate lasted more than nine hours, "
    "the longest in a decade."
)
DEK = "A long night ends with a vote that surprised nobody in the chamber"


def page(header: str, between: str = "") -> str:
    """A story page: a header group with the headline, `between` it and the body, the body."""
    return (
        "<html><head><title>Council passes budget</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><main><article>"
        f"<div class='top'><h1>Council passes budget</h1>{header}</div>{between}"
        f"<div class='wrap'><div class='article-body'>{BODY}</div></div>"
        "</article></main><footer>Copyright the paper</footer></body></html>"
    )


def test_a_lede_apart_from_the_headline_group_is_kept_before_the_body() -> None:
    text = html_article(page("", f"<div class='intro'><p>{LEDE}</p></div>")).text
    assert text.startswith(LEDE)
    assert text.index(LEDE) < text.index("Paragraph 1 of the body")


def test_a_one_line_dek_is_not_taken() -> None:
    text = html_article(page("", f"<div class='intro'><p>{DEK}.</p></div>")).text
    assert DEK not in text


def test_a_dek_in_the_headline_group_is_not_taken_even_when_long() -> None:
    text = html_article(page(f"<p>{LEDE}</p>")).text
    assert LEDE not in text
    assert text.startswith("Paragraph 1 of the body")


def test_a_lede_behind_a_link_list_is_not_taken() -> None:
    links = (
        "<ul>" + "".join(f"<li><a href='/s{n}'>Another story number {n}</a></li>" for n in range(5)) + "</ul>"
    )
    text = html_article(page("", f"<p>{LEDE}</p>{links}")).text
    assert LEDE not in text
    assert "Another story" not in text


def test_a_lede_behind_a_link_heavy_paragraph_is_not_taken() -> None:
    teaser = (
        "<p>Read also: <a href='/a'>The harbour reopens after the storm</a> and "
        "<a href='/b'>The ferry stop moves east</a>.</p>"
    )
    text = html_article(page("", f"<div class='intro'><p>{LEDE}</p></div>{teaser}")).text
    assert LEDE not in text
    assert "Read also" not in text


def test_a_paragraph_inside_a_figure_or_byline_is_passed_over() -> None:
    credit = f"<figure><img src='a.jpg'><figcaption><p>{LEDE}</p></figcaption></figure>"
    text = html_article(page("", credit)).text
    assert LEDE not in text
    byline = f"<div class='byline'><p>{LEDE}</p></div><div class='intro'><p>{LEDE.upper()}</p></div>"
    text = html_article(page("", byline)).text
    assert text.startswith(LEDE.upper())
    assert LEDE not in text


def test_nothing_is_taken_without_a_headline_before_the_body() -> None:
    html = page("", f"<div class='intro'><p>{LEDE}</p></div>")
    html = html.replace("<h1>Council passes budget</h1>", "<h2>Latest news</h2>")
    text = html_article(html).text
    assert LEDE not in text


def test_a_heading_repeating_the_title_serves_as_headline_on_pages_without_h1() -> None:
    html = page("", f"<div class='intro'><p>{LEDE}</p></div>").replace("h1>", "h3>")
    text = html_article(html).text
    assert text.startswith(LEDE)


GALLERY = "<div class='related-media'><p>Pictures of the council meeting, {}</p></div>"


def test_a_link_free_region_between_the_lede_and_the_body_is_passed_over() -> None:
    gallery = GALLERY.format("twelve photographs")
    text = html_article(page("", f"<div class='intro'><p>{LEDE}</p></div>{gallery}")).text
    assert text.startswith(LEDE) and "Pictures of the council" not in text


def test_a_region_with_a_link_between_the_lede_and_the_body_ends_the_walk() -> None:
    gallery = GALLERY.format("<a href='/gallery'>see all twelve</a>")
    text = html_article(page("", f"<div class='intro'><p>{LEDE}</p></div>{gallery}")).text
    assert LEDE not in text


def headline_box_page(title: str, headline: str, between: str) -> str:
    """A story page whose headline is set in a styled box (no heading tag), `between` it and the
    body; class names no rule knows."""
    return (
        f"<html><head><title>{title}</title></head><body><div class='q1'>"
        f"<div class='q2'><div class='q3'>{headline}</div></div>{between}"
        f"<div class='q4'><div class='q5'>{BODY}</div></div>"
        "</div></body></html>"
    )


@pytest.mark.parametrize(
    ("headline", "lede"),
    [
        ("Council passes budget", LEDE),
        ("市议会通过预算", "市议会周一晚上通过了预算。辩论持续了九个多小时，是十年来最长的一次。"),
    ],
    ids=["latin", "han"],
)
def test_a_lede_after_a_headline_set_in_a_box_is_kept(headline: str, lede: str) -> None:
    html = headline_box_page(headline, headline, f"<div class='q6'><p>{lede}</p></div>")
    text = html_article(html).text
    assert text.startswith(lede)
    assert "Paragraph 6 of the body" in text


def test_a_headline_box_is_dropped_when_the_title_adds_the_site_name() -> None:
    data = '{"@type": "NewsArticle", "headline": "Council passes budget after a long night | The Town Paper"}'
    html = (
        f"<html><head><script type='application/ld+json'>{data}</script></head><body><div class='q1'>"
        f"<div class='q3'>Council passes budget after a long night</div>{BODY}</div></body></html>"
    )
    text = html_article(html).text
    assert "Council passes budget" not in text
    assert text.startswith("Paragraph 1 of the body")


PICTURE = (
    "<div class='pic'><div class='frame'><div style='padding-bottom:56%'></div></div><div>"
    "<div>The council chamber on Monday night, as members waited for the vote on the budget after "
    "more than nine hours of debate, with the public gallery still full and the mayor standing at "
    "the front of the room beside the clerk. The vote was taken shortly before midnight, and the "
    "budget passed by a wide margin.</div><div>City Hall | Press Office</div></div></div>"
)


def test_a_picture_box_without_figure_markup_is_no_lede() -> None:
    """A box that opens with the empty slot a script fills with the picture, then a caption of two
    sentences and a credit, stands between the headline and the body: it is passed over, not
    taken as the lede, however long the caption."""
    text = html_article(page("", PICTURE)).text
    assert "The council chamber on Monday night" not in text
    assert "Press Office" not in text
    assert text.startswith("Paragraph 1 of the body")


def test_a_lede_set_one_sentence_to_a_paragraph_is_kept() -> None:
    first, second = LEDE.split(". ", 1)
    text = html_article(page("", f"<div class='intro'><p>{first}.</p><p>{second}</p></div>")).text
    assert text.startswith(f"{first}.\n\n{second}")


def test_a_lede_whose_second_sentence_is_short_is_kept() -> None:
    lede = "<p>The city council passed its budget on Monday night after a long debate.</p>"
    lede += "<p>Nobody objected.</p>"
    text = html_article(page("", f"<div class='intro'>{lede}</div>")).text
    assert text.startswith(
        "The city council passed its budget on Monday night after a long debate.\n\nNobody objected."
    )


def test_a_list_of_one_line_points_is_not_taken() -> None:
    """A control for the test above: key points set as a list are a summary, as they were before."""
    first, second = LEDE.split(". ", 1)
    text = html_article(
        page("", f"<div class='intro'><ul><li>{first}.</li><li>{second}</li></ul></div>")
    ).text
    assert first not in text
