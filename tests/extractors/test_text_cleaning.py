"""Plain text and Markdown structure, decoding, and the clean stage's errors."""

from __future__ import annotations

import pytest

from extractors.cleaning.clean import clean
from extractors.cleaning.decode import decode_text
from extractors.cleaning.text import looks_like_heading, split_blocks
from newsflow.core.errors import BinaryInputError, EmptyInputError
from newsflow.core.records import RawDocument
from tests.conftest import SEED


def _raw(data: bytes, media_type: str = "text") -> RawDocument:
    return RawDocument("t", "mem://x", "x", data, media_type)  # type: ignore[arg-type]


def test_seed_headings_are_blocks_of_their_own() -> None:
    article = clean(_raw(SEED.read_bytes()))
    headings = [article.text[b.start : b.end] for b in article.blocks if b.kind == "heading"]
    assert headings == [
        "Tokyo — Strengthening U.S.–Japan Ties",
        "Japan Promises Stronger Defence, U.S. Investments",
        "Echoes of Shinzo Abe’s Legacy",
        "New Pact on Rare Earths and Critical Minerals",
        "Focus on North Korea’s Abductions",
        "Regional Diplomacy and Next Stops",
    ]
    assert article.title == "Tokyo — Strengthening U.S.–Japan Ties"
    assert article.language == "en"
    assert article.text == SEED.read_text(encoding="utf-8")  # offsets refer to the file as given


@pytest.mark.parametrize(
    "line",
    [
        "Officials said Japan is preparing a $550-billion investment package.",
        "“You’re making Japan stronger,” Trump said",
        "the lower-case line of a paragraph that wraps",
    ],
)
def test_sentences_are_not_headings(line: str) -> None:
    assert not looks_like_heading(line)


def test_blank_lines_separate_paragraphs_when_present() -> None:
    text = "Summit Opens in Seoul\n\nLeaders met on Monday\nand talked for hours.\n\nThey agreed."
    blocks = split_blocks(text)
    assert [(b.kind, text[b.start : b.end]) for b in blocks] == [
        ("heading", "Summit Opens in Seoul"),
        ("paragraph", "Leaders met on Monday\nand talked for hours."),
        ("paragraph", "They agreed."),
    ]


def test_markdown_headings_lose_their_hashes() -> None:
    text = "# Leaders Meet\n\nThe talks began.\n\n## Trade\n\nTariffs were cut."
    article = clean(_raw(text.encode(), "markdown"))
    assert article.title == "Leaders Meet"
    assert [article.text[b.start : b.end] for b in article.blocks if b.kind == "heading"] == [
        "Leaders Meet",
        "Trade",
    ]


def test_crlf_is_normalised_and_charsets_detected() -> None:
    assert clean(_raw(b"Line one.\r\nLine two.")).text == "Line one.\nLine two."
    western = "The café in Zürich served crème brûlée; “déjà vu”, the naïve délégation said."
    assert decode_text(western.encode("cp1252")) == western
    japanese = "東京で首脳会談が開かれ、両国は新たな合意に署名した。日本の首相は記者団に語った。"
    assert decode_text(japanese.encode("shift_jis")) == japanese
    assert decode_text("\ufeffBOM text".encode()) == "BOM text"
    polish = "Zażółć gęślą jaźń: łódź, żółw i źdźbło nad Wisłą."
    assert decode_text(polish.encode() + b" \xb3") == polish + " \ufffd"  # one stray byte


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"", EmptyInputError),
        (b"  \n\t ", EmptyInputError),
        (b"%PDF-1.7 ...", BinaryInputError),
        (b"\x00\x01\x02binary\x00", BinaryInputError),
    ],
)
def test_unusable_inputs_raise_clear_errors(data: bytes, error: type[Exception]) -> None:
    with pytest.raises(error):
        clean(_raw(data))


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("By Ingrid Solvang and Marek Dobrowolski", False),
        ("by Tove Lindqvist, with reporting from the Oslo desk", False),
        ("By The Numbers", True),  # a title, not a byline
    ],
)
def test_a_byline_is_not_a_heading(line: str, heading: bool) -> None:
    assert looks_like_heading(line) is heading
