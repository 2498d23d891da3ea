"""Countries and places: names, short forms and demonyms → ISO 3166-1 alpha-2; capitals and cities.

Lookups are casefolded, accent-free, without dots or a leading "the" (see `geo_norm`), so "U.S.",
"US", "the United States" and "American" all give "US". pycountry supplies the official names;
the tables here add the short forms and demonyms news writes, and the cities pycountry lacks.
Demonyms used as adjectives ("Japanese firms") resolve to the country: a mention of Japan.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

import pycountry

# Short forms and names news uses that pycountry's names do not cover (keys already geo_norm'ed).
COUNTRY_ALIASES: dict[str, str] = {
    "us": "US",
    "usa": "US",
    "america": "US",
    "united states of america": "US",
    "uk": "GB",
    "britain": "GB",
    "great britain": "GB",
    "united kingdom": "GB",
    "russia": "RU",
    "south korea": "KR",
    "korea": "KR",
    "republic of korea": "KR",
    "rok": "KR",
    "north korea": "KP",
    "dprk": "KP",
    "china": "CN",
    "prc": "CN",
    "mainland china": "CN",
    "taiwan": "TW",
    "iran": "IR",
    "syria": "SY",
    "vietnam": "VN",
    "laos": "LA",
    "turkey": "TR",
    "czech republic": "CZ",
    "holland": "NL",
    "netherlands": "NL",
    "ivory coast": "CI",
    "uae": "AE",
    "emirates": "AE",
    "burma": "MM",
    "vatican": "VA",
    "vatican city": "VA",
    "palestine": "PS",
    "palestinian territories": "PS",
    "dr congo": "CD",
    "drc": "CD",
    "democratic republic of congo": "CD",
    "democratic republic of the congo": "CD",
    "bosnia": "BA",
    "macedonia": "MK",
    "swaziland": "SZ",
    "cape verde": "CV",
    "brunei": "BN",
    "east timor": "TL",
    "philippines": "PH",
    "gambia": "GM",
    "bahamas": "BS",
    "saudi": "SA",
    "kingdom of saudi arabia": "SA",
    "micronesia": "FM",
    "moldova": "MD",
    "bolivia": "BO",
    "venezuela": "VE",
    "tanzania": "TZ",
}

# Demonyms and adjectives (singular; a plural in -s is accepted too).
DEMONYMS: dict[str, str] = {
    "american": "US",
    "british": "GB",
    "briton": "GB",
    "japanese": "JP",
    "chinese": "CN",
    "russian": "RU",
    "south korean": "KR",
    "korean": "KR",
    "north korean": "KP",
    "german": "DE",
    "french": "FR",
    "italian": "IT",
    "spanish": "ES",
    "portuguese": "PT",
    "dutch": "NL",
    "belgian": "BE",
    "swiss": "CH",
    "austrian": "AT",
    "swedish": "SE",
    "swede": "SE",
    "norwegian": "NO",
    "danish": "DK",
    "dane": "DK",
    "finnish": "FI",
    "finn": "FI",
    "polish": "PL",
    "pole": "PL",
    "czech": "CZ",
    "hungarian": "HU",
    "romanian": "RO",
    "bulgarian": "BG",
    "greek": "GR",
    "turkish": "TR",
    "turk": "TR",
    "ukrainian": "UA",
    "belarusian": "BY",
    "irish": "IE",
    "icelandic": "IS",
    "serbian": "RS",
    "serb": "RS",
    "croatian": "HR",
    "croat": "HR",
    "indian": "IN",
    "pakistani": "PK",
    "afghan": "AF",
    "iranian": "IR",
    "iraqi": "IQ",
    "syrian": "SY",
    "israeli": "IL",
    "palestinian": "PS",
    "lebanese": "LB",
    "jordanian": "JO",
    "saudi arabian": "SA",
    "emirati": "AE",
    "qatari": "QA",
    "kuwaiti": "KW",
    "yemeni": "YE",
    "egyptian": "EG",
    "libyan": "LY",
    "tunisian": "TN",
    "algerian": "DZ",
    "moroccan": "MA",
    "nigerian": "NG",
    "kenyan": "KE",
    "ethiopian": "ET",
    "somali": "SO",
    "sudanese": "SD",
    "south african": "ZA",
    "zimbabwean": "ZW",
    "ghanaian": "GH",
    "ugandan": "UG",
    "rwandan": "RW",
    "congolese": "CD",
    "canadian": "CA",
    "mexican": "MX",
    "brazilian": "BR",
    "argentine": "AR",
    "argentinian": "AR",
    "chilean": "CL",
    "colombian": "CO",
    "peruvian": "PE",
    "venezuelan": "VE",
    "cuban": "CU",
    "australian": "AU",
    "new zealander": "NZ",
    "taiwanese": "TW",
    "vietnamese": "VN",
    "thai": "TH",
    "malaysian": "MY",
    "indonesian": "ID",
    "filipino": "PH",
    "philippine": "PH",
    "singaporean": "SG",
    "burmese": "MM",
    "cambodian": "KH",
    "bangladeshi": "BD",
    "sri lankan": "LK",
    "nepalese": "NP",
    "mongolian": "MN",
    "kazakh": "KZ",
    "uzbek": "UZ",
    "georgian": "GE",
    "armenian": "AM",
    "azerbaijani": "AZ",
    "azeri": "AZ",
    "estonian": "EE",
    "latvian": "LV",
    "lithuanian": "LT",
    "slovak": "SK",
    "slovenian": "SI",
    "luxembourgish": "LU",
    "sino": "CN",  # "Sino-US ties"
}

# Capitals: a capital standing for its government ("Washington said") is a country metonym.
CAPITALS: dict[str, str] = {
    "washington": "US",
    "washington dc": "US",
    "tokyo": "JP",
    "beijing": "CN",
    "moscow": "RU",
    "london": "GB",
    "paris": "FR",
    "berlin": "DE",
    "rome": "IT",
    "madrid": "ES",
    "lisbon": "PT",
    "brussels": "BE",
    "hague": "NL",
    "amsterdam": "NL",
    "bern": "CH",
    "vienna": "AT",
    "stockholm": "SE",
    "oslo": "NO",
    "copenhagen": "DK",
    "helsinki": "FI",
    "warsaw": "PL",
    "prague": "CZ",
    "budapest": "HU",
    "bucharest": "RO",
    "sofia": "BG",
    "athens": "GR",
    "ankara": "TR",
    "kyiv": "UA",
    "kiev": "UA",
    "minsk": "BY",
    "dublin": "IE",
    "belgrade": "RS",
    "zagreb": "HR",
    "seoul": "KR",
    "pyongyang": "KP",
    "taipei": "TW",
    "new delhi": "IN",
    "delhi": "IN",
    "islamabad": "PK",
    "kabul": "AF",
    "tehran": "IR",
    "baghdad": "IQ",
    "damascus": "SY",
    "jerusalem": "IL",
    "beirut": "LB",
    "amman": "JO",
    "riyadh": "SA",
    "abu dhabi": "AE",
    "doha": "QA",
    "cairo": "EG",
    "tripoli": "LY",
    "algiers": "DZ",
    "rabat": "MA",
    "abuja": "NG",
    "nairobi": "KE",
    "addis ababa": "ET",
    "pretoria": "ZA",
    "ottawa": "CA",
    "mexico city": "MX",
    "brasilia": "BR",
    "buenos aires": "AR",
    "santiago": "CL",
    "bogota": "CO",
    "lima": "PE",
    "caracas": "VE",
    "havana": "CU",
    "canberra": "AU",
    "wellington": "NZ",
    "hanoi": "VN",
    "bangkok": "TH",
    "kuala lumpur": "MY",
    "jakarta": "ID",
    "manila": "PH",
    "phnom penh": "KH",
    "dhaka": "BD",
    "kathmandu": "NP",
    "ulaanbaatar": "MN",
    "astana": "KZ",
    "tbilisi": "GE",
    "yerevan": "AM",
    "baku": "AZ",
    "tallinn": "EE",
    "riga": "LV",
    "vilnius": "LT",
    "bratislava": "SK",
    "ljubljana": "SI",
    "naypyidaw": "MM",
}

# Other cities and places news often names (pycountry has no cities).
CITIES: dict[str, str] = {
    "new york": "US",
    "new york city": "US",
    "los angeles": "US",
    "chicago": "US",
    "san francisco": "US",
    "houston": "US",
    "boston": "US",
    "miami": "US",
    "detroit": "US",
    "seattle": "US",
    "pearl harbor": "US",
    "camp david": "US",
    "mar a lago": "US",
    "silicon valley": "US",
    "guam": "GU",
    "okinawa": "JP",
    "osaka": "JP",
    "kyoto": "JP",
    "yokosuka": "JP",
    "yokohama": "JP",
    "hiroshima": "JP",
    "nagasaki": "JP",
    "nara": "JP",
    "kobe": "JP",
    "busan": "KR",
    "gyeongju": "KR",
    "incheon": "KR",
    "shanghai": "CN",
    "shenzhen": "CN",
    "guangzhou": "CN",
    "wuhan": "CN",
    "tianjin": "CN",
    "davos": "CH",
    "geneva": "CH",
    "zurich": "CH",
    "frankfurt": "DE",
    "munich": "DE",
    "hamburg": "DE",
    "milan": "IT",
    "barcelona": "ES",
    "marseille": "FR",
    "lyon": "FR",
    "manchester": "GB",
    "birmingham": "GB",
    "liverpool": "GB",
    "glasgow": "GB",
    "edinburgh": "GB",
    "cardiff": "GB",
    "belfast": "GB",
    "leeds": "GB",
    "st petersburg": "RU",
    "saint petersburg": "RU",
    "vladivostok": "RU",
    "mumbai": "IN",
    "bangalore": "IN",
    "kolkata": "IN",
    "karachi": "PK",
    "lahore": "PK",
    "istanbul": "TR",
    "dubai": "AE",
    "tel aviv": "IL",
    "gaza": "PS",
    "ramallah": "PS",
    "jeddah": "SA",
    "sharm el sheikh": "EG",
    "lagos": "NG",
    "johannesburg": "ZA",
    "cape town": "ZA",
    "toronto": "CA",
    "montreal": "CA",
    "vancouver": "CA",
    "sao paulo": "BR",
    "rio de janeiro": "BR",
    "sydney": "AU",
    "melbourne": "AU",
    "ho chi minh city": "VN",
    "kaesong": "KP",
    "panmunjom": "KP",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "northern ireland": "GB",
}

_THE = re.compile(r"^the\s+")
_DOTS = re.compile(r"[.\u2019'`]")
_SPACES = re.compile(r"[\s\u2010-\u2015-]+")


def fold(text: str) -> str:
    """Casefold and strip accents: "Türkiye" → "turkiye"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@lru_cache(maxsize=65536)
