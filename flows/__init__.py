"""Prefect flows, run by path (`flows/ingest.py:ingest`, `flows/reprocess.py:reprocess` in prefect.yaml).

The public names are the flow modules (loaded on first use); the work they call is in `newsflow.runtime`.
"""

from __future__ import annotations

import importlib
from types import ModuleType

__all__ = ["ingest", "reprocess"]


def __getattr__(name: str) -> ModuleType:
    """A flow module, imported on first use (importing Prefect is slow)."""
    if name in __all__:
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
