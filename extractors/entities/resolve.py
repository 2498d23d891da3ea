"""Entity resolution within an article: spaCy mentions → canonical entities, mentions and roles.

Steps, all linear in the number of tokens (about 2.5 ms for the seed article, next to a ~75 ms
parse):
1. spans: NER spans trimmed of titles, determiners and possessives, cut at line breaks and
   headings, split at an inner possessive ("Trump's Asia" → "Trump", "Asia");
2. recovery: names spaCy missed after a title or a "<Country>'s" possessor ("China's Xi Jinping"),
   later bare occurrences of a person's first name or surname, country names it missed;
3. geography: countries, demonyms and capitals used as governments → COUNTRY, known places →
   PLACE with their country (see `extractors.entities.geo`);
4. names: mentions grouped by their normalised name, short forms ("Trump", "Takaichi", "Xi")
   joined to the one full person name they begin or end (the nearest preceding one when several
   share it), one type per group by votes of NER labels, titles and organisation cues;
5. roles: titles before or in apposition to a person (see `extractors.entities.roles`).

Types: PERSON, ORG, COUNTRY, PLACE, GROUP (a NORP that is no nationality: parties, religions),
EVENT, FACILITY, VESSEL ("USS George Washington"). Keys are `TYPE:normalised name`
(`PERSON:donald trump`, `PLACE:yokosuka`, `ORG:un`), with `COUNTRY:<ISO alpha-2>`; see
`extractors.entities.names.entity_key`. Two different full names are never merged; a short form that
only an other article can explain is linked by `extractors.entities.linking.link_across_articles`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from extractors.entities import geo
from extractors.entities.names import (
    HEAD_TITLES,
    HONORIFICS,
    KNOWN_ORG_KEYS,
    NAME_PARTICLES,
    NAME_TITLES,
    ORG_CONTEXT_NOUNS,
    ORG_KEY_ALIASES,
    SHIP_PREFIXES,
    TITLE_WORDS,
    entity_key,
    initials,
    is_full_name,
    looks_like_event,
    looks_like_org,
    name_norm,
    word_key,
)
from extractors.entities.roles import find_roles
from extractors.spans import span_text, token_flags, token_texts
from newsflow.core.records import CleanArticle, EntityRole, LocalEntity, Mention

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"}
_TYPE_OF_LABEL = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "FAC": "FACILITY",
    "EVENT": "EVENT",
    "VESSEL": "VESSEL",
    "GPE": "PLACE",
    "LOC": "PLACE",
    "NORP": "GROUP",
}
_GEO_LABELS = {"GPE", "LOC", "NORP"}
_NUMERIC_LABELS = {"CARDINAL", "ORDINAL", "QUANTITY"}  # NER may tag "U.S.-Japan" CARDINAL
_POSSESSIVE = {"'s", "\u2019s", "'", "\u2019"}
_DASHED = re.compile(r"[^-\u2010-\u2015]+")  # the parts of "U.S.-China" between dashes
_DETERMINERS = {"the", "a", "an"}
_NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
# Plural nouns a list of places is set in apposition to ("four regions—A, B and C").
_AREA_NOUNS = {
    "regions",
    "provinces",
    "cities",
    "towns",
    "villages",
    "states",
    "districts",
    "territories",
    "areas",
    "oblasts",
    "islands",
    "countries",
    "capitals",
    "ports",
}
_NOT_A_NAME = "-"  # a group's type when it names nothing (its mentions are dropped)
_PLACE_PREPS = {"in", "near", "outside", "across", "around"}
_PLACE_HEADS = {
    "base",
    "port",
    "city",
    "town",
    "airport",
    "harbour",
    "harbor",
    "village",
    "summit",
    "meeting",
    "talks",
    "visit",
    "trip",
    "stop",
    "region",
    "island",
}
# Verbs whose subject, when a capital, is still the city rather than its government.
# Base and inflected forms, so this works without the lemmatizer.
_PLACE_VERBS = {
    "be",
    "is",
    "was",
    "are",
    "were",
    "been",
    "lie",
    "lies",
    "lay",
    "sit",
    "sits",
    "sat",
    "host",
    "hosts",
    "hosted",
    "hosting",
    "remain",
    "remains",
    "remained",
    "become",
    "becomes",
    "became",
    "see",
    "sees",
    "saw",
    "record",
    "records",
    "recorded",
    "experience",
    "experienced",
    "suffer",
    "suffers",
    "suffered",
    "attract",
    "attracts",
    "attracted",
    "rank",
    "ranks",
    "ranked",
    "stay",
    "stays",
    "stayed",
    "get",
    "gets",
    "got",
    "have",
    "has",
    "had",
}
# "Ottawa was ready to ...": a capital described with these words acts as a government.
_STANCE_WORDS = {
    "ready",
    "willing",
    "unwilling",
    "prepared",
    "open",
    "determined",
    "keen",
    "eager",
    "reluctant",
    "committed",
    "confident",
    "concerned",
    "satisfied",
    "unhappy",
    "firm",
    "opposed",
    "adamant",
    "wary",
    "cautious",
    "responsible",
}
# Nouns a capital is the possessor or partner of when it stands for its government.
_GOVERNMENT_NOUNS = {
    "move",
    "decision",
    "policy",
    "policies",
    "government",
    "stance",
    "position",
    "plan",
    "proposal",
    "demand",
    "demands",
    "response",
    "approach",
    "ally",
    "allies",
    "relationship",
    "relations",
    "request",
    "offer",
    "refusal",
    "concern",
    "concerns",
    "pressure",
    "sanctions",
    "effort",
    "efforts",
    "strategy",
    "support",
    "objection",
    "objections",
    "ties",
    "talks",
    "officials",
    "diplomats",
    "envoy",
    "military",
    "claims",
    "leadership",
    "view",
    "role",
    "influence",
    "intentions",
    "cooperation",
    "co-operation",
    "negotiations",
    "dialogue",
    "tension",
    "tensions",
    "deal",
    "agreement",
    "alliance",
    "partnership",
    "dispute",
    "rift",
    "trade",
    "war",
    "pact",
    "friction",
    "rivalry",
    "row",
    "standoff",
    "engagement",
    "tariffs",
    "commitment",
    "backing",
    "approval",
    "criticism",
    "warning",
    "threat",
    "ambitions",
    "ministry",
    "embassy",
    "spokesman",
    "spokeswoman",
    "leaders",
    "regime",
    "authorities",
    "administration",
    "negotiators",
    "delegation",
    "ambassador",
    "troops",
    "forces",
    "navy",
    "army",
    "diplomacy",
    "retaliation",
    "foreign",
    "commerce",
    "defence",
    "defense",
}


@dataclass
class Cand:
    """A candidate mention: a token span with its predicted label and the evidence about it."""

    start: int
    end: int
    label: str
    person_votes: int = 0  # titles or honorifics in front of it
    org_votes: int = 0
    place_votes: int = 0
    event_votes: int = 0
    key: str | None = None
    etype: str | None = None
    code: str | None = None
    chars: tuple[int, int] | None = None  # a part of one token ("China" in "U.S.-China")


@dataclass
class Group:
    """Candidates sharing one normalised name."""

    norm: str
    cands: list[Cand] = field(default_factory=list)
    etype: str = ""
    target: Group | None = None  # the full-name group a short form joined


def resolve_entities(
    doc: Doc, article: CleanArticle
) -> tuple[list[LocalEntity], list[Mention], list[EntityRole]]:
    """Group the doc's named-entity mentions into canonical entities, with roles of persons."""
    blocked = _blocked_tokens(doc, article)
    texts = token_texts(doc)
    cands = _join_particle_names(doc, _ner_candidates(doc, blocked), blocked)
    cands = _byline_names(doc, texts, cands)
    _listed_places(doc, cands)
    claimed = _claim(doc, cands)
    cands += _titled_names(doc, texts, claimed, blocked)
    cands += _possessed_names(doc, cands, claimed, blocked)
    cands += _repeated_person_names(doc, texts, cands, claimed, blocked)
    cands += _missed_countries(doc, texts, claimed, blocked)
    _cut_run_on_names(doc, cands)
    cands.sort(key=lambda c: c.start)
    names = _resolve_geography(doc, cands)
    _resolve_names(doc, names, texts)
    _place_countries(doc, cands)
    entities, mentions = _collect(doc, cands)
    roles = find_roles(doc, mentions, {e.key: e for e in entities})
    return entities, mentions, roles


