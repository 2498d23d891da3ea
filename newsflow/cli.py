"""The `newsflow` command line: ingest, sql, clean, extract, reprocess."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from newsflow.records import CleanArticle

app = typer.Typer(
    help="Nightly news ingestion into a DuckDB warehouse of articles, entities and claims.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
console = Console(stderr=True)

WarehouseOpt = Annotated[
    Path | None, typer.Option("--warehouse", "-w", help="DuckDB file (default: NEWSFLOW_WAREHOUSE)")
]


class CleanFormat(str, Enum):
    text = "text"
    json = "json"
    jsonl = "jsonl"


@app.command()
def clean(
    files: Annotated[list[str], typer.Argument(help="HTML/text files, directories or globs")],
    fmt: Annotated[CleanFormat, typer.Option("--format", "-f")] = CleanFormat.text,
) -> None:
    """Clean files only (no NLP, no warehouse) and print title, text and metadata."""
    from extractors.clean import clean as clean_one
    from newsflow.errors import InputError
    from sources.local import load_local

    results: list[dict[str, Any]] = []
    for item in load_local(files):
        if item.failure:
            console.print(f"[red]failed[/red] {item.failure.locator}: {item.failure.reason}")
            continue
        assert item.document is not None
        try:
            obj = article_json(clean_one(item.document))
        except InputError as exc:
            obj = {"id": item.document.external_id, "text": "", "error": str(exc)}
        if fmt is CleanFormat.jsonl:
            sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
        elif fmt is CleanFormat.json:
            results.append(obj)
        else:
            sys.stdout.write(f"# {obj.get('title') or obj['id']}\n\n{obj['text']}\n\n")
    if fmt is CleanFormat.json:
        sys.stdout.write(json.dumps(results, ensure_ascii=False, indent=2) + "\n")


def article_json(article: CleanArticle) -> dict[str, Any]:
    """A cleaned article as a JSON-ready dict (the `newsflow clean` output format)."""
    return {
        "id": article.external_id,
        "title": article.title,
        "text": article.text,
        "published_at": article.published_at.isoformat() if article.published_at else None,
        "modified_at": article.modified_at.isoformat() if article.modified_at else None,
        "authors": article.authors,
        "language": article.language,
        "url": article.url,
        "canonical_url": article.canonical_url,
        "site_name": article.site_name,
        "description": article.description,
        "keywords": article.keywords,
        "section": article.section,
        "headings": [article.text[b.start : b.end] for b in article.blocks if b.kind == "heading"],
        "provenance": article.provenance,
    }


def main() -> None:
    """Entry point for `python -m newsflow`."""
    app()
