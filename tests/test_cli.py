"""The command line without Prefect: clean, extract and sql, as a user types them."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
from rich.console import Console
from typer.testing import CliRunner

from newsflow.cli import app, write_table
from newsflow.core.settings import Settings
from newsflow.runtime.run import run_ingest
from tests.conftest import FIXTURES, SEED

runner = CliRunner()


def test_clean_jsonl_gives_one_object_per_input_named_by_file() -> None:
    pages = sorted((FIXTURES / "html").glob("*.html"))[:2]
    result = runner.invoke(app, ["clean", *map(str, pages), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in rows] == [p.name.removesuffix(".html") for p in pages]
    assert all(
        {"title", "text", "published_at", "authors", "language", "canonical_url"} <= r.keys() for r in rows
    )


def test_extract_writes_scorer_rows_with_offsets_into_the_text(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"doc_id": "seed", "text": text}) + "\n")
    result = runner.invoke(app, ["extract", str(src), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    (row,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert row["doc_id"] == "seed" and row["attributions"]
    contents = [text[a["content"][0] : a["content"][1]] for a in row["attributions"]]
    assert any("making Japan stronger and safer" in c for c in contents)


def test_sql_formats_and_errors(tmp_path: Path) -> None:
    wh = tmp_path / "w.duckdb"
    run_ingest([str(SEED)], Settings(warehouse=wh))
    out = runner.invoke(app, ["sql", "SELECT title FROM articles", "-w", str(wh), "--format", "csv"])
    assert out.exit_code == 0 and out.stdout.splitlines() == [
        "title",
        "Tokyo — Strengthening U.S.–Japan Ties",
    ]
    out = runner.invoke(app, ["sql", "SELECT count(*) AS n FROM claims", "-w", str(wh), "-f", "json"])
    assert json.loads(out.stdout)["n"] > 3
    refused = runner.invoke(app, ["sql", "DROP TABLE articles", "-w", str(wh)])
    assert refused.exit_code == 1 and "read-only" in refused.output
    typo = runner.invoke(app, ["sql", "SELECT title FROM articles WHERE", "-w", str(wh)])
    assert typo.exit_code == 1 and "syntax error" in typo.output and "Traceback" not in typo.output
    missing = runner.invoke(app, ["sql", "SELECT 1", "-w", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 1 and "no warehouse" in missing.output


def test_a_wide_view_stays_readable_in_80_columns_and_a_narrow_one_stays_a_table(tmp_path: Path) -> None:
    wh = tmp_path / "w.duckdb"
    run_ingest([str(SEED)], Settings(warehouse=wh))
    with duckdb.connect(str(wh), read_only=True) as con:
        wide = con.execute("SELECT * FROM who_said_what LIMIT 3")
        names = [d[0] for d in wide.description]
        rows = wide.fetchall()
        narrow = con.execute("SELECT count(*) AS claims FROM claims")
        narrow_names, narrow_rows = [d[0] for d in narrow.description], narrow.fetchall()
    assert len(names) > 8 and rows

    console = Console(width=80, record=True, force_terminal=False)
    write_table(names, rows, console)
    lines = console.export_text().splitlines()
    assert all(len(line) <= 80 for line in lines)
    assert "…" not in "\n".join(lines)  # no column squeezed to an ellipsis
    for name in names:  # every field shown, a field a line
        assert sum(line.lstrip().startswith(f"{name} │") for line in lines) == len(rows)
    assert lines[-1] == f"({len(rows)} rows, {len(names)} columns)"

    console = Console(width=80, record=True, force_terminal=False)
    write_table(narrow_names, narrow_rows, console)
    text = console.export_text()
    assert "claims" in text and str(narrow_rows[0][0]) in text and "row 1" not in text


def test_an_invalid_source_is_an_error_before_any_run(tmp_path: Path) -> None:
    sources = tmp_path / "sources.toml"
    sources.write_text('[[source]]\nname = "a"\nkind = "local"\nlocator = "x"\n' * 2)
    for arg, message, code in (
        ("feed:", "needs a URL or path", 1),
        (str(sources), "duplicate source names", 1),
        (str(tmp_path / "caf\udce9.txt"), "not UTF-8", 2),  # (Prefect's parameters are JSON: no such bytes)
    ):
        out = runner.invoke(app, ["ingest", arg, "-w", str(tmp_path / "w.duckdb")])
        assert out.exit_code == code and message in out.output and "Traceback" not in out.output, out.output
    assert not (tmp_path / "w.duckdb").exists()


def test_extract_reads_a_record_with_half_a_character(tmp_path: Path) -> None:
    """An emoji cut in two (a lone surrogate escape) made spaCy's tokenizer raise."""
    text = "The minister said on Monday that the talks would resume \ud83d next week."
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"doc_id": "cut", "text": text}) + "\n")
    result = runner.invoke(app, ["extract", str(src), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    (row,) = [json.loads(line) for line in result.stdout.splitlines()]
    (said,) = row["attributions"]
    assert text[said["source"][0] : said["source"][1]] == "The minister"


def test_a_query_typed_in_another_encoding_is_a_usage_error(tmp_path: Path) -> None:
    """Bytes that are not UTF-8 reach Python as lone surrogates (\\udce9 for a Latin-1 é); the
    database raised on them with a traceback."""
    wh = tmp_path / "w.duckdb"
    run_ingest([str(SEED)], Settings(warehouse=wh))
    for command in (["sql", "SELECT 'caf\udce9'"], ["search", "caf\udce9"]):
        out = runner.invoke(app, [*command, "-w", str(wh)])
        assert out.exit_code == 2 and "not UTF-8" in out.output and "Traceback" not in out.output, out.output
