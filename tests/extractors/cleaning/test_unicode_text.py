"""Article text comes out in Unicode NFC, whatever normal form the page spells in."""

from __future__ import annotations

import unicodedata

from tests.support.pages import html_article

# Written decomposed (base letter + combining marks) by some pages: Vietnamese, Latin, Bengali
# ("ো" is one composed vowel sign in NFC).
WORDS = ["Việt Nam", "café", "\u09a6\u09cb\u0995\u09be\u09a8"]


def page(body: str) -> str:
    """A page whose article holds `body` in a few paragraphs."""
    paragraph = f"<p>{body} appears in this paragraph of the story, which is long enough to count.</p>"
    return f"<html><body><article>{paragraph * 4}</article></body></html>"


def test_decomposed_text_is_composed() -> None:
    for word in WORDS:
        decomposed = unicodedata.normalize("NFD", word)
        assert decomposed != word
        text = html_article(page(decomposed)).text
        assert word in text
        assert unicodedata.is_normalized("NFC", text)


def test_composed_and_ascii_text_pass_unchanged() -> None:
    text = html_article(page("Plain words and " + " ".join(WORDS))).text
    assert all(word in text for word in WORDS)
    assert "Plain words and" in text
