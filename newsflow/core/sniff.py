"""What bytes are: one binary sniffer and one Content-Type → media type rule for every input path.

Fetched pages, WARC records and local files all pass through these, so a PDF is refused with the
same reason wherever it comes from.
"""

from __future__ import annotations

from newsflow.core.records import MediaType

__all__ = ["GZIP_MAGIC", "media_type_of", "sniff_binary"]

GZIP_MAGIC = b"\x1f\x8b"
_MAGIC = {
    b"%PDF": "PDF document",
    b"\x89PNG": "PNG image",
    b"GIF8": "GIF image",
    b"\xff\xd8\xff": "JPEG image",
    b"RIFF": "RIFF media (WebP, WAV, AVI)",
    b"PK\x03\x04": "ZIP archive",
    GZIP_MAGIC: "gzip data",
    b"\x7fELF": "ELF executable",
    b"OggS": "Ogg media",
}
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_MEDIA: dict[str, MediaType] = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/markdown": "markdown",
    "text/x-markdown": "markdown",
    "text/plain": "text",
}


def sniff_binary(data: bytes) -> str | None:
    """What binary format `data` starts like, or None when it may be text.

    NUL bytes in the first 8 KiB mean binary unless a UTF-16 byte-order mark explains them.
    """
    for magic, name in _MAGIC.items():
        if data.startswith(magic):
            return name
    if b"\x00" in data[:8192] and not data.startswith(_UTF16_BOMS):
        return "binary data (NUL bytes)"
    return None


def media_type_of(content_type: str | None, body: bytes) -> MediaType:
    """html, markdown or text from a bare Content-Type, sniffing the body when there is none."""
    if content_type in _MEDIA:
        return _MEDIA[content_type]
    head = body[:2048].lower()
    return "html" if b"<html" in head or b"<!doctype html" in head or b"<body" in head else "text"
