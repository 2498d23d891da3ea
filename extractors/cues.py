"""Cue-word lists for attribution: English reporting, belief, commitment and agreement verbs.

Written from general knowledge of English news style (not mined from any annotated corpus).
"""

from __future__ import annotations

# Verbs of saying: their complement is what someone said.
SPEECH_VERBS: frozenset[str] = frozenset(
    """
    say tell state claim argue announce add note warn insist deny reiterate repeat explain assert
    declare report confirm acknowledge admit concede suggest propose predict promise pledge vow
    threaten urge ask demand reply respond answer write tweet post remark comment observe stress
    emphasize emphasise underline underscore highlight mention reveal disclose indicate signal
    hint allege accuse charge blame criticize criticise condemn slam blast praise hail welcome
    commend laud applaud congratulate thank reaffirm affirm maintain contend counter retort complain
    lament recall boast brag joke quip muse wonder speculate estimate forecast inform advise
    recommend caution dispute reject dismiss refute rebut challenge assure reassure guarantee swear
    testify describe characterize characterise label brand dub cite recount shout yell chant cry
    whisper summarize summarise conclude agree disagree acknowledge question call vouch tout
    decry denounce lambaste rebuke chide scold attack mock ridicule defend justify concur caution
    interject explain elaborate clarify specify reckon figure grumble protest plead beg invite
    encourage order instruct direct pressure press push implore appeal lobby
    """.split()
)

# Verbs of thinking, knowing and showing: PolNeAR-style attributions of belief and evidence.
BELIEF_VERBS: frozenset[str] = frozenset(
    """
    believe think feel know expect hope fear worry doubt suspect assume guess imagine understand
    realize realise recognize recognise consider suppose learn hear see find show demonstrate prove
    reflect determine decide conclude insist want wish prefer intend plan seek aim mean acknowledge
    trust presume sense judge estimate calculate
    """.split()
)

COMMITMENT_VERBS: frozenset[str] = frozenset(
    """
    pledge promise vow commit undertake guarantee plan intend vow resolve swear offer aim
    """.split()
)
AGREEMENT_VERBS: frozenset[str] = frozenset("sign ink agree seal conclude strike reach forge".split())
AGREEMENT_NOUNS: frozenset[str] = frozenset(
    """
    agreement deal pact accord treaty memorandum declaration partnership framework arrangement
    communique communiqué protocol understanding contract
    """.split()
)
PRAISE_VERBS: frozenset[str] = frozenset(
    "praise hail commend laud applaud congratulate thank salute welcome celebrate honour honor".split()
)
CRITICISM_VERBS: frozenset[str] = frozenset(
    """
    criticize criticise condemn slam blast attack denounce accuse blame rebuke decry lambaste chide
    scold mock ridicule deride assail castigate berate fault
    """.split()
)
DENIAL_VERBS: frozenset[str] = frozenset("deny reject dismiss refute rebut dispute contradict".split())

# Verbs whose infinitive (xcomp) complement is the content: "pledged to raise spending".
XCOMP_VERBS: frozenset[str] = frozenset(
    """
    pledge promise vow threaten urge ask plan intend agree decide refuse offer seek aim want hope
    expect call encourage order instruct invite tell warn advise promise commit appear claim
    wish prefer beg press push pressure implore appeal
    """.split()
)

# Nouns heading a source that names nobody: "officials said", "a senior diplomat said".
ANONYMOUS_NOUNS: frozenset[str] = frozenset(
    """
    official source diplomat aide spokesperson spokesman spokeswoman person people analyst expert
    observer insider adviser advisor representative member staffer staff negotiator someone
    insider officer lawmaker legislator minister ministry government administration
    """.split()
)

# Titles that a description ("the prime minister") can use to refer to a person.
TITLE_WORDS: frozenset[str] = frozenset(
    """
    president prime minister premier chancellor secretary leader king queen emperor senator
    governor mayor ambassador envoy chief director chairman chairwoman chair ceo head general
    spokesman spokeswoman spokesperson candidate nominee congressman congresswoman representative
    """.split()
)
LEADER_TITLES: frozenset[str] = frozenset(
    "president prime minister premier chancellor king queen emperor leader head".split()
)

PERSON_PRONOUNS: dict[str, str] = {
    "he": "m",
    "him": "m",
    "his": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "they": "p",
    "them": "p",
    "their": "p",
    "we": "p",
    "i": "s",
    "it": "n",
}

# Honorifics and a few common female given names: a weak gender hint for pronoun resolution.
FEMALE_HINTS: frozenset[str] = frozenset(
    """
    mrs ms miss madam madame lady queen she her woman sanae hillary angela theresa ursula kamala
    nancy elizabeth mary marine giorgia jacinda liz margaret sarah michelle melania ivanka kellyanne
    christine nikki condoleezza madeleine indira golda benazir dilma cristina yingluck tsai park
    geun-hye jill laura hope
    """.split()
)

# Demonyms and country forms so "the Japanese leader" can find "Japan's Prime Minister X".
DEMONYMS: dict[str, str] = {
    "american": "us",
    "u.s.": "us",
    "us": "us",
    "america": "us",
    "united": "us",
    "british": "uk",
    "britain": "uk",
    "uk": "uk",
    "french": "france",
    "dutch": "netherlands",
    "swiss": "switzerland",
    "chinese": "china",
    "japanese": "japan",
    "korean": "korea",
    "german": "germany",
    "russian": "russia",
    "indian": "india",
    "israeli": "israel",
    "iranian": "iran",
    "turkish": "turkey",
    "ukrainian": "ukraine",
    "mexican": "mexico",
    "canadian": "canada",
    "australian": "australia",
    "italian": "italy",
    "spanish": "spain",
    "saudi": "saudi",
    "philippine": "philippines",
    "filipino": "philippines",
    "vietnamese": "vietnam",
    "thai": "thailand",
    "malaysian": "malaysia",
    "indonesian": "indonesia",
    "brazilian": "brazil",
    "egyptian": "egypt",
    "pakistani": "pakistan",
}
