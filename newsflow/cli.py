"""The `newsflow` command line: ingest, sql, search, clean, extract, reprocess."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from newsflow.core.records import CleanArticle
from newsflow.core.settings import Settings

app = typer.Typer(
    help="Nightly news ingestion into a DuckDB warehouse of articles, entities and claims.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
console = Console(stderr=True)

WarehouseOpt = Annotated[
    Path | None, typer.Option("--warehouse", "-w", help="DuckDB file (default: NEWSFLOW_WAREHOUSE)")
]


class OutputFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


def utf8_text(value: str) -> str:
    """A command-line argument that must be text: bytes that are not UTF-8 (typed on a terminal set
    to another encoding) are a usage error, not a traceback from the database."""
    if not _utf8(value):
        raise typer.BadParameter("holds bytes that are not UTF-8 (is the terminal set to UTF-8?)")
    return value


def utf8_sources(values: list[str] | None) -> list[str] | None:
    """Sources as text: the run's parameters travel to the Prefect server as JSON, which cannot hold
    bytes that are not UTF-8. A file so named is read through its folder (its name is stored with
    those bytes escaped)."""
    for value in values or ():
        if not _utf8(value):
            shown = value.encode("utf-8", "surrogateescape")
            raise typer.BadParameter(f"{shown!r} holds bytes that are not UTF-8: give its folder instead")
    return values


def _utf8(value: str) -> bool:
    """`value` is text UTF-8 can hold: no bytes of another encoding, read as lone surrogates."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


@app.command()
def ingest(
    sources: Annotated[
        list[str] | None,
        typer.Argument(
            help="files, folders, globs, URLs, feeds, sitemaps, WARCs or a sources .toml (default: seeds/)",
            callback=utf8_sources,
        ),
    ] = None,
    warehouse: WarehouseOpt = None,
) -> None:
    """Run the ingest flow on the sources and print what became of every input."""
    from newsflow.core.settings import get_settings

    settings = get_settings()
    check_sources(sources or settings.default_sources)
    ready = prepare_prefect(settings)  # a server that must start starts meanwhile
    if settings.record_quiet_nights and record_quiet_night(settings, sources, warehouse, ready):
        return
    warm_up(settings)  # spaCy loads in a worker while Prefect imports
    from flows.ingest import ingest_for

    wait_for_prefect(ready)
    run_flow(ingest_for(settings), sources, warehouse)


@app.command()
def reprocess(
    sources: Annotated[
        list[str] | None, typer.Argument(help="only these source names (default: all)")
    ] = None,
    warehouse: WarehouseOpt = None,
) -> None:
    """Re-clean and re-extract stored articles from the raw archive, without touching the network."""
    from newsflow.core.settings import get_settings

    settings = get_settings()
    warm_up(settings)
    ready = prepare_prefect(settings)
    from flows.reprocess import reprocess as reprocess_flow

    wait_for_prefect(ready)
    run_flow(reprocess_flow, sources, warehouse)


def record_quiet_night(
    settings: Settings, sources: list[str] | None, warehouse: Path | None, ready: Callable[[], str | None]
) -> bool:
    """When no input changed, run here and record the run through the server's API, without
    Prefect's import and flow engine; False (nothing done) when the ordinary path must run."""
    from newsflow.ops.server import configured
    from newsflow.runtime.precheck import nothing_changed
    from newsflow.runtime.stages import warehouse_path

    run_settings = warehouse_path(settings, warehouse)
    wanted = sources or settings.default_sources
    if configured("PREFECT_API_KEY") or not nothing_changed(wanted, run_settings):
        return False  # a server with credentials (Prefect Cloud) goes through Prefect's client
    url = wait_for_prefect(ready)
    if url is None:
        return False  # Prefect's temporary server: it starts with the flow engine
    from newsflow.core.errors import NewsflowError
    from newsflow.ops.api_run import flow_run_name, recorded_run
    from newsflow.ops.artifacts import run_artifacts
    from newsflow.runtime.run import Runner, run_ingest

    parameters = {"sources": sources or None, "warehouse": str(warehouse) if warehouse else None}
    try:
        with recorded_run(url, "ingest", flow_run_name("ingest"), parameters, ["nothing-new"]) as run:
            summary = run_ingest(wanted, run_settings, Runner(flow_run_id=run.id))
            run.publish(run_artifacts(run_settings, summary))
    except NewsflowError as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(1) from exc
    print_summary(summary)
    return True


