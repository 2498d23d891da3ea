"""Similarity between reports, as pure functions: near-duplicate fingerprints, story profiles, statements.

Copies: MinHash over word shingles of the lead and of the whole text (numpy, multiply-shift hashes of
CRC-32s: a few lines, no SciPy to import, a fixed seed so stored band keys stay valid); LSH band keys
make finding a candidate a key look-up; a candidate (a band-key holder, or an earlier report of the
same story in the batch) is a copy when it shares the lead, most shingles, or rewrites the text
sentence by sentence. Stories: average-link
clustering of IDF-weighted entity and word profiles. Statements: word overlap of claim contents,
stricter when the speakers are unknown or differ. Thresholds live in newsflow.core.settings (link_*);
`ReportLikeness` bundles them with these functions for the writer (newsflow.core.likeness.Likeness).
"""

from __future__ import annotations

import math
import re
import unicodedata
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cache, cached_property, lru_cache
from itertools import chain, filterfalse, repeat
from typing import Final

import numpy as np

from newsflow.core.ids import stable_id
from newsflow.core.likeness import Speakers
from newsflow.core.settings import Settings

_SEED: Final = 17  # fixed: band keys stored in the warehouse must stay comparable across runs
_WORD = re.compile(r"\w+")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})

# Words that carry no statement content (kept short on purpose: "no", "not", "never" carry meaning).
FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "from",
        "by",
        "with",
        "as",
        "about",
        "into",
        "over",
        "after",
        "before",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "am",
        "it",
        "its",
        "it's",
        "this",
        "that",
        "these",
        "those",
        "there",
        "here",
        "he",
        "she",
        "they",
        "we",
        "you",
        "i",
        "me",
        "him",
        "her",
        "them",
        "us",
        "my",
        "his",
        "their",
        "our",
        "your",
        "s",
        "t",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "also",
        "very",
        "so",
        "then",
        "than",
        "just",
        "said",
        "says",
        "say",
        "says",
        "told",
        "tells",
        "tell",
        "saying",
        "according",
    ]
)


def words(text: str) -> list[str]:
    """Case-, accent- and quote-folded word tokens."""
    if text.isascii():  # most sentences: no curly quotes or accents to fold
        return _WORD.findall(text.casefold().replace("'", ""))
    folded = unicodedata.normalize("NFKD", text.translate(_QUOTES).casefold().replace("'", ""))
    marks = {ord(c): None for c in set(folded) if unicodedata.combining(c)}
    return _WORD.findall(folded.translate(marks) if marks else folded)


# --- copies -----------------------------------------------------------------------------------


def shingles(tokens: Sequence[str], n: int) -> frozenset[str]:
    """Word n-grams (the whole sequence when it is shorter than one n-gram)."""
    return _ngrams(tokens, max(1, min(n, len(tokens)))) if tokens else frozenset()


def _ngrams(tokens: Sequence[str], n: int) -> frozenset[str]:
    """The distinct runs of `n` tokens, each joined by spaces (none when there are fewer tokens)."""
    # the i-th of the n offset copies starts i tokens in; zip stops at the shortest, the last run
    return frozenset(map(" ".join, zip(*(tokens[i:] for i in range(n)), strict=False)))


def _content_terms(tokens: Iterable[str]) -> frozenset[str]:
    """The distinct content terms of word tokens: function words dropped, the rest crudely stemmed."""
    return frozenset(map(_stem, filterfalse(FUNCTION_WORDS.__contains__, tokens)))


@cache
def _permutations(perms: int) -> tuple[np.ndarray, np.ndarray]:
    """The MinHash hash functions (multiply-shift: (a * x + b) mod 2**64 >> 32, a odd), drawn once."""
    rng = np.random.default_rng(_SEED)
    a = rng.integers(1, 2**63, size=perms, dtype=np.uint64) | np.uint64(1)
    b = rng.integers(0, 2**63, size=perms, dtype=np.uint64)
    return a, b


