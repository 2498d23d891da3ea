"""Language identification of article text (CLD2 through pycld2: compiled in, no model to load).

Chinese, Japanese and Korean are told apart by script, which is certain where CLD2 is not (on
a line or two of Han characters it wavers between Chinese and Japanese, or gives up): Japanese
writes kana among its Han characters, Korean writes Hangul, Chinese neither. Text that is mostly
CJK gets its language that way; other text gets CLD2's answer when CLD2 calls it reliable or
finds it in most of the text."""

from __future__ import annotations

import re

import pycld2

from extractors.cleaning.textmeasure import HAN_WEIGHT, HANGUL_WEIGHT, WIDE_WEIGHT, text_length

SAMPLE = 3000  # characters of text looked at
MIN_PERCENT = 50  # share of the text (%) a language CLD2 does not call reliable must cover
MIN_CHARS = 40  # text_length of the shortest text whose language is told (CJK: ~10 characters)
KANA_SHARE = 0.1  # share of a CJK text's Han and kana characters that are kana in Japanese (~0.5)
# Old codes for Hebrew, Javanese, Indonesian and Yiddish (CLD2's, and Java locales' on pages).
LEGACY = {"iw": "he", "jw": "jv", "in": "id", "ji": "yi"}
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")
_KANA = re.compile("[\u3041-\u309f\u30a0-\u30ff\u31f0-\u31ff\uff66-\uff9d]")
_HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")
_CJK = re.compile("[\u1100-\u11ff\u3041-\u30ff\u3130-\u318f\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def detect_language(text: str, min_chars: int = MIN_CHARS) -> str | None:
    """ISO 639 code of the text's language (two letters where one exists, "zh" for both Chinese
    scripts), or None when the text is too short or too mixed to tell."""
    return identify_language(text, min_chars)[0]


def identify_language(text: str, min_chars: int = MIN_CHARS) -> tuple[str | None, dict[str, int]]:
    """The text's language (see detect_language) and the share (%) of the text CLD2 gives each
    language it finds."""
    sample = " ".join(text[:SAMPLE].split())
    if text_length(sample) < min_chars:
        return None, {}
    try:
        reliable, _, found = pycld2.detect(sample)
    except (pycld2.error, ValueError):  # text CLD2 cannot read (e.g. lone surrogates)
        return None, {}
    shares: dict[str, int] = {}
    for _, code, percent, _ in found:
        if code != "un" and not code.startswith("xx-"):
            key = normal_code(code)
            shares[key] = shares.get(key, 0) + int(percent)
    best = max(shares, key=lambda k: shares[k]) if shares else None
    if best is not None and not (reliable or shares[best] >= MIN_PERCENT):
        best = None
    if best in (None, "zh", "ja", "ko") and _CJK.search(sample):
        best = _cjk_language(sample) or best
    return best, shares


def normal_code(code: str) -> str:
    """A language code without its region or script ("zh-Hant" → "zh"), old codes renewed."""
    code = code.split("-")[0]
    return LEGACY.get(code, code)


def _cjk_language(sample: str) -> str | None:
    """Chinese, Japanese or Korean by script, when CJK characters make up most of the text (weighed
    as text_length weighs them, so a Chinese sentence among English words of the same length
    counts as most); else None."""
    han, kana, hangul = len(_HAN.findall(sample)), len(_KANA.findall(sample)), len(_HANGUL.findall(sample))
    cjk = han + kana + hangul
    other = len(sample) - sample.count(" ") - cjk
    if HAN_WEIGHT * han + HANGUL_WEIGHT * hangul + WIDE_WEIGHT * kana < other:  # measure against the rest
        return None
    if hangul > han + kana:
        return "ko"
    return "ja" if kana > KANA_SHARE * (han + kana) else "zh"
