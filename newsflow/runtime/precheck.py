"""Whether a run would find nothing new: every input is a local file whose bytes are those last stored.

It reads the inputs and the ledger only (no Prefect, no cleaning, no spaCy), so a command can decide
before its heavy imports that a night brings nothing new, and record that run cheaply. Any doubt (a
web source, an input that cannot be read, a warehouse that is busy or does not exist yet) answers
False, and the run takes the ordinary path.
"""

from __future__ import annotations

from collections import Counter

import duckdb

from newsflow.core.errors import NewsflowError
from newsflow.core.records import RawDocument
from newsflow.core.settings import Settings
from newsflow.runtime.run import source_inputs
from newsflow.runtime.stages import batched, is_unchanged
from sources.config import resolve_sources
from warehouse.db import open_reader
from warehouse.lake import is_lake
from warehouse.ledger import ledger_entries


def nothing_changed(sources: list[str], settings: Settings) -> bool:
    """True when every input of the sources is local and unchanged since it was last stored."""
    if is_lake(settings.warehouse) or not settings.warehouse.exists():
        return False
    locators = Counter[str]()
    try:
        configs = resolve_sources(sources)  # (an invalid argument: the ordinary path says so)
        if not configs or any(c.is_web for c in configs):
            return False  # a fetch is the only way to know, and it is the run's own work
        with open_reader(settings.warehouse, timeout=0.0) as con:
            for items in batched(source_inputs(configs, settings), settings.batch_size):
                docs = [i for i in items if isinstance(i, RawDocument)]
                if len(docs) < len(items):
                    return False  # a failure to record
                locators.update(d.locator for d in docs)
                ledger = ledger_entries(con, [d.locator for d in docs])
                if not all(is_unchanged(d, ledger.get(d.locator)) for d in docs):
                    return False
    except (NewsflowError, duckdb.Error, OSError):
        return False
    return bool(locators) and max(locators.values()) == 1  # a repeated locator is recorded as failed
