"""Speaker resolution: a source span → an entity key, by mention overlap, pronoun salience,
title/description matching; anonymous sources ("officials") are recognised but not linked.

Pronouns ("he said") go to the topic person: the latest compatible person named as a clause's
subject outside quotation marks ("Putin struck a tone toward Trump ... 'quote,' he said" is
Putin's), falling back to the latest compatible person. A relative "who" is the person its
clause modifies. A description ("the US president", "the EU commissioner", "NATO chief", "the new
prime minister") goes to the person holding that role in the article (`extractors.roles`), a
current holder before a former or late one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from extractors.claims.cues import (
    ANONYMOUS_NOUNS,
    DEMONYMS,
    FEMALE_HINTS,
    LEADER_TITLES,
    PERSON_PRONOUNS,
    TITLE_WORDS,
)
from extractors.entities.names import HEAD_TITLES
from extractors.spans import doc_text
from newsflow.core.records import EntityRole, LocalEntity, Mention

Span = tuple[int, int]
CONTEXT_CHARS = 60
APOS_S = "\u2019s"
PUNCT = ".,;:'\"()\u2018\u2019\u201c\u201d"
INSTITUTIONS = {
    "government",
    "ministry",
    "administration",
    "office",
    "embassy",
    "cabinet",
    "department",
}
# Institutions that speak for a country ("China's commerce ministry said", "its foreign office said"):
# a speaker entity of their own, named with the country's demonym and carrying its country code.
INSTITUTION_HEADS = {"ministry", "office", "embassy", "department", "cabinet", "agency"}
OWNER_PRONOUNS = {"its", "their", "country's", "country\u2019s", "nation's", "nation\u2019s"}
MAX_INSTITUTION_WORDS = 3  # "the foreign ministry", "the state security ministry"
GROUP_LABELS = {"ORG", "GPE", "NORP"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
RELATIVE_PRONOUNS = {"who", "whom"}
# A description naming only the head of an organisation or country ("NATO chief").
GENERIC_HEADS = {"chief", "head", "leader", "boss", "top"}
# Words before a title that make its holder a past one ("the late prime minister").
PAST_MARKERS = {"late", "former", "ex", "then", "previous", "outgoing"}
CURRENT_MARKERS = {"new", "current", "incoming", "sitting", "newly"}
TOPIC_LOOKBACK_CHARS = 1500
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

    def __init__(
        self,
        doc: Doc,
        entities: list[LocalEntity],
        mentions: list[Mention],
        roles: Sequence[EntityRole] = (),
    ) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.roles = list(roles)
        self.quoted = _quoted_spans(self.text)
        self.types = {e.key: e.type for e in entities}
        self.mentions = sorted(
            (m for m in mentions if 0 <= m.start < m.end <= len(doc_text(doc))),
            key=lambda m: m.start,
        )
        self.by_name = self._person_names()
        self.persons = self._person_infos()
        self.subjects = {m.start for m in self.mentions if self._is_subject(m)}
        self.countries = {e.key: e for e in entities if e.type == "COUNTRY" and e.country_code}
        self.institutions: dict[str, LocalEntity] = {}  # created for speakers, by key
        self.institution_mentions: dict[Span, Mention] = {}

    def _is_subject(self, m: Mention) -> bool:
        """The mention names the subject of a clause ("Putin, speaking ..., called")."""
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        return span is not None and span.root.dep_ in SUBJECT_DEPS

    def _in_quote(self, pos: int) -> bool:
        """The offset lies inside quotation marks."""
        return any(a <= pos < b for a, b in self.quoted)

    def _person_names(self) -> dict[str, str]:
        """Full names and surnames of PERSON mentions → the key of the longest such name."""
        names: dict[str, tuple[int, str]] = {}
        for m in self.mentions:
            if self.types.get(m.entity_key, m.label) != "PERSON" and m.label != "PERSON":
                continue
            words = _name_words(m.text)
            for form in {" ".join(words), words[-1] if words else ""} - {""}:
                if form not in names or names[form][0] < len(words):
                    names[form] = (len(words), m.entity_key)
        return {k: v[1] for k, v in names.items()}

    def person_key(self, m: Mention) -> str | None:
        """The PERSON key a mention refers to (also an ORG-tagged 'Takaichi' whose name matches)."""
        words = _name_words(m.text)
        key = self.by_name.get(" ".join(words)) or (self.by_name.get(words[-1]) if words else None)
        if key is not None:
            return key
        if self.types.get(m.entity_key, m.label) == "PERSON" or m.label == "PERSON":
            return m.entity_key
        return None

    def _is_person(self, m: Mention) -> bool:
        return self.person_key(m) is not None

    def _person_infos(self) -> dict[str, PersonInfo]:
        """Per person: evidence words (titles, countries, gender) gathered from every mention."""
        infos: dict[str, PersonInfo] = {}
        prev_end = 0
        for m in self.mentions:
            if not self._is_person(m):
                continue
            key = self.person_key(m) or m.entity_key
            info = infos.setdefault(key, PersonInfo(key, m.start))
            before = _clause_tail(self.text[max(prev_end, m.start - CONTEXT_CHARS) : m.start])
            prev_end = m.end
            words = _words(before) | _words(_appositive(self.text, m.end))
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
        """Vote he vs she pronouns after each mention of a person, up to the next person."""
        people = [m for m in self.mentions if self._is_person(m)]
        votes: dict[str, int] = {}
        for i, m in enumerate(people):
            nxt = people[i + 1].start if i + 1 < len(people) else len(self.text)
            ws = self.text[m.end : min(nxt, m.end + 150)].lower().split()
            key = self.person_key(m) or m.entity_key
            fem = sum(w.strip(".,;:") in {"she", "herself"} for w in ws)
            mas = sum(w.strip(".,;:") in {"he", "his", "him", "himself"} for w in ws)
            votes[key] = votes.get(key, 0) + fem - mas
        for key, vote in votes.items():
            if vote > 0:
                infos[key].female = True
            elif vote < 0:
                infos[key].male = True

    def resolve(self, source: Span | None, head_text: str | None) -> Speaker:
        """Resolve one source span (with its head word); pronouns look back from its start."""
        if source is None:
            return Speaker(None, "none")
        inside = [m for m in self.mentions if source[0] <= m.start and m.end <= source[1]]
        head = (head_text or "").lower()
        if head in PERSON_PRONOUNS:
            return Speaker(self._pronoun(head, source[0]), "pronoun")
        if head in RELATIVE_PRONOUNS:
            return Speaker(self._relative(source), "pronoun")
        named = [m for m in inside if m.label in ENTITY_LABELS]
        at_head = [m for m in named if head and head in _words(m.text)]
        for m in at_head:
            key = self.person_key(m)
            if key is not None:
                return Speaker(key, "entity")
        if at_head:
            return Speaker(at_head[0].entity_key, "entity")
        if head in self.by_name:
            return Speaker(self.by_name[head], "entity")
        for m in named:
            key = self.person_key(m)
            if key is not None:
                return Speaker(key, "entity")
        if _lemma(head) in INSTITUTION_HEADS:
            key = self._institution(source, inside)
            if key is not None:
                return Speaker(key, "entity")
        if named and _lemma(head) in INSTITUTIONS:
            return Speaker(named[0].entity_key, "entity")
        words = _words(self.text[source[0] : source[1]])
        if words & (TITLE_WORDS | HEAD_TITLES | GENERIC_HEADS):
            key = self._role_holder(words, source[0]) or self._description(words, source[0])
            if key is not None:
                return Speaker(key, "description")
        if _lemma(head) in ANONYMOUS_NOUNS:
            return Speaker(None, "anonymous")
        return Speaker(None, "description")

    def _institution(self, source: Span, inside: list[Mention]) -> str | None:
        """A country's institution as a speaker entity: "China's commerce ministry", "the Chinese
        commerce ministry", "its commerce ministry" (its, "the country's" = the latest country
        named before) all become one ORG entity "Chinese Commerce Ministry" with the country's
        code; "the ministry" alone is the latest such institution with that head word. None when
        no country owns it."""
        text = self.text[source[0] : source[1]]
        words = text.removeprefix("the ").removeprefix("The ").split()
        head = _lemma(words[-1].lower()) if words else ""
        owners = [m for m in inside if m.entity_key in self.countries]
        country: LocalEntity | None
        if owners:
            country = self.countries[owners[-1].entity_key]
            rest = self.text[owners[-1].end : source[1]].split()
            if rest and rest[0].lower() in {APOS_S, "'s"}:
                rest = rest[1:]
        elif words and words[0].lower() in OWNER_PRONOUNS:
            country = self._recent_country(source[0])
            rest = words[1:]
        else:
            if len(words) == 1:  # "the ministry": the one named before
                same = [e for e in self.institutions.values() if e.name.lower().endswith(words[0].lower())]
                return same[-1].key if same else None
            return None
        if country is None or not rest or len(rest) > MAX_INSTITUTION_WORDS:
            return None
        if not all(w.isalpha() for w in rest) or _lemma(rest[-1].lower()) != head:
            return None
        name = f"{_demonym(country)} {' '.join(w[0].upper() + w[1:] for w in rest)}"
        key = f"ORG:{name.lower()}"
        self.institutions.setdefault(key, LocalEntity(key, name, "ORG", country.country_code))
        self.institution_mentions.setdefault(source, Mention(key, source[0], source[1], text, "ORG"))
        return key

    def _recent_country(self, pos: int) -> LocalEntity | None:
        """The country named last before pos."""
        for m in reversed(self.mentions):
            if m.start < pos and m.entity_key in self.countries:
                return self.countries[m.entity_key]
        return None

    def _recent_persons(self, before: int) -> list[str]:
        """Person keys mentioned before an offset, most recent first, each once."""
        seen: list[str] = []
        for m in reversed(self.mentions):
            key = self.person_key(m)
            if m.start < before and key is not None and key not in seen:
                seen.append(key)
        return seen

    def _pronoun(self, pronoun: str, pos: int) -> str | None:
        """Most recent person compatible with the pronoun's gender."""
        gender = PERSON_PRONOUNS[pronoun]
        if gender in {"n", "p"}:
            return self._recent_group(pos)
        if gender not in {"m", "f"}:
            return None
        topic = self._topic_person(gender, pos)
        if topic is not None:
            return topic
        for key in self._recent_persons(pos):
            info = self.persons[key]
            if gender == "f" and info.female and not info.male:
                return key
            if gender == "m" and not info.female:
                return key
        return None

    def _compatible(self, key: str, gender: str) -> bool:
        """A person a pronoun of that gender can refer to."""
        info = self.persons.get(key)
        if info is None:
            return False
        return (info.female and not info.male) if gender == "f" else not info.female

    def _topic_person(self, gender: str, pos: int) -> str | None:
        """The latest compatible person named as a subject before pos, outside quotation marks."""
        for m in reversed(self.mentions):
            if m.start >= pos:
                continue
            if m.start < pos - TOPIC_LOOKBACK_CHARS:
                return None
            key = self.person_key(m)
            if m.start not in self.subjects or key is None or self._in_quote(m.start):
                continue
            if self._compatible(key, gender):
                return key
        return None

    def _relative(self, source: Span) -> str | None:
        """ "who" in "Zelensky, who plans to ...": the entity its relative clause modifies."""
        span = self.doc.char_span(source[0], source[1], alignment_mode="expand")
        if span is None or span.root.head.dep_ != "relcl":
            return None
        noun = span.root.head.head
        for m in self.mentions:
            if m.start <= noun.idx < m.end:
                return self.person_key(m) or m.entity_key
        return None

    def _role_holder(self, words: set[str], pos: int) -> str | None:
        """The person holding the described role in the article: its title words (or a generic
        "chief" of a named owner) and its owner ("US", "EU") must match; a current holder first,
        then the one mentioned last before pos."""
        bare = {w.replace(".", "") for w in words}
        titles = words & (TITLE_WORDS | HEAD_TITLES)
        owners = self._owner_keys(words | bare)
        owners |= {f"ORG:{w}" for w in bare if f"ORG:{w}" in self.types}
        elsewhere = {r.entity_key for r in self.roles if r.of_entity_key and r.of_entity_key not in owners}
        holders: list[tuple[bool, str]] = []
        # tiers: the title with its owner; a leader's title of the stated owner ("the Ukrainian
        # president" for the person the article calls Ukraine's "leader"); then "President" with
        # no owner stated, only as a fallback, and only when the title itself matches
        for tier in ("exact", "leader", "unowned"):
            for role in self.roles:
                role_words = set(role.role.lower().split())
                if tier == "unowned":
                    title_ok = bool(titles & role_words)
                    owner_ok = role.of_entity_key is None and role.entity_key not in elsewhere
                elif tier == "leader":
                    leader = LEADER_TITLES | GENERIC_HEADS
                    title_ok = bool(owners) and bool(titles & leader) and bool(role_words & leader)
                    owner_ok = role.of_entity_key in owners
                else:
                    title_ok = bool(titles & role_words) or (bool(owners) and bool(words & GENERIC_HEADS))
                    owner_ok = not owners or role.of_entity_key in owners
                if title_ok and owner_ok:
                    holders.append((self._past_holder(role), role.entity_key))
            if holders:
                break
        if not holders:
            return None
        if words & CURRENT_MARKERS or not words & PAST_MARKERS:
            current = [k for past, k in holders if not past]
            holders = [(False, k) for k in current] or holders
        keys = {k for _, k in holders}
        recent = [k for k in self._recent_persons(pos) if k in keys]
        return recent[0] if recent else holders[0][1]

    def _owner_keys(self, words: set[str]) -> set[str]:
        """The article's country keys a description's demonyms or country words name ("Ukrainian"
        → the COUNTRY entity of Ukraine, "U.S." → the United States)."""
        keys: set[str] = set()
        for w in words:
            form = DEMONYMS.get(w)
            if form is None:
                continue
            keys.add(f"COUNTRY:{form.upper()}")
            for key, country in self.countries.items():
                name = country.name.lower()
                if form in {name, (country.country_code or "").lower()} or name.endswith(" " + form):
                    keys.add(key)
        return keys

    def _past_holder(self, role: EntityRole) -> bool:
        """The role is stated as a past one ("the late prime minister", "Former President")."""
        before = _words(self.text[max(0, role.start - 12) : role.start])
        return bool(before & PAST_MARKERS) or role.role.lower().startswith(tuple(PAST_MARKERS))

    def _recent_group(self, pos: int) -> str | None:
        """ "it"/"they": the most recent organisation, country or group mentioned before pos."""
        for m in reversed(self.mentions):
            if m.start < pos and m.label in GROUP_LABELS and self.person_key(m) is None:
                return m.entity_key
        return None

    def _description(self, words: set[str], pos: int) -> str | None:
        """Most recent person whose context shares the description's title and country."""
        titles = words & TITLE_WORDS
        countries = {DEMONYMS.get(w, w) for w in words if w in DEMONYMS}
        for key in self._recent_persons(pos):
            info = self.persons[key]
            known = info.words | {DEMONYMS.get(w, w) for w in info.words}
            title_ok = bool(titles & known) or ("leader" in titles and bool(known & LEADER_TITLES))
            country_ok = not countries or bool(countries & known)
            if title_ok and country_ok:
                return key
        return None