# ---------------------------------------------------------------- 1. spans


def _blocked_tokens(doc: Doc, article: CleanArticle) -> list[bool]:
    """Per token: True inside a heading block or for a line-break token (never part of a name)."""
    blocked = [
        ("\n" in t) or space for t, space in zip(token_texts(doc), token_flags(doc, "space"), strict=True)
    ]
    length = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    for block in article.blocks:
        if block.kind != "heading":
            continue
        span = doc.char_span(block.start, min(block.end, length), alignment_mode="expand")
        if span is not None:
            blocked[span.start : span.end] = [True] * len(span)
    _block_label_lines(doc, blocked)
    return blocked


def _block_label_lines(doc: Doc, blocked: list[bool]) -> None:
    """Block a line that is only a label ending in a colon ("Key Points:", "Tariff Cuts:"): up to
    three capitalised words, never a name."""
    texts, space, alpha = token_texts(doc), token_flags(doc, "space"), token_flags(doc, "alpha")
    start = 0
    for i in [*(i for i, t in enumerate(texts) if "\n" in t), len(texts)]:
        line = [j for j in range(start, i) if not space[j]]
        words = [j for j in line if alpha[j]]
        if (
            len(line) >= 2
            and texts[line[-1]] == ":"
            and 1 <= len(words) <= 3
            and len(words) == len(line) - 1
            and all(texts[j][:1].isupper() for j in words)
        ):
            blocked[start:i] = [True] * (i - start)
        start = i + 1


