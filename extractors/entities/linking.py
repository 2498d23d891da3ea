"""Linking across articles: a surname-only person key → the one known full name with that surname.

Keys from `extractors.entities` are already deterministic, so the same full name gets the same key
in every article. What remains is the article that only says "Takaichi": its key is
`PERSON:takaichi`. The warehouse writer calls `link_across_articles` with the entities of a batch
and the full-name persons already stored, and rewrites the keys it returns. The rule is
conservative: a surname maps only when exactly one known person's full name ends with it (or,
when none ends with it, exactly one begins with it, as in "Xi" → "Xi Jinping").

Two full names are merged only when they spell one name differently (`spelling_variants`): the
same first name and the same surname up to a transliteration ("Zelensky", "Zelenskyy",
"Zelenskiy"), with middle initials and particles ignored ("Donald J. Trump"; "el-" / "al-"). The
canonical key of such a set is the one already stored, else the one with the most mentions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from difflib import SequenceMatcher

from extractors.entities.names import NAME_PARTICLES, is_full_name
from newsflow.core.keys import PERSON_PREFIX, key_name
from newsflow.core.records import LocalEntity

SURNAME_SIMILARITY = 0.85  # "zelensky" ~ "zelenskyy" 0.94, "smith" ~ "smyth" 0.80 (kept apart)


def link_across_articles(
    entities: Iterable[LocalEntity],
    known: Mapping[str, set[str]],
    weight: Mapping[str, float] | None = None,
) -> dict[str, str]:
    """Map surname-only PERSON keys to the single full-name PERSON key they abbreviate, and full-name
    keys that spell another one differently to the canonical one.

    `entities`: the entities of the articles being written (their full-name persons count as known
    too). `known`: full-name PERSON keys already in the warehouse → their aliases (surface forms;
    may be empty). `weight`: how often each batch key is mentioned (picks the canonical spelling).
    A surname is mapped only when exactly one person matches; keys not in the result stay as they are.
    """
    entities = list(entities)
    full = _full_names(known.keys(), (e.key for e in entities))
    rank = {k: (k in known, (weight or {}).get(k, 0.0)) for k in full}
    links = spelling_variants(full, rank)
    index = _NameIndex(full, known)
    for entity in entities:
        if not entity.key.startswith(PERSON_PREFIX) or _is_full(entity.key):
            continue
        people = {links.get(k, k) for k in index.holders(key_name(entity.key))}
        if len(people) == 1:  # spellings of one name count as one person
            links[entity.key] = people.pop()
    return links


def spelling_variants(full: Iterable[str], rank: Mapping[str, tuple[bool, float]]) -> dict[str, str]:
    """Full-name PERSON keys that are spellings of one name → the best-ranked key of their set."""
    keys = sorted(set(full))
    parent = {k: k for k in keys}

    def root(k: str) -> str:
        while parent[k] != k:
            k = parent[k]
        return k

    cores = {k: _core(key_name(k)) for k in keys}
    by_first: dict[str, list[str]] = {}
    for k in keys:
        by_first.setdefault(cores[k][0], []).append(k)
    for group in by_first.values():
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                if _same_name(cores[a], cores[b]):
                    parent[root(b)] = root(a)
    sets: dict[str, list[str]] = {}
    for k in keys:
        sets.setdefault(root(k), []).append(k)
    links: dict[str, str] = {}
    for members in sets.values():
        if len(members) > 1:
            best = max(members, key=lambda k: (*rank.get(k, (False, 0.0)), -len(cores[k]), k))
            links.update({k: best for k in members if k != best})
    return links


def _core(name: str) -> list[str]:
    """A full name's first name, further given names and surname, without initials or particles."""
    words = name.split()
    inner = [w for w in words[1:-1] if len(w) > 1 and w not in NAME_PARTICLES]
    return [words[0], *inner, words[-1]]


def _same_name(a: list[str], b: list[str]) -> bool:
    """The same name spelt two ways: equal words but the surname, which may differ in spelling."""
    if len(a) != len(b) or a[:-1] != b[:-1]:
        return False
    x, y = a[-1], b[-1]
    if x == y:
        return True
    return (
        min(len(x), len(y)) >= 5
        and x[:3] == y[:3]
        and SequenceMatcher(None, x, y).ratio() >= SURNAME_SIMILARITY
    )


def _full_names(*key_lists: Iterable[str]) -> list[str]:
    """The distinct multi-word PERSON keys among the given keys, sorted for determinism."""
    keys = {k for keys in key_lists for k in keys if k.startswith(PERSON_PREFIX) and _is_full(k)}
    return sorted(keys)


def _is_full(key: str) -> bool:
    """A person key with two or more words besides particles is a full name ("von der leyen" is not)."""
    return is_full_name(key_name(key))


class _NameIndex:
    """Full-name keys by the word runs they end with and begin with, and by their aliases: a short
    name's candidates are one look-up, not a scan of every known name."""

    def __init__(self, full: Iterable[str], known: Mapping[str, set[str]]) -> None:
        self.ends: dict[tuple[str, ...], list[str]] = {}
        self.begins: dict[tuple[str, ...], list[str]] = {}
        self.aliases: dict[str, list[str]] = {}
        for key in full:
            words = key_name(key).split()
            for n in range(1, len(words) + 1):
                self.ends.setdefault(tuple(words[-n:]), []).append(key)
                self.begins.setdefault(tuple(words[:n]), []).append(key)
            for alias in {a.casefold() for a in known.get(key, ())}:
                self.aliases.setdefault(alias, []).append(key)

    def holders(self, name: str) -> list[str]:
        """The full names that end with `name`; else those that begin with it; else those that have it
        as an alias."""
        words = tuple(name.split())
        return self.ends.get(words) or self.begins.get(words) or self.aliases.get(name, [])
