"""Attribution spans from the spaCy parse: cue verbs and their complements, direct quotes,
"according to X", source-less passives. Pure span finding; speakers and kinds come later.

All spans are end-exclusive character offsets into `doc_text(doc)`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Token

from extractors.claims.cues import (
    AGREEMENT_NOUNS,
    AGREEMENT_VERBS,
    BELIEF_VERBS,
    CUE_NOUNS,
    SPEECH_VERBS,
    STANCE_VERBS,
    XCOMP_VERBS,
)
from extractors.claims.quotes import Quote, find_quotes, paragraphs, word_count
from extractors.spans import doc_text, indices_with_lower, indices_with_pos, sent_bounds

Span = tuple[int, int]

SUBJ_DEPS = {"nsubj", "nsubjpass", "csubj"}
OBJ_DEPS = {"dobj", "oprd", "attr", "xcomp", "ccomp", "dative"}
TAIL_DEPS = {"prep", "oprd", "xcomp", "ccomp", "acomp", "dobj"}
EVIDENCE_VERBS = {"show", "demonstrate", "document"}
# Evidential raising verbs: "X seems to Y" reports an impression of X with no named holder.
SEEM_VERBS = {"seem", "appear"}
SEEM_DEPS = {"xcomp", "acomp", "oprd", "ccomp"}
ADJUNCT_PREPS = {"during", "since", "after", "before", "at", "in", "while", "despite", "amid"}
RELATIVE_WORDS = {"which", "who", "whom", "whose"}
CONCESSIVES = {"although", "though", "while"}
# Words opening a trailing clause the speaker's content does not include (", although ...").
TRAILING_WORDS = RELATIVE_WORDS | CONCESSIVES
_TITLE_WORD_RE = re.compile(r"[A-Za-z][\w'\u2019-]*")
_BODY_NAME_RE = re.compile(r"(?<=[a-z,;] )[A-Z][\w'\u2019-]*")
# Verbs that introduce a quotation only when right next to it ("...," he continued).
QUOTE_VERBS = {"continue", "conclude", "begin", "start", "go", "put", "quip", "sum", "offer"}
# Words opening a clause of its own: a quote's reporting verb is not looked for past them.
SUBORDINATORS = CONCESSIVES | {"when", "because", "after", "before", "since", "if", "until"}
WH_WORDS = {"whether", "how", "why", "what", "who"}
ANSWERS = {"yes", "no"}
VIEW_NOUNS = {"view", "opinion", "word", "eye", "estimation", "judgment", "judgement", "mind"}
# "In a new poll, 52% said ...": a sentence-opening poll is the source of what follows.
POLL_NOUNS = {"poll", "survey"}
CONTENT_PREPS = {"about", "on", "of", "against", "for"}
INHERIT_DEPS = {"conj", "advcl", "xcomp", "pcomp", "acl"}
ABSOLUTE_DEPS = {"advcl", "pcomp", "acl", "conj"}  # an -ing clause that may carry its own subject
EXPLETIVES = {"it", "there"}
# Nouns taking a that-clause that states a fact or circumstance, not someone's statement.
NON_ATTRIBUTIVE_NOUNS = {
    "fact",
    "way",
    "time",
    "point",
    "sense",
    "extent",
    "degree",
    "case",
    "reason",
    "day",
    "year",
    "moment",
    "place",
    "result",
    "effect",
    "condition",
    "event",
    "possibility",
}
FINITE_TAGS = {"VBD", "VBZ", "VBP"}
NOUN_TAGS = {"NN", "NNS", "NNP", "NNPS"}
# Verbs that take a finite clause without attributing it to their subject.
NON_ATTRIBUTIVE_VERBS = {
    "be",
    "have",
    "do",
    "make",
    "ensure",
    "insure",
    "mean",
    "seem",
    "appear",
    "look",
    "sound",
    "happen",
    "turn",
    "get",
    "let",
    "help",
    "go",
    "come",
    "matter",
    "depend",
    "see",
    "cause",
    "guarantee",
    "require",
    "need",
    "want",
    "try",
}
CUE_LEMMAS = SPEECH_VERBS | BELIEF_VERBS | STANCE_VERBS
ALL_CUE_VERBS = CUE_LEMMAS | AGREEMENT_VERBS
MIN_QUOTE_WORDS = 4
SPLIT_QUOTE_GAP = 40  # max characters between a split quote and its reporting verb
LOOKAROUND = 12
# A belief verb's plain noun object is a belief only when it is long ("knew the details": not one).
BELIEF_OBJECT_WORDS = 3


@dataclass(slots=True)
class Attribution:
    """One attribution: content fragments, and cue/source spans when there are any."""

    content: list[Span]
    cue: Span | None = None
    source: Span | None = None
    cue_token: int | None = None
    source_token: int | None = None
    direct: bool = False
    according: bool = False
    agreement: bool = False  # a signing verb with an agreement object
    label: bool = False  # "NAME: text" speaker label at a paragraph start
    quotes: list[Span] = field(default_factory=list)  # the quotations attached to this cue

    @property
    def content_span(self) -> Span:
        """Envelope of the content fragments."""
        return self.content[0][0], max(e for _, e in self.content)


def tok_span(doc: Doc, first: int, last: int) -> Span:
    """Character span of tokens first..last (inclusive), trimmed of edge punctuation."""
    while first < last and _edge_junk(doc[first]):
        first += 1
    while last > first and _edge_junk(doc[last]):
        last -= 1
    return doc[first].idx, doc[last].idx + len(doc[last])


def _edge_junk(tok: Token) -> bool:
    """Punctuation or space to trim from a span's edge; quote marks and "%" ("2%") stay."""
    return (tok.is_punct or tok.is_space) and not _is_quote(tok) and tok.text != "%"


def subtree_span(doc: Doc, tok: Token) -> Span:
    """Character span of a token's subtree."""
    return tok_span(doc, tok.left_edge.i, tok.right_edge.i)


def _is_quote(tok: Token) -> bool:
    return tok.is_quote or tok.text in {"\u201c", "\u201d", "''", "``", '"'}