def _ner_candidates(doc: Doc, blocked: list[bool]) -> list[Cand]:
    """The NER spans of interest, cut at line breaks and possessives, stripped of titles.

    The part after an inner possessive ("Trump's Asia") keeps a label only if NER gave that same
    text a label elsewhere in the article; otherwise it is dropped.
    """
    ents = [e for e in doc.ents if e.label_ in ENTITY_LABELS]
    labels = {span_text(doc, e.start, e.end): e.label_ for e in ents}
    out: list[Cand] = []
    for ent in ents:
        for start, end, after_possessive in _pieces(doc, ent, blocked):
            label = labels.get(span_text(doc, start, end)) if after_possessive else ent.label_
            cand = _clean_span(doc, start, end, label) if label else None
            if cand is not None:
                out.append(cand)
    return out


def _pieces(doc: Doc, ent: Span, blocked: list[bool]) -> list[tuple[int, int, bool]]:
    """Token ranges of an entity split at blocked tokens, inner possessives and the dashes of a
    country pair ("Sino-US"); True after a possessive."""
    pieces: list[tuple[int, int, bool]] = []
    start, after = ent.start, False
    dashes = _country_pair_dashes(doc, ent)
    texts = token_texts(doc)
    for i in range(ent.start, ent.end):
        possessive = texts[i] in _POSSESSIVE
        if blocked[i] or possessive or i in dashes:
            if i > start:
                pieces.append((start, i, after))
            start, after = i + 1, after or possessive
    if ent.end > start:
        pieces.append((start, ent.end, after))
    return pieces


def _country_pair_dashes(doc: Doc, ent: Span) -> set[int]:
    """Dash tokens of a place entity made of country names ("Sino-US", "Japan-South Korea")."""
    texts = token_texts(doc)
    dashes = {i for i in range(ent.start, ent.end) if _DASHED.search(texts[i]) is None}
    text = span_text(doc, ent.start, ent.end)
    if not dashes or ent.label_ not in _GEO_LABELS or geo.place_code(text):
        return set()
    parts = _DASHED.findall(text)
    ok = all(geo.country_code(p.strip()) or geo.demonym_code(p.strip()) for p in parts)
    return dashes if ok else set()


def _join_particle_names(doc: Doc, cands: list[Cand], blocked: list[bool]) -> list[Cand]:
    """A person's name NER cut at a lowercase particle ("Ursula von" | "der" | "Leyen"): extend it
    over the particles and the capitalised word(s) after them, absorbing a candidate there; a name
    left ending in a particle with no name after it loses the particle."""
    absorbed: set[int] = set()
    for cand in cands:
        if cand.label != "PERSON" or id(cand) in absorbed:
            continue
        j = cand.end
        while (
            j < len(doc)
            and not blocked[j]
            and doc[j].text.islower()
            and word_key(doc[j].text) in NAME_PARTICLES
        ):
            j += 1
        ends_in_particle = word_key(doc[cand.end - 1].text) in NAME_PARTICLES
        if j == cand.end and not ends_in_particle:
            continue
        k = j
        while k < len(doc) and k - j < 2 and not blocked[k] and _is_name_token(doc[k]):
            k += 1
        if k > j:
            absorbed.update(id(c) for c in cands if c is not cand and c.start < k and c.end > cand.end)
            cand.end = k
            continue
        while cand.end - cand.start > 1 and word_key(doc[cand.end - 1].text) in NAME_PARTICLES:
            cand.end -= 1
    return [c for c in cands if id(c) not in absorbed]


