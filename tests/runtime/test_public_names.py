"""The run loop's public names, listed once in its `__init__`."""

from __future__ import annotations

from tests.support.public import check_public_names


def test_runtime_public_names() -> None:
    check_public_names(
        "newsflow.runtime",
        {"Batch", "NlpPool", "Pending", "Runner", "Stages", "execute", "extract_articles", "run_ingest",
         "run_reprocess"},
    )  # fmt: skip
