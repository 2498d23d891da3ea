"""Bytes → str: binary inputs refused (`newsflow.core.sniff`), charset detection for text and HTML."""

from __future__ import annotations

import re

from charset_normalizer import from_bytes

from newsflow.core.errors import BinaryInputError, EmptyInputError
from newsflow.core.sniff import sniff_binary

_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# Labels browsers decode differently from Python's codec of the same name.
_ALIASES = {
    "iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252", "ascii": "cp1252",
    "us-ascii": "cp1252", "iso8859-1": "cp1252", "shift-jis": "cp932", "shift_jis": "cp932",
    "sjis": "cp932", "x-sjis": "cp932", "gb2312": "gb18030", "gbk": "gb18030",
    "euc-kr": "cp949", "iso-8859-9": "cp1254", "tis-620": "cp874", "utf8": "utf-8",
}  # fmt: skip
# Code pages detection cannot tell apart on short texts (a page's few accented letters among much
# ASCII markup), and the DOS and workstation code pages it also guesses for them, which no web page
# is written in.
_SINGLE_BYTE_LATIN = {
    "cp1250", "cp1252", "cp1254", "cp1257", "cp1258", "latin_1", "iso8859_2", "iso8859_3", "iso8859_4",
    "iso8859_9", "iso8859_10", "iso8859_13", "iso8859_14", "iso8859_15", "iso8859_16", "mac_roman",
    "mac_latin2", "mac_iceland", "mac_turkish", "cp437", "cp775", "cp850", "cp852", "cp858", "cp860",
    "cp861", "cp863", "cp865", "hp_roman8", "ascii",
}  # fmt: skip


def decode_text(data: bytes, declared: str | None = None) -> str:
    """Decode text bytes: BOM, then the declared charset, then UTF-8, then detection."""
    _check_text(data)
    return _from_bom(data) or _first_fit(data, declared, "utf-8") or nearly_utf8(data) or detect(data)


def decode_html(data: bytes, declared: str | None = None) -> str:
    """Decode HTML bytes: BOM, valid UTF-8, the declared (HTTP) charset, the page's own
    <meta charset>, UTF-8 with a few stray bytes, then detection. Labels are checked against
    the bytes, not trusted: pages labelled ISO-8859-1 are usually UTF-8 or cp1252 (as browsers
    assume)."""
    _check_text(data)
    return (
        _from_bom(data)
        or _first_fit(data, "utf-8", declared, meta_charset(data))
        or nearly_utf8(data)
        or detect(data)
    )


STRAY_SHARE = 0.2  # invalid UTF-8 sequences per valid non-ASCII character still read as UTF-8


def nearly_utf8(data: bytes) -> str | None:
    """The text as UTF-8 (stray bytes replaced) when its non-ASCII characters are almost all
    valid UTF-8: a UTF-8 page with a few bytes pasted in from another code page or cut mid-character.
    Text in a single-byte code page almost never forms valid multi-byte sequences, so detection
    would guess a code page from the stray bytes and garble every other non-ASCII character."""
    text = data.decode("utf-8", errors="replace")
    stray = text.count("\ufffd")
    if not stray:
        return None
    valid = len(text) - len(text.encode("ascii", "ignore")) - stray  # non-ASCII, counted in C
    return text if valid * STRAY_SHARE >= stray else None


def detect(data: bytes) -> str:
    """Decode with the detected charset; among Latin code pages prefer Windows-1252, which
    English-language news that is not UTF-8 overwhelmingly uses, unless it sets more symbols
    between two letters than the detected one does (Polish "³ó¿ko" for "łóżko": letters another
    Latin code page has where 1252 has signs)."""
    best = from_bytes(data[:200_000]).best()
    codec = best.encoding if best is not None and best.encoding else "cp1252"
    if codec in _SINGLE_BYTE_LATIN:
        western = _try_decode(data, "cp1252")
        if western is not None:
            if codec == "cp1252":
                return western
            detected = data.decode(codec, errors="replace")
            return western if _signs_in_words(western) <= _signs_in_words(detected) else detected
    return data.decode(codec, errors="replace")


# Signs of the Latin-1 range that sit between two letters only when a text is read in the wrong
# code page. Left out: the middle dot (Catalan and gender-inclusive spellings set it there), the
# acute accent (an apostrophe: "geht´s"), and a sign after Â, Ã, Ä or Å (UTF-8 the page itself
# shows as Latin-1, "fÃ¼r": no code page reads that back).
_SIGN_IN_WORD = re.compile(r"(?<=[^\W\d_])(?<![ÂÃÄÅ])[¹²³¼½¾¿¥£¤¢¦§¨©«¬®¯°±µ¶¸»×÷](?=[^\W\d_])")


def _signs_in_words(text: str) -> int:
    """How many signs in `text` sit between two letters (see _SIGN_IN_WORD)."""
    return len(_SIGN_IN_WORD.findall(text))


def meta_charset(data: bytes) -> str | None:
    """The charset a page declares in its first 4 KB (<meta charset> or http-equiv)."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii", "replace") if match else None


def normalise_newlines(text: str) -> str:
    """CRLF and CR to LF, and a leading BOM removed; nothing else changes."""
    text = text.lstrip("\ufeff")
    if "\r" not in text:  # most pages: a scan instead of two copies of the page
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _check_text(data: bytes) -> None:
    """Refuse empty and binary inputs with a clear reason."""
    if not data.strip():
        raise EmptyInputError("input is empty or whitespace only")
    kind = sniff_binary(data)
    if kind:
        raise BinaryInputError(f"input is binary ({kind}), not text")


def _from_bom(data: bytes) -> str | None:
    """The text, when a byte-order mark says how to decode it."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    return None


def _first_fit(data: bytes, *labels: str | None) -> str | None:
    """The text decoded by the first label the bytes fit strictly."""
    for label in labels:
        decoded = _try_decode(data, label)
        if decoded is not None:
            return decoded
    return None


def _try_decode(data: bytes, codec: str | None) -> str | None:
    """Strict decoding with a WHATWG-style label mapping, or None when the bytes do not fit."""
    if not codec:
        return None
    codec = _ALIASES.get(codec.strip().lower(), codec.strip().lower())
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None