def subject_of(tok: Token) -> Token | None:
    """The subject of a verb, inherited along conj/advcl/xcomp chains ("X praised ... and said")."""
    seen = 0
    cur: Token | None = tok
    while cur is not None and seen < 6:
        own = subject_of_own(cur)
        if own is not None:
            return own
        if cur.dep_ not in INHERIT_DEPS or cur.head.i == cur.i:
            return None
        if cur.dep_ == "conj" and cur.head.dep_ == "ccomp" and _is_speech(cur):
            cur = cur.head.head
            continue
        cur = _governing_verb(cur.head) if cur.dep_ in {"pcomp", "acl"} else cur.head
        seen += 1
    return None


def _governing_verb(tok: Token) -> Token | None:
    """The verb above a preposition or an object noun ("issued a statement saying", "by saying")."""
    for _ in range(3):
        if tok.pos_ in {"VERB", "AUX"}:
            return tok
        if tok.dep_ not in {"prep", "dobj", "pobj", "agent"} or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _passive_adjunct(verb: Token) -> bool:
    """ "Asked about the bomb, Clinton said ...": who asked is not said; the main subject is the
    one asked, not the source ("Convinced that ..., she left": a belief stays hers)."""
    if verb.tag_ != "VBN" or verb.dep_ != "advcl" or subject_of_own(verb) is not None:
        return False
    return cue_lemma(verb) in SPEECH_VERBS


def _agent(tok: Token) -> Token | None:
    """The by-phrase object of a passive verb ("was told by aides")."""
    for child in tok.children:
        if child.dep_ == "agent":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    return None


def source_for(doc: Doc, verb: Token) -> tuple[Span | None, int | None]:
    """Source span and head token of a cue verb; None for expletive passives ("it is said")
    and for evidential verbs ("X seems to ...")."""
    if _passive_adjunct(verb) or _seem_verb(verb):
        return None, None
    reporter = _reporting_verb_above(verb)
    subj = subject_of(reporter if reporter is not None else verb)
    if subj is None and verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.i < verb.i:
        return _words_before(doc, verb.head, verb), verb.head.i  # "super PACs backing Cruz"
    if subj is None:
        subj = _stray_subject(doc, verb)
    if subj is None:
        return None, None
    if subj.dep_ == "nsubjpass":
        agent = _agent(verb)
        if agent is not None:
            return subtree_span(doc, agent), agent.i
        return None, None
    if subj.lower_ in {"there", "'s", "\u2019s"} or subj.pos_ == "PUNCT":
        return None, None
    if subj.i < verb.i and any(c.dep_ == "appos" and c.i > verb.i for c in subj.children):
        # "Podliska alleges X, a claim that ...": the parser hung a later appositive on the subject.
        return _words_before(doc, subj, verb), subj.i
    return subtree_span(doc, subj), subj.i


def _words_before(doc: Doc, tok: Token, verb: Token) -> Span:
    """The span of a noun's own words before the verb, when its subtree runs on past the verb."""
    return tok_span(doc, tok.left_edge.i, max(t.i for t in tok.subtree if t.i < verb.i))


def _reporting_verb_above(verb: Token) -> Token | None:
    """The cue verb whose reported clause a trailing -ing cue hangs from: in "Carson said he
    plans X, insisting Y" the insisting is Carson's, not the reported "he"'s."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBG":
        return None
    tok = verb.head
    for _ in range(4):
        if tok.dep_ == "ccomp" and tok.head.i < tok.i and is_cue(tok.head):
            return tok.head
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _stray_subject(doc: Doc, verb: Token) -> Token | None:
    """The nearest subject before a cue the parser left subjectless ("X, an aide, said");
    never for a past participle, whose missing subject is usually the passive's point."""
    if verb.tag_ == "VBN":
        return None
    first = sent_bounds(doc, verb.i)[0]
    for i in range(verb.i - 1, first - 1, -1):
        tok = doc[i]
        if tok.dep_ == "nsubj" and tok.lower_ not in EXPLETIVES | RELATIVE_WORDS | {"that"}:
            return tok
    return None


def _children(tok: Token, deps: set[str]) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def content_for(doc: Doc, verb: Token) -> list[Span] | None:
    """The content of a cue verb: its complement, or the clause it interrupts ("X, he said, Y")."""
    framed = (
        passive_raising(doc, verb) or seem_raising(doc, verb) or as_clause(doc, verb) or answer(doc, verb)
    )
    if framed is not None:
        return framed
    single = complement_for(doc, verb)
    if single is not None:
        return [trim_trailing(doc, single)]
    return interrupted_clause(doc, verb) or after_colon(doc, verb) or passive_subject(doc, verb)


def passive_raising(doc: Doc, verb: Token) -> list[Span] | None:
    """ "X is expected to win", "X is seen as the favourite": the passive subject and the
    infinitive or as-phrase are the content."""
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    xcomp = next((c for c in verb.children if c.i > verb.i and _raised_predicate(c)), None)
    if subj is None or xcomp is None or subj.lower_ in EXPLETIVES or subj.i > verb.i:
        return None
    return [subtree_span(doc, subj), subtree_span(doc, xcomp)]


def _raised_predicate(tok: Token) -> bool:
    """What a passive cue says of its subject: "to win", "as the favourite"."""
    return tok.dep_ == "xcomp" or (tok.dep_ == "prep" and tok.lower_ == "as")


def _seem_verb(tok: Token) -> bool:
    return tok.lemma_.lower() in SEEM_VERBS


def _seem_complement(verb: Token) -> Token | None:
    """What a seem/appear verb says of its subject ("to be winning", "paralyzed"), unless that
    is itself a cue verb ("seemed to blame X": the cue is "blame")."""
    if not _seem_verb(verb):
        return None
    comp = next((c for c in verb.children if c.dep_ in SEEM_DEPS and c.i > verb.i), None)
    if comp is None or (comp.dep_ == "xcomp" and is_cue(comp)):
        return None
    return comp


def seem_raising(doc: Doc, verb: Token) -> list[Span] | None:
    """ "Trump's supporters seemed unperturbed": the subject and what is said of it."""
    comp = _seem_complement(verb)
    subj = subject_of_own(verb)
    if comp is None or subj is None or subj.lower_ in EXPLETIVES or subj.i > verb.i:
        return None
    return [subtree_span(doc, subj), subtree_span(doc, comp)]


