"""sources' public names, listed once in its `__init__`; the web ones load lazily."""

from __future__ import annotations

import subprocess
import sys

from tests.support.public import check_public_names


def test_sources_public_names() -> None:
    check_public_names(
        "sources",
        {
            "Entry", "FetchOutcome", "FetchResponse", "FetchResult", "Fetcher", "LoadResult", "RawArchive",
            "SourceConfig", "SourceKind", "ValidatorLike", "ValidatorStore", "Validators", "canonical_url",
            "check_url", "expand_locators", "fetch_all", "fetch_all_sync", "load_file", "load_local",
            "load_sources", "parse_duration", "parse_feed", "parse_sitemap", "read_warc", "resolve_sources",
            "source_from_arg",
        },
    )  # fmt: skip


def test_local_sources_do_not_import_httpx() -> None:
    code = "import sys, sources; sources.load_local; print('httpx' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
