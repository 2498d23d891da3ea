"""The run loop: inputs in, batches through the stages, outcomes counted; runs with or without Prefect."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsflow.core.lazy import lazy_getattr

if TYPE_CHECKING:
    from newsflow.runtime.extract import extract_articles
    from newsflow.runtime.pool import NlpPool
    from newsflow.runtime.run import Pending, Runner, Stages, execute, run_ingest, run_reprocess
    from newsflow.runtime.stages import Batch

__all__ = [
    "Batch",
    "NlpPool",
    "Pending",
    "Runner",
    "Stages",
    "execute",
    "extract_articles",
    "run_ingest",
    "run_reprocess",
]

# Imported on first use, so importing one submodule does not load the sources, extractors and warehouse.
_LAZY = {
    "Batch": "newsflow.runtime.stages",
    "NlpPool": "newsflow.runtime.pool",
    "Pending": "newsflow.runtime.run",
    "Runner": "newsflow.runtime.run",
    "Stages": "newsflow.runtime.run",
    "execute": "newsflow.runtime.run",
    "extract_articles": "newsflow.runtime.extract",
    "run_ingest": "newsflow.runtime.run",
    "run_reprocess": "newsflow.runtime.run",
}


__getattr__ = lazy_getattr(__name__, _LAZY)