def as_clause(doc: Doc, verb: Token) -> list[Span] | None:
    """ "As the Times noted, Clinton raised $1.1 million": the clause the as-clause introduces."""
    if verb.dep_ != "advcl" or verb.i > verb.head.i or subject_of_own(verb) is None or _has_complement(verb):
        return None
    if not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return None
    first, last = verb.right_edge.i + 1, verb.head.right_edge.i
    while first < last and doc[first].is_punct:
        first += 1
    if first > last or word_count(doc[first : last + 1].text) < 3:
        return None
    return [tok_span(doc, first, last)]


def _has_complement(verb: Token) -> bool:
    """A verb with its own object or clause ("as they vowed to fight on") reports that, not the
    clause around it."""
    return any(
        c.i > verb.i and (c.dep_ in {"dobj", "xcomp"} or _clausal_complement(c) or _topic_prep(c))
        for c in verb.children
    )


def _topic_prep(tok: Token) -> bool:
    """A preposition naming what is spoken about: "talked about X", "warned against Y"."""
    return tok.dep_ == "prep" and tok.lower_ in CONTENT_PREPS


def answer(doc: Doc, verb: Token) -> list[Span] | None:
    """ "72 percent said yes": a yes/no right after a speech verb."""
    nxt = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    if nxt is None or nxt.lower_ not in ANSWERS or nxt.head.i != verb.i or not _is_speech(verb):
        return None
    return [(nxt.idx, nxt.idx + len(nxt))]


def passive_subject(doc: Doc, verb: Token) -> list[Span] | None:
    """ "The plan was rejected by the council": the passive subject is what was said/judged."""
    if cue_lemma(verb) not in SPEECH_VERBS:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subj is None or subj.lower_ in EXPLETIVES or subj.pos_ == "PRON":
        return None
    return [subtree_span(doc, subj)]


def interrupted_clause(doc: Doc, verb: Token) -> list[Span] | None:
    """ "Climate change, Obama said, is a threat": the head clause minus the reporting clause."""
    if cue_lemma(verb) not in SPEECH_VERBS or verb.head.i == verb.i:
        return None
    head = verb.head
    inverted = verb.dep_ == "ccomp" and verb.i > head.i and doc[verb.left_edge.i - 1].text == ","
    if (verb.dep_ != "parataxis" and not inverted) or _has_complement(verb):
        return None
    if subject_of(verb) is None or head.pos_ not in {"VERB", "AUX"}:
        return None
    frags = []
    if verb.left_edge.i > head.left_edge.i:
        frags.append(tok_span(doc, head.left_edge.i, verb.left_edge.i - 1))
    if verb.right_edge.i < head.right_edge.i:
        frags.append(tok_span(doc, verb.right_edge.i + 1, head.right_edge.i))
    frags = [f for f in frags if word_count(doc_text(doc)[f[0] : f[1]]) >= 1]
    return frags or None


def after_colon(doc: Doc, verb: Token) -> list[Span] | None:
    """ "He said: we will win" : the rest of the sentence after the colon."""
    nxt = verb.i + 1
    while nxt < len(doc) and nxt < verb.i + 4 and doc[nxt].text != ":":
        nxt += 1
    if nxt >= len(doc) - 1 or doc[nxt].text != ":" or cue_lemma(verb) not in SPEECH_VERBS:
        return None
    end = sent_bounds(doc, nxt)[1]
    if end > nxt and word_count(doc[nxt + 1 : end + 1].text) >= 3:
        return [tok_span(doc, nxt + 1, end)]
    colon_end = doc[nxt].idx + 1
    if "\n" not in doc_text(doc)[colon_end : colon_end + 3]:
        return None
    after = [p for p in paragraphs(doc_text(doc)) if p[0] >= colon_end]
    return [after[0]] if after and word_count(doc_text(doc)[after[0][0] : after[0][1]]) >= 3 else None


def trim_trailing(doc: Doc, span: Span) -> Span:
    """Cut a trailing non-restrictive part: ", which ...", ", although ...", ", the alliance
    that ...", and a speech participle (", insisting that ..."), an attribution of its own."""
    tokens = doc.char_span(span[0], span[1], alignment_mode="expand")
    if tokens is None or len(tokens) < 6:
        return span
    for k in range(tokens.start + 3, tokens.end - 1):
        if doc[k].text not in {",", "--", "\u2014"}:
            continue
        nxt = doc[k + 1]
        if nxt.pos_ == "ADV" and k + 2 < tokens.end:
            nxt = doc[k + 2]
        speech_participle = nxt.tag_ == "VBG" and nxt.dep_ == "advcl" and nxt.head.i < k and _is_speech(nxt)
        trailing = nxt.lower_ in TRAILING_WORDS and _runs_to_end(doc, k + 1, tokens.end)
        if trailing or speech_participle or _appositive_at(doc, k + 1, tokens.end):
            return span[0], tok_span(doc, tokens.start, k - 1)[1]
    return span


def _runs_to_end(doc: Doc, i: int, end: int) -> bool:
    """Whether the clause opening at token i runs to the span's end ("X, which ..., did Y" does not)."""
    top = doc[i]
    while top.head.i != top.i and i <= top.head.i < end:
        top = top.head
    return top.right_edge.i >= end - 2


def _appositive_at(doc: Doc, i: int, end: int) -> bool:
    """ ", the worst attack since 1945" closing the content: a described appositive."""
    if doc[i].lower_ not in {"the", "a", "an"}:
        return False
    return any(t.dep_ == "appos" and t.left_edge.i == i and t.right_edge.i >= end - 2 for t in doc[i:end])


def _clausal_complement(clause: Token) -> bool:
    """A ccomp, or a that-clause the parser took for an adverbial ("tweeted that X was ...")."""
    return clause.dep_ == "ccomp" or (clause.i > clause.head.i and clause.left_edge.lower_ == "that")


def _parenthetical(doc: Doc, clause: Token) -> bool:
    """A clause set off by a bracket or dash ("... (they want lower rates)"): an aside, not the
    verb's complement."""
    first = clause.left_edge.i
    opener = doc[first] if doc[first].is_punct else doc[first - 1] if first > 0 else None
    return opener is not None and opener.text in {"(", "\u2014", "\u2015", "--"}


