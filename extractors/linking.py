"""Linking across articles: a surname-only person key → the one known full name with that surname.

Keys from `extractors.entities` are already deterministic, so the same full name gets the same key
in every article. What remains is the article that only says "Takaichi": its key is
`PERSON:takaichi`. The warehouse writer calls `link_across_articles` with the entities of a batch
and the full-name persons already stored, and rewrites the keys it returns. The rule is
conservative: a surname maps only when exactly one known full name ends with it (or, when none
ends with it, exactly one begins with it, as in "Xi" → "Xi Jinping"); two full names are never
merged.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from extractors.names import key_name
from newsflow.records import LocalEntity

PERSON_PREFIX = "PERSON:"


def link_across_articles(entities: Iterable[LocalEntity], known: Mapping[str, set[str]]) -> dict[str, str]:
    """Map surname-only PERSON keys to the single known full-name PERSON key they abbreviate.

    `entities`: the entities of the articles being written (their full-name persons count as known
    too). `known`: full-name PERSON keys already in the warehouse → their aliases (surface forms;
    may be empty). A key is mapped only when exactly one full name matches; keys not in the result
    stay as they are.
    """
    entities = list(entities)
    full = _full_names(known.keys(), (e.key for e in entities))
    aliases = {key: {a.casefold() for a in values} for key, values in known.items()}
    links: dict[str, str] = {}
    for entity in entities:
        if not entity.key.startswith(PERSON_PREFIX) or _is_full(entity.key):
            continue
        target = _single_match(key_name(entity.key), full, aliases)
        if target is not None:
            links[entity.key] = target
    return links


def _full_names(*key_lists: Iterable[str]) -> list[str]:
    """The distinct multi-word PERSON keys among the given keys, sorted for determinism."""
    keys = {k for keys in key_lists for k in keys if k.startswith(PERSON_PREFIX) and _is_full(k)}
    return sorted(keys)


def _is_full(key: str) -> bool:
    """A person key with more than one word is a full name."""
    return len(key_name(key).split()) > 1


def _single_match(surname: str, full: list[str], aliases: Mapping[str, set[str]]) -> str | None:
    """The only full-name key ending with the surname (else the only one beginning with it)."""
    words = surname.split()
    n = len(words)
    ending = [k for k in full if key_name(k).split()[-n:] == words]
    if not ending:
        ending = [k for k in full if key_name(k).split()[:n] == words]
    if not ending:
        ending = [k for k in full if surname in aliases.get(k, set())]
    return ending[0] if len(ending) == 1 else None
