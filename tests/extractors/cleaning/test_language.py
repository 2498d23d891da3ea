"""Language identification: real text in several scripts, codes as ISO 639, unreadable input."""

from __future__ import annotations

import pytest

from extractors.cleaning.language import detect_language

TEXTS = {
    "en": "The committee met on Tuesday to discuss the budget, and its members agreed to publish "
    "the report before the end of the month.",
    "de": "Der Ausschuss traf sich am Dienstag, um über den Haushalt zu beraten, und seine "
    "Mitglieder einigten sich darauf, den Bericht vor Ende des Monats zu veröffentlichen.",
    "es": "El comité se reunió el martes para debatir el presupuesto y sus miembros acordaron "
    "publicar el informe antes de que termine el mes.",
    "ru": "Комитет собрался во вторник, чтобы обсудить бюджет, и его члены договорились "
    "опубликовать доклад до конца месяца.",
    "he": "הוועדה התכנסה ביום שלישי כדי לדון בתקציב, וחבריה הסכימו לפרסם את הדוח לפני סוף החודש.",
    "zh": "委员会星期二开会讨论预算，委员们同意在月底之前发表这份报告。委员会还决定明年再次审查这个问题。",
}


@pytest.mark.parametrize(("code", "text"), TEXTS.items())
def test_the_language_of_real_text_is_found_as_an_iso_code(code: str, text: str) -> None:
    assert detect_language(text) == code


def test_short_or_unreadable_text_has_no_language() -> None:
    assert detect_language("Too short to tell.") is None
    assert detect_language("12345 67890 " * 10) is None
    assert detect_language(TEXTS["en"] + "\ud800") is None  # a lone surrogate: no UTF-8 for CLD2