def _clause_span(doc: Doc, clause: Token) -> Span:
    """A complement clause's span, cut before a conjoined reporting verb ("... and warned X")."""
    last = clause.right_edge.i
    for child in clause.children:
        if child.dep_ == "conj" and _is_speech(child) and subject_of_own(child) is None:
            cc = [c for c in clause.children if c.dep_ == "cc" and c.i < child.i]
            last = min(last, (cc[-1].i if cc else child.left_edge.i) - 1)
    return tok_span(doc, clause.left_edge.i, max(last, clause.i))


def _is_speech(tok: Token) -> bool:
    return tok.pos_ == "VERB" and cue_lemma(tok) in SPEECH_VERBS


def subject_of_own(tok: Token) -> Token | None:
    """The verb's own subject child, not inherited.

    When the parser gives a verb several subjects, one cut off from the verb by a quotation mark
    or a colon is not it: in "'... Thanks to all of you,' she added" the quote's last words, and in
    "Paris, 2 May: Ministers said" the dateline, are no speakers. A clause on an -ing verb often
    has its subject tagged as a compound right before the verb ("..., the mayor Smith noting
    that ...", "with Jones stating ..."): that name is the verb's own subject."""
    subjects = [c for c in tok.children if c.dep_ in SUBJ_DEPS]
    if len(subjects) > 1:
        subjects = [c for c in subjects if not _cut_off(c, tok)] or subjects
    if subjects:
        return subjects[0]
    if tok.tag_ == "VBG" and tok.dep_ in ABSOLUTE_DEPS and tok.i > 0:
        prev = tok.doc[tok.i - 1]
        if prev.head.i == tok.i and prev.dep_ in {"compound", "npadvmod"} and prev.tag_ in {"NNP", "NNPS"}:
            return prev
    return None


def _cut_off(subj: Token, verb: Token) -> bool:
    """A quotation mark or a colon stands between a subject and its verb."""
    lo, hi = sorted((subj.i, verb.i))
    return any(_is_quote(t) or t.text == ":" for t in subj.doc[lo + 1 : hi])


def _argument_prep(prep: Token) -> bool:
    """A preposition that belongs to the content, not a time/place adjunct of the verb."""
    if prep.lower_ in ADJUNCT_PREPS:
        return False
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return pobj is None or pobj.ent_type_ not in {"DATE", "TIME", "GPE", "LOC", "FAC", "EVENT"}


def complement_for(doc: Doc, verb: Token) -> Span | None:
    """The complement a cue verb introduces: its clause, infinitive or object."""
    clauses = _children(verb, {"ccomp", "advcl"}) if verb.lemma_ != "be" else []
    clauses = [c for c in clauses if _clausal_complement(c) and not _parenthetical(doc, c)]
    if verb.i and any(c.dep_ == "mark" for c in verb.children):
        clauses = [c for c in clauses if c.i > verb.i]
    if clauses:
        right = [c for c in clauses if c.i > verb.i]
        return _clause_span(doc, (right or clauses)[-1])
    lemma = cue_lemma(verb)
    xcomps = _children(verb, {"xcomp"})
    if xcomps and lemma in XCOMP_VERBS:
        objs = [c for c in verb.children if c.dep_ in {"dobj", "dative"} and c.i < xcomps[0].i]
        first = objs[0].left_edge.i if objs else xcomps[0].left_edge.i
        return tok_span(doc, first, _conjunct_end(verb, xcomps[-1], {"VB"}))
    agreement = _agreement_object(verb) if lemma in AGREEMENT_VERBS else None
    if agreement is not None:
        return subtree_span(doc, agreement)
    if lemma not in CUE_LEMMAS and lemma not in EVIDENCE_VERBS:
        return None
    objs = [c for c in verb.children if c.dep_ in OBJ_DEPS and c.i > verb.i]
    if objs and objs[0].dep_ != "dative":
        tail = [
            c
            for c in verb.children
            if c.dep_ in TAIL_DEPS and c.i > objs[0].i and (c.dep_ != "prep" or _argument_prep(c))
        ]
        last = max(objs + tail, key=lambda c: c.right_edge.i)
        span = tok_span(doc, objs[0].left_edge.i, _conjunct_end(verb, last, NOUN_TAGS))
        if _belief_only(lemma) and word_count(doc_text(doc)[span[0] : span[1]]) <= BELIEF_OBJECT_WORDS:
            return None
        return span
    preps = [c for c in verb.children if _topic_prep(c)]
    if preps and preps[0].i > verb.i:
        pobjs = _children(preps[0], {"pobj", "pcomp"})
        if pobjs:
            return subtree_span(doc, pobjs[0])
    return _fronted_as(doc, verb) or _wh_clause(doc, verb)


def _belief_only(lemma: str) -> bool:
    """A verb of thinking, not of saying or taking a stance ("know", "expect", "see")."""
    return lemma in BELIEF_VERBS and lemma not in SPEECH_VERBS and lemma not in STANCE_VERBS


def _conjunct_end(verb: Token, last: Token, tags: set[str]) -> int:
    """Where a complement ends once the conjuncts the parser hung on the cue verb are back in it
    ("wants to triple X, grow Y and create Z"; "cited the remarks and a need to act")."""
    end = last.right_edge.i
    for child in verb.children:
        if child.dep_ == "conj" and child.i > end and child.tag_ in tags and subject_of_own(child) is None:
            end = child.right_edge.i
    return end


def _fronted_as(doc: Doc, verb: Token) -> Span | None:
    """ "whom one insider described as 'his brother'": the fronted object through the as-phrase
    (the cue and source inside are cut out later)."""
    fronted = next((c for c in verb.children if c.dep_ == "dobj" and c.i < verb.i), None)
    as_prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"), None)
    if fronted is None or as_prep is None or fronted.lower_ not in RELATIVE_WORDS | {"what", "that"}:
        return None
    return tok_span(doc, fronted.i, as_prep.right_edge.i)


def _wh_clause(doc: Doc, verb: Token) -> Span | None:
    """ "have not said when they would vote": a wh- clause attached as advcl."""
    for child in verb.children:
        if child.dep_ == "advcl" and child.i > verb.i and child.left_edge.lower_ in WH_WORDS:
            return subtree_span(doc, child)
    return None


