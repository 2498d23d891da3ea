"""Bytes → str: binary sniffing and charset detection for text and HTML inputs."""

from __future__ import annotations

from charset_normalizer import from_bytes

from newsflow.errors import BinaryInputError, EmptyInputError

_MAGIC = {
    b"%PDF": "PDF document",
    b"\x89PNG": "PNG image",
    b"GIF8": "GIF image",
    b"\xff\xd8\xff": "JPEG image",
    b"PK\x03\x04": "ZIP archive",
    b"\x1f\x8b": "gzip data",
    b"\x7fELF": "ELF executable",
    b"RIFF": "RIFF media",
}


_SINGLE_BYTE_LATIN = {
    "cp1250",
    "cp1252",
    "cp1254",
    "cp1257",
    "latin_1",
    "iso8859_2",
    "iso8859_3",
    "iso8859_4",
    "iso8859_9",
    "iso8859_10",
    "iso8859_13",
    "iso8859_14",
    "iso8859_15",
    "iso8859_16",
    "mac_roman",
    "mac_latin2",
    "cp850",
    "cp437",
    "cp1258",
}


def sniff_binary(data: bytes) -> str | None:
    """A description of the binary format `data` looks like, or None when it looks like text."""
    for magic, name in _MAGIC.items():
        if data.startswith(magic):
            return name
    head = data[:8192]
    if b"\x00" in head and not _is_utf16(head):
        return "binary data (NUL bytes)"
    return None


def decode_text(data: bytes, declared: str | None = None) -> str:
    """Decode text bytes: BOM, then the declared charset, then UTF-8, then detection."""
    if not data.strip():
        raise EmptyInputError("input is empty or whitespace only")
    kind = sniff_binary(data)
    if kind:
        raise BinaryInputError(f"input is binary ({kind}), not text")
    for bom, codec in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(codec)
    for candidate in (declared, "utf-8"):
        if candidate:
            try:
                return data.decode(candidate)
            except (UnicodeDecodeError, LookupError):
                continue
    best = from_bytes(data[:200_000]).best()
    if best is None:
        raise BinaryInputError("input is not decodable as text in any known charset")
    encoding = best.encoding or "utf-8"
    if encoding in _SINGLE_BYTE_LATIN:
        # Detection cannot tell the Latin code pages apart on short texts; English-language news
        # that is not UTF-8 is overwhelmingly Windows-1252, so prefer it whenever it decodes.
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    return data.decode(encoding, errors="replace")


def normalise_newlines(text: str) -> str:
    """CRLF and CR to LF, and a leading BOM removed; nothing else changes."""
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _is_utf16(head: bytes) -> bool:
    """True when NUL bytes are explained by UTF-16 text (every other byte NUL)."""
    return head.startswith((b"\xff\xfe", b"\xfe\xff"))
