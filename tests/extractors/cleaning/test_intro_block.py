"""An intro of paragraphs before the story's box keeps the descent at their parent, also when a
line of a link (a "see also" line) is set among them; a box of teasers, each a linked title over
an excerpt, is no intro."""

from __future__ import annotations

from tests.support.pages import BUDGET_SENTENCE, html_article, numbered_paragraphs

SENTENCE = BUDGET_SENTENCE
STORY = numbered_paragraphs("Paragraph", 8)


def _page(before: str) -> str:
    return f"<html><body><div><div>{before}</div><div>{STORY}</div></div></body></html>"


def test_an_intro_with_a_see_also_line_is_kept() -> None:
    intro = (
        f"<p>Intro one. {SENTENCE}</p><p>Intro two. {SENTENCE}</p>"
        '<p><strong>See:</strong> <a href="/budget-2025">Last year\'s budget, line by line</a></p>'
    )
    text = html_article(_page(intro)).text
    assert "Intro one." in text and "Intro two." in text
    assert "Paragraph 7." in text


def test_teasers_before_the_story_are_no_intro() -> None:
    teasers = "".join(
        f'<p><a href="/story-{n}">Another story from the town hall, number {n}</a></p>'
        f"<p>Teaser {n}. {SENTENCE}</p>"
        for n in range(2)
    )
    text = html_article(_page(teasers)).text
    assert "Teaser 0." not in text and "Teaser 1." not in text
    assert "Paragraph 0." in text and "Paragraph 7." in text


def test_paragraphs_with_links_in_their_sentences_are_no_intro() -> None:
    # A notice set out as two paragraphs before the page (a consent window's text, its policy
    # linked in a sentence) is not taken for the story's intro.
    notice = (
        f"<p>Notice one. {SENTENCE}</p>"
        '<p>Notice two. The council keeps <a href="/policy">a record of each visit</a> for a year. '
        f"{SENTENCE}</p>"
    )
    text = html_article(_page(notice)).text
    assert "Notice one." not in text and "Notice two." not in text
    assert "Paragraph 0." in text