def cue_lemma(tok: Token) -> str:
    """The verb's lemma, repaired when the lemmatiser misreads a cue ("hoped" → "hop")."""
    lemma = tok.lemma_.lower()
    if lemma in ALL_CUE_VERBS:
        return lemma
    low = tok.lower_
    for suffix in ("ing", "ed", "es", "d", "s"):
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            base = low[: -len(suffix)]
            for cand in (base, base + "e", base[:-1] if base[-1:] == base[-2:-1] else base):
                if cand in ALL_CUE_VERBS:
                    return cand
    return lemma


def is_cue(tok: Token) -> bool:
    """A verb whose lemma is a reporting or belief cue, or 'signed/inked an agreement'."""
    if tok.pos_ not in {"VERB", "AUX"}:
        return False
    lemma = cue_lemma(tok)
    if lemma in CUE_LEMMAS or (lemma in AGREEMENT_VERBS and _agreement_object(tok) is not None):
        return True
    return _clausal_cue(tok) or _seem_complement(tok) is not None


def _finite_clause(clause: Token) -> bool:
    """A finite complement clause: "that"-marked, or with its own subject and a tensed verb."""
    if any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
        return True
    if clause.tag_ not in FINITE_TAGS and not any(
        c.dep_ in {"aux", "auxpass"} and c.tag_ in FINITE_TAGS | {"MD"} for c in clause.children
    ):
        return False
    return any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in clause.children)


def _clausal_cue(tok: Token) -> bool:
    """Any verb with a nominal subject and a finite clausal complement ("officials fear that ...").

    News attribution covers most verbs of communication, stance and cognition taking a
    clause; a short stoplist removes verbs whose clause is not somebody's statement.
    """
    if tok.pos_ != "VERB" or tok.lemma_.lower() in NON_ATTRIBUTIVE_VERBS:
        return False
    subj = subject_of_own(tok)
    if subj is None or subj.dep_ != "nsubj" or subj.lower_ in EXPLETIVES | {"this", "that", "which"}:
        return False
    return any(c.dep_ == "ccomp" and c.i > tok.i and _finite_clause(c) for c in tok.children)


def _agreement_object(tok: Token) -> Token | None:
    """The 'agreement'/'deal' object of a signing verb."""
    for child in tok.children:
        if child.dep_ == "dobj" and child.lemma_.lower() in AGREEMENT_NOUNS:
            return child
    return None


def cue_span(tok: Token) -> Span:
    """Character span of a cue token, with a following particle ("point out")."""
    end = tok.idx + len(tok)
    for child in tok.children:
        if child.dep_ == "prt" and child.i == tok.i + 1:
            end = child.idx + len(child)
    return tok.idx, end


def _sourceless_ok(verb: Token) -> bool:
    """A cue without a source is kept only as an impersonal passive: "it is understood that"."""
    subj = subject_of(verb)
    return _passive_adjunct(verb) or _seem_verb(verb) or (subj is not None and subj.dep_ == "nsubjpass")


def _short_ok(doc: Doc, frags: list[Span]) -> bool:
    """A one-word content worth keeping: a named object ("endorsed Sanders") or a yes/no answer."""
    span = doc.char_span(frags[0][0], frags[-1][1])
    if span is None or len(span) != 1:
        return False
    tok = span[0]
    return tok.lower_ in ANSWERS or (tok.pos_ == "PROPN" and tok.dep_ == "dobj")


def around_cue(doc: Doc, frags: list[Span], source: Span | None, cue: Span) -> list[Span] | None:
    """A clause that holds its own cue ("which officials said will start soon") minus source and cue."""
    if source is None or len(frags) != 1:
        return None
    start, end = frags[0]
    if not start <= source[0] < cue[0] < end:
        return None
    text = doc_text(doc)
    parts = [tok_trim(text, start, source[0]), tok_trim(text, cue[1], end)]
    return [p for p in parts if word_count(text[p[0] : p[1]]) >= 1] or None


def verb_attributions(doc: Doc) -> list[Attribution]:
    """Attributions anchored on cue verbs with a complement."""
    out: list[Attribution] = []
    text = doc_text(doc)
    for i in indices_with_pos(doc, {"VERB", "AUX"}):  # is_cue needs one of these
        tok = doc[i]
        if not is_cue(tok):
            continue
        frags = content_for(doc, tok)
        if frags is None:
            continue
        if sum(word_count(text[s:e]) for s, e in frags) < 2 and not _short_ok(doc, frags):
            continue
        source, head = source_for(doc, tok)
        if any(s <= tok.idx < e for s, e in frags):
            frags = around_cue(doc, frags, source, cue_span(tok))
            if frags is None:
                continue
        if source is not None and any(_overlaps(source, f) for f in frags):
            continue
        if source is None and not _sourceless_ok(tok):
            continue
        agreement = cue_lemma(tok) in AGREEMENT_VERBS and _agreement_object(tok) is not None
        out.append(Attribution(frags, cue_span(tok), source, tok.i, head, agreement=agreement))
    return out


def noun_attributions(doc: Doc) -> list[Attribution]:
    """ "Trump's claim that the vote was rigged": a cue noun with a that-clause or infinitive."""
    out: list[Attribution] = []
    for i in indices_with_pos(doc, {"NOUN"}):
        tok = doc[i]
        listed = tok.lemma_.lower() in CUE_NOUNS
        if tok.pos_ != "NOUN" or (not listed and tok.lemma_.lower() in NON_ATTRIBUTIVE_NOUNS):
            continue
        clause = next(
            (
                c
                for c in tok.children
                if c.dep_ in {"acl", "ccomp"}
                and c.i > tok.i
                and c.left_edge.lower_ in ({"that", "to"} if listed else {"that"})
                and (listed or any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children))
                and not any(
                    g.dep_ in {"nsubj", "nsubjpass", "dobj"} and g.lower_ in {"that", "which"}
                    for g in c.children
                )
            ),
            None,
        )
        if clause is None:
            continue
        content = trim_trailing(doc, subtree_span(doc, clause))
        if word_count(doc_text(doc)[content[0] : content[1]]) < 3:
            continue
        owner = noun_owner(tok)
        if owner is None and not listed:
            continue
        source = subtree_span(doc, owner) if owner is not None else None
        out.append(
            Attribution([content], (tok.idx, tok.idx + len(tok)), source, tok.i, owner.i if owner else None)
        )
    return out


