"""What the writer's cross-outlet linking asks of a similarity model (copies, stories, statements).

The warehouse runs the SQL around these decisions (warehouse.links); the decisions themselves and their
thresholds live in `extractors.similarity.ReportLikeness`, which the run passes to `write_batch`, so the
warehouse never imports the extractors.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal, Protocol, TypeVar

__all__ = ["Likeness", "Speakers"]

Speakers = Literal["same", "unknown", "different"]
"""How two claims' speakers relate: the same person, one unknown, or different people."""

CopyView = TypeVar("CopyView")
ClaimView = TypeVar("ClaimView")


class Likeness(Protocol[CopyView, ClaimView]):
    """Pure similarity decisions, with their thresholds; `CopyView`/`ClaimView` are the model's own
    prepared forms of an article text and of a claim content."""

    @property
    def story_window_days(self) -> float:
        """A story takes reports up to this many days after its last one (and before its first)."""
        ...

    @property
    def copy_window_days(self) -> float:
        """A copy's original is looked for among stored reports this many days either side of it."""
        ...

    @property
    def story_candidates(self) -> int:
        """Stored stories compared with a batch, most alike first."""
        ...

    def profile(
        self,
        word_counts: Mapping[str, int],
        entity_counts: Mapping[int, int],
        df: Mapping[str, int],
        n_docs: int,
    ) -> dict[str, float]:
        """An article's story profile (terms `e:<entity id>` and its `report_terms`), a unit vector."""
        ...

    def cluster(self, vectors: Sequence[Mapping[str, float]], sizes: Sequence[int], fixed: int) -> list[int]:
        """Cluster label per group (summed profiles with their sizes); the first `fixed` groups are stored
        stories, not joined with one another unless a new report joins them."""
        ...

    def copy_view(self, text: str) -> CopyView:
        """An article text prepared for the copy test."""
        ...

    def report_terms(self, title: str, view: CopyView) -> Mapping[str, int]:
        """Content-word terms of a report's title and text, with their counts (the text's words come from
        its copy view)."""
        ...

    def copy_keys(self, view: CopyView) -> list[int]:
        """Its LSH band keys (63-bit): texts sharing one are candidate copies."""
        ...

    def copy_similarity(self, copy: CopyView, source: CopyView) -> float:
        """How much `copy` copies `source`, 0-1; 0 when it is not a copy."""
        ...

    def joins_statement(self, agreeing: int, members: int) -> bool:
        """Whether a claim that reports the same as `agreeing` of a statement's `members` claims in other
        reports joins it (an average-link test, so one claim holding two statements cannot chain them)."""
        ...

    def claim_view(self, content: str) -> ClaimView:
        """A claim content prepared for the statement test."""
        ...

    def claim_terms(self, view: ClaimView) -> frozenset[str]:
        """Its content terms (claims sharing none are never one statement)."""
        ...

    def claim_runs(self, view: ClaimView) -> frozenset[str]:
        """Its runs of words as long as the shortest run two claims must share to be one statement by
        sharing a run (a partial quote)."""
        ...

    @property
    def rewording_terms(self) -> int:
        """Claims sharing none of their `claim_runs` are one statement only if they share at least this
        many `claim_terms` (a rewording), whoever their speakers."""
        ...

    def speaker_relation(self, a: int | None, b: int | None, names: Mapping[int, str]) -> Speakers:
        """How two speaker entity ids relate, given the entities' names."""
        ...

    def same_statement(self, a: ClaimView, b: ClaimView, speakers: Speakers) -> float:
        """How strongly two claims report one statement, 0 when they do not."""
        ...
