"""Name vocabulary for entity resolution: titles, honorifics, organisation cues, canonical keys."""

from __future__ import annotations

import re
from functools import lru_cache

from extractors.entities.geo import fold

# The words that make a phrase a title by themselves ("Foreign" alone does not).
# fmt: off
HEAD_TITLES = {
    "president", "minister", "secretary", "chancellor", "premier", "leader", "king", "queen", "prince",
    "princess", "emperor", "empress", "governor", "senator", "congressman", "congresswoman",
    "representative", "mayor", "ambassador", "envoy", "general", "admiral", "colonel", "commander",
    "chairman", "chairwoman", "chair", "executive", "ceo", "director", "spokesman", "spokeswoman",
    "spokesperson", "commissioner", "pope", "speaker", "judge", "head", "boss", "counsel", "attorney",
    "sen", "gov", "gen", "rep", "pres", "sheikh", "vice-president", "secretary-general",
    "director-general", "coach", "manager", "captain", "chief-executive", "adviser", "advisor",
    "negotiator", "whip", "governor-general",
}
# Words a title is made of ("U.S. Defence Secretary", "Prime Minister", "chief executive").
TITLE_WORDS = HEAD_TITLES | {
    "vice", "prime", "chief", "foreign", "defence", "defense", "finance", "trade", "home", "interior",
    "justice", "health", "economy", "state", "deputy", "acting", "first", "lady", "treasury", "crown",
    "supreme", "foreign-affairs", "security", "national", "striker", "midfielder", "defender",
    "goalkeeper", "press", "staff", "cabinet", "commerce", "energy", "transport", "education",
    "environment", "agriculture", "labour", "labor", "culture", "industry", "digital", "war", "homeland",
    "veterans", "affairs", "development", "climate", "economic", "army", "navy", "joint", "chiefs",
    "party", "opposition", "majority", "minority", "central", "bank", "lieutenant", "deputy-leader",
}
# fmt: on
# Honorifics and titles that, capitalised, are followed by a person's name (never by a thing's).
NAME_TITLES = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "sir",
    "dame",
    "president",
    "minister",
    "chancellor",
    "premier",
    "senator",
    "sen",
    "governor",
    "gov",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "mayor",
    "ambassador",
    "congressman",
    "congresswoman",
}
# Honorifics mark a person but are not roles.
HONORIFICS = {
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "sir",
    "dame",
    "lord",
    "lady",
    "prof",
    "professor",
    "rev",
    "reverend",
    "mx",
    "madam",
    "madame",
    "monsieur",
    "herr",
    # Malay, Arabic and religious honorifics that precede a name
    "datuk",
    "dato",
    "datin",
    "tun",
    "seri",
    "haji",
    "hajjah",
    "mother",
    "father",
    "venerable",
}
# Words before a title that qualify it ("Japan's new Prime Minister"); only "former" is kept.
ROLE_MODIFIERS = {
    "new",
    "late",
    "former",
    "then",
    "current",
    "outgoing",
    "incoming",
    "ex",
    "newly",
    "elected",
    "sitting",
    "veteran",
    "top",
    "the",
    "a",
    "its",
    "their",
}

_ABBREVIATIONS = {
    "sen": "Senator",
    "gov": "Governor",
    "gen": "General",
    "rep": "Representative",
    "pres": "President",
    "ceo": "CEO",
    "defense": "Defence",
}
_LOWER_IN_ROLE = {"of", "the", "for", "and"}

