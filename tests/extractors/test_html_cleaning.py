"""HTML cleaning: main text, dropped boilerplate, block structure, metadata and robustness."""

from __future__ import annotations

import gc
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pytest_httpserver import HTTPServer

from extractors.cleaning.clean import clean
from extractors.cleaning.dates import parse_date
from extractors.cleaning.decode import decode_html
from extractors.cleaning.html import clean_html
from newsflow.core.errors import EmptyInputError, InputError
from newsflow.core.records import CleanArticle, RawDocument
from tests.support.pages import html_article, raw_doc

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "html"


def fixture(name: str, url: str | None = None) -> CleanArticle:
    """Clean a fixture through the same path as `newsflow clean`."""
    return clean(raw_doc((FIXTURES / name).read_bytes(), url=url, name=name))


def block_texts(article: CleanArticle, kind: str | None = None) -> list[str]:
    """The text of every block (of one kind)."""
    return [article.text[b.start : b.end] for b in article.blocks if kind in (None, b.kind)]


def assert_offsets(article: CleanArticle) -> None:
    """Blocks lie inside the text, in order, and the text is the blocks joined."""
    pos = 0
    for block in article.blocks:
        assert pos <= block.start <= block.end <= len(article.text)
        pos = block.end
    assert "\n\n".join(block_texts(article)) == article.text


# ------------------------------------------------------------------ a full news page


@pytest.fixture(scope="module")
def summit() -> CleanArticle:
    """The summit story with every kind of boilerplate around and inside it."""
    return fixture("summit_article.html", url="https://www.dailyledger.example/world/summit")


@pytest.mark.parametrize(
    "kept",
    [
        "World leaders meeting in Geneva agreed on Thursday",
        "the summit's closing statement said.",
        "said the summit's chair, Amina Diallo",
        "Half of the fund is reserved for grants",
        "Irrigation and seed banks for farmers in the Sahel",
        "Negotiators will meet again in Nairobi in June",
        "far below the estimated annual cost of adaptation",
    ],
)
def test_summit_keeps_article_text(summit: CleanArticle, kept: str) -> None:
    assert kept in summit.text


@pytest.mark.parametrize(
    "dropped",
    [
        "Leaders agree climate fund",  # headline
        "By Maria Lopez",  # byline
        "14 March 2024",  # dateline
        "Share on Facebook",
        "Email this story",  # share bar
        "family photo in Geneva",  # caption
        "Advertisement",  # ad slot
        "Related stories",
        "Island states demand compensation",  # related links
        "Get the Morning Ledger",
        "Sign up for our newsletter",  # newsletter box
        "diplomatic correspondent",  # author bio
        "12 comments",
        "Finally some real money",
        "actually spent on sea walls",  # comments
        "Most read",
        "Train strike",  # sidebar
        "All rights reserved",
        "Privacy",  # footer
        "Business",
        "Home",  # navigation, breadcrumbs
        "not text",  # script
    ],
)
def test_summit_drops_boilerplate(summit: CleanArticle, dropped: str) -> None:
    assert dropped not in summit.text


def test_summit_block_structure(summit: CleanArticle) -> None:
    assert block_texts(summit, "heading") == ["How the money will be spent", "What happens next"]
    assert block_texts(summit, "list") == [
        "Coastal defences in low-lying island states",
        "Irrigation and seed banks for farmers in the Sahel",
        "Early-warning radar networks for cyclones",
    ]
    assert "European Union | 12 billion dollars" in block_texts(summit, "table")
    assert summit.text.startswith("World leaders meeting in Geneva")
    assert_offsets(summit)


