"""flows' public names: the flow modules Prefect runs by path (prefect.yaml entrypoints)."""

from __future__ import annotations

from tests.support.public import check_public_names


def test_flows_public_names() -> None:
    check_public_names("flows", {"ingest", "reprocess"})