_OPEN = {"\u201c": "\u201d", '"': '"', "'": "'", "\u2018": "\u2019"}


def _quoted_spans(text: str) -> list[Span]:
    """Character spans inside quotation marks; a single quote opens only before a word and after a
    non-word character (so "Trump's" holds no quote)."""
    spans: list[Span] = []
    for m in re.finditer(r"(?<![\w])([\u201c\"\u2018'])(?=\w)", text):
        close = _OPEN[m.group(1)]
        end = text.find(close, m.end())
        while end > 0 and close in "'\u2019" and end + 1 < len(text) and text[end + 1].isalnum():
            end = text.find(close, end + 1)  # an apostrophe inside the quote
        if end > 0 and "\n" not in text[m.end() : end]:
            spans.append((m.start(), end + 1))
    return spans


def _words(text: str) -> set[str]:
    return {w.strip(PUNCT).lower().removesuffix(APOS_S).removesuffix("'s") for w in text.split()}


def _clause_tail(text: str) -> str:
    """The words before a name back to the last sentence or clause break ("Japan's new PM")."""
    cut = max(text.rfind(p) for p in (". ", ", ", "; ", "\n", " and ", " while "))
    return text[cut + 1 :] if cut >= 0 else text


def _appositive(text: str, end: int) -> str:
    """ ", the country's first woman to hold the post," right after a name, else ''."""
    if not text.startswith(", ", end):
        return ""
    tail = text[end + 2 : end + 80]
    stop = min((i for i in (tail.find(","), tail.find("."), tail.find("\n")) if i >= 0), default=0)
    return tail[:stop]


def _name_words(name: str) -> list[str]:
    """Lower-cased words of a name without a possessive ending."""
    return [w.lower() for w in name.removesuffix(APOS_S).removesuffix("'s").split()]


_DEMONYM_OF: dict[str, str] = {}
for _word, _country in DEMONYMS.items():
    if _word not in {_country, "u.s.", "america", "united", "britain"}:
        _DEMONYM_OF.setdefault(_country, _word)


def _demonym(country: LocalEntity) -> str:
    """ "Chinese" for China, "American" for the US; the country's name when none is known."""
    for form in (country.name.lower(), (country.country_code or "").lower()):
        if form in _DEMONYM_OF:
            return _DEMONYM_OF[form].title()
    return country.name


def _lemma(word: str) -> str:
    """Crude singular of a noun ("officials" → "official")."""
    if word.endswith("people"):
        return "people"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word
