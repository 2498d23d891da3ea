"""Size-capped decompression (the one capped gunzip) and refusal of binary bodies."""

from __future__ import annotations

import zlib

from newsflow.core.errors import FetchError, ResponseTooLargeError, UnsupportedContentTypeError
from newsflow.core.sniff import sniff_binary


def too_large(limit: int, what: str = "response body") -> ResponseTooLargeError:
    """The error for a body over `limit` bytes."""
    return ResponseTooLargeError(f"{what} is over the {limit:,}-byte cap")


def refuse_binary(data: bytes) -> None:
    """Raise UnsupportedContentTypeError when `data` is a PDF, an image or other binary."""
    kind = sniff_binary(data)
    if kind:
        raise UnsupportedContentTypeError(f"body is binary ({kind}), not HTML, XML or text")


class CappedDecoder:
    """Incremental Content-Encoding decoder (identity, gzip, deflate) capped at `limit` bytes."""

    def __init__(self, encoding: str, limit: int) -> None:
        encoding = encoding.strip().lower() or "identity"
        if encoding not in ("identity", "gzip", "x-gzip", "deflate"):
            raise UnsupportedContentTypeError(f"unsupported Content-Encoding {encoding!r}")
        self.limit = limit
        self.size = 0
        self._encoding = encoding
        self._first = True
        self._obj = None if encoding == "identity" else self._new(encoding)

    @staticmethod
    def _new(encoding: str) -> zlib._Decompress:
        return zlib.decompressobj(wbits=zlib.MAX_WBITS | (32 if "gzip" in encoding else 0))

    def _count(self, piece: bytes) -> bytes:
        self.size += len(piece)
        if self.size > self.limit:
            raise too_large(self.limit, "decompressed body")
        return piece

    def feed(self, data: bytes) -> bytes:
        """Decode the next chunk; raises ResponseTooLargeError past the cap."""
        if self._obj is None:
            return self._count(data)
        out = bytearray()
        buf = data
        while buf:
            try:
                piece = self._obj.decompress(buf, self.limit - self.size + 1)
            except zlib.error as exc:
                if self._first and self._encoding == "deflate":
                    self._obj = zlib.decompressobj(wbits=-zlib.MAX_WBITS)  # raw deflate
                    self._first = False
                    continue
                raise FetchError(f"corrupt {self._encoding} body: {exc}") from exc
            self._first = False
            out += self._count(piece)
            if self._obj.eof:
                rest = self._obj.unused_data
                if not rest or "gzip" not in self._encoding:
                    break
                self._obj = self._new(self._encoding)  # next gzip member
                buf = rest
            else:
                buf = self._obj.unconsumed_tail
        return bytes(out)

    @property
    def complete(self) -> bool:
        """Whether the compressed stream ended properly (always true for identity)."""
        return self._obj is None or self._obj.eof

    def flush(self) -> bytes:
        """Whatever the decoder still holds."""
        if self._obj is None:
            return b""
        return self._count(self._obj.flush())


def gunzip_capped(data: bytes, limit: int) -> bytes:
    """Decompress gzip `data` (a sitemap.xml.gz, a local .gz file), refusing output over `limit`
    bytes (gzip bombs) and streams that end early."""
    decoder = CappedDecoder("gzip", limit)
    out = decoder.feed(data) + decoder.flush()
    if not decoder.complete:
        raise FetchError("truncated gzip data: the stream ends early")
    return out
