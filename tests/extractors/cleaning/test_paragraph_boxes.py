"""Pages built of components that set each paragraph in a box of its own (a text block): the
paragraph is what the box sets out. A lead paragraph before the body in a box of the kind that
sets the body's paragraphs is the story's, and a paragraph citing an address keeps its line."""

from __future__ import annotations

from tests.support.pages import html_article

SENTENCE = (
    "The harbour reopened after three days of storms, and the boats went out at first light "
    "with the whole town watching from the quay."
)


def _block(text: str, kind: str = "text-block") -> str:
    """One paragraph in a component's box."""
    return f"<div class='{kind}'><p>{text}</p></div>"


def _page(before: str, body: str) -> str:
    return (
        "<html><head><title>Harbour reopens</title></head><body><article><h1>Harbour reopens</h1>"
        f"{before}<div class='story'>{body}</div></article></body></html>"
    )


BODY = "".join(_block(f"Paragraph {n}. {SENTENCE}") for n in range(5))


def test_a_lead_in_a_box_of_the_bodys_kind_is_the_storys() -> None:
    # One sentence: the standfirst takes no such block; the lead takes it as the body's paragraph.
    text = html_article(_page(_block(SENTENCE), BODY)).text
    assert text.startswith(SENTENCE)
    assert "Paragraph 4." in text


def test_a_summary_in_a_box_of_its_own_kind_is_no_lead() -> None:
    # A summary set in its own box before the body is the standfirst's to judge, not the lead's
    # (and the standfirst takes no one-sentence summary).
    text = html_article(_page(_block(SENTENCE, "summary"), BODY)).text
    assert text.startswith("Paragraph 0.")


def test_a_paragraph_citing_an_address_in_its_box_stays() -> None:
    cited = _block("<a href='https://petition.example.org/harbour'>https://petition.example.org/harbour</a>")
    body = BODY + _block(f"Sign the petition. {SENTENCE}") + cited + _block(f"Paragraph 5. {SENTENCE}")
    text = html_article(_page("", body)).text
    assert "https://petition.example.org/harbour" in text
    assert "Paragraph 5." in text


def test_a_quote_beside_its_speakers_picture_in_its_box_stays() -> None:
    # A reader's words under their picture, in a quote block's box: the quotation, not a caption.
    quote = (
        "<div class='quote-block'><blockquote><p><img src='/readers/ann.jpg' alt='Ann'></p>"
        "<p>What a night at the quay, the whole town came out to watch the boats leave.</p>"
        "</blockquote></div>"
    )
    text = html_article(_page("", BODY + quote + _block(f"Paragraph 5. {SENTENCE}"))).text
    assert "What a night at the quay" in text
