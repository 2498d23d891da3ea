"""Language identification: real text in several scripts, codes as ISO 639, unreadable input."""

from __future__ import annotations

import pytest

from extractors.cleaning.language import detect_language
from extractors.cleaning.metadata import checked_language, language_code

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


SHORT = {  # a sentence or two: CLD2 alone gives up on the Chinese one
    "zh": "市政府周二宣布，将在明年春天之前完成老城区供水管道的改造工程。",
    "ja": "市は火曜日、水道管の改修工事を来春までに終えると発表した。",
    "ko": "시는 화요일 상수도관 공사를 내년 봄까지 마친다고 밝혔다.",
    "th": "เทศบาลประกาศว่าจะซ่อมท่อประปาในเมืองเก่าให้เสร็จก่อนฤดูใบไม้ผลิ",
    "hi": "नगर निगम ने कहा कि पाइपलाइन का काम अगले वसंत तक पूरा होगा।",
    "ar": "أعلنت البلدية أنها ستنتهي من إصلاح أنابيب المياه قبل الربيع.",
}


@pytest.mark.parametrize(("code", "text"), SHORT.items())
def test_a_sentence_or_two_in_another_script_is_enough(code: str, text: str) -> None:
    assert detect_language(text) == code


def test_cjk_text_is_told_apart_by_script() -> None:
    # Han characters with no kana are Chinese; kana among them Japanese; mostly Hangul Korean.
    assert detect_language("日本首相今天访问中国。东京大学研究团队发表新论文。") == "zh"
    assert detect_language("日本の首相は今日、中国を訪問した。東京大学の研究チームが論文を発表した。") == "ja"
    mixed = "He said it plainly: 市政府周二宣布，老城区供水管道改造工程将于明年春天完工。 Then he left."
    assert detect_language(mixed) == "zh"  # the Chinese sentence says more than the English words
    assert (
        detect_language("He met officials from 北京 and 東京 at the summit, and they agreed on a plan.")
        == "en"
    )


GERMAN = TEXTS["de"] + " " + TEXTS["de"].replace("Dienstag", "Mittwoch")


def test_the_declared_language_stands_unless_the_text_is_another() -> None:
    assert checked_language("de", GERMAN) == ("de", "declared")
    assert checked_language("en", GERMAN) == ("de", "detected (declared en)")  # a template's default
    assert checked_language("ja", TEXTS["zh"]) == ("zh", "detected (declared ja)")
    assert checked_language("fr", "Merci.") == ("fr", "declared")  # too short to tell
    assert checked_language(None, TEXTS["he"]) == ("he", "detected")


def test_mixed_text_keeps_a_declared_language_it_holds_a_third_of() -> None:
    quote = (
        "“We will not wait for another winter,” the mayor told the committee on Tuesday morning. "
        "“The pipes are older than most of us, and the leaks cost the city more every year.” "
    )
    text = quote + TEXTS["de"]  # an English quote opens a German story: English 51%, German 48%
    assert checked_language("de", text) == ("de", "declared")
    assert checked_language("en", TEXTS["de"])[0] == "de"


def test_close_languages_and_old_codes() -> None:
    croatian = (
        "Gradsko vijeće je u utorak objavilo da će do proljeća završiti obnovu vodovodnih cijevi "
        "u starom gradu, a radovi počinju idući mjesec."
    )
    assert checked_language("sr", croatian) == ("sr", "declared")  # CLD2 tells them apart badly
    assert language_code("iw") == "he" and language_code("in-ID") == "id"
    assert language_code("und") is None and language_code("x-default") is None
