"""Content-addressed raw archive: gzip files `ab/cdef….gz` named by the sha256 of the bytes,
with a JSON sidecar of fetch metadata so `reprocess` can re-clean without the network.
"""

from __future__ import annotations

import gzip
import json
import os
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any

from newsflow.core.ids import bytes_hash
from newsflow.core.records import RawDocument

_META_FIELDS = (
    "media_type",
    "encoding",
    "url",
    "title",
    "published_at",
    "fetched_at",
    "http_status",
    "etag",
    "last_modified",
)


class RawArchive:
    """Raw bytes on disk, keyed by their sha256 (the same hash as `RawDocument.raw_hash`)."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)

    def path(self, digest: str) -> Path:
        """Where the bytes with hash `digest` live."""
        if len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
            raise ValueError(f"not a sha256 hex digest: {digest!r}")
        return self.root / digest[:2] / f"{digest[2:]}.gz"

    def has(self, digest: str) -> bool:
        """Whether the archive holds `digest`."""
        return self.path(digest).exists()

    def put(self, data: bytes) -> str:
        """Store `data` (once; idempotent) and return its sha256."""
        digest = bytes_hash(data)
        target = self.path(digest)
        if not target.exists():
            _atomic_write(target, gzip.compress(data, compresslevel=6, mtime=0))
        return digest

    def get(self, digest: str) -> bytes:
        """The bytes stored under `digest`; raises FileNotFoundError when absent."""
        data = gzip.decompress(self.path(digest).read_bytes())
        if bytes_hash(data) != digest:
            raise ValueError(f"archive entry {digest} is corrupt")
        return data

    def put_document(self, doc: RawDocument) -> str:
        """Store a document's bytes and its fetch metadata (sidecar `….json`); returns the hash."""
        digest = self.put(doc.data)
        meta: dict[str, Any] = {}
        for name in _META_FIELDS:
            value = getattr(doc, name)
            meta[name] = value.isoformat() if isinstance(value, datetime) else value
        sidecar = self.path(digest).with_suffix(".json")
        _atomic_write(sidecar, json.dumps(meta, sort_keys=True).encode("utf-8"))
        return digest

    def get_document(self, digest: str, source: str, locator: str, external_id: str) -> RawDocument:
        """Rebuild the RawDocument stored under `digest` (metadata from the sidecar, if any)."""
        data = self.get(digest)
        sidecar = self.path(digest).with_suffix(".json")
        meta: dict[str, Any] = json.loads(sidecar.read_text("utf-8")) if sidecar.exists() else {}
        for name in ("published_at", "fetched_at"):
            if meta.get(name):
                meta[name] = datetime.fromisoformat(meta[name])
        meta.setdefault("media_type", "html")
        return RawDocument(source=source, locator=locator, external_id=external_id, data=data, **meta)


def _atomic_write(target: Path, payload: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