def noun_owner(noun: Token) -> Token | None:
    """Whose claim a cue noun reports: its possessor ("Trump's claim"), a name compounded with it
    ("Trump claims that", a verb tagged as a noun), or the subject of the verb that takes it
    ("officials expressed concern that", "he took offense at suggestions that")."""
    for child in noun.children:
        if child.dep_ == "poss" or (child.dep_ == "compound" and child.pos_ == "PROPN"):
            return child
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    elif noun.dep_ != "dobj":
        return None
    subj = subject_of_own(verb) if verb.pos_ == "VERB" else None
    if subj is None or subj.dep_ != "nsubj" or subj.lower_ in EXPLETIVES:
        return None
    return subj


def according_attributions(doc: Doc) -> list[Attribution]:
    """ "According to X, ..." and "In X's view, ...": X is the source, the rest of the sentence
    the content."""
    out: list[Attribution] = []
    for i in indices_with_lower(doc, {"according", "in"}):  # the words both phrases open with
        tok = doc[i]
        found = _according_phrase(doc, tok) or _view_phrase(tok)
        if found is None:
            continue
        prep, pobj = found
        first, last = sent_bounds(doc, tok.i)
        pp_last = max(pobj.right_edge.i, prep.i)
        frags = _around_phrase(doc, first, tok.i, pp_last, last)
        if not frags and tok.i == first:
            # "According to X, the move reeks ...": the parser hung the clause off X.
            pp_last = next((t.i - 1 for t in doc[pobj.i : last] if t.text == ","), pp_last)
            frags = _around_phrase(doc, first, tok.i, pp_last, last)
        if frags:
            cue = (tok.idx, prep.idx + len(prep))
            src = tok_span(doc, pobj.left_edge.i, pp_last)
            out.append(Attribution(frags, cue, src, tok.i, pobj.i, according=True))
    return out


def _around_phrase(doc: Doc, first: int, start: int, end: int, last: int) -> list[Span]:
    """The sentence first..last without tokens start..end, in pieces of two words or more."""
    frags = []
    if start > first:
        frags.append(tok_span(doc, first, start - 1))
    if end + 1 <= last:
        frags.append(tok_span(doc, end + 1, last))
    return [f for f in frags if word_count(doc_text(doc)[f[0] : f[1]]) >= 2]


def _according_phrase(doc: Doc, tok: Token) -> tuple[Token, Token] | None:
    """("to", X) for "according to X"."""
    if tok.lower_ != "according" or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
        return None
    to = doc[tok.i + 1]
    pobj = next((c for c in to.children if c.dep_ in {"pobj", "pcomp"}), None)
    return (to, pobj) if pobj is not None else None