def test_summit_metadata_prefers_json_ld(summit: CleanArticle) -> None:
    cet = timezone(timedelta(hours=1))
    assert summit.title == "Leaders agree climate fund at Geneva summit"
    assert summit.authors == ["Maria Lopez", "Tom Becker"]
    assert summit.published_at == datetime(2024, 3, 14, 9, 30, tzinfo=cet)
    assert summit.modified_at == datetime(2024, 3, 15, 11, 0, tzinfo=cet)
    assert summit.canonical_url == (
        "https://www.dailyledger.example/world/2024/03/14/geneva-summit-climate-fund"
    )
    assert summit.site_name == "The Daily Ledger"
    assert summit.language == "en"
    assert summit.description == "World leaders agreed a climate adaptation fund."
    assert summit.keywords == ["climate finance", "Geneva summit"]
    assert summit.section == "World"
    assert summit.url == "https://www.dailyledger.example/world/summit"
    assert summit.provenance == {
        "title": "json-ld",
        "authors": "json-ld",
        "published_at": "json-ld",
        "modified_at": "json-ld",
        "canonical_url": "link:canonical",
        "site_name": "json-ld",
        "description": "json-ld",
        "keywords": "json-ld",
        "section": "json-ld",
        "language": "html-lang",
    }


def test_opengraph_and_meta_when_there_is_no_json_ld() -> None:
    html = (FIXTURES / "summit_article.html").read_text(encoding="utf-8")
    start, end = html.index('<script type="application/ld+json">'), html.index("</script>") + 9
    html = html[:start] + html[end:]
    html = html.replace(
        '<link rel="canonical" href="https://www.dailyledger.example/world/2024/03/'
        '14/geneva-summit-climate-fund">',
        "",
    )
    article = html_article(html)
    assert article.title == "Leaders agree climate fund at Geneva summit"
    assert article.provenance["title"] == "meta:og"
    assert article.published_at == datetime(2024, 3, 14, 8, 0, tzinfo=UTC)
    assert article.provenance["published_at"] == "meta:og"
    assert article.site_name == "The Daily Ledger"
    assert article.provenance["site_name"] == "meta:og"
    assert article.canonical_url == "https://www.dailyledger.example/world/geneva-summit-climate-fund?utm=og"
    assert article.provenance["canonical_url"] == "meta:og"
    assert article.description == "A new fund will pay for adaptation in the poorest countries."
    assert article.section == "Politics"
    assert article.keywords == ["climate", "Geneva", "summit"]
    assert article.authors == ["Someone Else"]
    assert article.modified_at is None


def test_the_title_is_the_headline_the_title_element_names_not_a_site_name_h1() -> None:
    # A template sets the site's name as an <h1> in its header, before the story's headline.
    paragraphs = "".join(
        f"<p>Paragraph {n}. Ministers met for two days in Geneva and agreed to set up the fund.</p>"
        for n in range(4)
    )
    html = (
        "<html><head><title>Leaders agree climate fund | The Daily Ledger</title></head><body>"
        "<header><h1><a href='/'>The Daily Ledger</a></h1></header>"
        f"<main><h1>Leaders agree climate fund</h1>{paragraphs}</main></body></html>"
    )
    article = html_article(html)
    assert (article.title, article.provenance["title"]) == ("Leaders agree climate fund", "h1")
    assert article.text.startswith("Paragraph 0.")


# ------------------------------------------------------------------ other page shapes


def test_bare_div_text_with_br_is_kept_as_paragraphs() -> None:
    article = fixture("bare_div_br.html")
    paragraphs = block_texts(article, "paragraph")
    assert paragraphs[0].startswith("The last textile mill in the valley will close")
    assert any(p.startswith("About 300 workers will lose their jobs.") for p in paragraphs)
    assert paragraphs[-1].endswith("since she left school.")
    assert len(paragraphs) == 4
    for dropped in ("Home", "Archive", "Facebook", "Contact us", "Posted", "2 November 2023"):
        assert dropped not in article.text
    assert article.title == "Mill closure hits valley town"
    assert article.provenance["title"] == "title"
    assert article.authors == ["J. Harrow"]
    assert article.published_at == datetime(2023, 11, 2, tzinfo=UTC)
    assert article.provenance["published_at"] == "time"
    assert article.description == "The last textile mill in the valley closes after 120 years."
    assert (article.language, article.provenance["language"]) == ("en", "detected")
    assert_offsets(article)


