"""<noscript>: shown only without scripts, so hidden unless it holds the article's text, or is all
that its parent shows (the copy of what a script renders in that place)."""

from __future__ import annotations

from tests.support.pages import html_article

STORY = "".join(
    f"<p>Paragraph {n}: the new protocol lets a browser check a site's certificate without "
    f"telling anyone which site it visits, and it keeps working offline.</p>"
    for n in range(1, 6)
)


def test_an_article_that_only_a_noscript_holds_is_kept() -> None:
    html = (
        "<html><body><nav><a href='/'>Home</a> <a href='/blog'>Blog</a></nav>"
        "<div class='post-body'><script>render(post)</script>"
        f"<noscript>{STORY}</noscript></div><footer>Privacy | Terms</footer></body></html>"
    )
    assert "Paragraph 5" in html_article(html).text


def test_a_small_noscript_notice_is_dropped() -> None:
    html = (
        f"<html><body><article>{STORY}<noscript><p>Please enable JavaScript to view the "
        "comments.</p></noscript></article></body></html>"
    )
    text = html_article(html).text
    assert "Paragraph 5" in text and "enable JavaScript" not in text


def test_a_noscript_copy_that_is_all_its_place_shows_is_kept() -> None:
    archive = "".join(
        f"<li>Month {n}: a list of the older posts on this blog, sorted by the month they went out "
        f"and linked from the sidebar of every page</li>"
        for n in range(1, 13)
    )
    html = (
        "<html><body><div class='post-body'><script type='text/template'>render(post)</script>"
        f"<noscript>{STORY}</noscript></div><div class='archive'><ul>{archive}</ul></div></body></html>"
    )
    text = html_article(html).text
    assert "Paragraph 1" in text and "Paragraph 5" in text


def test_a_noscript_whose_text_is_markup_stands_in_for_nothing() -> None:
    """A page saved from a browser's document writes a <noscript>'s content as escaped text (an
    ad's fallback, "<div><a href=...>"): it is all its place shows, but there is nothing to read."""
    fallback = "&lt;div&gt;&lt;a href='https://ads.example/jump;sz=300x250;tile=1'&gt;&lt;/a&gt;&lt;/div&gt;"
    slot = f"<div class='slot'><noscript>{fallback * 5}</noscript></div>"
    html = f"<html><body><article>{STORY}{slot}</article></body></html>"
    text = html_article(html).text
    assert "Paragraph 5" in text and "ads.example" not in text