def _view_phrase(tok: Token) -> tuple[Token, Token] | None:
    """("in", "his view") for "in his view/opinion/words/eyes" (needs a possessor), and a
    sentence-opening "In a new poll/survey" whose clause is not already a cue's ("voters said")."""
    if tok.lower_ != "in" or tok.dep_ != "prep":
        return None
    pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    if pobj.lemma_.lower() in POLL_NOUNS and tok.is_sent_start and not is_cue(tok.head):
        return tok, pobj
    if pobj.lemma_.lower() not in VIEW_NOUNS:
        return None
    has_owner = any(c.dep_ == "poss" for c in pobj.children)
    return (tok, pobj) if has_owner else None


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _tokens_between(doc: Doc, start: int, end: int, most: int | None = None) -> list[Token]:
    """Tokens whose start lies in [start, end), the first `most` of them when given."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span[:most]) if span is not None else []


def _cue_near_quote(doc: Doc, quote: Quote, limit: int) -> Token | None:
    """A speech verb right after a quote ("…," he said) or right before it (he said: "…")."""
    text = doc_text(doc)
    after = _tokens_between(doc, quote.end, min(limit, len(text)), LOOKAROUND)
    # a quote that ends its own sentence ('"... ten." He disclosed that ...') is not the next
    # sentence's content: news style closes a quote its reporting verb follows with a comma
    closed = text[quote.start : quote.end].rstrip("\"”»' ").endswith(".")
    for tok in after[:LOOKAROUND]:
        if _is_quote(tok) or "\n" in tok.text or (tok.is_sent_start and (closed or tok.idx > quote.end + 1)):
            break
        if tok.lower_ in SUBORDINATORS:
            break  # "'...,' when Clinton blasted him": another clause, not the quote's reporting verb
        if tok.pos_ == "VERB" and cue_lemma(tok) in SPEECH_VERBS | QUOTE_VERBS:
            return tok
    before = _tokens_between(doc, max(0, quote.start - 200), quote.start)
    while before and before[-1].is_space:
        before.pop()
    if before and before[-1].text in {":", ","}:
        colon = before[-1].text == ":"
        window: list[Token] = []
        for tok in reversed(before[-LOOKAROUND * 2 :]):
            if _is_quote(tok) or "\n" in tok.text:
                break
            window.append(tok)
        verbs = [t for t in window if t.pos_ == "VERB"]
        speech = [t for t in verbs if cue_lemma(t) in SPEECH_VERBS | QUOTE_VERBS]
        # before a colon any verb may introduce the quote, but a speech verb first: in "She
        # admitted the risk the plan would bring: '...'" the quote is admitted, not brought
        candidates = speech or (verbs if colon else [])
        return candidates[0] if candidates else None
    return None


def _cue_inside(att: Attribution, frags: list[Span]) -> bool:
    """True when the attribution's cue lies inside one of the spans (a quote's own 'I think')."""
    return att.cue is not None and any(s <= att.cue[0] < e for s, e in frags)


def _quote_covered(quote: Quote, atts: list[Attribution]) -> Attribution | None:
    """The attribution (cued outside the quote) whose content overlaps the quote, if any."""
    for att in atts:
        if _cue_inside(att, quote.frags):
            continue
        if any(_overlaps(f, q) for f in att.content for q in quote.frags):
            return att
    return None


def quote_attributions(doc: Doc, atts: list[Attribution]) -> list[Attribution]:
    """Attach direct quotes to cue verbs; join continuation quotes in the same paragraph."""
    text = doc_text(doc)
    by_cue = {a.cue_token: a for a in atts if a.cue_token is not None}
    paras = paragraphs(text)
    quotes = [q for q in find_quotes(text) if word_count(text[q.start : q.end]) >= 1]
    new: list[Attribution] = []
    last: Attribution | None = None
    last_para = -1
    for qi, quote in enumerate(quotes):
        para = _para_index(paras, quote.start)
        limit = quotes[qi + 1].start if qi + 1 < len(quotes) else len(text)
        verb = _cue_near_quote(doc, quote, limit)
        att: Attribution | None = None
        if verb is None and word_count(text[quote.start : quote.end]) < MIN_QUOTE_WORDS:
            continue
        if verb is not None:
            att = by_cue.get(verb.i)
            if att is None:
                source, head = source_for(doc, verb)
                inside = source is not None and any(a <= source[0] and source[1] <= b for a, b in quote.frags)
                if inside or (source is None and verb.tag_ == "VBG"):
                    # 'Adding, "I think they are right."': a participle with no subject, or one
                    # inside its own quote (the quote's words): the paragraph's speaker goes on
                    prior = _prior_speaker(atts + new, quote.start, paras, para)
                    source, head = (prior.source, prior.source_token) if prior else (None, None)
                att = Attribution(list(quote.frags), cue_span(verb), source, verb.i, head)
                by_cue[verb.i] = att
                new.append(att)
            elif _addressee_only(doc, text, att, quote):
                att.content = list(quote.frags)  # "to tell the leader, '...'": the quote is what was told
            elif att.direct:
                att.content.extend(quote.frags)
            elif not _merge_quote(att, quote):
                continue
            att.direct = True
        elif (
            last is not None
            and (last_para == para or (last_para == para - 1 and quote.start == paras[para][0]))
            and _quote_covered(quote, atts) is None
        ):
            if _cue_between(atts + new, last, quote.start):
                # '"...," he told the media, stating that while ..., "...."': another reporting clause
                # stands between, so the speaker's next quote is a statement of its own
                att = Attribution(
                    list(quote.frags), last.cue, last.source, None, last.source_token, direct=True
                )
                new.append(att)
            else:
                last.content.extend(quote.frags)
                att = last
        elif (covered := _quote_covered(quote, atts + new)) is not None:
            _extend_to_quote(covered, quote)
            att = covered
        elif (prior := _prior_speaker(atts + new, quote.start, paras, para)) is not None:
            att = Attribution(list(quote.frags), prior.cue, prior.source, None, None, direct=True)
            new.append(att)
        if att is not None:
            att.content = merge_spans(att.content)
            att.quotes.extend(quote.frags)
            last, last_para = (att, para) if att.direct or verb is not None else (last, last_para)
    return new


def _cue_between(atts: list[Attribution], last: Attribution, pos: int) -> bool:
    """True when another attribution's cue lies after `last`'s content and before `pos`."""
    end = last.content_span[1]
    return any(a is not last and a.cue is not None and end <= a.cue[0] < pos for a in atts)


def merge_spans(spans: list[Span]) -> list[Span]:
    """Sorted spans with overlapping ones joined."""
    out: list[Span] = []
    for s, e in sorted(spans):
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(e, out[-1][1]))
        else:
            out.append((s, e))
    return out


def _prior_speaker(atts: list[Attribution], pos: int, paras: list[Span], para: int) -> Attribution | None:
    """The last sourced attribution before `pos` in the same paragraph."""
    start = paras[para][0] if 0 <= para < len(paras) else pos
    before = [a for a in atts if a.source is not None and a.cue and start <= a.cue[0] < pos]
    return max(before, key=lambda a: a.cue[0] if a.cue else 0) if before else None


def _merge_quote(att: Attribution, quote: Quote) -> bool:
    """Grow a cue's parsed content to the adjacent quote it overlaps; False if it does not."""
    s, e = att.content_span
    if any(_overlaps((s, e), q) for q in quote.frags) and len(quote.frags) == 1:
        att.content = [(min(s, quote.start), max(e, quote.end))]
        return True
    cue = att.cue[0] if att.cue else s
    near = min(abs(cue - quote.end), abs(quote.start - cue)) <= SPLIT_QUOTE_GAP
    if near and (quote.end <= cue < s or e <= cue < quote.start):
        att.content = sorted(att.content + quote.frags)
        return True
    return False


def _addressee_only(doc: Doc, text: str, att: Attribution, quote: Quote) -> bool:
    """True when a cue's parsed content is its addressee (the object of 'tell') and the quote after a
    comma or colon: "switching to English to tell the leader, '...'" reports the quote, not the leader."""
    if att.cue is None or att.cue_token is None or len(quote.frags) != 1:
        return False
    s, e = att.content_span
    head = text[s : quote.start].rstrip()
    if not (att.cue[1] <= s and e <= quote.end and head[-1:] in {",", ":"}):
        return False
    span = doc.char_span(s, s + len(head) - 1, alignment_mode="contract")
    return (
        span is not None
        and len(span) > 0
        and span.root.dep_ in {"dobj", "dative"}
        and span.root.head.i == att.cue_token
        and span.root.pos_ in {"NOUN", "PROPN", "PRON"}
    )


def _extend_to_quote(att: Attribution, quote: Quote) -> None:
    """Grow a content that starts or ends inside a quote to cover the whole quotation."""
    s, e = att.content_span
    starts_or_ends_inside = quote.start < s < quote.end or quote.start < e < quote.end
    cue_inside = att.cue is not None and quote.start <= att.cue[0] < quote.end
    if starts_or_ends_inside and not cue_inside:
        att.content = [(min(s, quote.start), max(e, quote.end))]
        att.direct = True


def _para_index(paras: list[Span], pos: int) -> int:
    for i, (s, e) in enumerate(paras):
        if s <= pos < e:
            return i
    return -1


_LABEL_RE = re.compile(
    r"[\"\u201c\u201d]?(?P<name>(?:[A-Z][\w.'\u2019-]*\s){0,5}[A-Z][\w.'\u2019-]*)"
    r"(?P<cue>\s*(?::|[\u2015\u2014](?=\s*[\"\u201c\u201d])))\s+(?=\S)"
)
_TRAILING_LABEL_RE = re.compile(
    r"(?P<cue>\u2015|\u2014|--)[\s\u00a0]*"
    r"(?P<name>(?:[A-Z][\w.'\u2019-]*[\s\u00a0]){0,4}[A-Z][\w.'\u2019-]*)[\s\u00a0]*$"
)
# First words of "X: ..." paragraph openers that are not speakers, headline kickers included.
NOT_LABELS = {
    "correction",
    "clarification",
    "source",
    "update",
    "abstract",
    "note",
    "photo",
    "the",
    "breaking",
    "exclusive",
    "revealed",
    "watch",
    "video",
    "look",
    "wow",
    "byline",
    "analysis",
    "opinion",
    "editorial",
    "explainer",
    "live",
}


