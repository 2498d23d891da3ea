"""The public-names check each package's test uses (as httpx's test_exported_members does)."""

from __future__ import annotations

import importlib


def check_public_names(package: str, expected: set[str]) -> None:
    """`package.__all__` lists exactly `expected`, once each, and every name resolves."""
    module = importlib.import_module(package)
    listed = list(module.__all__)
    assert len(listed) == len(set(listed)), f"{package}.__all__ lists a name twice"
    assert set(listed) == expected, (
        f"{package}.__all__ drifted: added {sorted(set(listed) - expected)}, "
        f"removed {sorted(expected - set(listed))}"
    )
    for name in listed:
        assert getattr(module, name) is not None, f"{package}.{name} does not resolve"
