"""<noscript>: shown only without scripts, so hidden unless it holds the article's text."""

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