def warm_up(settings: Settings) -> None:
    """Start loading spaCy in an NLP worker for the coming run (not on Dask: its workers parse)."""
    if not settings.dask_address:
        from newsflow.runtime.pool import warm_up as start_nlp_worker

        start_nlp_worker(settings)


def connect_prefect(settings: Settings) -> str | None:
    """Point runs at the user's Prefect server, else at the local one (started once, then reused)."""
    return wait_for_prefect(prepare_prefect(settings))


def check_sources(sources: list[str]) -> None:
    """An invalid argument or sources file is a message and exit code 1, before Prefect starts."""
    from newsflow.core.errors import SourceConfigError
    from sources.config import resolve_sources

    try:
        resolve_sources(sources)
    except SourceConfigError as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(1) from exc


def prepare_prefect(settings: Settings) -> Callable[[], str | None]:
    """Choose the Prefect server and start the local one if needed, without waiting for it."""
    from newsflow.ops.server import prepare_server

    return prepare_server(settings, lambda message: console.print(message))


def wait_for_prefect(ready: Callable[[], str | None]) -> str | None:
    """Wait for the chosen server; a server that cannot start is a message and exit code 1."""
    from newsflow.core.errors import NewsflowError

    try:
        return ready()
    except NewsflowError as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(1) from exc


def run_flow(flow: Any, sources: list[str] | None, warehouse: Path | None) -> None:
    """Run a flow and print its summary; a newsflow error is a message and exit code 1, not a traceback."""
    from newsflow.core.errors import NewsflowError

    try:
        summary = flow(sources=sources or None, warehouse=str(warehouse) if warehouse else None)
    except NewsflowError as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(1) from exc
    print_summary(summary)


def print_summary(summary: dict[str, Any]) -> None:
    """A per-source table of outcomes."""
    from rich.table import Table

    from newsflow.core.records import OUTCOMES

    table = Table(title=f"run {summary['run_id']} ({summary['status']})")
    for col in ("source", "seen", *OUTCOMES):
        table.add_column(col, justify="left" if col == "source" else "right")
    for row in summary["sources"]:
        table.add_row(*(str(row[c]) for c in ("source", "seen", *OUTCOMES)))
    table.add_row("[b]total[/b]", *(f"[b]{summary[c]}[/b]" for c in ("seen", *OUTCOMES)))
    Console().print(table)


@app.command()
def sql(
    query: Annotated[str, typer.Argument(help="a read-only SQL query", callback=utf8_text)],
    warehouse: WarehouseOpt = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f")] = OutputFormat.table,
) -> None:
    """Query the warehouse (read-only; waits briefly while a run holds the file)."""
    from newsflow.core.errors import NewsflowError
    from newsflow.core.settings import get_settings
    from warehouse.query import run_query

    settings = get_settings()
    try:
        names, rows = run_query(warehouse or settings.warehouse, query, settings.read_retry_seconds)
    except NewsflowError as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(1) from exc
    write_rows(names, rows, fmt)


@app.command()
def compact(warehouse: WarehouseOpt = None) -> None:
    """Compact a DuckLake warehouse now: small files merged, replaced rows rewritten out, snapshots
    older than an hour expired. Writers do it after their batches, except on a PostgreSQL catalog."""
    from newsflow.core.errors import NewsflowError
    from newsflow.core.settings import get_settings
    from newsflow.runtime.stages import open_warehouse, warehouse_path
    from warehouse.lake import compact_now, is_lake

    settings = warehouse_path(get_settings(), warehouse)
    if not is_lake(settings.warehouse):
        console.print("a DuckDB file warehouse needs no compaction")
        return
    try:
        with open_warehouse(settings) as con:
            done = compact_now(con)
    except NewsflowError as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(1) from exc
    console.print("compacted" if done else "another process on this machine is compacting it")


