"""Per-URL results: a RawDocument for new content, or a FetchOutcome saying why not."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from newsflow.core.errors import InputError, RobotsDisallowedError
from newsflow.core.records import Failure, InputOutcome, RawDocument, StageName

NoDocument = Literal["unchanged", "skipped", "failed"]


@dataclass(frozen=True, slots=True)
class FetchOutcome:
    """A URL that yielded no new document: unchanged (304, same bytes, older than `since`),
    skipped (filtered, duplicate, robots.txt) or failed (an error; `error_class` names it).
    """

    source: str
    locator: str  # canonical URL (or the URL as given when it could not be parsed)
    outcome: NoDocument
    reason: str
    url: str | None = None
    http_status: int | None = None
    error_class: str | None = None
    stage: StageName = "fetch"  # discover (feed/sitemap/robots) or fetch
    etag: str | None = None  # fresh validators seen on an unchanged response
    last_modified: str | None = None
    raw_hash: str | None = None  # of the stored bytes, for an unchanged input

    def to_failure(self) -> Failure:
        """The warehouse's Failure record for this outcome."""
        return Failure(self.source, self.locator, self.stage, self.error_class or self.outcome, self.reason)

    def to_input_outcome(self, article_id: int | None = None) -> InputOutcome:
        """The `inputs` ledger row for this outcome (`article_id`: the stored article, if any)."""
        reason = self.reason if self.outcome != "failed" else f"{self.stage}: {self.reason}"
        return InputOutcome(
            self.source,
            self.locator,
            self.url or self.locator,
            self.outcome,
            raw_hash=self.raw_hash,
            article_id=article_id,
            reason=reason,
            etag=self.etag,
            last_modified=self.last_modified,
        )


FetchResult = RawDocument | FetchOutcome


def outcome_from_error(
    source: str, locator: str, exc: Exception, *, url: str | None = None, stage: StageName | None = None
) -> FetchOutcome:
    """The outcome for an exception: robots.txt refusals are skipped, everything else failed."""
    skipped = isinstance(exc, RobotsDisallowedError)
    return FetchOutcome(
        source=source,
        locator=locator,
        outcome="skipped" if skipped else "failed",
        reason=str(exc) or type(exc).__name__,
        url=url,
        http_status=getattr(exc, "status", None),
        error_class=type(exc).__name__,
        stage=stage or (exc.stage if isinstance(exc, InputError) else "fetch"),
    )