def test_liveblog_entries_are_kept_without_their_share_tools() -> None:
    article = fixture("liveblog.html")
    assert block_texts(article, "heading") == [
        "Turnout estimated at 64 per cent",
        "First seat declared in the north",
        "Polls have closed",
    ]
    assert "turnout reached 64 per cent" in article.text
    assert "counting has begun in all 120 constituencies" in article.text
    for dropped in ("Copy link", "Share", "23:40", "Election night live", "Terms"):
        assert dropped not in article.text
    assert article.authors == ["Metro Wire staff"]
    assert article.published_at == datetime(2024, 5, 2, 21, 0, tzinfo=UTC)
    assert article.provenance["published_at"] == "json-ld"
    assert (article.site_name, article.provenance["site_name"]) == ("Metro Wire", "meta:og")
    assert_offsets(article)


def test_page_without_article_is_empty_and_clean_raises() -> None:
    data = (FIXTURES / "no_article.html").read_bytes()
    article = clean_html(raw_doc(data), data.decode())
    assert article.text == "" and article.blocks == []
    assert article.title == "Sections"
    with pytest.raises(EmptyInputError, match="no article text"):
        clean(raw_doc(data))


def test_shift_jis_page_is_decoded_from_its_meta_charset() -> None:
    article = fixture("shift_jis.html")
    assert "新しい市立図書館が開館し" in article.text
    assert article.title == "東京で新しい図書館が開館"
    assert article.language == "ja"


def test_cp1252_bytes_labelled_latin1_decode_like_a_browser() -> None:
    article = fixture("cp1252_labelled_latin1.html")
    assert "le prix de l\u2019express" in article.text
    assert "« C\u2019est la troisième hausse" in article.text
    assert article.language == "fr"


def test_utf8_bytes_labelled_latin1_are_read_as_utf8() -> None:
    html = '<meta charset="iso-8859-1"><p>Zürich\u2019s café</p>'
    assert "Zürich\u2019s café" in decode_html(html.encode("utf-8"))


def test_utf8_page_with_a_stray_byte_stays_utf8() -> None:
    body = "<p>Zażółć gęślą jaźń: łódź, żółw i źdźbło nad Wisłą.</p>"
    data = f'<meta charset="utf-8">{body}'.encode() + b"<p>Price: 5\xa0z\xb3</p>"
    text = decode_html(data)
    assert "Zażółć gęślą jaźń: łódź, żółw i źdźbło nad Wisłą." in text
    assert "\ufffd" in text  # the stray bytes only are replaced


def test_cp1252_page_is_not_taken_for_broken_utf8() -> None:
    western = (
        "<p>Caf\u00e9 cr\u00e8me, na\u00efve fa\u00e7ade, \u201cquoted\u201d \u2014 d\u00e9j\u00e0 vu.</p>"
    )
    assert decode_html(western.encode("cp1252")) == western


def test_an_undeclared_cp1252_page_with_soft_hyphens_is_not_read_as_a_dos_code_page() -> None:
    """German pages may hyphenate long words with soft hyphens: with no charset declared, the many
    0xAD bytes led detection to a DOS code page (cp852), and every umlaut came out wrong."""
    body = (
        "Die Stadt\xadbibliothek öffnet nach dem Umbau wieder. Die Lese\xadsäle sind größer, die "
        "Ausleih\xadtheke steht am Eingang,\xa0und für Kinder gibt es eine Bücher\xadecke. "
    )
    html = "<html><body>" + f"<p>{body}</p>" * 5 + "</body></html>"
    assert decode_html(html.encode("cp1252")) == html