def minhash(grams: Iterable[str], perms: int) -> np.ndarray:
    """MinHash signature (uint32 per permutation) of a set of shingles: CRC-32 of each shingle through
    `perms` multiply-shift hashes, the minimum of each. Fixed seed and hashes, so keys stored by one run
    or process match the next."""
    hashed = np.fromiter(map(zlib.crc32, map(str.encode, grams)), np.uint64)  # str.encode: UTF-8
    if not hashed.size:
        return np.full(perms, 2**32 - 1, np.uint32)
    a, b = _permutations(perms)
    products = hashed[:, None] * a
    products += b
    # the shift keeps order, so the minimum can be taken first (one shift per permutation, not per row)
    signature: np.ndarray = (products.min(axis=0) >> np.uint64(32)).astype(np.uint32)
    return signature


_MIX = np.random.default_rng(_SEED).integers(1, 2**63, size=64, dtype=np.uint64) | np.uint64(1)


def band_keys(signature: np.ndarray, bands: int, kind: str) -> list[int]:
    """One 63-bit key per LSH band (a multiply-add hash of its rows, salted by band and kind): texts
    sharing a key are candidate near-duplicates."""
    rows = len(signature) // bands
    matrix = signature[: bands * rows].reshape(bands, rows).astype(np.uint64)
    salt = np.uint64(stable_id(kind)) ^ (np.arange(bands, dtype=np.uint64) * _MIX[-1])
    with np.errstate(over="ignore"):
        keys = (matrix * _MIX[:rows]).sum(axis=1, dtype=np.uint64) ^ salt
    return [int(k) >> 1 for k in keys]


def _share(a: set[str] | frozenset[str], b: set[str] | frozenset[str]) -> float:
    """Share of the smaller set that the other holds too."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


_SENTENCE_END = re.compile(r"(?<=[.!?\u201d\"])\s+(?=[\"\u201c\w])|\n+")


@dataclass(frozen=True)
class CopyText:
    """What the copy test compares: lead and whole-text shingles (for the band keys, made at once),
    content words and sentences' words (made when the text is first compared with a candidate)."""

    lead: frozenset[str]
    text: frozenset[str]
    parts: tuple[tuple[str, ...], ...]  # the tokens of each sentence

    @classmethod
    def of(cls, text: str, shingle_words: int, lead_words: int) -> CopyText:
        """The copy view of an article text."""
        parts = tuple(tuple(words(part)) for part in _SENTENCE_END.split(text))
        tokens = list(chain.from_iterable(parts))
        return cls(shingles(tokens[:lead_words], 3), shingles(tokens, shingle_words), parts)

    @property
    def words(self) -> Iterator[str]:
        """The text's word tokens, in order."""
        return chain.from_iterable(self.parts)

    @cached_property
    def part_terms(self) -> tuple[frozenset[str], ...]:
        """Each sentence part's content terms."""
        return tuple(map(_content_terms, self.parts))

    @cached_property
    def sentences(self) -> tuple[frozenset[str], ...]:
        """Each sentence's content terms (sentences of four or more)."""
        return tuple(t for t in self.part_terms if len(t) >= 4)

    @cached_property
    def content(self) -> frozenset[str]:
        """The text's content terms."""
        return frozenset().union(*self.part_terms)


def aligned_share(
    a: Sequence[frozenset[str]], b: Sequence[frozenset[str]], overlap: float = 0.5, least: int = 3
) -> float:
    """Share of the shorter text's sentences that match, in order, a sentence of the other (a rewrite
    that follows its source sentence by sentence); 0 when fewer than `least` sentences match."""
    if not a or not b:
        return 0.0
    row = [0] * (len(b) + 1)
    for x in a:
        prev = 0
        for j, y in enumerate(b):
            cur = row[j + 1]
            row[j + 1] = max(row[j + 1], row[j], prev + (1 if _share(x, y) >= overlap else 0))
            prev = cur
    return row[-1] / min(len(a), len(b)) if row[-1] >= least else 0.0


def copy_score(a: CopyText, b: CopyText, min_content: float) -> float:
    """How much one text copies the other, 0-1: the best of a shared lead (3-word shingles of the
    first words), shared shingles of the whole text, and sentences rewritten one by one in order
    (tried only when the texts share `min_content` of their content words)."""
    score = max(_share(a.lead, b.lead), _share(a.text, b.text))
    if _share(a.content, b.content) >= min_content:
        score = max(score, aligned_share(a.sentences, b.sentences))
    return score


# --- stories ----------------------------------------------------------------------------------