# Organisation cues: words that end organisation names, and organisations named like people.
ORG_SUFFIXES = {
    "inc",
    "corp",
    "corporation",
    "ltd",
    "plc",
    "llc",
    "co",
    "group",
    "bank",
    "holdings",
    "company",
    "ag",
    "sa",
    "gmbh",
    "partners",
    "associates",
    "ministry",
    "party",
    "agency",
    "council",
    "commission",
    "association",
    "union",
    "university",
    "institute",
    "fund",
    "organisation",
    "organization",
    "foundation",
    "committee",
    "court",
    "department",
    "office",
    "service",
    "forces",
    "army",
    "navy",
    "federation",
    "league",
    "club",
    "airlines",
    "airways",
    "motors",
    "news",
    "times",
    "post",
    "securities",
    "capital",
    "investments",
    "industries",
    "technologies",
    "systems",
    "energy",
    "international",
    "media",
    "network",
    "press",
    "fc",
    "united",
    "studios",
    "records",
    "pictures",
    "entertainment",
    "labs",
}
PERSON_NAMED_ORGS = {
    "morgan stanley",
    "goldman sachs",
    "jp morgan",
    "jpmorgan",
    "jpmorgan chase",
    "johnson & johnson",
    "merrill lynch",
    "ernst & young",
    "procter & gamble",
    "lockheed martin",
    "rolls-royce",
    "rolls royce",
    "charles schwab",
    "wells fargo",
    "dow jones",
    "standard & poor's",
    "marks & spencer",
    "sainsbury",
    "sainsbury's",
    "disney",
    "walt disney",
    "ford",
    "boeing",
    "dell",
    "hewlett-packard",
    "kellogg",
    "bloomberg",
    "reuters",
    "deloitte",
    "mckinsey",
    "philip morris",
    "warner bros",
    "warner brothers",
    "barclays",
    "lloyds",
    "sotheby's",
    "christie's",
    "harrods",
    "tesco",
    "toyota",
    "honda",
    "mitsubishi",
    "sony",
    "hyundai",
    "samsung",
    "nintendo",
    "abbott",
    "pfizer",
    "merck",
    "eli lilly",
    "bristol-myers squibb",
    "john lewis",
    "berkshire hathaway",
    "booz allen hamilton",
    "lazard",
    "rothschild",
    "nomura",
}
# Nouns an organisation, not a person, is the modifier of ("Morgan Stanley analysts").
ORG_CONTEXT_NOUNS = {
    "analyst",
    "analysts",
    "economist",
    "economists",
    "share",
    "shares",
    "stock",
    "stocks",
    "employee",
    "employees",
    "staff",
    "headquarters",
    "subsidiary",
    "unit",
    "board",
    "shareholders",
    "investors",
    "clients",
    "customers",
    "research",
    "strategist",
    "strategists",
    "index",
    "profits",
    "profit",
    "revenue",
    "sales",
    "brand",
    "factory",
    "factories",
    "plant",
    "plants",
    "stake",
    "bonds",
    "executives",
    "workforce",
}
EVENT_SUFFIXES = {
    "awards",
    "award",
    "festival",
    "cup",
    "championship",
    "championships",
    "open",
    "games",
    "olympics",
    "prix",
    "tournament",
    "trophy",
    "series",
    "summit",
    "conference",
    "expo",
    "show",
    "marathon",
    "grammys",
    "oscars",
}
# Organisations named in full or by acronym: both forms get the acronym key.
ORG_KEY_ALIASES = {
    "united nations": "un",
    "european union": "eu",
    "european commission": "ec",
    "north atlantic treaty organization": "nato",
    "north atlantic treaty organisation": "nato",
    "international monetary fund": "imf",
    "world trade organization": "wto",
    "world trade organisation": "wto",
    "world health organization": "who",
    "world health organisation": "who",
    "association of southeast asian nations": "asean",
    "association of south east asian nations": "asean",
    "asia pacific economic cooperation": "apec",
    "group of seven": "g7",
    "group of 20": "g20",
    "group of twenty": "g20",
    "group of eight": "g8",
    "international atomic energy agency": "iaea",
    "organization of the petroleum exporting countries": "opec",
    "organisation of the petroleum exporting countries": "opec",
    "federal bureau of investigation": "fbi",
    "central intelligence agency": "cia",
    "african union": "au",
}
# The short keys of well-known organisations ("asean", "nato").
KNOWN_ORG_KEYS = frozenset(ORG_KEY_ALIASES.values())
SHIP_PREFIXES = {"uss", "hms", "hmas", "hmcs", "hmnzs", "ins", "rfs", "js", "ss", "rms", "mv"}
NAME_PARTICLES = {
    "de",
    "da",
    "di",
    "del",
    "van",
    "von",
    "der",
    "den",
    "le",
    "la",
    "al",
    "el",
    "bin",
    "ibn",
    "du",
    "dos",
    "das",
    "ter",
    "ten",
    "st",
}