def test_an_undeclared_polish_page_in_windows_1250_keeps_its_letters() -> None:
    """Read as Windows-1252, Polish letters become signs inside words ("³ó¿ko" for "łóżko"): the
    code page detection named is kept then. A German page with an acute accent for an apostrophe
    and UTF-8 it shows as Latin-1 ("fÃ¼r") has signs in words too, and stays Windows-1252."""
    polish = (
        "<html><body><p>Zażółć gęślą jaźń: łódź, żółw i źdźbło nad Wisłą. Łóżko stało w pokoju, "
        "a ściana była biała. Następnie poszliśmy do sklepu po mąkę i cukier.</p></body></html>"
    )
    assert decode_html(polish.encode("cp1250")) == polish
    german = "<p>So klappt´s: Tipps fÃ¼r den Garten, größer und schöner als im Vorjahr.</p>"
    assert decode_html(german.encode("cp1252")) == german


def test_right_to_left_text_is_kept_in_logical_order() -> None:
    article = fixture("rtl_hebrew.html")
    assert article.text.startswith("גשם כבד ירד היום בירושלים")
    assert (article.language, article.provenance["language"]) == ("he", "html-lang")
    assert_offsets(article)


# ------------------------------------------------------------------ metadata fallbacks

PROSE = "<p>" + "The council approved the new budget after a long debate on Monday night. " * 3
ARTICLE = f"<html lang='en'><body><article>{PROSE}</p>{PROSE}</p></article></body></html>"


def test_published_date_falls_back_to_the_url() -> None:
    article = html_article(ARTICLE, url="https://news.example/politics/2021/07/09/budget-vote")
    assert article.published_at == datetime(2021, 7, 9, tzinfo=UTC)
    assert article.provenance["published_at"] == "url"


def test_a_marked_time_beats_an_earlier_unmarked_one() -> None:
    html = ARTICLE.replace("<body>", "<body><time>Tuesday 9 January 2024</time>").replace(
        "<article>", "<article><time datetime='2023-12-24T18:00:00+01:00' pubdate></time>"
    )
    article = html_article(html)
    assert article.published_at == datetime(2023, 12, 24, 17, 0, tzinfo=UTC)
    assert article.provenance["published_at"] == "time"


def test_date_in_page_text_is_found_by_htmldate() -> None:
    html = ARTICLE.replace("<article>", "<article><div class='meta'>Published 3 May 2021</div>")
    article = html_article(html)
    assert article.published_at == datetime(2021, 5, 3, tzinfo=UTC)
    assert article.provenance["published_at"] == "htmldate"