def geo_norm(text: str) -> str:
    """Lookup form of a place name: accent-free, casefolded, no dots, no leading "the"."""
    folded = _SPACES.sub(" ", _DOTS.sub("", fold(text))).strip()
    return _THE.sub("", folded)


@cache
def _country_index() -> dict[str, str]:
    """Every name form of every country → alpha-2: pycountry names first, then the aliases."""
    index: dict[str, str] = {}
    countries = list(pycountry.countries)
    for country in countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                index.setdefault(geo_norm(value), country.alpha_2)
    for country in countries:  # "Moldova, Republic of" → "moldova", unless taken
        index.setdefault(geo_norm(country.name.split(",")[0]), country.alpha_2)
    index.update(COUNTRY_ALIASES)
    return index


@cache
def _demonym_index() -> dict[str, str]:
    """Demonyms and their plurals → alpha-2."""
    index = dict(DEMONYMS)
    index.update({f"{k}s": v for k, v in DEMONYMS.items() if not k.endswith(("s", "sh", "ch"))})
    return index


# When a state or province name exists in several countries ("Florida": US and Uruguay), the
# first of these that has it wins; otherwise an ambiguous name gets no country.
_SUBDIVISION_PREFERENCE = ("US", "GB", "CA", "AU", "IN", "CN", "JP", "DE", "FR", "RU")


