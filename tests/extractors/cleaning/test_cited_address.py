"""A paragraph that cites one web or e-mail address inside the article is kept; a paragraph
linking a headline elsewhere is still cut as link-dense."""

from __future__ import annotations

from tests.support.pages import html_article

BODY = "".join(
    f"<p>Paragraph {n} of the body tells how the council debated the new budget for the coming "
    f"year, line by line, until late in the evening.</p>"
    for n in range(1, 6)
)


CLOSING = "<p>The council meets again next month, when the first spending reports are due.</p>"


def page(extra: str) -> str:
    """A story whose body holds `extra` between its paragraphs and its closing line."""
    return (
        f"<html><body><article><div class='article-body'>{BODY}{extra}{CLOSING}</div></article></body></html>"
    )


def test_a_cited_web_address_is_kept() -> None:
    text = html_article(
        page("<p><a href='https://petition.example.org'>https://petition.example.org</a></p>")
    ).text
    assert "https://petition.example.org" in text


def test_a_cited_email_address_is_kept() -> None:
    text = html_article(page("<p><a href='mailto:desk@example.org'>desk@example.org</a></p>")).text
    assert "desk@example.org" in text


def test_a_linked_headline_is_still_cut() -> None:
    text = html_article(page("<p><a href='/other'>Council leader resigns after budget row</a></p>")).text
    assert "Council leader resigns" not in text