def test_a_page_that_looks_like_a_url_is_never_fetched(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/page").respond_with_data("<p>Published 2020-01-01</p>")
    article = html_article(httpserver.url_for("/page"))
    assert article.published_at is None
    assert httpserver.log == []


def test_input_hints_come_first() -> None:
    html = ARTICLE.replace("<body>", "<head><title>Page title here - Site</title></head><body>")
    raw = RawDocument(
        source="feed",
        locator="x",
        external_id="x",
        data=html.encode(),
        media_type="html",
        title="Feed entry title",
        published_at=datetime(2020, 2, 2, 8, 0, tzinfo=UTC),
    )
    article = clean_html(raw, html)
    assert (article.title, article.provenance["title"]) == ("Feed entry title", "input")
    assert article.published_at == datetime(2020, 2, 2, 8, 0, tzinfo=UTC)
    assert article.provenance["published_at"] == "input"


def test_relative_canonical_is_resolved_against_the_page_url() -> None:
    html = ARTICLE.replace("<body>", '<head><link rel="canonical" href="/a/budget"></head><body>')
    article = html_article(html, url="https://news.example/x?utm=1")
    assert article.canonical_url == "https://news.example/a/budget"


@pytest.mark.parametrize(
    ("canonical", "url"),
    [("http://[x]/a/budget", None), ("/a/budget", "http://[::1/x"), ("https://news.example:99999/a", None)],
)
def test_a_malformed_canonical_link_is_dropped(canonical: str, url: str | None) -> None:
    html = ARTICLE.replace("<body>", f'<head><link rel="canonical" href="{canonical}"></head><body>')
    article = html_article(html, url=url)
    assert article.canonical_url is None and "budget" in article.text


def test_a_link_with_a_placeholder_for_its_host_does_not_fail_the_page() -> None:
    """A template's placeholder left in a share link (a bracketed host that is no IP address)."""
    box = (
        f'<div><img src="/a.jpg"><h2>The vote</h2>{PROSE}</p>'
        '<div><a href="https://[domain]/share?url=https://news.example/x">Share</a></div></div>'
    )
    article = html_article(ARTICLE.replace("<article>", f"<article>{box}"))
    assert article.text.count("Monday night") >= 6  # the story's two paragraphs


def test_json_ld_with_half_a_character_or_nested_too_deep_fails_no_page() -> None:
    """Half an emoji escaped in a headline (cut by a limit counted in UTF-16 units) cannot be
    written as UTF-8; JSON nested past the parser's depth raised RecursionError."""
    ld = '{"@type": "NewsArticle", "headline": "Budget vote \\ud83d", "author": {"name": "A. Writer"}}'
    deep = "[" * 100_000 + "]" * 100_000
    scripts = "".join(f'<script type="application/ld+json">{body}</script>' for body in (deep, ld))
    article = html_article(ARTICLE.replace("<body>", f"<head>{scripts}</head><body>"))
    assert (article.title, article.authors) == ("Budget vote \ufffd", ["A. Writer"])
    assert article.text.count("Monday night") == 6


def test_declared_language_is_checked_against_the_text() -> None:
    french = "<p>" + "Le conseil municipal a adopté le nouveau budget après un long débat. " * 3
    article = html_article(f"<html lang='en'><body><article>{french}</p></article></body></html>")
    assert article.language == "fr"
    assert article.provenance["language"] == "detected (declared en)"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-14T09:30:00Z", datetime(2024, 3, 14, 9, 30, tzinfo=UTC)),
        (
            "Tue, 19 Nov 2019 13:16:49 EST",
            datetime(2019, 11, 19, 13, 16, 49, tzinfo=timezone(timedelta(hours=-5))),
        ),
        ("November 18, 2019", datetime(2019, 11, 18, tzinfo=UTC)),
        # a zone named by its IANA name, in winter and in summer time
        ("2021-01-03T17:40:00EET", datetime(2021, 1, 3, 17, 40, tzinfo=timezone(timedelta(hours=2)))),
        ("2021-07-03T17:40:00EET", datetime(2021, 7, 3, 17, 40, tzinfo=timezone(timedelta(hours=3)))),
        # an abbreviation nothing defines: read as UTC, with no warning (warnings fail the tests)
        ("3 Jan 2021 17:40 MSK", datetime(2021, 1, 3, 17, 40, tzinfo=UTC)),
        ("23:40", None),
        ("Monday", None),
        ("not a date", None),
        ("1850-01-01", None),
    ],
)
def test_parse_date(value: str, expected: datetime | None) -> None:
    assert parse_date(value) == expected


def test_naive_dates_are_made_timezone_aware() -> None:
    html = ARTICLE.replace(
        "<body>", '<head><meta property="article:published_time" content="2022-01-05 14:30"></head><body>'
    )
    article = html_article(html)
    assert article.published_at == datetime(2022, 1, 5, 14, 30, tzinfo=UTC)


def test_microdata_author_unescaped_title_and_site_suffix() -> None:
    html = ARTICLE.replace(
        "<body>",
        (
            '<head><script type="application/ld+json">{"@type": "BlogPosting", '
            '"headline": "Bike &amp; style review | MoreBikes"}</script>'
            '<meta property="og:site_name" content="MoreBikes"></head><body>'
            '<span itemprop="author" itemscope><span itemprop="name">Tony Carter</span></span>'
        ),
    )
    article = html_article(html)
    assert article.title == "Bike & style review"
    assert (article.authors, article.provenance["authors"]) == (["Tony Carter"], "microdata")


# ------------------------------------------------------------------ boilerplate rules


