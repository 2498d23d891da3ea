"""Attribution extraction: who said, pledged or agreed what (issue 7).

`find_attributions` (extractors.claims.attribution) finds cue, source and content spans from the parse;
this module resolves speakers to entities, classifies each claim and lists the entities taking
part in it. Negation (`Claim.negated`) is set when the cue itself is negated ("did not say") or
the content's main verb is ("said he would not attend").
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import pycountry
from spacy.tokens import Doc, Token

from extractors.claims.attribution import Attribution, cue_lemma, find_attributions
from extractors.claims.cues import (
    AGREEMENT_NOUNS,
    AGREEMENT_VERBS,
    COMMITMENT_VERBS,
    CRITICISM_VERBS,
    DENIAL_VERBS,
    PRAISE_VERBS,
)
from extractors.claims.speakers import SpeakerResolver
from extractors.spans import doc_text
from newsflow.core.records import Claim, ClaimEntity, CleanArticle, EntityRole, LocalEntity, Mention

COMMITMENT_NOUNS = {"commitment", "pledge", "promise", "plan", "vow", "intention"}
FUTURE_AUX = {"will", "shall", "'ll", "\u2019ll"}
FIRST_PERSON = {"i", "we"}
PARTY_NOUNS = {"nation", "country", "side", "leader", "government", "party", "state"}
COUNTRY_ALIASES = {
    "us",
    "usa",
    "america",
    "uk",
    "britain",
    "great britain",
    "south korea",
    "north korea",
    "russia",
    "iran",
    "vietnam",
    "taiwan",
}

Kind = tuple[str, bool, str | None]


def _content_root(doc: Doc, att: Attribution) -> Token | None:
    """The syntactic head of the first content fragment."""
    s, e = att.content[0]
    span = doc.char_span(s, e, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _is_negated(tok: Token | None) -> bool:
    return tok is not None and any(c.dep_ == "neg" for c in tok.children)


def _future_modal(tok: Token | None) -> str | None:
    """'will' / 'would' / 'shall' when the content's main verb carries one."""
    if tok is None:
        return None
    for child in tok.children:
        if child.dep_ == "aux" and child.lower_ in FUTURE_AUX | {"would"}:
            return "will" if child.lower_ in FUTURE_AUX else child.lower_
    return None


def _is_agreement(cue: Token) -> bool:
    """'signed/inked an agreement', 'agreed to ...', 'struck a deal'."""
    lemma = cue_lemma(cue)
    if lemma == "agree":
        return True
    return lemma in AGREEMENT_VERBS and any(
        c.dep_ == "dobj" and c.lemma_.lower() in AGREEMENT_NOUNS for c in cue.children
    )


def claim_kind(doc: Doc, att: Attribution) -> Kind:
    """Kind (statement, commitment, agreement, praise, criticism, denial), negation, modality."""
    root = _content_root(doc, att)
    if att.cue_token is None or att.according:
        return "statement", _is_negated(root), None
    cue = doc[att.cue_token]
    lemma = cue_lemma(cue)
    negated = _is_negated(cue) or _is_negated(root)
    if lemma in DENIAL_VERBS:
        return "denial", negated, None
    if _is_agreement(cue):
        return "agreement", negated, None
    if lemma in PRAISE_VERBS:
        return "praise", negated, None
    if lemma in CRITICISM_VERBS:
        return "criticism", negated, None
    if lemma in COMMITMENT_VERBS:
        return "commitment", negated, lemma
    if root is not None and root.lemma_.lower() in COMMITMENT_NOUNS:
        return "commitment", negated, root.lemma_.lower()
    modal = _future_modal(root)
    if modal and att.source_token is not None and _same_actor(doc, att, root):
        return "commitment", negated, modal
    return "statement", negated, None


def _same_actor(doc: Doc, att: Attribution, root: Token | None) -> bool:
    """The content's subject is the speaker: "we will", "Japan said it will", "X said he will"."""
    if root is None or att.source_token is None:
        return False
    subj = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None:
        return False
    speaker = doc[att.source_token]
    low = subj.lower_
    if low in FIRST_PERSON or low == speaker.lower_:
        return True
    if low in {"it", "they"}:
        return speaker.ent_type_ in {"GPE", "ORG", "NORP"} or speaker.tag_ in {"NNS", "NNPS"}
    if low in {"he", "she"}:
        between = doc[min(speaker.i, subj.i) + 1 : max(speaker.i, subj.i)]
        return speaker.ent_type_ == "PERSON" and not any(t.ent_type_ == "PERSON" for t in between)
    return False


