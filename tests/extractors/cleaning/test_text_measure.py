"""Script-aware text measures: CJK characters weigh more; sentence ends of other scripts count."""

from __future__ import annotations

from extractors.cleaning.textmeasure import ends_sentence, sentence_count, text_length, word_count


def test_wide_characters_weigh_more() -> None:
    assert text_length("The pipes are old.") == 18
    assert text_length("Größe") == 5  # alphabetic text, accents or not: one per character
    assert text_length("管道很旧。") == 4 * 4 + 2  # Han ideographs 4, CJK punctuation 2
    assert text_length("수도관") == 3 * 3  # Hangul syllables 3
    assert text_length("すいどう") == 4 * 2  # kana 2


def test_sentence_ends_of_other_scripts_count() -> None:
    assert sentence_count("The pipes are old. They leak. Work starts soon.") == 3
    assert sentence_count("管道很旧。经常漏水！何时更换？") == 3
    assert sentence_count("पाइप पुराने हैं। उनमें रिसाव है। काम जल्द शुरू होगा।") == 3
    assert sentence_count("هل الأنابيب قديمة؟ نعم، قديمة جداً. والعمل يبدأ قريباً.") == 3
    assert sentence_count("ท่อเก่ามาก น้ำรั่วบ่อย งานจะเริ่มเร็วๆ นี้") == 3  # spaces end Thai sentences
    assert sentence_count("See p. 8. No.") == 1  # initials and numbers are no sentence ends


def test_a_block_ends_a_sentence() -> None:
    assert ends_sentence("काम अगले महीने शुरू होगा।")
    assert ends_sentence("「来年の春が待ち遠しいです」")
    assert ends_sentence("งานจะเริ่มในเดือนหน้า")  # Thai sets no mark: the block's end ends it
    assert ends_sentence("فمتى تبدأ الأشغال؟")
    assert not ends_sentence("More on this topic")
    assert not ends_sentence("相关新闻")


def test_words_of_unspaced_scripts_are_counted() -> None:
    assert word_count("another story about the port") == 5
    assert word_count("关于港口的另一篇报道") == 7  # ten Han characters: about six or seven words
    assert word_count("港口") == 1