def test_embedded_tweet_is_kept_but_further_reading_lists_are_not() -> None:
    body = (
        f"{PROSE}</p>"
        '<div class="social-embed"><blockquote class="twitter-tweet"><p>Meth. We are on it. '
        '<a href="https://t.co/x">pic.twitter.com/x</a></p>&mdash; Governor (@gov) '
        '<a href="https://twitter.com/gov/status/1">November 18, 2019</a></blockquote></div>'
        f"{PROSE}</p>"
        "<div>More stories</div><ul>"
        '<li>Parents protest, <a href="/a">school closures spread</a></li>'
        '<li>Could rain return? <a href="/b">What forecasters say</a></li></ul>'
    )
    article = html_article(f"<html><body><article>{body}</article></body></html>")
    assert "Meth. We are on it." in article.text
    assert "school closures spread" not in article.text
    assert "What forecasters say" not in article.text


def test_article_body_split_around_an_ad_is_merged() -> None:
    first = "<p>" + "Rail fares will rise by four per cent in March, the operators said today. " * 2
    second = "<p>" + "Passenger groups called the rise unfair after a year of cancellations. " * 2
    html = (
        f"<html><body><div class='layout'><div class='story-body'>{first}</p></div>"
        "<div class='ad-wrapper'><div class='ad'>Advertisement</div></div>"
        f"<div class='story-body'>{second}</p></div>"
        f"<div class='teasers'>{_teasers(6)}</div></div></body></html>"
    )
    article = html_article(html)
    assert "Rail fares will rise" in article.text
    assert "Passenger groups called the rise unfair" in article.text
    assert "Advertisement" not in article.text and "Teaser story" not in article.text


def test_long_comment_thread_does_not_win_over_the_article() -> None:
    comment = "<div class='comment-body'><p>" + "I took this train for years; it is worse. " * 3
    html = (
        f"<html><body><article><div class='entry-content'>{PROSE}</p>{PROSE}</p></div>"
        f"</article><section id='comments'>{(comment + '</p></div>') * 8}</section>"
        "</body></html>"
    )
    article = html_article(html)
    assert "The council approved the new budget" in article.text
    assert "I took this train" not in article.text


def _teasers(n: int) -> str:
    """Teaser cards: a linked headline and a one-line summary each."""
    return "".join(
        f"<div class='card'><h3><a href='/s/{i}'>Teaser story number {i} headline</a>"
        f"</h3><p>Summary of teaser story {i} for the front page.</p></div>"
        for i in range(n)
    )


def test_many_small_cuts_that_take_most_of_the_text_are_undone() -> None:
    paragraph = "<div class='text-meta'>" + "Every paragraph of this story has a bad class. " * 2
    html = f"<html><body><article>{(paragraph + '</div>') * 6}<nav><a href='/'>Home</a></nav>"
    article = html_article(html + "</article></body></html>")
    assert article.text.count("Every paragraph of this story") == 12
    assert "Home" not in article.text


def test_when_strong_class_words_take_most_of_the_text_only_link_blocks_are_cut() -> None:
    paragraph = "<div class='promo-text'>" + "Every paragraph of this story sits in a promo box. " * 2
    links = "".join(
        f"<li><a href='/s/{n}'>Another story from the harbour, part {n}</a></li>" for n in range(4)
    )
    html = f"<html><body><article>{(paragraph + '</div>') * 6}<ul>{links}</ul>"
    article = html_article(html + "</article></body></html>")
    assert article.text.count("Every paragraph of this story") == 12
    assert "Another story" not in article.text


def test_inline_time_and_links_inside_a_sentence_are_kept() -> None:
    sentence = (
        "<p>The mayor, <a class='player-link' href='/p/1'>Ana Ruiz</a>, said on "
        "<time datetime='2024-01-08'>Monday</time> the bridge will reopen.</p>"
    )
    page = f"<html><body><article>{PROSE}</p>{sentence}{PROSE}</p></article></body></html>"
    article = html_article(page)  # (a short linked paragraph that ends the text is a closing note)
    assert "The mayor, Ana Ruiz, said on Monday the bridge will reopen." in article.text


