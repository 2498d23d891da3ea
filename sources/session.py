"""What a source reader needs from the fetch run it is part of, as a Protocol.

`sources.web` owns the run (its `fetch_all` state); readers such as `sources.warc` are typed by this
Protocol instead, so they never import `sources.web` back.
"""

from __future__ import annotations

from typing import Protocol

from newsflow.core.records import RawDocument
from newsflow.core.settings import Settings
from sources.http import Fetcher, ValidatorLike, ValidatorStore
from sources.outcomes import FetchResult

__all__ = ["FetchSession"]


class FetchSession(Protocol):
    """The state of one fetch run that a source reader uses."""

    settings: Settings
    fetcher: Fetcher
    store: ValidatorStore | None
    seen: set[str]  # locators already settled in this run

    async def settle(self, doc: RawDocument, validators: ValidatorLike | None) -> FetchResult:
        """`unchanged` when the bytes hash as stored, else archive the bytes and pass the doc on."""
        ...
