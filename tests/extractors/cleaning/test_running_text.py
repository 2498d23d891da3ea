"""A box of running text between the story's paragraphs stays whatever its weak class words say;
at the end of the text (an author box, a notice) it is still cut."""

from __future__ import annotations

from tests.support.pages import html_article

PARAGRAPHS = "".join(
    f"<p>Paragraph {n}: the ferry kept running through the storm, and the crew counted every "
    f"passenger twice before they let the ramp come down at the harbour.</p>"
    for n in range(1, 4)
)
BOX = (
    "<div class='widget statement'><p>The captain said the crossing was the roughest in years. "
    "Nobody was hurt. The company will review its rules for sailing in high winds.</p></div>"
)


def _page(body: str) -> str:
    return f"<html><body><article class='article-body'><h1>Ferry</h1>{body}</article></body></html>"


def test_a_weak_named_box_of_sentences_between_paragraphs_is_kept() -> None:
    text = html_article(_page(PARAGRAPHS + BOX + PARAGRAPHS.replace("Paragraph", "Later"))).text
    assert "roughest in years" in text and "Later 3" in text


def test_the_same_box_after_the_last_paragraph_is_cut() -> None:
    text = html_article(_page(PARAGRAPHS + BOX)).text
    assert "Paragraph 3" in text and "roughest in years" not in text


def test_a_weak_named_box_with_an_image_is_cut() -> None:
    boxed = BOX.replace("<p>", "<img src='a.jpg'><p>", 1)
    text = html_article(_page(PARAGRAPHS + boxed + PARAGRAPHS.replace("Paragraph", "Later"))).text
    assert "roughest in years" not in text


def test_a_weak_named_box_of_one_sentence_is_cut() -> None:
    short = "<div class='widget statement'><p>The captain spoke to reporters at the harbour.</p></div>"
    text = html_article(_page(PARAGRAPHS + short + PARAGRAPHS.replace("Paragraph", "Later"))).text
    assert "captain spoke" not in text and "Later 1" in text


def test_a_box_of_one_sentence_paragraphs_in_minified_markup_is_kept() -> None:
    """Its paragraphs set with nothing between them (`</p><p>`): three sentences, not one run."""
    box = BOX.replace(". ", ".</p><p>")
    text = html_article(_page(PARAGRAPHS + box + PARAGRAPHS.replace("Paragraph", "Later"))).text
    assert "roughest in years" in text and "Later 3" in text