def test_ruby_annotations_and_invisible_characters_do_not_split_words() -> None:
    body = (
        "<p><ruby>東京<rp>(</rp><rt>とうきょう</rt><rp>)</rp></ruby>の図書館が開館した。"
        "多くの市民が訪れた。</p><p>The well\u00adknown mu\u200bseum reopened on Friday after "
        "three years of building work.</p>"
    )
    article = html_article(f"<html><body><article>{body}</article></body></html>")
    assert "東京の図書館" in article.text and "とうきょう" not in article.text
    assert "wellknown museum reopened" in article.text


def test_a_cut_that_would_remove_most_of_the_text_is_undone() -> None:
    html = f"<html><body><div class='comments-and-story'>{PROSE}</p>{PROSE}</p></div></body></html>"
    article = html_article(html.replace("<p>", "<div class='share-text'><p>", 1))
    assert article.text.count("The council approved the new budget") == 6


# ------------------------------------------------------------------ robustness


def test_deep_nesting_does_not_recurse_and_keeps_the_text() -> None:
    depth = 100_000
    html = "<html><body>" + "<div>" * depth + PROSE + "</p>" + "</div>" * depth + "</body></html>"
    article = html_article(html)
    assert "The council approved the new budget" in article.text
    assert_offsets(article)


def test_hidden_menus_go_but_a_hidden_article_body_stays() -> None:
    hidden_menu = "<div style='display:none'><p>Privacy overview: this site uses cookies.</p></div>"
    html = f"<html><body>{hidden_menu}<div hidden><article>{PROSE}</p>{PROSE}</p></article></div>"
    article = html_article(html + "</body></html>")
    assert "The council approved the new budget" in article.text
    assert "cookies" not in article.text


def test_missing_body_huge_script_and_broken_markup() -> None:
    html = (
        "<title>t</title><script>"
        + "var x = '<p>no</p>';" * 50_000
        + "</script>"
        + "<style>"
        + "p{color:red}" * 20_000
        + "</style>"
        + "<div><p>Unclosed <b>bold <i>text</div></table>"
        + PROSE
    )
    article = html_article(html)
    assert "The council approved the new budget" in article.text
    assert "no</p>" not in article.text and "color:red" not in article.text


def test_markup_after_the_closing_html_tag_is_kept() -> None:
    html = f"<html><body><p>Intro line.</p></body></html><div>{PROSE}</p></div>"
    article = html_article(html)
    assert "The council approved the new budget" in article.text
    assert_offsets(article)


def test_garbage_collector_state_is_restored() -> None:
    assert gc.isenabled()
    html_article(f"<html><body><p>{PROSE}</p></body></html>")
    assert gc.isenabled()
    gc.disable()
    try:
        html_article(f"<html><body><p>{PROSE}</p></body></html>")
        assert not gc.isenabled()
    finally:
        gc.enable()


@pytest.mark.parametrize(
    "html",
    [
        "",
        " ",
        "<!-- only a comment -->",
        "<html></html>",
        "<frameset><frame src='a'></frameset>",
        "\x00\x00<p>",
        "<A\x1f<div class='article-body'>",
    ],
)
def test_degenerate_pages_give_empty_text(html: str) -> None:
    article = html_article(html)
    assert article.text.strip() == "" or article.blocks
    assert_offsets(article)


_PIECES = st.one_of(
    st.sampled_from(
        [
            "<p>",
            "</p>",
            "<div class='article-body'>",
            "</div>",
            "<br>",
            "<li>",
            "<ul>",
            "</ul>",
            "<table><tr><td>",
            "</td></tr></table>",
            "<h2>",
            "</h2>",
            "<a href='x'>",
            "</a>",
            "<script>",
            "</script>",
            "<nav>",
            "</nav>",
            "<figure>",
            "<figcaption>",
            "<!--",
            "-->",
            "&amp;",
            "&#0;",
            "<?xml?>",
            "<meta charset='x'>",
            "<time datetime='bad'>",
            "<html lang='zz-ZZ'>",
            '<script type="application/ld+json">{"@type": "NewsArticle", ',
            "<span class='share'>",
            "</span>",
            "<blockquote>",
            "\u202e",
            "\ufeff",
        ]
    ),
    st.text(max_size=40),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=60).map("".join))
