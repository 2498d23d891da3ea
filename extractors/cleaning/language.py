"""Language identification of article text (py3langid: small, fast, offline)."""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def _identifier() -> Any:
    """The langid model, loaded once per process."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str, min_chars: int = 40) -> str | None:
    """ISO 639-1 code of the text's language, or None when the text is too short to tell."""
    sample = " ".join(text[:3000].split())
    if len(sample) < min_chars:
        return None
    lang, prob = _identifier().classify(sample)
    return str(lang) if prob >= 0.5 else None