def tok_trim(text: str, start: int, end: int) -> Span:
    """A character span with surrounding whitespace removed."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def label_attributions(doc: Doc) -> list[Attribution]:
    """ "PENCE: Well, ...", "Pat Caddell: Voters worried", "Jane Doe ― “...”" at paragraph start."""
    text = doc_text(doc)
    out: list[Attribution] = []
    for ps, pe in paragraphs(text):
        tail = _TRAILING_LABEL_RE.search(text, ps, pe)
        if tail is not None and word_count(text[ps : tail.start()]) >= 3:
            content = tok_trim(text, ps, tail.start())
            out.append(Attribution([content], tail.span("cue"), tail.span("name"), None, None, label=True))
            continue
        m = _LABEL_RE.match(text, ps, pe)
        if m is None or m.group("name").split()[0].lower().strip(".") in NOT_LABELS:
            continue
        content = (m.end(), pe)
        if word_count(text[content[0] : content[1]]) < 2:
            continue
        out.append(Attribution([content], m.span("cue"), m.span("name"), None, None, label=True))
    return out


def _drop_under_labels(atts: list[Attribution], labels: list[Attribution]) -> list[Attribution]:
    """Labelled paragraphs own their content: drop other attributions cued inside them."""
    frags = [f for a in labels for f in a.content]
    return [a for a in atts if not _cue_inside(a, frags)] + labels


def find_attributions(doc: Doc, nlp: Language | None = None) -> list[Attribution]:
    """All attributions in a parsed doc, in text order; never raises on odd input.

    With `nlp`, a Title Case headline in the first paragraph is re-parsed in sentence case
    (spaCy misreads "Trump Urges Supporters To ..."), and its attributions replace the
    headline's own."""
    atts = _body_attributions(doc)
    if nlp is not None:
        head = headline_attributions(doc, nlp)
        if head:
            end = paragraphs(doc_text(doc))[0][1]
            atts = [a for a in atts if a.content_span[0] >= end] + head
    return atts


def headline_attributions(doc: Doc, nlp: Language) -> list[Attribution]:
    """Attributions of a Title Case first paragraph, parsed again with common words lowered."""
    text = doc_text(doc)
    paras = paragraphs(text)
    if not paras:
        return []
    start, end = paras[0]
    title = text[start:end]
    words = _TITLE_WORD_RE.findall(title)
    if len(words) < 3 or sum(w[0].isupper() for w in words) < 0.6 * len(words):
        return []
    names = set(_BODY_NAME_RE.findall(text, end))
    first = True

    def lower(m: re.Match[str]) -> str:
        nonlocal first
        word = m.group()
        keep = first or word in names or word.isupper()
        first = False
        return word if keep else word.lower()

    sub_doc = nlp(_TITLE_WORD_RE.sub(lower, title))
    out = []
    for att in _body_attributions(sub_doc):
        att.content = [(s + start, e + start) for s, e in att.content]
        att.cue = (att.cue[0] + start, att.cue[1] + start) if att.cue else None
        att.source = (att.source[0] + start, att.source[1] + start) if att.source else None
        att.quotes = [(s + start, e + start) for s, e in att.quotes]
        att.cue_token = att.source_token = None
        out.append(att)
    return out


def _body_attributions(doc: Doc) -> list[Attribution]:
    """Attributions found by all rules over one parsed text."""
    atts = verb_attributions(doc)
    atts.extend(according_attributions(doc))
    atts.extend(noun_attributions(doc))
    atts.extend(quote_attributions(doc, atts))
    quoted = [f for a in atts for f in a.quotes]
    atts = [a for a in atts if a.content and (a.direct or not _cue_inside(a, quoted))]
    atts = drop_nested(_drop_under_labels(split_absolutes(doc, atts), label_attributions(doc)))
    atts.sort(key=lambda a: a.content_span)
    return atts


def _absolute_start(doc: Doc, att: Attribution) -> Token | None:
    """The first token of an absolute clause that carries its own speaker ("with the ministry
    announcing X", ", the mayor noting X"), or None when the cue is no such clause."""
    if att.cue_token is None or att.source_token is None:
        return None
    verb = doc[att.cue_token]
    subj = subject_of_own(verb) if verb.tag_ == "VBG" and verb.dep_ in ABSOLUTE_DEPS else None
    if subj is None or subj.i != att.source_token or subj.i > verb.i:
        return None
    if verb.dep_ == "pcomp" and verb.head.lower_ == "with":
        return verb.head
    return doc[min(subj.left_edge.i, verb.left_edge.i)]


def split_absolutes(doc: Doc, atts: list[Attribution]) -> list[Attribution]:
    """End another claim's content before an absolute clause with a speaker of its own: in "X
    stressed cooperation, with the ministry announcing a pause", the pause is the ministry's
    claim, not part of what X stressed (which would otherwise swallow it as a nested cue)."""
    for att in atts:
        first = _absolute_start(doc, att)
        if first is None:
            continue
        cut = first.idx
        for other in atts:
            if other is att:
                continue
            for i, (s, e) in enumerate(other.content):
                if s < cut and att.content_span[1] <= e and s <= (att.cue or (cut, cut))[0] < e:
                    last = first.i - 1
                    while last > 0 and doc[last].idx > s and _edge_junk(doc[last]):
                        last -= 1
                    end = doc[last].idx + len(doc[last])
                    other.content[i] = (s, end if s < end <= cut else s)
            other.content = [(s, e) for s, e in other.content if e > s]
    return [a for a in atts if a.content]


def drop_nested(atts: list[Attribution]) -> list[Attribution]:
    """Drop attributions cued inside another one's content (news annotation rarely nests);
    agreements ("officials said X and Y signed a deal") are kept for the warehouse."""
    kept: list[Attribution] = []
    for att in sorted(atts, key=lambda a: -sum(e - s for s, e in a.content)):
        if att.agreement or att.label or not any(_cue_inside(att, other.content) for other in kept):
            kept.append(att)
    return kept
