"""Deterministic 63-bit ids, so any worker can compute a row's key and re-ingest keeps it."""

from __future__ import annotations

import hashlib


def stable_id(*parts: object) -> int:
    """A positive BIGINT derived from `parts` (collision odds ~1e-19 per pair)."""
    digest = hashlib.blake2b("\x1f".join(map(str, parts)).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> 1


def content_hash(text: str) -> str:
    """Hash of the article text, insensitive to case and runs of whitespace."""
    folded = " ".join(text.split()).casefold()
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


def bytes_hash(data: bytes) -> str:
    """Hash of an input's raw bytes, used to skip unchanged inputs."""
    return hashlib.sha256(data).hexdigest()