def word_terms(tokens: Iterable[str]) -> Counter[str]:
    """Content words of a story profile, as `w:<stem>` terms with their counts."""
    return Counter(filter(None, map(_word_term, tokens)))  # each distinct word tested and stemmed once


@lru_cache(maxsize=200_000)
def _word_term(token: str) -> str:
    """A word's `w:<stem>` story term, or "" when it is too short, a number or a function word."""
    if token in FUNCTION_WORDS or len(token) <= 2 or token.isdigit():
        return ""
    return "w:" + _stem(token)


def profile(
    word_counts: Mapping[str, int],
    entity_counts: Mapping[int, int],
    df: Mapping[str, int],
    n_docs: int,
    top: int,
) -> dict[str, float]:
    """An article's story profile: its `top` terms (entities `e:<id>` and content words `w:<stem>`,
    as `word_terms` counts them) by (1 + log count) × IDF, L2-normalised."""
    counts = dict(word_counts)
    counts.update({f"e:{e}": c for e, c in entity_counts.items()})
    weights = {
        t: (1.0 + math.log(c)) * math.log((1 + n_docs) / (1 + df.get(t, 0))) for t, c in counts.items()
    }
    kept = sorted(((w, t) for t, w in weights.items() if w > 0), reverse=True)[:top]
    norm = math.sqrt(sum(w * w for w, _ in kept))
    return {t: w / norm for w, t in kept} if norm else {}


def average_link(
    vectors: Sequence[Mapping[str, float]], sizes: Sequence[int], threshold: float, fixed: int = 0
) -> list[int]:
    """Average-link clustering of groups given as summed unit vectors with their sizes: repeatedly join
    the two groups whose members are most alike on average while that average is >= threshold.
    The first `fixed` groups (stored stories) are not joined with one another unless a new one
    has joined them. Returns each group's cluster label (the index of a group in its cluster)."""
    k = len(vectors)
    if k == 0:
        return []
    held = Counter(chain.from_iterable(vectors))
    terms = {t: i for i, t in enumerate(t for t, c in held.items() if c > 1)}  # others add nothing to a dot
    cols = np.fromiter(map(terms.get, chain.from_iterable(vectors), repeat(-1)), np.int64)
    values = np.fromiter(chain.from_iterable(v.values() for v in vectors), np.float32)
    rows = np.repeat(np.arange(k), [len(v) for v in vectors])
    shared = cols >= 0
    m = np.zeros((k, len(terms)), np.float32)  # float32: half the work of the product, ample precision
    m[rows[shared], cols[shared]] = values[shared]
    dots = (m @ m.T).astype(np.float64)
    n = np.asarray(sizes, float)
    stored = np.arange(k) < fixed
    dead = np.zeros(k, bool)
    label = list(range(k))
    avg = dots / np.outer(n, n)  # kept up to date: a join changes one row and one column
    np.fill_diagonal(avg, -1.0)
    avg[np.ix_(stored, stored)] = -1.0
    while True:
        i, j = divmod(int(np.argmax(avg)), k)
        if avg[i, j] < threshold:
            break
        i, j = min(i, j), max(i, j)  # keep the lower index: stored stories come first
        dots[i, :] += dots[j, :]
        dots[:, i] += dots[:, j]
        n[i] += n[j]
        stored[i] = False  # a story that took new reports may now join another story
        dead[j] = True
        avg[j, :] = avg[:, j] = -1.0
        row = dots[i, :] / (n[i] * n)
        row[dead] = -1.0
        row[i] = -1.0
        avg[i, :] = avg[:, i] = row
        label = [i if x == j else x for x in label]
    return label


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Cosine of two sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    dot = sum(w * b.get(k, 0.0) for k, w in a.items())
    na = math.sqrt(sum(w * w for w in a.values()))
    nb = math.sqrt(sum(w * w for w in b.values()))
    return dot / (na * nb) if na and nb else 0.0


# --- statements -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StatementText:
    """A claim content as the statement matcher sees it."""

    tokens: tuple[str, ...]
    terms: frozenset[str]  # content words (function words dropped), crudely stemmed
    runs: frozenset[str]  # its runs of `run` words: two contents share a run that long only if these meet

    @classmethod
    def of(cls, content: str, run: int = 3) -> StatementText:
        """Tokens, content terms and word runs of a claim content (cached: a story's stored claims are
        compared with every later batch of the run)."""
        return _statement_text(content, run)


