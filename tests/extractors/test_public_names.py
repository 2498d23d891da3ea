"""The extractors' public names, listed once in each package's `__init__`."""

from __future__ import annotations

import subprocess
import sys

from tests.support.public import check_public_names


def test_extractors_public_names() -> None:
    check_public_names("extractors", {"ReportLikeness", "clean", "extract", "load_nlp"})


def test_cleaning_public_names() -> None:
    check_public_names(
        "extractors.cleaning",
        {"Metadata", "clean", "clean_html", "clean_text", "decode_html", "decode_text", "detect_language",
         "extract_metadata"},
    )  # fmt: skip


def test_entities_public_names() -> None:
    check_public_names(
        "extractors.entities",
        {"entity_key", "find_roles", "link_across_articles", "name_norm", "resolve_entities"},
    )


def test_claims_public_names() -> None:
    check_public_names(
        "extractors.claims",
        {"Attribution", "Quote", "SpeakerResolver", "claim_kind", "extract_claims", "find_attributions",
         "find_quotes"},
    )  # fmt: skip


def test_cleaning_does_not_import_spacy() -> None:
    code = "import sys, extractors; extractors.clean; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
