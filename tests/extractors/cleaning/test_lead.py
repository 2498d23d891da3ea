"""The lead: article paragraphs placed just before the body container are kept."""

from __future__ import annotations

from tests.support.pages import html_article

BODY = "".join(
    f"<p>Paragraph {n} of the body tells how the council debated the new budget for the coming "
    f"year, line by line, until late in the evening.</p>"
    for n in range(1, 7)
)


def page(before: str) -> str:
    """A story page: headline, `before` between the headline and the body container, the body."""
    return (
        "<html><head><title>Council passes budget</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><main>"
        f"<h1>Council passes budget</h1>{before}<div class='article-body'>{BODY}</div>"
        "</main><footer>Copyright the paper</footer></body></html>"
    )


FIRST = (
    "The city council passed its budget on Monday night after a debate that lasted more than "
    "nine hours, the longest in a decade."
)


def test_a_first_paragraph_before_the_body_container_is_kept_in_order() -> None:
    text = html_article(page(f"<figure><img src='a.jpg'></figure><p>{FIRST}</p>")).text
    assert text.startswith(FIRST)
    assert text.index(FIRST) < text.index("Paragraph 1 of the body")


def test_the_walk_back_stops_at_what_is_not_prose() -> None:
    links = "<p>" + " ".join(f"<a href='/s{n}'>Another story number {n}</a>" for n in range(5)) + "</p>"
    text = html_article(page(f"<p>{FIRST}</p>{links}")).text
    assert "Another story" not in text
    assert FIRST not in text  # behind the link list: not the body's lead
    assert text.startswith("Paragraph 1 of the body")


def test_the_headline_is_never_taken_as_lead() -> None:
    text = html_article(page(f"<p>{FIRST}</p>")).text
    assert "Council passes budget" not in text
