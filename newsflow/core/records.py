"""The typed records that cross each stage boundary: RawDocument → CleanArticle → ExtractedArticle.

All character offsets are end-exclusive offsets into `CleanArticle.text` (stored as `articles.text`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal, get_args

from newsflow.core.ids import bytes_hash

MediaType = Literal["html", "text", "markdown"]
BlockKind = Literal["heading", "paragraph", "list", "table", "quote"]
Outcome = Literal["new", "updated", "unchanged", "duplicate", "skipped", "failed"]
"""What became of one input in a run; the `inputs.outcome` values and the `runs` count columns."""
OUTCOMES: tuple[Outcome, ...] = get_args(Outcome)
DONE: tuple[Outcome, ...] = ("new", "updated", "unchanged", "duplicate")  # settled: same bytes are skipped
STORED: tuple[Outcome, ...] = ("new", "updated")  # the run wrote the article's text
StageName = Literal["discover", "load", "fetch", "triage", "clean", "dedupe", "extract", "write"]
"""Where an input failed (`failures.stage`)."""
STAGES: tuple[StageName, ...] = get_args(StageName)


@dataclass(slots=True)
class RawDocument:
    """One input as loaded or fetched, before any cleaning."""

    source: str  # name of the configured source (or "local")
    locator: str  # path or URL: the input's identity in the `inputs` ledger
    external_id: str  # the input's own id (JSONL "id", file name, URL)
    data: bytes
    media_type: MediaType
    encoding: str | None = None  # declared charset, if any
    url: str | None = None
    title: str | None = None  # hint from a JSONL record or a feed entry
    published_at: datetime | None = None
    verbatim: bool = False  # store text exactly as given (JSONL "text"): offsets refer to it
    fetched_at: datetime | None = None
    http_status: int | None = None
    etag: str | None = None
    last_modified: str | None = None

    @property
    def raw_hash(self) -> str:
        """Hash of the raw bytes, used to skip inputs that did not change."""
        return bytes_hash(self.data)


@dataclass(frozen=True, slots=True)
class Block:
    """A heading, paragraph, list, table or block quote: a span of the article text."""

    kind: BlockKind
    start: int
    end: int


@dataclass(slots=True)
class CleanArticle:
    """Main text and metadata of one article, with its block structure."""

    source: str
    locator: str
    external_id: str
    raw_hash: str
    text: str
    blocks: list[Block]
    title: str | None = None
    url: str | None = None
    canonical_url: str | None = None
    published_at: datetime | None = None
    modified_at: datetime | None = None
    authors: list[str] = field(default_factory=list)
    language: str | None = None
    site_name: str | None = None
    description: str | None = None
    keywords: list[str] = field(default_factory=list)
    section: str | None = None
    provenance: dict[str, str] = field(default_factory=dict)  # field -> where its value came from

    @property
    def content_hash(self) -> str:
        """Hash of the text, insensitive to case and spacing: the duplicate key."""
        from newsflow.core.ids import content_hash

        return content_hash(self.text)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence span; `block` is the index of its block in `CleanArticle.blocks`."""

    start: int
    end: int
    block: int


@dataclass(slots=True)
class LocalEntity:
    """A canonical entity as resolved within one article; `key` identifies it across articles."""

    key: str  # e.g. "PERSON:donald trump", "COUNTRY:US"
    name: str
    type: str  # PERSON, ORG, COUNTRY, PLACE, GROUP, EVENT, ...
    country_code: str | None = None  # ISO 3166-1 alpha-2 for countries, a place's country


@dataclass(frozen=True, slots=True)
class Mention:
    """A surface form of an entity in the text."""

    entity_key: str
    start: int
    end: int
    text: str
    label: str  # the NER label as predicted (PERSON, ORG, GPE, ...)


@dataclass(frozen=True, slots=True)
class EntityRole:
    """A title held by a person ("Prime Minister" of Japan), as stated in one article."""

    entity_key: str
    role: str
    of_entity_key: str | None
    start: int
    end: int


@dataclass(slots=True)
class Claim:
    """An attributed statement: who (speaker) said/pledged/agreed (cue) what (content)."""

    content: str
    content_start: int
    content_end: int
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    speaker_text: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_entity_key: str | None = None
    speaker_kind: str = "none"  # entity, pronoun, description, anonymous, none
    kind: str = "statement"  # statement, commitment, agreement, praise, criticism, denial
    is_direct_quote: bool = False
    negated: bool = False
    modality: str | None = None


@dataclass(frozen=True, slots=True)
class ClaimEntity:
    """An entity taking part in a claim (speaker, subject, object, party, mentioned)."""

    claim_index: int
    entity_key: str
    role: str


@dataclass(frozen=True, slots=True)
class Amount:
    """A money amount, percentage or count with its normalised value."""

    kind: str  # money, percent, count
    text: str
    start: int
    end: int
    value: float | None
    unit: str | None = None  # ISO currency code for money, "%" for percentages, noun for counts
    value_usd: float | None = None
    qualifier: str | None = None  # at least, over, about, up to, ...
    base: str | None = None  # "GDP" in "2% of GDP"
    claim_index: int | None = None


@dataclass(slots=True)
class ExtractedArticle:
    """An article with everything the NLP stage found in it."""

    article: CleanArticle
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[LocalEntity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    roles: list[EntityRole] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    claim_entities: list[ClaimEntity] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    skipped_reason: str | None = None  # e.g. "language=fr: extraction is English-only"


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not become an article, and why."""

    source: str
    locator: str
    stage: StageName
    error_class: str
    reason: str


@dataclass(slots=True)
class InputOutcome:
    """What became of one input in a run: the row written to the `inputs` ledger."""

    source: str
    locator: str
    external_id: str
    outcome: Outcome
    raw_hash: str | None = None
    content_hash: str | None = None
    article_id: int | None = None  # the stored article; for a duplicate, the original
    reason: str | None = None
    etag: str | None = None
    last_modified: str | None = None
