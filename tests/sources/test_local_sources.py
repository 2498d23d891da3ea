"""Loading local files: every input ends as a document or a failure with its reason."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from newsflow.core.records import Failure, RawDocument
from sources.local import load_local


def _load(*locators: Path | str) -> tuple[list[RawDocument], list[Failure]]:
    results = list(load_local([str(loc) for loc in locators], source="t", max_bytes=1_000_000))
    return ([r.document for r in results if r.document], [r.failure for r in results if r.failure])


def test_text_markdown_html_and_gz(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Hello world.")
    (tmp_path / "b.md").write_text("# Title\n\nBody text here.")
    (tmp_path / "c.html.gz").write_bytes(gzip.compress(b"<p>Compressed page.</p>"))
    (tmp_path / "d.htm").write_text("<p>Page.</p>")
    (tmp_path / ".hidden.txt").write_text("skipped")
    docs, failures = _load(tmp_path)
    assert failures == []
    assert {(d.external_id, d.media_type) for d in docs} == {
        ("a", "text"),
        ("b", "markdown"),
        ("c", "html"),
        ("d", "html"),
    }
    assert next(d for d in docs if d.external_id == "c").data == b"<p>Compressed page.</p>"


def test_glob_and_single_file(tmp_path: Path) -> None:
    for name in ("x1.txt", "x2.txt", "y.txt"):
        (tmp_path / name).write_text(f"text of {name}")
    docs, _ = _load(tmp_path / "x*.txt")
    assert [d.external_id for d in docs] == ["x1", "x2"]
    docs, _ = _load(tmp_path / "y.txt")
    assert docs[0].locator == str(tmp_path / "y.txt")


def test_a_file_whose_name_holds_glob_characters_is_loaded_as_named(tmp_path: Path) -> None:
    (tmp_path / "Guide [in brief].html").write_text("<p>Saved page.</p>")
    docs, failures = _load(tmp_path / "Guide [in brief].html")
    assert failures == []
    assert [d.external_id for d in docs] == ["Guide [in brief]"]


def test_jsonl_broken_line_does_not_stop_the_rest(tmp_path: Path) -> None:
    lines = [
        json.dumps(
            {
                "id": "a1",
                "text": "First\r\narticle.",
                "url": "https://example.org/a1",
                "published_at": "2025-10-28T09:00:00Z",
            }
        ),
        "{not json",
        json.dumps({"id": "a3", "html": "<p>Third.</p>", "title": "T3"}),
        json.dumps({"id": "a4"}),
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines))
    docs, failures = _load(path)
    assert [d.external_id for d in docs] == ["a1", "a3"]
    assert docs[0].verbatim and docs[0].published_at and docs[0].published_at.year == 2025
    assert docs[1].media_type == "html" and docs[1].title == "T3"
    assert [f.locator.rsplit("#", 1)[1] for f in failures] == ["line2", "line4"]
    assert "text" in failures[1].reason


def test_bad_files_become_failures(tmp_path: Path) -> None:
    (tmp_path / "bomb.html.gz").write_bytes(gzip.compress(b"a" * 5_000_000))
    (tmp_path / "cut.html.gz").write_bytes(gzip.compress(b"<p>hello</p>" * 100)[:30])
    (tmp_path / "big.txt").write_bytes(b"x" * 2_000_000)
    (tmp_path / "image.png").write_bytes(b"\x89PNG....")
    docs, failures = _load(
        tmp_path / "bomb.html.gz",
        tmp_path / "cut.html.gz",
        tmp_path / "big.txt",
        tmp_path / "image.png",
        tmp_path / "missing.txt",
    )
    assert docs == []
    reasons = {Path(f.locator).name: (f.error_class, f.reason) for f in failures}
    assert reasons["bomb.html.gz"][0] == "TooLargeError"
    assert "truncated" in reasons["cut.html.gz"][1] or "corrupt" in reasons["cut.html.gz"][1]
    assert reasons["big.txt"][0] == "TooLargeError"
    assert "unsupported file type" in reasons["image.png"][1]
    assert "no such file" in reasons["missing.txt"][1]