def extract_claims(
    doc: Doc,
    article: CleanArticle,
    entities: list[LocalEntity],
    mentions: list[Mention],
    roles: Sequence[EntityRole] = (),
) -> tuple[list[Claim], list[ClaimEntity]]:
    """Find attributed statements in the doc and link speakers to entities (descriptions to the
    holders of the `roles`). A country's institution that speaks ("its commerce ministry said")
    becomes an ORG entity of its own: it is appended to `entities` and its span to `mentions`."""
    resolver = SpeakerResolver(doc, entities, mentions, roles)
    # the doc's text is the article's with headings blanked: same offsets, so quote the article
    text = article.text if len(article.text) >= len(doc_text(doc)) else doc_text(doc)
    claims: list[Claim] = []
    links: list[ClaimEntity] = []
    for att in find_attributions(doc):
        claim = to_claim(doc, att, resolver, text)
        index = len(claims)
        claims.append(claim)
        links.extend(claim_entities(doc, att, claim, index, resolver))
    known_keys, known_mentions = {e.key for e in entities}, set(mentions)  # a second call adds nothing
    entities.extend(e for e in resolver.institutions.values() if e.key not in known_keys)
    mentions.extend(m for m in resolver.institution_mentions.values() if m not in known_mentions)
    return claims, links


def to_claim(doc: Doc, att: Attribution, resolver: SpeakerResolver, text: str | None = None) -> Claim:
    """A Claim record for one attribution, with its speaker resolved."""
    text = text if text is not None else doc_text(doc)
    s, e = att.content_span
    head = doc[att.source_token].text if att.source_token is not None else None
    speaker = resolver.resolve(att.source, head)
    kind, negated, modality = claim_kind(doc, att)
    return Claim(
        content=text[s:e],
        content_start=s,
        content_end=e,
        cue=text[att.cue[0] : att.cue[1]] if att.cue else None,
        cue_start=att.cue[0] if att.cue else None,
        cue_end=att.cue[1] if att.cue else None,
        speaker_text=text[att.source[0] : att.source[1]] if att.source else None,
        speaker_start=att.source[0] if att.source else None,
        speaker_end=att.source[1] if att.source else None,
        speaker_entity_key=speaker.entity_key,
        speaker_kind=speaker.kind,
        kind=kind,
        is_direct_quote=att.direct,
        negated=negated,
        modality=modality,
    )


def claim_entities(
    doc: Doc, att: Attribution, claim: Claim, index: int, resolver: SpeakerResolver
) -> list[ClaimEntity]:
    """Speaker, agreement parties and entities mentioned in the content of one claim."""
    out: dict[tuple[str, str], ClaimEntity] = {}
    if claim.speaker_entity_key:
        out[(claim.speaker_entity_key, "speaker")] = ClaimEntity(index, claim.speaker_entity_key, "speaker")
    if claim.kind == "agreement":
        for key in agreement_parties(doc, att, resolver):
            out.setdefault((key, "party"), ClaimEntity(index, key, "party"))
    for m in resolver.mentions:
        if any(s <= m.start and m.end <= e for s, e in att.content):
            out.setdefault((m.entity_key, "mentioned"), ClaimEntity(index, m.entity_key, "mentioned"))
    return list(out.values())


def agreement_parties(doc: Doc, att: Attribution, resolver: SpeakerResolver) -> list[str]:
    """Entities that signed: subject conjuncts, 'with X' objects, or 'the two nations'."""
    if att.cue_token is None:
        return []
    cue = doc[att.cue_token]
    spans: list[tuple[int, int]] = []
    if att.source is not None:
        spans.append(att.source)
    for prep in cue.children:
        if prep.dep_ == "prep" and prep.lower_ in {"with", "between"}:
            spans.append((prep.idx, prep.right_edge.idx + len(prep.right_edge)))
    keys: list[str] = []
    for m in resolver.mentions:
        if any(s <= m.start and m.end <= e for s, e in spans) and m.entity_key not in keys:
            keys.append(m.entity_key)
    if att.source_token is not None and doc[att.source_token].lemma_.lower() in PARTY_NOUNS:
        keys.extend(k for k in _salient_countries(resolver, cue.idx, att.source_token, doc) if k not in keys)
    speaker = resolver.resolve(att.source, None).entity_key if att.source else None
    if speaker is not None and speaker not in keys:
        keys.insert(0, speaker)
    return keys


@cache
def is_country(name: str) -> bool:
    """Whether a place name is a country ("Japan", "the U.S.", "United States")."""
    clean = name.removeprefix("the ").removeprefix("The ").replace(".", "").strip()
    if not clean:
        return False
    try:
        pycountry.countries.lookup(clean)
    except LookupError:
        return clean.lower() in COUNTRY_ALIASES
    return True


def _salient_countries(resolver: SpeakerResolver, before: int, source_token: int, doc: Doc) -> list[str]:
    """The N most mentioned countries before an offset, N from 'the two/three nations'."""
    subj = doc[source_token]
    n = 2
    for child in subj.children:
        if child.like_num:
            words = {"two": 2, "three": 3, "four": 4, "five": 5}
            n = words.get(child.lower_, int(child.text) if child.text.isdigit() else 2)
    counts: dict[str, int] = {}
    for m in resolver.mentions:
        typ = resolver.types.get(m.entity_key)
        if m.start < before and (typ == "COUNTRY" or (m.label == "GPE" and is_country(m.text))):
            counts[m.entity_key] = counts.get(m.entity_key, 0) + 1
    return sorted(counts, key=lambda k: -counts[k])[:n]