@app.command()
def search(
    query: Annotated[
        str, typer.Argument(help='words to look for, e.g. "rare earth minerals"', callback=utf8_text)
    ],
    claims: Annotated[
        bool, typer.Option("--claims", help="rank claims (with their speaker), not articles")
    ] = False,
    since: Annotated[
        datetime | None,
        typer.Option(help="only articles published (else ingested) on or after", formats=["%Y-%m-%d"]),
    ] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="how many results")] = 20,
    warehouse: WarehouseOpt = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f")] = OutputFormat.table,
) -> None:
    """Full-text search: articles (or claims) ranked by BM25, with the matching words highlighted."""
    from newsflow.core.errors import NewsflowError
    from newsflow.core.settings import get_settings
    from warehouse.db import open_reader
    from warehouse.search import search as run_search

    settings = get_settings()
    try:
        with open_reader(warehouse or settings.warehouse, settings.read_retry_seconds) as con:
            names, rows = run_search(
                con, query, claims=claims, since=since.date() if since else None, limit=limit
            )
    except NewsflowError as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(1) from exc
    if fmt is OutputFormat.table:
        from rich.markup import escape

        snippet = names.index("snippet")
        rows = [
            tuple(
                _bold(escape(v))
                if i == snippet
                else escape(v)
                if isinstance(v, str)
                else round(v, 2)
                if isinstance(v, float)
                else v
                for i, v in enumerate(r)
            )
            for r in rows
        ]
    write_rows(names, rows, fmt)


def _bold(text: str) -> str:
    """Rich markup for the **highlighted** words of a snippet."""
    parts = text.split("**")
    return "".join(f"[bold yellow]{p}[/bold yellow]" if i % 2 else p for i, p in enumerate(parts))


def write_rows(names: list[str], rows: list[tuple[Any, ...]], fmt: OutputFormat) -> None:
    """Print query results as a rich table, CSV or JSON lines."""
    if fmt is OutputFormat.csv:
        import csv

        writer = csv.writer(sys.stdout)
        writer.writerow(names)
        writer.writerows(rows)
    elif fmt is OutputFormat.json:
        for row in rows:
            sys.stdout.write(
                json.dumps(dict(zip(names, row, strict=True)), default=str, ensure_ascii=False) + "\n"
            )
    else:
        write_table(names, rows, Console())


#: A table column narrower than this is unreadable; past it a result switches to one field a line.
MIN_COLUMN = 12


def write_table(names: list[str], rows: list[tuple[Any, ...]], console: Console) -> None:
    """Rows as a table when every column fits the terminal, else one field per line (like psql's
    expanded display), so a wide view such as `who_said_what` stays readable in 80 columns."""
    from rich.table import Table
    from rich.text import Text

    cells = [["" if v is None else str(v) for v in row] for row in rows]
    need = [min(max([len(n), *(len(r[i]) for r in cells)]), MIN_COLUMN) for i, n in enumerate(names)]
    if sum(need) + 3 * len(names) + 1 <= console.width:
        table = Table(*names)
        for row in cells:
            table.add_row(*row)
        console.print(table)
        return
    label = max(len(n) for n in names)
    for i, row in enumerate(cells, 1):
        console.rule(f"row {i}", align="left", style="dim")
        for name, value in zip(names, row, strict=True):
            console.print(Text.assemble((name.rjust(label), "bold"), " │ ", value), highlight=False)
    console.print(f"({len(cells)} row{'s' if len(cells) != 1 else ''}, {len(names)} columns)", style="dim")


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
    from extractors.cleaning.clean import clean as clean_one
    from newsflow.core.errors import InputError
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


