"""A widget's label standing alone between paragraphs (an ad slot's "Advertisement", a share
bar's "Share") is dropped in the page's language, not in English only; the word in a sentence
stays."""

from __future__ import annotations

import pytest

from tests.support.pages import html_article

SENTENCE = "Der Hafen wurde nach drei Tagen Sturm am Dienstag wieder geöffnet, sagte die Behörde."


@pytest.mark.parametrize(
    "label", ["Advertisement", "Anzeige", "Publicité", "Publicidad", "Reklama", "Teilen", "Реклама", "广告"]
)
def test_a_widget_label_between_paragraphs_is_dropped(label: str) -> None:
    first, last = (
        "".join(f"<p>Absatz {n}. {SENTENCE}</p>" for n in part) for part in (range(2), range(2, 4))
    )
    slot = f"<div class='k3'><span>{label}</span></div>"
    html = f"<html><body><div class='k1'><h1>Hafen offen</h1>{first}{slot}{last}</div></body></html>"
    text = html_article(html).text
    assert label not in text
    assert all(f"Absatz {n}." in text for n in range(4))


def test_the_word_in_a_sentence_stays() -> None:
    paragraphs = "".join(f"<p>Absatz {n}. {SENTENCE}</p>" for n in range(4))
    line = "<p>Die Anzeige ging bei der Polizei am Mittwoch ein, wie ein Sprecher bestätigte.</p>"
    html = f"<html><body><div class='k1'><h1>Hafen offen</h1>{paragraphs}{line}</div></body></html>"
    assert "Die Anzeige ging bei der Polizei" in html_article(html).text


@pytest.mark.parametrize(
    "line",
    [
        "5 min read",
        "Lesezeit: 4 Min.",
        "Tempo de leitura: 2 minutos",
        "Czas czytania: 5 minut",
        "阅读时间 3 分钟",
    ],
)
def test_a_reading_time_line_is_dropped(line: str) -> None:
    """A template's reading-time line over the story, in the page's language."""
    paragraphs = "".join(f"<p>Absatz {n}. {SENTENCE}</p>" for n in range(4))
    html = f"<html><body><div class='k1'><h1>Hafen offen</h1><p>{line}</p>{paragraphs}</div></body></html>"
    text = html_article(html).text
    assert line not in text
    assert text.startswith("Absatz 0.")


def test_a_duration_in_the_text_stays() -> None:
    """A time the story gives (a recipe's baking time, a trip's length) is no reading time."""
    paragraphs = "".join(f"<p>Absatz {n}. {SENTENCE}</p>" for n in range(4))
    lines = "<p>Backzeit: etwa 15 Minuten</p><p>Fahrtzeit: 40 min</p>"
    html = f"<html><body><div class='k1'><h1>Hafen offen</h1>{lines}{paragraphs}</div></body></html>"
    text = html_article(html).text
    assert "Backzeit: etwa 15 Minuten" in text and "Fahrtzeit: 40 min" in text