@cache
def _subdivision_index() -> dict[str, str]:
    """Names of states, provinces and prefectures → alpha-2 of the country they belong to."""
    owners: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        owners.setdefault(geo_norm(sub.name), set()).add(sub.country_code)
    index = {}
    for name, codes in owners.items():
        preferred = [c for c in _SUBDIVISION_PREFERENCE if c in codes]
        if len(codes) == 1 or preferred:
            index[name] = preferred[0] if preferred else next(iter(codes))
    return index


_NAME_OVERRIDES = {
    "US": "United States",
    "GB": "United Kingdom",
    "RU": "Russia",
    "TW": "Taiwan",
    "TR": "Turkey",
    "VA": "Vatican City",
    "CD": "DR Congo",
    "BN": "Brunei",
    "PS": "Palestine",
    "CZ": "Czech Republic",
    "LA": "Laos",
    "VN": "Vietnam",
}


def country_code(name: str) -> str | None:
    """ISO alpha-2 of a country named by name or short form ("U.S.", "Britain"), else None."""
    key = geo_norm(name)
    if len(key) <= 3 and key not in COUNTRY_ALIASES:
        return None  # bare codes such as "AND" or "CAN" are words, not countries
    return _country_index().get(key)


def demonym_code(word: str) -> str | None:
    """ISO alpha-2 of a demonym or national adjective ("Japanese", "Americans"), else None."""
    return _demonym_index().get(geo_norm(word))


def capital_code(name: str) -> str | None:
    """Alpha-2 of the country whose capital this is, else None."""
    return CAPITALS.get(geo_norm(name))


def city_code(name: str) -> str | None:
    """Alpha-2 of the country a capital or a listed city is in, else None."""
    key = geo_norm(name)
    return CAPITALS.get(key) or CITIES.get(key)


def place_code(name: str) -> str | None:
    """Alpha-2 of the country a known city, capital, state or province is in, else None."""
    return city_code(name) or _subdivision_index().get(geo_norm(name))


def country_name(code: str) -> str:
    """The usual English name of a country: "KR" → "South Korea"."""
    if code in _NAME_OVERRIDES:
        return _NAME_OVERRIDES[code]
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    common = getattr(country, "common_name", None)
    return str(common or country.name.split(",")[0])
