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


def test_a_label_and_its_address_set_as_a_div_are_kept() -> None:
    """Div soup: a label with a dash and no colon before the one link, whose text is the address
    in full, is a cited source; a label before a link named in words is still cut."""
    cited = (
        "<div>Budget papers on the council's site – <a href='https://council.example.org/budget/2024/"
        "papers'>https://council.example.org/budget/2024/papers</a></div>"
    )
    named = "<div>More – <a href='/other'>Council leader resigns after the long budget row</a></div>"
    text = html_article(page(cited + named)).text
    assert "https://council.example.org/budget/2024/papers" in text
    assert "Council leader resigns" not in text