class ExtractFormat(str, Enum):
    jsonl = "jsonl"


@app.command()
def extract(
    file: Annotated[Path, typer.Argument(help='JSONL of {"doc_id" or "id", "text"} records')],
    fmt: Annotated[ExtractFormat, typer.Option("--format", "-f")] = ExtractFormat.jsonl,
) -> None:
    """Attributions of each record's text (no warehouse), one scorer-format JSON line per record:
    {"doc_id", "attributions": [{"source", "cue", "content", "type"}]} with offsets into `text`."""
    from extractors.scorer_io import prediction_rows, read_jsonl
    from newsflow.core.settings import get_settings

    try:
        records = list(read_jsonl(file))
    except (OSError, ValueError, RecursionError) as exc:
        console.print(f"[red]error:[/red] cannot read {file}: {exc}")
        raise typer.Exit(1) from exc
    settings = get_settings()
    for row in prediction_rows(records, settings.spacy_model, fast_rules=tuple(settings.spacy_fast_rules)):
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")


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


@app.command()
def serve() -> None:
    """Register the deployments (nightly ingest on NEWSFLOW_SCHEDULE_CRON, reprocess) and run them here."""
    from newsflow.core.settings import get_settings

    settings = get_settings()
    if connect_prefect(settings) is None:
        console.print(
            "[red]error:[/red] a schedule needs a Prefect server with a scheduler: Prefect's temporary "
            "server has none. Unset NEWSFLOW_LOCAL_SERVER, or start one (`newsflow dashboard`) and set "
            "PREFECT_API_URL=http://127.0.0.1:4200/api"
        )
        raise typer.Exit(1)
    from newsflow.ops import schedule as ops

    console.print(
        f"serving: nightly ingest at [b]{settings.schedule_cron}[/b] "
        f"({ops.schedule_timezone(settings)}); Ctrl-C stops serving, the schedule stays active"
    )
    ops.serve(settings)


@app.command()
def dashboard(
    port: Annotated[int | None, typer.Option(help="port (default: NEWSFLOW_DASHBOARD_PORT)")] = None,
    stop: Annotated[bool, typer.Option("--stop", help="stop the local server newsflow started")] = False,
) -> None:
    """Start the Prefect server and UI on 127.0.0.1 (analytics off); runs report to it via PREFECT_API_URL.

    When a run already started the local server in the background, say where it is and return.
    """
    import os

    from newsflow.core.settings import get_settings
    from newsflow.ops import server

    settings = get_settings()
    if port:
        settings = settings.model_copy(update={"dashboard_port": port})
    url = server.api_url(settings)
    if stop:
        pid = server.stop_local_server()
        console.print(f"stopped the local Prefect server (pid {pid})" if pid else "no local server running")
        return
    if server.healthy(url):
        console.print(
            f"dashboard: already running at [b]{url.removesuffix('/api')}[/b]; "
            "`newsflow dashboard --stop` stops it"
        )
        return
    command = server.server_command(settings)
    console.print(f"dashboard: point runs at it with [b]PREFECT_API_URL={url}[/b]")
    sys.stdout.flush()
    os.execve(command[0], command, server.server_env(settings))


@app.command()
def alerts(
    automation: Annotated[Path, typer.Option(help="automation YAML")] = Path(
        "ops/ingest-failed.automation.yaml"
    ),
) -> None:
    """Alert on failed ingest runs: store NEWSFLOW_ALERT_WEBHOOK_URL in a block, create the automation."""
    from newsflow.core.settings import get_settings
    from newsflow.ops import alerts as alerting

    url = get_settings().alert_webhook_url
    automation_id = alerting.install(automation, url.get_secret_value() if url else None)
    console.print(f"automation {automation_id} notifies block {alerting.ALERT_BLOCK!r} on failed ingest runs")


def main() -> None:
    """Entry point for `python -m newsflow`."""
    app()
