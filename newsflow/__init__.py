"""newsflow: nightly news ingestion into a DuckDB warehouse of articles, entities and claims.

Layers, bottom-up: `newsflow.core` (records, errors, settings); `sources`, `extractors`, `warehouse`
(import only the core); `newsflow.runtime` (the run loop) and `newsflow.ops` (Prefect glue); `flows`
and `newsflow.cli` on top. `lint-imports` checks it.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

# The cores belong to the NLP workers: a multi-threaded BLAS in the run's process (the story
# clustering's one matrix product per batch) only spins against them, at 3-4x the CPU of one thread.
# Set before anything imports numpy; a user's own setting wins.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from newsflow.core.errors import (
    InputError,
    NewsflowError,
    WarehouseBusyError,
    WarehouseError,
)
from newsflow.core.lazy import lazy_getattr
from newsflow.core.records import (
    Amount,
    Block,
    Claim,
    CleanArticle,
    ExtractedArticle,
    Failure,
    LocalEntity,
    Mention,
    RawDocument,
    Sentence,
)

if TYPE_CHECKING:
    from newsflow.core.settings import Settings, get_settings
    from newsflow.runtime.run import run_ingest, run_reprocess

__all__ = [
    "Amount",
    "Block",
    "Claim",
    "CleanArticle",
    "ExtractedArticle",
    "Failure",
    "InputError",
    "LocalEntity",
    "Mention",
    "NewsflowError",
    "RawDocument",
    "Sentence",
    "Settings",
    "WarehouseBusyError",
    "WarehouseError",
    "get_settings",
    "run_ingest",
    "run_reprocess",
]


# Imported on first use: the core must not pull in the run loop, and a process that only cleans
# pages (`newsflow clean`) never loads the settings (pydantic-settings).
__getattr__ = lazy_getattr(
    __name__,
    {
        "run_ingest": "newsflow.runtime.run",
        "run_reprocess": "newsflow.runtime.run",
        "Settings": "newsflow.core.settings",
        "get_settings": "newsflow.core.settings",
    },
)
