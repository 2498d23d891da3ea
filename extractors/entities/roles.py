"""Roles: titles stated next to a person ("Japan's new Prime Minister Sanae Takaichi",
"Pete Hegseth, the U.S. defence secretary,") → EntityRole with the country or organisation."""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Doc

from extractors.entities.names import (
    HEAD_TITLES,
    HONORIFICS,
    ROLE_MODIFIERS,
    TITLE_WORDS,
    normalise_role,
    word_key,
)
from extractors.spans import span_text
from newsflow.core.records import EntityRole, LocalEntity, Mention

_OWNER_TYPES = {"COUNTRY", "ORG", "GROUP", "PLACE"}
_POSSESSIVE = {"'s", "\u2019s", "'", "\u2019"}
_JOINERS = {"of", "-"}  # inside a title: "Secretary of State", "Secretary-General"


def find_roles(doc: Doc, mentions: list[Mention], entities: Mapping[str, LocalEntity]) -> list[EntityRole]:
    """Roles of the persons mentioned: a title right before the name or in apposition after it.

    A role's start/end are the offsets of the title words ("Prime Minister")."""
    spans = [doc.char_span(m.start, m.end, alignment_mode="expand") for m in mentions]
    owner = {
        i: m.entity_key
        for m, span in zip(mentions, spans, strict=True)
        if span is not None
        for i in range(span.start, span.end)
    }
    roles = []
    for mention, span in zip(mentions, spans, strict=True):
        entity = entities.get(mention.entity_key)
        if entity is None or entity.type != "PERSON" or span is None:
            continue
        role = _role_before(doc, span.start, owner, entities) or _role_after(doc, span.end, owner, entities)
        if role is not None:
            text, of_key, start, end = role
            of_key = of_key or _of_after(doc, span.end, owner, entities)
            roles.append(EntityRole(mention.entity_key, text, of_key, start, end))
    return roles


def _is_title(doc: Doc, i: int, owner: Mapping[int, str]) -> bool:
    """Token i is a title word not part of an entity mention."""
    key = word_key(doc[i].text)
    return i not in owner and "\n" not in doc[i].text and key in TITLE_WORDS


def _role_before(
    doc: Doc, end: int, owner: Mapping[int, str], entities: Mapping[str, LocalEntity]
) -> tuple[str, str | None, int, int] | None:
    """A title run ending right before token `end`, with the country/organisation before it."""
    i = end
    while i > 0 and word_key(doc[i - 1].text) in HONORIFICS:
        i -= 1
    start = i
    while start > 0 and (
        _is_title(doc, start - 1, owner)
        or (start > 1 and doc[start - 1].lower_ in _JOINERS and _is_title(doc, start - 2, owner))
    ):
        start -= 1
    return _role(doc, start, i, _owner_before(doc, start, owner, entities))


def _owner_before(
    doc: Doc, start: int, owner: Mapping[int, str], entities: Mapping[str, LocalEntity]
) -> tuple[str | None, bool]:
    """The country/organisation before a title ("Japan's new"), and whether "former" was seen."""
    j, former = start - 1, False
    while j >= 0 and (word_key(doc[j].text) in ROLE_MODIFIERS or doc[j].text in _POSSESSIVE):
        former = former or word_key(doc[j].text) in {"former", "ex"}
        j -= 1
    return _owner_key(j, owner, entities), former


def _role_after(
    doc: Doc, end: int, owner: Mapping[int, str], entities: Mapping[str, LocalEntity]
) -> tuple[str, str | None, int, int] | None:
    """A title in apposition: ", Japan's prime minister" / ", the president of France"."""
    if end >= len(doc) or doc[end].text != ",":
        return None
    i, of_key, former = end + 1, None, False
    while i < len(doc) and (
        i in owner or word_key(doc[i].text) in ROLE_MODIFIERS or doc[i].text in _POSSESSIVE
    ):
        of_key = _owner_key(i, owner, entities) or of_key
        former = former or word_key(doc[i].text) in {"former", "ex"}
        i += 1
    start = i
    while i < len(doc) and (
        _is_title(doc, i, owner)
        or (doc[i].lower_ in _JOINERS and i + 1 < len(doc) and _is_title(doc, i + 1, owner))
    ):
        i += 1
    if of_key is None and i + 1 < len(doc) and word_key(doc[i].text) == "of":
        j = i + 1 + (word_key(doc[i + 1].text) == "the")
        of_key = _owner_key(j, owner, entities)
    return _role(doc, start, i, (of_key, former))


def _of_after(
    doc: Doc, end: int, owner: Mapping[int, str], entities: Mapping[str, LocalEntity]
) -> str | None:
    """The country/organisation in "of <entity>" right after a name ("King Abdullah of Jordan")."""
    if end + 1 >= len(doc) or doc[end].lower_ != "of":
        return None
    j = end + 1 + (doc[end + 1].lower_ == "the")
    return _owner_key(j, owner, entities)


def _owner_key(i: int, owner: Mapping[int, str], entities: Mapping[str, LocalEntity]) -> str | None:
    """Key of the country/organisation entity at token i, if any."""
    key = owner.get(i) if i >= 0 else None
    entity = entities.get(key) if key else None
    return key if entity is not None and entity.type in _OWNER_TYPES else None


def _role(
    doc: Doc, start: int, end: int, of: tuple[str | None, bool]
) -> tuple[str, str | None, int, int] | None:
    """The role found in tokens [start, end), if they hold a head title word."""
    while start < end and doc[start].lower_ in _JOINERS:
        start += 1
    while end > start and doc[end - 1].lower_ in _JOINERS:
        end -= 1
    words = span_text(doc, start, end).split()  # "Secretary-General" stays one word
    if not any(word_key(w) in HEAD_TITLES for w in words):
        return None
    of_key, former = of
    text = normalise_role(words)
    if former:
        text = f"Former {text}"
    return text, of_key, doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
