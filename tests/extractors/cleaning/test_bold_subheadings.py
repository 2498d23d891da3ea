"""A paragraph that is all one short bold run, ending no sentence and leading into nothing with a
colon, is a subheading an editor set in bold: its block is a heading, as an <h2>'s is, so a label
left at the end of the text goes as a heading label does. A bold lead-in ending in a colon stays
a paragraph."""

from __future__ import annotations

from tests.support.pages import html_article, short_story

STORY = short_story(4)


def _page(after: str) -> str:
    return (
        "<html><head><title>Harbour reopens after storms</title></head><body><div>"
        f"<h1>Harbour reopens after storms</h1>{STORY}{after}</div></body></html>"
    )


def test_a_bold_subheading_inside_the_text_is_a_heading_block() -> None:
    article = html_article(_page(f"<p><strong>What the storms cost</strong></p>{short_story(2)}"))
    kinds = [b.kind for b in article.blocks if article.text[b.start : b.end] == "What the storms cost"]
    assert kinds == ["heading"]


def test_a_bold_label_left_at_the_end_goes_as_a_heading_label_does() -> None:
    line = "More stories from the harbour you might want to read next"
    for label in (f"<h3>{line}</h3>", f"<p><strong>{line}</strong></p>"):
        assert "want to read next" not in html_article(_page(label)).text, label


def test_a_bold_lead_in_ending_in_a_colon_stays_a_paragraph() -> None:
    notice = "<ul><li>Boats leave from the east pier.</li><li>Tickets are sold on board.</li></ul>"
    article = html_article(_page(f"<p><b>The harbour master's full notice:</b></p>{notice}"))
    kinds = [b.kind for b in article.blocks if article.text[b.start : b.end].endswith("full notice:")]
    assert kinds == ["paragraph"]
