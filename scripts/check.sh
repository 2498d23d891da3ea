#!/usr/bin/env bash
# The static checks DEVELOPERS.md asks for, in one place: the README's test command and .ci/run run
# this before pytest. Formatting, lint, strict typing, and the import contracts in pyproject.toml
# (layers: cli > flows > ops | runtime > sources | extractors | warehouse > core; no module cycles).
set -euo pipefail
cd "$(dirname "$0")/.."
uv run ruff format --check .
uv run ruff check .
uv run mypy
uv run lint-imports
