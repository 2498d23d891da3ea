"""Language identification of article text (CLD2 through pycld2: compiled in, no model to load)."""

from __future__ import annotations

import pycld2

SAMPLE = 3000  # characters of text looked at
MIN_PERCENT = 50  # share of the text (%) a language CLD2 does not call reliable must cover
_LEGACY = {"iw": "he", "jw": "jv"}  # CLD2's old codes for Hebrew and Javanese


def detect_language(text: str, min_chars: int = 40) -> str | None:
    """ISO 639 code of the text's language (two letters where one exists, "zh" for both Chinese
    scripts), or None when the text is too short or too mixed to tell."""
    sample = " ".join(text[:SAMPLE].split())
    if len(sample) < min_chars:
        return None
    try:
        reliable, _, languages = pycld2.detect(sample)
    except (pycld2.error, ValueError):  # text CLD2 cannot read (e.g. lone surrogates)
        return None
    code, percent = str(languages[0][1]), int(languages[0][2])
    if code == "un" or code.startswith("xx-") or not (reliable or percent >= MIN_PERCENT):
        return None
    code = code.split("-")[0]
    return _LEGACY.get(code, code)