def test_cleaner_never_raises_and_offsets_stay_inside(html: str) -> None:
    article = html_article(html)
    assert_offsets(article)
    for block in article.blocks:
        assert article.text[block.start : block.end].strip()


@settings(max_examples=50, deadline=None)
@given(st.binary(max_size=300))
def test_pipeline_raises_only_input_errors_on_arbitrary_bytes(data: bytes) -> None:
    try:
        article = clean(raw_doc(data))
    except InputError:
        return
    assert_offsets(article)


def test_a_sidebar_with_more_prose_than_the_story_does_not_replace_it() -> None:
    aside = "<p>" + "Our foundation supports local journalism in every region. " * 3 + "</p>"
    html = (
        "<html><body><div class='layout'><div class='main'><div class='story'>"
        f"{PROSE}</p>{PROSE}</p></div></div>"
        f"<div class='sidebar'>{aside * 12}</div></div></body></html>"
    )
    article = html_article(html)
    assert article.text.count("The council approved the new budget") == 6


def test_a_heading_whose_anchor_id_holds_a_boilerplate_word_is_kept() -> None:
    html = (
        f"<html><body><article>{PROSE}</p><h2 id='share-of-the-costs'>Share of the costs</h2>"
        f"{PROSE}</p><h2 class='related-heading'>Related</h2></article></body></html>"
    )
    article = html_article(html)
    assert block_texts(article, "heading") == ["Share of the costs"]


LEAN_PAGE = (
    "<!DOCTYPE html><html><head><meta charset='utf-8'><title>T</title>"
    "<script type='application/ld+json'>{\"a\": 1}</script><style>p {}</style></head>"
    "<body><!-- a comment --><div class='x' id='y'>Some <b>bold</b> <i>text</i>\n  <p>Para"
    "<table><tr><td>cell<td>two</table><pre>  kept\n  spaces </pre><ruby>漢<rt>kan</rt></ruby>"
    "<template><p>inert</p></template><ul><li>one<li>two</ul><br><img src='i.png'>tail</div>"
    "</body></html><p>after the end</p>"
)


def _shape(node: object) -> list[tuple[str, str]]:
    """Every node in document order: its class and its name or text."""
    from bs4 import Tag

    assert isinstance(node, Tag)
    return [
        ("Tag" if isinstance(n, Tag) else type(n).__name__, n.name if isinstance(n, Tag) else str(n))
        for n in node.descendants
    ]


def test_the_lean_tree_builder_builds_the_tree_bs4_builds() -> None:
    from bs4 import BeautifulSoup

    from extractors.cleaning.htmltree import LeanBuilder

    ours = BeautifulSoup(
        LEAN_PAGE, builder=LeanBuilder(multi_valued_attributes=None, attribute_dict_class=dict)
    )
    theirs = BeautifulSoup(LEAN_PAGE, "lxml", multi_valued_attributes=None, attribute_dict_class=dict)
    assert _shape(ours) == _shape(theirs)
    assert str(ours) == str(theirs)
    for mine, bs4s in zip(ours.find_all(True), theirs.find_all(True), strict=True):
        assert vars(mine).keys() <= vars(bs4s).keys()  # (a LeanTag holds the shared values on its class)
        for name, value in vars(bs4s).items():
            if name not in ("parent", "previous_element", "next_element", "previous_sibling", "next_sibling"):
                assert getattr(mine, name) == value, name
        assert mine.attrs == bs4s.attrs
        assert mine.interesting_string_types == bs4s.interesting_string_types
        assert [c.name for c in mine.parents] == [c.name for c in bs4s.parents]
        following = mine.next_sibling
        assert (following is None) == (bs4s.next_sibling is None)
    last = list(ours.descendants)[-1]
    assert last.next_element is None and str(last) == str(list(theirs.descendants)[-1])