@lru_cache(maxsize=20_000)
def _statement_text(content: str, run: int) -> StatementText:
    """`StatementText.of`, computed."""
    tokens = tuple(words(content))
    return StatementText(tokens, _content_terms(tokens), _ngrams(tokens, run))


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    """A crude English stem, enough to match 'realise'/'realize', 'deals'/'deal'."""
    word = word.replace("is", "iz") if word.endswith(("ise", "ised", "ising")) else word
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def longest_run(a: Sequence[str], b: Sequence[str]) -> int:
    """Length of the longest run of tokens the two share in the same order."""
    return len(shared_run(a, b))


def shared_run(a: Sequence[str], b: Sequence[str]) -> Sequence[str]:
    """The longest run of tokens the two share in the same order."""
    if not a or not b:
        return ()
    match = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return a[match.a : match.a + match.size]


@dataclass(frozen=True, slots=True)
class StatementRule:
    """How alike two claim contents must be to report one statement (settings link_statement_*)."""

    min_similarity: float  # same speaker, reworded: share of the smaller content's terms ...
    min_terms: int  # ... and at least this many shared terms
    min_run: int  # a partial quote: a shared run of this many words covering most of the shorter content
    quote_run: int  # or a shared run this long, whatever else either content holds
    strong_similarity: float  # speaker unknown or different: share of terms ...
    strong_terms: int  # ... and shared terms (different speakers need this many; unknown one less)

    def rewording_terms(self, speakers: Speakers) -> int:
        """Shared content terms a rewording needs between claims of speakers related so."""
        if speakers == "same":
            return self.min_terms
        return self.strong_terms - (1 if speakers == "unknown" else 0)


def same_statement(a: StatementText, b: StatementText, speakers: Speakers, rule: StatementRule) -> float:
    """How strongly the two contents report one statement (the longest shared run of words plus the
    share of content words), or 0 when they do not.

    Same speaker: a partial quote (a shared run of words covering most of the shorter content, or a
    long shared run) or light rewording (most content words shared). Speaker unknown: the same with a
    run one word longer, or more content words. Different speakers (a misattribution): only a long
    verbatim run or nearly all of many content words."""
    shared = len(a.terms & b.terms)
    smaller = min(len(a.terms), len(b.terms))
    share = shared / smaller if smaller else 0.0
    least = rule.min_similarity if speakers == "same" else rule.strong_similarity
    reworded = share >= least and shared >= rule.rewording_terms(speakers)
    if not reworded and (shared < 1 or a.runs.isdisjoint(b.runs)):
        return 0.0  # no shared run as long as the shortest a partial quote needs: skip the alignment
    words_run = shared_run(a.tokens, b.tokens)
    run = len(words_run)
    short = a if len(a.tokens) <= len(b.tokens) else b
    extra = {"same": 0, "unknown": 1, "different": rule.quote_run}[speakers]
    # the run covers the shorter content: most of its words, or every content word of it (so a
    # pronoun before a quoted phrase, "calling it 'a big step'", does not hide the partial quote)
    covers = run >= 0.8 * len(short.tokens) or short.terms <= {_stem(t) for t in words_run}
    partial = shared >= 1 and ((run >= rule.min_run + extra and covers) or run >= rule.quote_run + extra)
    return run + share if partial or reworded else 0.0


def joins_statement(agreeing: int, members: int, share: float) -> bool:
    """Whether a claim joins a statement: it reports the same as at least `share` of the statement's
    claims in other reports, and one at least (1: all of them, complete link; 0: any one, single link).
    A statement with claims only in the claim's own report takes it. A claim that holds two statements
    agrees with only part of either, so it cannot chain them into one."""
    return members <= 0 or agreeing >= max(1, math.ceil(share * members - 1e-9))


@lru_cache(maxsize=20_000)
def same_person(a: str | None, b: str | None) -> bool:
    """Two person names that differ only in middle names or initials ('Donald J. Trump')."""
    if not a or not b:
        return False
    x, y = words(a), words(b)
    return len(x) >= 2 and len(y) >= 2 and x[0] == y[0] and x[-1] == y[-1]