_PUNCT = re.compile(r"[.\u2019'`\"“”]")
_SPACES = re.compile(r"[\s\u2010-\u2015\-]+")
_NON_ALNUM_EDGE = re.compile(r"^\W+|\W+$")


@lru_cache(maxsize=65536)
def word_key(word: str) -> str:
    """Lookup form of one word: casefolded, without dots or apostrophes ("Sen." → "sen")."""
    return _PUNCT.sub("", fold(word))


@lru_cache(maxsize=65536)
def name_norm(name: str) -> str:
    """Key form of a name: accent-free, casefolded, no dots or quotes, hyphens as spaces."""
    folded = _SPACES.sub(" ", _PUNCT.sub("", fold(name).replace("&", " & "))).strip()
    words = [w for w in (_NON_ALNUM_EDGE.sub("", w) if w != "&" else w for w in folded.split())]
    return " ".join(w for w in words if w)


def entity_key(entity_type: str, name: str) -> str:
    """Deterministic cross-article key: "PERSON:donald trump", "ORG:nhk", "COUNTRY:US".

    Well-known organisations get their acronym whichever way they are named ("ORG:un")."""
    if entity_type == "COUNTRY":
        return f"COUNTRY:{name}"
    value = name_norm(name).removeprefix("the ")
    if entity_type == "ORG":
        value = ORG_KEY_ALIASES.get(value, value)
    elif entity_type == "GROUP":
        value = _singular(value)
    return f"{entity_type}:{value}"


def _singular(norm: str) -> str:
    """A group's name in the singular, so "Democrats" and "Democrat" share a key."""
    head, _, last = norm.rpartition(" ")
    if len(last) > 4 and last.endswith("ies"):
        last = last[:-3] + "y"
    elif len(last) > 3 and last.endswith("s") and not last.endswith(("ss", "us")):
        last = last[:-1]
    return f"{head} {last}" if head else last


def is_full_name(norm: str) -> bool:
    """A normalised name of two or more words besides its particles ("ursula von der leyen"), not a
    lone surname ("trump", "von der leyen", "de gaulle")."""
    words = norm.split()
    return len(words) > 1 and not all(w in NAME_PARTICLES for w in words[:-1])


def initials(norm: str) -> str:
    """Initials of a normalised name's content words: "world health organization" → "who"."""
    return "".join(w[0] for w in norm.split() if w not in _LOWER_IN_ROLE and w != "&")


def looks_like_org(name: str) -> bool:
    """True when a name says organisation: a known firm, an "&", a corporate final word."""
    norm = name_norm(name)
    words = norm.split()
    return (
        norm in PERSON_NAMED_ORGS
        or norm in ORG_KEY_ALIASES
        or "&" in words
        or (bool(words) and words[-1] in ORG_SUFFIXES)
    )


def looks_like_event(name: str) -> bool:
    """True when a name ends like an event's ("Grammy Awards", "World Cup")."""
    words = name_norm(name).split()
    return len(words) > 1 and words[-1] in EVENT_SUFFIXES


def normalise_role(words: list[str]) -> str:
    """Title-cased role, abbreviations expanded: ["defense", "secretary"] → "Defence Secretary"."""
    out = []
    for i, word in enumerate(words):
        key = word_key(word)
        if key in _ABBREVIATIONS:
            out.append(_ABBREVIATIONS[key])
        elif key in _LOWER_IN_ROLE and i > 0:
            out.append(key)
        else:
            out.append("-".join(part.capitalize() for part in key.split("-")))
    return " ".join(out)
