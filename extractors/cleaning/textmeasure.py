"""Script-aware text measures: how much a text says (length), where its sentences end.

The cleaner's length thresholds are calibrated on alphabetic text (Latin, Cyrillic, Greek, Arabic,
Devanagari, Thai: about one letter per sound). Chinese, Japanese and Korean text says two to four
times as much per character, so `text_length` counts each Han ideograph as HAN_WEIGHT characters,
each Hangul syllable as HANGUL_WEIGHT and other wide characters (kana, CJK punctuation, full-width
forms) as WIDE_WEIGHT: a twenty-character Chinese paragraph measures like an eighty-character
English one, as its translation is. Sentences
end with . ! ? … and their forms in other scripts (。！？ ؟ ۔ । ॥ ။ ។ ። ։); Thai and Lao set a space
between sentences instead, and the end of a block ends its last sentence."""

from __future__ import annotations

import re

# Alphabetic characters (of English prose) that a wide character says as much as, measured on
# translated news sentences: Chinese ~4 English characters per Han ideograph, Korean ~3 per Hangul
# syllable, Japanese ~3 per character (Han and kana mixed: kana ~2).
HAN_WEIGHT = 4
HANGUL_WEIGHT = 3
WIDE_WEIGHT = 2  # other wide characters: kana, Bopomofo, CJK punctuation, full-width forms
# Wide characters: Hangul Jamo, CJK radicals to Yi (kana, Bopomofo, Han, CJK symbols), Hangul,
# compatibility ideographs, vertical and full-width forms, the supplementary ideograph planes.
_WIDE = re.compile(
    "[\u1100-\u11ff\u2e80-\ua4cf\ua960-\ua97f\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f"
    "\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003ffff]"
)
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")
_HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7af]")
_UNSPACED = "\u0e00-\u0eff"  # Thai and Lao: no sentence punctuation, a space between sentences
# Combining marks that may end a word before its full stop (Latin, Hebrew, Arabic, the Indic
# scripts through Sinhala): a letter followed by one of them is a word's end like two letters.
_MARKS = "\u0300-\u036f\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0900-\u0dff"
_CLOSERS = "\"'”’“‘»«)\\]」』）】〉》"  # quotes and brackets that may follow a sentence's end
_QUOTE_ENDS = "」』"  # Japanese closing quotes: a quoted utterance ends its sentence with or without 。
# Sentence-final marks that need no word before them and no space after them: CJK full stop,
# exclamation and question marks (full and half width), Arabic question mark and Urdu full stop,
# Devanagari danda and double danda, Myanmar, Khmer, Ethiopic and Armenian full stops.
_FINAL = "。！？｡．\u061f\u06d4\u0964\u0965\u104b\u17d4\u1362\u1367\u0589"
# A sentence end inside a text: . ! ? or … after a word of two letters or more (not "8." or "Jr."-like
# initials alone), closing quotes or brackets allowed, then a space or the end; a final mark of
# another script (see _FINAL); a space between two Thai or Lao letters.
_SENTENCE_BREAK = re.compile(
    rf"(?:(?<=[^\W\d_]{{2}})|(?<=[^\W\d_][{_MARKS}]))[.!?…][{_CLOSERS}]*(?=\s|$)"
    rf"|[{_FINAL}]|(?<=[{_UNSPACED}])\s+(?=[{_UNSPACED}])"
)
# A block that ends a sentence: its last mark (closers allowed), a Japanese closing quote, or a Thai
# or Lao letter at its end.
_ENDS_SENTENCE = re.compile(rf"(?:[.!?…{_FINAL}][{_CLOSERS}]*|[{_UNSPACED}{_QUOTE_ENDS}])$")
QUESTION_MARKS = ("?", "？", "\u061f")  # Latin, full-width, Arabic
COLONS = (":", "：")  # Latin, full-width
WORD_CHARS = 6  # measured characters per word in unspaced text (CJK, Thai), as in English with its space


def text_length(text: str) -> int:
    """The length of a text in alphabetic characters: wide characters weigh more (see the module)
    where they make up a good part of the text (a quarter or more: a CJK name in an English
    sentence is not weighed)."""
    length = len(text)
    # Wide characters take 3 bytes in UTF-8: a text with few of them is measured by its length.
    if text.isascii() or len(text.encode("utf-8", "surrogatepass")) - length < length // 2:
        return length
    if _WIDE.search(text) is None:
        return length
    wide = len(_WIDE.findall(text))
    han = len(_HAN.findall(text))
    hangul = len(_HANGUL.findall(text)) if wide > han else 0
    return (
        len(text)
        + (WIDE_WEIGHT - 1) * wide
        + (HAN_WEIGHT - WIDE_WEIGHT) * han
        + (HANGUL_WEIGHT - WIDE_WEIGHT) * hangul
    )


def sentence_count(text: str) -> int:
    """The sentence ends in a text (see _SENTENCE_BREAK; a Thai or Lao block's own end is not
    counted, so its count is one short, as a stricter reading of its spaces)."""
    return len(_SENTENCE_BREAK.findall(text))


_OPENS_WITH_END = re.compile(rf"\s*[{_CLOSERS}]*[.!?…{_FINAL}]")


def first_sentence(text: str) -> str:
    """The text up to its first sentence end (see _SENTENCE_BREAK; all of it when none; nothing
    when it opens with a sentence's end mark, as the rest of a sentence cut before its end does)."""
    if _OPENS_WITH_END.match(text):
        return ""
    found = _SENTENCE_BREAK.search(text)
    return text if found is None else text[: found.start()]


_LETTER = re.compile(r"[^\W\d_]")


def set_in_sentence(before: str, after: str) -> bool:
    """Words of one sentence on both sides of a link (the texts `before` and `after` it in its
    paragraph): text before it that ends no sentence and no label, and a word after it before the
    sentence's end. A name linked to its page sits so; a call ends or opens with its link."""
    before = before.rstrip()
    if not _LETTER.search(before) or ends_sentence(before) or before.endswith(COLONS):
        return False
    return _LETTER.search(first_sentence(after)) is not None


def ends_sentence(text: str) -> bool:
    """True when the (right-stripped) text ends a sentence."""
    return _ENDS_SENTENCE.search(text) is not None


def word_count(text: str) -> int:
    """Words in a text: spaced tokens, a token of unspaced script (CJK, Thai) counted as its
    measured length over WORD_CHARS."""
    count = 0
    for token in text.split():
        if token.isascii():
            count += 1
        elif _WIDE.search(token) or re.search(f"[{_UNSPACED}]", token):
            count += max(1, round(text_length(token) / WORD_CHARS))
        else:
            count += 1
    return count