def speaker_relation(a: int | None, b: int | None, names: Mapping[int, str]) -> Speakers:
    """Same speaker entity (or the same person's name variant), one unknown, or different."""
    if a is None or b is None:
        return "unknown"
    if a == b or same_person(names.get(a), names.get(b)):
        return "same"
    return "different"


# --- the writer's model -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReportLikeness:
    """These functions with the settings' thresholds: the `Likeness` the writer links reports with."""

    settings: Settings
    rule: StatementRule = field(init=False)

    def __post_init__(self) -> None:
        s = self.settings
        rule = StatementRule(
            s.link_statement_min_similarity,
            s.link_statement_min_terms,
            s.link_statement_min_run,
            s.link_statement_quote_run,
            s.link_statement_strong_similarity,
            s.link_statement_strong_terms,
        )
        object.__setattr__(self, "rule", rule)

    @property
    def story_window_days(self) -> float:
        """A story takes reports up to this many days after its last one (and before its first)."""
        return self.settings.link_story_window_days

    @property
    def copy_window_days(self) -> float:
        """A copy's original is looked for among stored reports this many days either side of it."""
        return self.settings.link_copy_window_days

    @property
    def story_candidates(self) -> int:
        """Stored stories compared with a batch, most alike first."""
        return self.settings.link_story_candidates

    def profile(
        self,
        word_counts: Mapping[str, int],
        entity_counts: Mapping[int, int],
        df: Mapping[str, int],
        n_docs: int,
    ) -> dict[str, float]:
        """An article's story profile, keeping the settings' top terms."""
        return profile(word_counts, entity_counts, df, n_docs, self.settings.link_story_top_terms)

    def cluster(self, vectors: Sequence[Mapping[str, float]], sizes: Sequence[int], fixed: int) -> list[int]:
        """Average-link clustering at the settings' story threshold."""
        return average_link(vectors, sizes, self.settings.link_story_min_similarity, fixed=fixed)

    def copy_view(self, text: str) -> CopyText:
        """An article text prepared for the copy test."""
        return CopyText.of(text, self.settings.link_shingle_words, self.settings.link_copy_lead_words)

    def report_terms(self, title: str, view: CopyText) -> Counter[str]:
        """Content-word terms of a report's title and text."""
        return word_terms(chain(words(title), view.words))

    def copy_keys(self, view: CopyText) -> list[int]:
        """LSH band keys of the lead and of the whole text."""
        perms, bands = self.settings.link_minhash_perms, self.settings.link_lsh_bands
        return [
            key
            for kind, grams in (("lead", view.lead), ("text", view.text))
            if grams
            for key in band_keys(minhash(grams, perms), bands, kind)
        ]

    def copy_similarity(self, copy: CopyText, source: CopyText) -> float:
        """The copy score when it reaches the settings' threshold, else 0."""
        score = copy_score(copy, source, self.settings.link_copy_min_content)
        return score if score >= self.settings.link_copy_min_similarity else 0.0

    def joins_statement(self, agreeing: int, members: int) -> bool:
        """Whether a claim agreeing with `agreeing` of a statement's `members` claims in other reports
        joins it, under the settings' agreement share."""
        return joins_statement(agreeing, members, self.settings.link_statement_agreement)

    def claim_view(self, content: str) -> StatementText:
        """A claim content prepared for the statement test."""
        return StatementText.of(content, min(self.rule.min_run, self.rule.quote_run))

    def claim_terms(self, view: StatementText) -> frozenset[str]:
        """Its content terms."""
        return view.terms

    def claim_runs(self, view: StatementText) -> frozenset[str]:
        """Its runs of words as long as the shorter of a partial quote's and a quote's run."""
        return view.runs

    @property
    def rewording_terms(self) -> int:
        """The fewest shared content terms a rewording needs under any speaker relation."""
        return min(self.rule.rewording_terms(s) for s in ("same", "unknown", "different"))

    def speaker_relation(self, a: int | None, b: int | None, names: Mapping[int, str]) -> Speakers:
        """Same speaker entity (or a name variant of the same person), one unknown, or different."""
        return speaker_relation(a, b, names)

    def same_statement(self, a: StatementText, b: StatementText, speakers: Speakers) -> float:
        """How strongly two claims report one statement under the settings' rule, 0 when they do not."""
        return same_statement(a, b, speakers, self.rule)
