"""Speaker resolution: a source span → an entity key, by mention overlap, pronoun salience,
title/description matching; anonymous sources ("officials") are recognised but not linked."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from extractors.cues import (
    ANONYMOUS_NOUNS,
    DEMONYMS,
    FEMALE_HINTS,
    LEADER_TITLES,
    PERSON_PRONOUNS,
    TITLE_WORDS,
)
from newsflow.records import LocalEntity, Mention

Span = tuple[int, int]
CONTEXT_CHARS = 60
ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a source span refers to: entity key (if any) and the kind of reference."""

    entity_key: str | None
    kind: str  # entity, pronoun, description, anonymous, none


@dataclass(slots=True)
class PersonInfo:
    """What the text tells about one PERSON entity: gender hint, titles and countries nearby."""

    key: str
    last_pos: int
    female: bool = False
    male: bool = False
    words: frozenset[str] = frozenset()


class SpeakerResolver:
    """Resolves source spans of one article, using its mentions in text order."""

    def __init__(self, doc: Doc, entities: list[LocalEntity], mentions: list[Mention]) -> None:
        self.doc = doc
        self.text = doc.text
        self.types = {e.key: e.type for e in entities}
        self.mentions = sorted(
            (m for m in mentions if 0 <= m.start < m.end <= len(doc.text)), key=lambda m: m.start
        )
        self.persons = self._person_infos()

    def _is_person(self, m: Mention) -> bool:
        return self.types.get(m.entity_key, m.label) == "PERSON" or m.label == "PERSON"

    def _person_infos(self) -> dict[str, PersonInfo]:
        """Per person: evidence words (titles, countries, gender) gathered from every mention."""
        infos: dict[str, PersonInfo] = {}
        for m in self.mentions:
            if not self._is_person(m):
                continue
            info = infos.setdefault(m.entity_key, PersonInfo(m.entity_key, m.start))
            before = self.text[max(0, m.start - CONTEXT_CHARS) : m.start]
            after = self.text[m.end : m.end + 25]
            words = _words(before) | _words(after.split(".")[0])
            info.words = info.words | words | _words(m.text)
            first = m.text.split()[0].lower() if m.text.split() else ""
            tail = _words(before)
            if first in FEMALE_HINTS or tail & {"mrs", "ms", "madam", "woman"}:
                info.female = True
            if tail & {"mr", "sir"}:
                info.male = True
        self._gender_from_pronouns(infos)
        return infos

    def _gender_from_pronouns(self, infos: dict[str, PersonInfo]) -> None:
        """A she/her soon after a person's mention, with no other person between: female."""
        people = [m for m in self.mentions if self._is_person(m)]
        for i, m in enumerate(people):
            nxt = people[i + 1].start if i + 1 < len(people) else len(self.text)
            window = self.text[m.end : min(nxt, m.end + 200)].lower()
            ws = _words(window)
            if ws & {"she", "her", "herself"} and not ws & {"he", "his", "him"}:
                infos[m.entity_key].female = True
            elif ws & {"he", "his", "him", "himself"} and not ws & {"she", "her"}:
                infos[m.entity_key].male = True

    def resolve(self, source: Span | None, head_text: str | None, cue_pos: int) -> Speaker:
        """Resolve one source span (with its head word) mentioned before offset `cue_pos`."""
        if source is None:
            return Speaker(None, "none")
        inside = [m for m in self.mentions if source[0] <= m.start and m.end <= source[1]]
        head = (head_text or "").lower()
        if head in PERSON_PRONOUNS:
            return Speaker(self._pronoun(head, source[0]), "pronoun")
        named = [m for m in inside if m.label in ENTITY_LABELS]
        persons = [m for m in named if self._is_person(m)]
        if persons:
            return Speaker(persons[0].entity_key, "entity")
        if named and head in _words(" ".join(m.text for m in named)):
            return Speaker(named[0].entity_key, "entity")
        words = _words(self.text[source[0] : source[1]])
        if words & TITLE_WORDS:
            key = self._description(words, source[0])
            if key is not None:
                return Speaker(key, "description")
        if named:
            return Speaker(named[0].entity_key, "entity")
        if _lemma(head) in ANONYMOUS_NOUNS:
            return Speaker(None, "anonymous")
        return Speaker(None, "description")

    def _recent_persons(self, before: int) -> list[str]:
        """Person keys mentioned before an offset, most recent first, each once."""
        seen: list[str] = []
        for m in reversed(self.mentions):
            if m.start < before and self._is_person(m) and m.entity_key not in seen:
                seen.append(m.entity_key)
        return seen

    def _pronoun(self, pronoun: str, pos: int) -> str | None:
        """Most recent person compatible with the pronoun's gender."""
        gender = PERSON_PRONOUNS[pronoun]
        if gender not in {"m", "f"}:
            return None
        for key in self._recent_persons(pos):
            info = self.persons[key]
            if gender == "f" and info.female and not info.male:
                return key
            if gender == "m" and not info.female:
                return key
        return None

    def _description(self, words: set[str], pos: int) -> str | None:
        """Most recent person whose context shares the description's title and country."""
        titles = words & TITLE_WORDS
        countries = {DEMONYMS.get(w, w) for w in words if w in DEMONYMS}
        for key in self._recent_persons(pos):
            info = self.persons[key]
            known = info.words | {DEMONYMS.get(w, w) for w in info.words}
            title_ok = bool(titles & known) or (
                "leader" in titles and bool(known & LEADER_TITLES)
            )
            country_ok = not countries or bool(countries & known)
            if title_ok and country_ok:
                return key
        return None


def _words(text: str) -> set[str]:
    return {w.strip(".,;:'’\"“”()").lower().removesuffix("’s").removesuffix("'s") for w in text.split()}


def _lemma(word: str) -> str:
    """Crude singular of a noun ("officials" → "official")."""
    if word.endswith("people"):
        return "people"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word
