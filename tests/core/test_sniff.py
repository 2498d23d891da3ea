"""One binary sniffer and one media-type rule for fetched pages, WARC records and local files."""

from __future__ import annotations

import pytest

from newsflow.core.sniff import media_type_of, sniff_binary


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n...", "PDF document"),
        (b"\x89PNG\r\n\x1a\n", "PNG image"),
        (b"GIF89a", "GIF image"),
        (b"\xff\xd8\xff\xe0", "JPEG image"),
        (b"PK\x03\x04rest", "ZIP archive"),
        (b"\x1f\x8b\x08\x00", "gzip data"),
        (b"\x7fELF\x02", "ELF executable"),
        (b"OggS\x00", "Ogg media"),
        (b"RIFF\x00\x00WEBP", "RIFF media (WebP, WAV, AVI)"),
        (b"text with a \x00 NUL", "binary data (NUL bytes)"),
        ("UTF-16 text".encode("utf-16"), None),  # NULs explained by the byte-order mark
        (b"<html><body>plain page</body></html>", None),
        (b"", None),
    ],
)
def test_sniff_binary(data: bytes, kind: str | None) -> None:
    assert sniff_binary(data) == kind


@pytest.mark.parametrize(
    ("content_type", "body", "media"),
    [
        ("text/html", b"anything", "html"),
        ("application/xhtml+xml", b"", "html"),
        ("text/markdown", b"# Title", "markdown"),
        ("text/x-markdown", b"# Title", "markdown"),
        ("text/plain", b"<html>looks like html</html>", "text"),
        ("", b"<!DOCTYPE html><p>hi</p>", "html"),
        (None, b"<BODY>hi</BODY>", "html"),
        ("", b"just words", "text"),
    ],
)
def test_media_type_of(content_type: str | None, body: bytes, media: str) -> None:
    assert media_type_of(content_type, body) == media
