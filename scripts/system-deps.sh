#!/usr/bin/env bash
# System packages some tests use beyond Python, from Debian: Chromium for the dashboard browser test
# (never a Playwright-downloaded browser), docker-compose to validate docker-compose.yml (it needs
# no Docker engine) and PostgreSQL for the DuckLake catalog tests (tests/support/postgres.py runs
# initdb in a temp dir and starts/stops its own server on a Unix socket, as user postgres when root).
# Installs what is missing. Where it cannot (not root, or no apt-get) it says so
# and those tests skip with the reason; in CI (CI set) that is an error instead.
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium fonts-liberation)
command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing ${missing[*]} (apt-get)" >&2
    export DEBIAN_FRONTEND=noninteractive
    # no recommends: docker-compose would otherwise pull in a Docker engine, Chromium a desktop
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
elif [ -n "${CI:-}" ]; then
    echo "CI needs ${missing[*]} but cannot install them here (needs root and apt-get)" >&2
    exit 1
else
    echo "note: ${missing[*]} not installed (sudo apt-get install -y ${missing[*]});" \
        "the browser, compose and PostgreSQL tests will skip" >&2
fi
