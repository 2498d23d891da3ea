"""The entity-key format shared by the extractors (who make keys) and the warehouse (who links them).

A key is `<TYPE>:<name>`, e.g. "PERSON:donald trump", "ORG:nhk", "COUNTRY:US". The writer links a
batch's surname-only person keys to stored full names through a `Linker` it is given, so the
warehouse never imports the extractors.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from newsflow.core.records import LocalEntity

__all__ = ["PERSON_PREFIX", "Linker", "key_name"]

PERSON_PREFIX = "PERSON:"

Linker = Callable[[Sequence[LocalEntity], Mapping[str, set[str]], Mapping[str, float]], dict[str, str]]
"""(batch entities, stored PERSON keys that may be the same people → aliases, mentions per batch key)
→ {person key: its canonical key} (a surname to its full name, a spelling to the canonical one)."""


def key_name(key: str) -> str:
    """The name part of a key: "PERSON:donald trump" → "donald trump"."""
    return key.split(":", 1)[1]
