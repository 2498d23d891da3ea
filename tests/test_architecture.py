"""Rules the import contracts (`lint-imports`, pyproject.toml) do not cover, checked on the source."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator

import pytest

from tests.conftest import ROOT

PACKAGES = ("newsflow", "sources", "extractors", "warehouse", "flows")
LOWER = ("sources", "extractors", "warehouse")
SQL = re.compile(
    r"\b(SELECT\b.+\bFROM|INSERT\s+INTO|DELETE\s+FROM|CREATE\s+(TABLE|VIEW)|UPDATE\s+\w+\s+SET)\b",
    re.I | re.S,
)


def modules(*packages: str) -> Iterator[tuple[str, ast.Module]]:
    for package in packages:
        for path in sorted((ROOT / package).rglob("*.py")):
            yield str(path.relative_to(ROOT)), ast.parse(path.read_text(), str(path))


def test_no_module_imports_a_private_name_of_another() -> None:
    offences = [
        f"{name}: from {node.module} import {alias.name}"
        for name, tree in modules(*PACKAGES, "tests", "scripts")
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] in PACKAGES
        for alias in node.names
        if alias.name.startswith("_")
    ]
    assert offences == []


def test_lower_layers_never_fall_back_to_get_settings() -> None:
    offences = [
        f"{name}:{node.lineno}"
        for name, tree in modules(*LOWER)
        for node in ast.walk(tree)
        if isinstance(node, ast.Name | ast.alias)
        and getattr(node, "id", getattr(node, "name", "")) == "get_settings"
    ]
    assert offences == []


def test_sql_lives_only_in_the_warehouse() -> None:
    offences = [
        f"{name}:{node.lineno}"
        for name, tree in modules(*(p for p in PACKAGES if p != "warehouse"))
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL.search(node.value)
    ]
    assert offences == []


@pytest.mark.parametrize("check", ["ruff format --check", "ruff check", "mypy", "lint-imports"])
def test_the_test_command_runs_the_static_checks(check: str) -> None:
    readme = (ROOT / "README.md").read_text()
    assert "bash scripts/check.sh && uv run pytest" in readme
    assert re.search(rf"^uv run {re.escape(check)}( \.)?$", (ROOT / "scripts/check.sh").read_text(), re.M)