def _listed_places(doc: Doc, cands: list[Cand]) -> None:
    """One-word "persons" in a list of places ("Donetsk, Luhansk and Kherson", or a list set in
    apposition to a country) are places: relabelled GPE unless a title marks them as persons."""
    for cand in cands:
        if cand.label != "PERSON" or cand.end - cand.start != 1 or cand.person_votes:
            continue
        root = doc[cand.start]
        while root.dep_ == "conj" and root.head.i != root.i:
            root = root.head
        members = [root, *(t for t in root.subtree if t.dep_ == "conj" and t.head.pos_ == "PROPN")]
        others = [t for t in members if t.i != cand.start]
        places = sum(t.ent_type_ in {"GPE", "LOC"} or bool(geo.place_code(t.text)) for t in others)
        persons = sum(t.ent_type_ == "PERSON" and t.ent_iob_ == "I" for t in others)  # full names
        owner = root.head if root.dep_ in {"appos", "pobj"} else None
        if owner is not None and owner.dep_ == "prep" and root.dep_ == "pobj":
            owner = owner.head  # "the regions of X, Y and Z"
        of_places = owner is not None and (
            owner.ent_type_ in _GEO_LABELS or word_key(owner.text) in _AREA_NOUNS
        )
        if len(members) >= 2 and not persons and (places > len(others) // 2 or of_places):
            cand.label = "GPE"


def _cut_run_on_names(doc: Doc, cands: list[Cand]) -> None:
    """A person's name run on into a headline's or dateline's next words ("Trump Says Talks",
    "Vladimir Putin Follow"): cut it after the longest proper beginning that is another full
    person name in the article or the surname of one (suffixes such as "Jr" are kept)."""
    full: set[str] = set()
    surnames: set[str] = set()
    for cand in cands:
        if cand.label == "PERSON" and cand.end - cand.start >= 2 and cand.chars is None:
            full.add(name_norm(span_text(doc, cand.start, cand.end)))
            surnames.add(word_key(doc[cand.end - 1].text))
    for cand in cands:
        if cand.label != "PERSON" or cand.end - cand.start < 2:
            continue
        for cut in range(cand.end - 1, cand.start, -1):
            rest = word_key(doc[cut].text)
            if rest in _NAME_SUFFIXES or rest in NAME_PARTICLES or not doc[cut].text[:1].isupper():
                break
            head = doc[cand.start : cut]
            if (len(head) > 1 and name_norm(head.text) in full) or (
                len(head) == 1
                and word_key(head.text) in surnames
                and not _is_first_name(doc, cands, cand, head.text)
            ):
                cand.end = cut
                break


def _is_first_name(doc: Doc, cands: list[Cand], cand: Cand, word: str) -> bool:
    """The word begins another multi-word person name in the article."""
    return any(
        c is not cand and c.label == "PERSON" and c.end - c.start >= 2 and doc[c.start].text == word
        for c in cands
    )


def _clean_span(doc: Doc, start: int, end: int, label: str) -> Cand | None:
    """Strip determiners, titles and honorifics in front and cut a person's name at a lowercase
    word ("Mary be" → "Mary"); None when no name is left."""
    texts = token_texts(doc)
    if word_key(texts[start]) in SHIP_PREFIXES and end - start > 1:
        return Cand(start, end, "VESSEL")
    while start < end and (word_key(texts[start]) in _DETERMINERS or _is_dash(doc[start])):
        start += 1
    titled = False
    while (
        start < end - 1
        and _is_title_token(doc[start])
        and (label == "PERSON" or word_key(texts[start]) in HONORIFICS)
    ):
        titled = titled or word_key(texts[start]) in HEAD_TITLES | HONORIFICS
        start += 1
    if label == "PERSON":
        end = _cut_at_lowercase(doc, start, end)
    while end > start and _is_dash(doc[end - 1]):
        end -= 1
    if start >= end or _is_title_fragment(doc, start, end) or _is_role_phrase(doc, start, end):
        return None
    text = span_text(doc, start, end)
    if not any(c.isupper() for c in text) or not any(c.isalpha() for c in text):
        return None
    return Cand(start, end, label, person_votes=2 if titled else 0)


def _is_title_fragment(doc: Doc, start: int, end: int) -> bool:
    """Title words tagged as a name: "Defence" in "Defence Minister", "State" in "Secretary of
    State" (not "Labour" alone)."""
    if not all(_is_title_token(t) for t in doc[start:end]):
        return False
    heads = any(word_key(t.text) in HEAD_TITLES for t in doc[start:end])
    before = start - 2 if start >= 2 and doc[start - 1].lower_ == "of" else start - 1
    return (
        heads
        or (end < len(doc) and _is_title_token(doc[end]))
        or (before >= 0 and _is_title_token(doc[before]))
    )


def _is_role_phrase(doc: Doc, start: int, end: int) -> bool:
    """An organisation's or a country's office tagged as a name ("Asean Chair", "EU Commissioner"):
    a head title after a known organisation, country or nationality."""
    last = doc[end - 1]
    if end - start < 2 or not (_is_title_token(last) and word_key(last.text) in HEAD_TITLES):
        return False
    owner = span_text(doc, start, end - 1)
    norm = name_norm(owner)
    return (
        norm in KNOWN_ORG_KEYS
        or norm in ORG_KEY_ALIASES
        or bool(geo.country_code(owner) or geo.demonym_code(owner))
    )


def _is_dash(token: Token) -> bool:
    """Punctuation that never ends or starts a name (dashes, colons, quotes, brackets)."""
    return token.is_punct and token.text not in {".", "&"}


def _cut_at_lowercase(doc: Doc, start: int, end: int) -> int:
    """End of a person name before its first lowercase word that is not a particle."""
    for i in range(start + 1, end):
        text = doc[i].text
        hyphenated = doc[i - 1].text == "-" and not doc[i - 1].whitespace_  # "Jong-un"
        if text[:1].islower() and word_key(text) not in NAME_PARTICLES and not hyphenated:
            return i
    return end


def _is_title_token(token: Token) -> bool:
    """A capitalised title or honorific word ("President", "Mr", "Sen.")."""
    key = word_key(token.text)
    return (key in TITLE_WORDS or key in HONORIFICS) and token.text[:1].isupper()


def _is_name_token(token: Token) -> bool:
    """A capitalised word that can be part of a name."""
    return token.text[:1].isupper() and token.is_alpha and not _is_title_token(token)


def _claim(doc: Doc, cands: list[Cand]) -> list[bool]:
    """Per token: True when a candidate covers it."""
    claimed = [False] * len(doc)
    for cand in cands:
        for i in range(cand.start, cand.end):
            claimed[i] = True
    return claimed


# ---------------------------------------------------------------- 2. recovery


def _name_run(doc: Doc, i: int, claimed: list[bool], blocked: list[bool]) -> int:
    """End of the run of free capitalised name tokens starting at token i (i when none)."""
    j = i
    while (
        j < len(doc)
        and not claimed[j]
        and not blocked[j]
        and (_is_name_token(doc[j]) or (j > i and word_key(doc[j].text) in NAME_PARTICLES))
    ):
        j += 1
    while j > i and not _is_name_token(doc[j - 1]):
        j -= 1
    return j


def _add(cand: Cand, claimed: list[bool]) -> Cand:
    """Mark a recovered candidate's tokens as taken."""
    for i in range(cand.start, cand.end):
        claimed[i] = True
    return cand


MAX_BYLINE_NAMES = 4
BYLINE_JOINERS = {",", "and", "&"}


def _byline_names(doc: Doc, texts: list[str], cands: list[Cand]) -> list[Cand]:
    """The writers of a byline line ("By Ann Lee and Tom Hart", "by Ann Lee, with reporting
    from ...") as persons: each 2-4 capitalised words after a line-opening "by", joined by commas
    or "and". NER often misses them or keeps one word; a candidate inside such a name gives way
    to the whole name. Nothing else on the line is read."""
    names: list[tuple[int, int]] = []
    for at, text in enumerate(texts):
        if text not in {"By", "by"} or (at > 0 and "\n" not in texts[at - 1] and texts[at - 1].strip()):
            continue
        i = at + 1
        for _ in range(MAX_BYLINE_NAMES):
            end = i
            while end < len(doc) and end - i < 4 and _is_name_token(doc[end]):
                end += 1
            if end - i < 2:
                break
            names.append((i, end))
            if end < len(doc) and doc[end].lower_ in BYLINE_JOINERS and end + 1 < len(doc):
                i = end + 1
                continue
            break
    if not names:
        return cands
    kept = [c for c in cands if not any(a <= c.start and c.end <= b for a, b in names)]
    taken = {(c.start, c.end) for c in kept}
    return kept + [Cand(a, b, "PERSON", person_votes=1) for a, b in names if (a, b) not in taken]


def _titled_names(doc: Doc, texts: list[str], claimed: list[bool], blocked: list[bool]) -> list[Cand]:
    """Names NER missed right after an honorific or a political title ("President Lee",
    "Mr Blair"); titles that also start other names ("General Election") are not used."""
    out = []
    for i, text in enumerate(texts[:-1]):
        if text[:1].isupper() and word_key(text) in NAME_TITLES:
            start = i + 1  # past further titles: "Queen Mother X", "Minister Datuk Seri X"
            while start < len(doc) - 1 and start < i + 4 and _is_title_token(doc[start]):
                start += 1
            end = _name_run(doc, start, claimed, blocked)
            if start < end <= start + 4:
                out.append(_add(Cand(start, end, "PERSON", person_votes=2), claimed))
    return out


def _possessed_names(doc: Doc, cands: list[Cand], claimed: list[bool], blocked: list[bool]) -> list[Cand]:
    """Names NER missed after a place's possessive ("China's Xi Jinping", "Japan's Takaichi").

    One word is taken only when it stands alone and is not a title or organisation word."""
    out = []
    for cand in cands:
        if cand.label not in _GEO_LABELS or cand.end + 1 >= len(doc):
            continue
        if doc[cand.end].text not in _POSSESSIVE:
            continue
        start = cand.end + 1
        while start < len(doc) and _is_title_token(doc[start]):
            start += 1
        end = _name_run(doc, start, claimed, blocked)
        if 1 <= end - start <= 4 and not looks_like_org(span_text(doc, start, end)):
            out.append(_add(Cand(start, end, "PERSON", person_votes=1), claimed))
    return out


def _repeated_person_names(
    doc: Doc, texts: list[str], cands: list[Cand], claimed: list[bool], blocked: list[bool]
) -> list[Cand]:
    """Later bare occurrences of a first name or surname of a full name NER labelled PERSON.

    Only a word standing alone (not part of a longer capitalised run such as "High Court") and not
    naming a country or nationality is taken.
    """
    words: set[str] = set()
    for cand in cands:
        if cand.label == "PERSON" and cand.end - cand.start >= 2:
            words.update((doc[cand.start].text, doc[cand.end - 1].text))
    words = {w for w in words if geo.country_code(w) is None and geo.demonym_code(w) is None}
    out = []
    for i, text in enumerate(texts):
        if text not in words or claimed[i] or blocked[i] or not _is_name_token(doc[i]):
            continue
        if _name_run(doc, i, claimed, blocked) == i + 1 and not (
            i > 0 and _is_name_token(doc[i - 1]) and not doc[i - 1].is_sent_start
        ):
            out.append(_add(Cand(i, i + 1, "PERSON"), claimed))
    return out


def _missed_countries(doc: Doc, texts: list[str], claimed: list[bool], blocked: list[bool]) -> list[Cand]:
    """Country names and demonyms NER missed: a lone capitalised word ("Japan") or the parts of a
    dashed compound ("U.S.-China", with a hyphen or an en dash) when every part names a country."""
    out = []
    for i, text in enumerate(texts):
        if claimed[i] or blocked[i] or not text[:1].isupper():
            continue
        parts = [(m.start(), m.group()) for m in _DASHED.finditer(text)]
        if not all(geo.country_code(p) or geo.demonym_code(p) for _, p in parts):
            continue
        token = doc[i]
        if token.ent_type_ and token.ent_type_ not in _NUMERIC_LABELS:
            continue  # "Spanish" as a LANGUAGE is not Spain
        if len(parts) == 1 and _next_to_name(doc, i):
            continue
        for offset, part in parts:
            start = token.idx + offset
            out.append(Cand(i, i + 1, "GPE", chars=(start, start + len(part))))
        claimed[i] = True
    return out


def _next_to_name(doc: Doc, i: int) -> bool:
    """A capitalised name word right before or after token i ("Jordan Henderson")."""
    before = i > 0 and _is_name_token(doc[i - 1]) and not doc[i].is_sent_start
    return before or (i + 1 < len(doc) and _is_name_token(doc[i + 1]))


def _text(doc: Doc, cand: Cand) -> str:
    """The candidate's surface text."""
    if cand.chars is not None:
        token = doc[cand.start]
        return token.text[cand.chars[0] - token.idx : cand.chars[1] - token.idx]
    return span_text(doc, cand.start, cand.end)


# ---------------------------------------------------------------- 3. geography


def _resolve_geography(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """Give countries and known places their keys; return the candidates still to resolve.

    A word of a full person name in the article ("Carney" tagged GPE) stays a name unless it
    names a country.
    """
    person_words = _person_name_words(doc, cands)
    rest = []
    for cand in cands:
        text = _text(doc, cand)
        if cand.label == "VESSEL" or any(c.isdigit() for c in text):
            cand.org_votes += 0 if cand.label == "VESSEL" else 5  # "G7", "G20"
            rest.append(cand)
        elif _is_person_word(cand, text, person_words) or not _geo(doc, cand, text):
            rest.append(cand)
    return rest


def _is_person_word(cand: Cand, text: str, person_words: set[str]) -> bool:
    """A word of a full person name in the article ("Carney" even if tagged GPE); a country name
    ("Jordan") only when NER tagged it as a person or an organisation here."""
    if text not in person_words:
        return False
    return cand.label not in _GEO_LABELS or not (geo.country_code(text) or geo.demonym_code(text))


def _place_countries(doc: Doc, cands: list[Cand]) -> None:
    """A place followed by ", <Country>" ("Evian, France") lies in that country."""
    for cand, after in pairwise(cands):
        if (
            cand.etype == "PLACE"
            and cand.code is None
            and after.etype == "COUNTRY"
            and after.start == cand.end + 1
            and doc[cand.end].text == ","
        ):
            cand.code = after.code


def _person_name_words(doc: Doc, cands: list[Cand]) -> set[str]:
    """Words of multi-word PERSON spans: a short form matching one is a person, not a place."""
    words: set[str] = set()
    for cand in cands:
        if cand.label == "PERSON" and cand.end - cand.start >= 2:
            words.update(t.text for t in doc[cand.start : cand.end])
    return words


def _geo(doc: Doc, cand: Cand, text: str) -> bool:
    """Resolve a candidate as a country or a known place; False when it is neither."""
    code = geo.country_code(text) or geo.demonym_code(text)
    capital = geo.capital_code(text)
    if code is None and capital and cand.label in {"GPE", "ORG"} and _is_metonym(doc, cand):
        code = capital
    if code is not None:
        _set(cand, "COUNTRY", code, geo.country_name(code))
        return True
    if cand.label == "NORP":
        return False
    place = geo.place_code(text) if cand.label != "PERSON" else geo.city_code(text)
    if place and (cand.label != "ORG" or not looks_like_org(text)):
        _set(cand, "PLACE", place, text)
        return True
    return False  # an unknown place name is voted on with the other mentions of that name


def _set(cand: Cand, etype: str, code: str | None, name: str) -> None:
    """Fix a candidate's type, key and country code."""
    cand.etype = etype
    cand.code = code
    cand.key = entity_key(etype, code if etype == "COUNTRY" and code else name)


def _is_metonym(doc: Doc, cand: Cand) -> bool:
    """A capital standing for its government: subject of an act, owner of a policy, a partner."""
    token = doc[cand.end - 1]
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    head = token.head
    if token.dep_ in {"nsubj", "nsubjpass"}:
        if head.lower_ not in _PLACE_VERBS:
            return True
        return any(c.dep_ == "acomp" and c.lower_ in _STANCE_WORDS for c in head.children)
    if token.dep_ == "poss":
        return word_key(head.text) in _GOVERNMENT_NOUNS
    if token.dep_ == "pobj" and word_key(head.text) in {"with", "between", "against"}:
        grand = head.head
        return grand.dep_ == "ROOT" or word_key(grand.text) in _GOVERNMENT_NOUNS
    return False


# ---------------------------------------------------------------- 4. names


def _resolve_names(doc: Doc, cands: list[Cand], texts: list[str]) -> None:
    """Group the non-geographic candidates by name, join short forms, vote one type per group."""
    lowercase = {w for w in texts if w.islower()}
    groups: dict[str, Group] = {}
    for cand in cands:
        _context_votes(doc, cand)
        norm = name_norm(span_text(doc, cand.start, cand.end))
        groups.setdefault(norm, Group(norm)).cands.append(cand)
    full = [g for g in groups.values() if not _is_short(g.norm)]
    for group in full:
        group.etype = _vote(doc, group)
    persons = [g for g in full if g.etype == "PERSON"]
    orgs = [g for g in full if g.etype == "ORG"]
    for group in groups.values():
        if _is_short(group.norm):
            _join_short(doc, group, persons, orgs, lowercase)
    for group in groups.values():
        if group.target is None:
            _name_group(doc, group)


def _is_short(norm: str) -> bool:
    """A one-word name, or a surname with particles ("de gaulle", "von der leyen"): a possible
    short form."""
    return not is_full_name(norm)


def _context_votes(doc: Doc, cand: Cand) -> None:
    """Add votes from the name itself and its syntactic context."""
    text = span_text(doc, cand.start, cand.end)
    if looks_like_org(text):
        cand.org_votes += 10
    if looks_like_event(text):
        cand.event_votes += 10
    before = doc[cand.start - 1] if cand.start > 0 else None
    if (
        before is not None
        and before.text[:1].isupper()
        and (word_key(before.text) in HEAD_TITLES or word_key(before.text) in HONORIFICS)
    ):
        cand.person_votes += 2
    if geo.place_code(text):
        cand.place_votes += 2
    last = doc[cand.end - 1].text
    if cand.label == "PERSON" and cand.end - cand.start > 1 and geo.country_code(last):
        cand.org_votes += 2  # "Telekom Austria": a person's name does not end in a country
    root = doc[cand.end - 1]
    if root.dep_ in {"compound", "poss"} and word_key(root.head.text) in ORG_CONTEXT_NOUNS:
        cand.org_votes += 1
    if root.dep_ == "pobj":
        prep = word_key(root.head.text)
        if prep in _PLACE_PREPS or (prep == "at" and word_key(root.head.head.text) in _PLACE_HEADS):
            cand.place_votes += 1


def _vote(doc: Doc, group: Group) -> str:
    """The group's type: NER labels, title votes, organisation and place cues."""
    votes: Counter[str] = Counter()
    for cand in group.cands:
        votes[_TYPE_OF_LABEL.get(cand.label, cand.label)] += 1
        votes["PERSON"] += cand.person_votes
        votes["ORG"] += cand.org_votes
        votes["PLACE"] += cand.place_votes
        votes["EVENT"] += cand.event_votes
    if votes["VESSEL"]:
        return "VESSEL"
    order = ["PERSON", "ORG", "PLACE", "GROUP", "FACILITY", "EVENT"]
    return max(order, key=lambda t: (votes[t], -order.index(t)))


def _join_short(doc: Doc, group: Group, persons: list[Group], orgs: list[Group], lowercase: set[str]) -> None:
    """Join a short form to the full person name it begins or ends ("Trump", "Xi"), or an
    organisation's short form to its one full name ("the Post"); else vote its own type."""
    words = group.norm.split()
    own = _vote(doc, group)
    matches = [p for p in persons if _extends(p.norm.split(), words) and not _inside_compound(doc, p, words)]
    if not matches or own == "VESSEL" or any(c.org_votes >= 10 for c in group.cands):
        matches = [o for o in orgs if _abbreviates(doc, o, words)] if own == "ORG" else []
        if len(matches) != 1:
            group.etype = own
            if own == "PERSON" and _common_noun(doc, group, lowercase):
                group.etype = _NOT_A_NAME
            return
    group.target = matches[0]
    for cand in group.cands:
        target = _nearest(cand, matches) if len(matches) > 1 else matches[0]
        cand.etype = target.etype
        cand.key = entity_key(target.etype, target.norm)


def _common_noun(doc: Doc, group: Group, lowercase: set[str]) -> bool:
    """A one-word "person" that the article also writes in lowercase ("Fentanyl" in a headline,
    "fentanyl" in the text) and no title marks: a common noun, not a name."""
    if len(group.norm.split()) != 1 or any(c.person_votes for c in group.cands):
        return False
    return doc[group.cands[0].start].text.lower() in lowercase


def _inside_compound(doc: Doc, group: Group, short: list[str]) -> bool:
    """The short form is only half of a dashed word of the full name ("Labour" in "Tory-Labour");
    "Kim" in "Kim Jong-un" is a whole word."""
    words = doc[group.cands[0].start : group.cands[0].end].text.split()
    n = len(short)
    edges = [" ".join(words[:n]), " ".join(words[-n:])]
    return all(name_norm(e) != " ".join(short) for e in edges)


def _abbreviates(doc: Doc, full: Group, short: list[str]) -> bool:
    """An organisation's short form: its last or first word, or its acronym ("SEC")."""
    if _extends(full.norm.split(), short):
        return not _inside_compound(doc, full, short)
    return len(short) == 1 and len(short[0]) > 1 and initials(full.norm) == short[0]


def _extends(full: list[str], short: list[str]) -> bool:
    """True when the full name begins or ends with the short one and is longer."""
    n = len(short)
    return len(full) > n and (full[:n] == short or full[-n:] == short)


def _nearest(cand: Cand, groups: list[Group]) -> Group:
    """The group mentioned last before the candidate, else the first one mentioned after it."""

    def distance(group: Group) -> tuple[int, int]:
        before = [cand.start - c.start for c in group.cands if c.start < cand.start]
        if before:
            return (0, min(before))
        return (1, min(c.start - cand.start for c in group.cands))

    return min(groups, key=distance)


def _name_group(doc: Doc, group: Group) -> None:
    """Give every candidate of a resolved group its type and key."""
    etype = group.etype or _vote(doc, group)
    if etype == _NOT_A_NAME:
        return
    name = _display_name(doc, group)
    code = geo.place_code(name) if etype == "PLACE" else None
    for cand in group.cands:
        if cand.key is None:
            _set(cand, etype, code, name)


def _display_name(doc: Doc, group: Group) -> str:
    """The group's most frequent surface form."""
    forms = Counter(span_text(doc, c.start, c.end) for c in group.cands)
    return forms.most_common(1)[0][0]


# ---------------------------------------------------------------- 5. output


def _collect(doc: Doc, cands: list[Cand]) -> tuple[list[LocalEntity], list[Mention]]:
    """Entities named by their longest surface form (countries by usual name), and mentions."""
    entities: dict[str, LocalEntity] = {}
    mentions: list[Mention] = []
    for cand in cands:
        if cand.key is None or cand.etype is None:
            continue
        span = doc[cand.start : cand.end]
        start, end = cand.chars or (span.start_char, span.end_char)
        text = _text(doc, cand)
        name = geo.country_name(cand.code or "") if cand.etype == "COUNTRY" else text
        known = entities.get(cand.key)
        if known is None or len(name) > len(known.name):
            code = cand.code or (known.country_code if known else None)
            entities[cand.key] = LocalEntity(cand.key, name, cand.etype, code)
        elif known.country_code is None:
            known.country_code = cand.code
        mentions.append(Mention(cand.key, start, end, text, cand.label))
    return list(entities.values()), mentions
