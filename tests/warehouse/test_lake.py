"""DuckLake as the warehouse: file, SQLite and PostgreSQL catalogs; the same schema, accounting and
idempotence as a DuckDB file; two ingests on different sources racing to commit lose and duplicate nothing.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsflow.core.settings import Settings
from newsflow.runtime.run import run_ingest
from warehouse.db import open_reader
from warehouse.query import run_query

ROOT = Path(__file__).resolve().parents[2]
PEOPLE = ["Sanae Takaichi", "Lee Jae Myung", "Friedrich Merz", "Mark Carney", "Donald Tusk", "Keir Starmer"]
TOPICS = ["tariffs on steel", "rare earth minerals", "defence spending", "climate finance", "grain exports"]


def write_source(folder: Path, source: str, count: int) -> Path:
    """`count` distinct wire stories in one JSONL file: different texts, the same people."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = []
    for i in range(count):
        a, b = PEOPLE[i % len(PEOPLE)], PEOPLE[(i + 2) % len(PEOPLE)]
        topic = TOPICS[(i + len(source)) % len(TOPICS)]
        text = (
            f"{a} met {b} in Geneva on day {i} of the {source} talks. "
            f'"We will agree a plan on {topic} within {i + 2} weeks," {a} said. '
            f"{b} said Japan and Canada would pledge $ {i + 1} billion for {topic}."
        )
        lines.append(json.dumps({"id": f"{source}-{i}", "title": f"{source} story {i}", "text": text}))
    (folder / f"{source}.jsonl").write_text("\n".join(lines) + "\n")
    return folder


def lake_urls(tmp: Path, postgres_dsn: str | None) -> dict[str, str]:
    urls = {"duckdb": f"ducklake:{tmp}/cat.ducklake", "sqlite": f"ducklake:sqlite:{tmp}/cat.sqlite"}
    if postgres_dsn:
        urls["postgres"] = f"ducklake:postgres:{postgres_dsn}"
    return urls


CHECKS = {
    "articles stored once": "SELECT count(*) - count(DISTINCT article_id) FROM articles",
    "texts stored once": "SELECT count(*) - count(DISTINCT content_hash) FROM articles",
    "entities stored once": "SELECT count(*) - count(DISTINCT entity_key) FROM entities",
    "entity ids unique": "SELECT count(*) - count(DISTINCT entity_id) FROM entities",
    "mentions stored once": (
        "SELECT count(*) - count(DISTINCT (article_id, start_char, end_char)) FROM mentions"
    ),
    "claims stored once": "SELECT count(*) - count(DISTINCT claim_id) FROM claims",
    "inputs once": "SELECT count(*) - count(DISTINCT locator) FROM inputs",
    "aliases = recount of mentions": """
        SELECT count(*) FROM ((SELECT entity_id, text, count(*)::INTEGER FROM mentions GROUP BY ALL)
        EXCEPT ALL (SELECT entity_id, alias, mention_count::INTEGER FROM entity_aliases))""",
    "aliases without mentions": """
        SELECT count(*) FROM ((SELECT entity_id, alias, mention_count::INTEGER FROM entity_aliases)
        EXCEPT ALL (SELECT entity_id, text, count(*)::INTEGER FROM mentions GROUP BY ALL))""",
    "entity_stats = recount": """
        SELECT count(*) FROM (
            (SELECT entity_id, count(*), count(DISTINCT article_id) FROM mentions GROUP BY 1)
        EXCEPT (SELECT entity_id, mentions, articles FROM entity_stats))""",
    "every article indexed once": """
        SELECT (SELECT count(*) FROM articles) - count(DISTINCT doc_id) + count(*) - count(DISTINCT doc_id)
        FROM search_docs WHERE kind = 'article'""",
    "every claim indexed once": """
        SELECT (SELECT count(*) FROM claims) - count(DISTINCT doc_id) + count(*) - count(DISTINCT doc_id)
        FROM search_docs WHERE kind = 'claim'""",
}


def first_values(warehouse: str | Path, queries: dict[str, str]) -> dict[str, object]:
    """The first value of each query, all on one reader (a lake's connection costs a catalog attach)."""
    with open_reader(Path(str(warehouse))) as con:
        return {name: con.execute(sql).fetchone()[0] for name, sql in queries.items()}  # type: ignore[index]


def assert_consistent(warehouse: str | Path) -> None:
    failed = first_values(warehouse, CHECKS)
    assert {k: v for k, v in failed.items() if v} == {}


def table_counts(warehouse: str | Path) -> dict[str, int]:
    tables = [
        "articles",
        "sentences",
        "entities",
        "entity_aliases",
        "mentions",
        "claims",
        "amounts",
        "inputs",
    ]
    counts = first_values(warehouse, {t: f"SELECT count(*) FROM {t}" for t in tables})
    return {t: int(n) for t, n in counts.items()}  # type: ignore[call-overload]


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_source(tmp_path_factory.mktemp("inputs"), "wire", 6)


@pytest.fixture(scope="module")
def file_counts(inputs: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, int]:
    settings = Settings(warehouse=tmp_path_factory.mktemp("file") / "w.duckdb")
    run_ingest([str(inputs)], settings)
    return table_counts(settings.warehouse)


@pytest.mark.slow
@pytest.mark.parametrize("catalog", ["duckdb", "sqlite", "postgres"])
def test_a_lake_holds_what_a_file_holds_and_a_rerun_adds_nothing(
    catalog: str, inputs: Path, file_counts: dict[str, int], tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    dsn = request.getfixturevalue("postgres_dsn") if catalog == "postgres" else None
    url = lake_urls(tmp_path, dsn)[catalog]
    settings = Settings(warehouse=url, lake_data_path=str(tmp_path / "data"))
    first = run_ingest([str(inputs)], settings)
    assert (first["status"], first["seen"], first["new"]) == ("completed", 6, 6)
    second = run_ingest([str(inputs)], settings)
    assert (second["status"], second["new"], second["unchanged"]) == ("completed", 0, 6)
    assert table_counts(url) == file_counts
    assert_consistent(url)
    assert list((tmp_path / "data").rglob("*.parquet")), "table data lives as Parquet under the data path"
    with open_reader(Path(url)) as con:
        from warehouse.search import search

        _, rows = search(con, "rare earth minerals", limit=3)
    assert rows and all("**" in r[4] for r in rows)


RACER = """
import logging, sys
from newsflow.runtime.run import run_ingest
from newsflow.core.settings import Settings
logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(name)s %(message)s")
import warehouse.lake
warehouse.lake.COMPACT_AT_FILES_PER_TABLE = 1  # compactions race the other writer's batches too
settings = Settings(warehouse=sys.argv[1], lake_data_path=sys.argv[2], batch_size=2, n_process=1)
while not __import__("os").path.exists(sys.argv[4]):  # both processes start writing together
    __import__("time").sleep(0.05)
run = run_ingest([sys.argv[3]], settings)
print(run["status"], run["new"], run["seen"])
"""


# Two batches of two stories per racer: enough for lost races and racing compactions (12 took 3x as long).
STORIES_PER_RACER = 4


@pytest.mark.slow
@pytest.mark.parametrize("catalog", ["sqlite", "postgres"])
def test_two_ingests_on_different_sources_commit_concurrently(
    catalog: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    dsn = request.getfixturevalue("postgres_dsn") if catalog == "postgres" else None
    url = lake_urls(tmp_path, dsn)[catalog]
    data = str(tmp_path / "data")
    # the lake made and migrated before the race, as a deployment would
    run_ingest(
        [str(write_source(tmp_path / "warm", "warm", 1))], Settings(warehouse=url, lake_data_path=data)
    )
    go = tmp_path / "go"
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                RACER,
                url,
                data,
                str(write_source(tmp_path / name, name, STORIES_PER_RACER)),
                str(go),
            ],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("reuters", "apnews")
    ]
    time.sleep(1.0)
    go.touch()
    outs = [p.communicate(timeout=600) for p in procs]
    for p, (out, err) in zip(procs, outs, strict=True):
        assert p.returncode == 0, err[-3000:]
        last = out.splitlines()[-1]  # after any progress bar
        assert last.split() == ["completed", str(STORIES_PER_RACER), str(STORIES_PER_RACER)], err[-3000:]
    retries = sum(err.count("lost a commit race") for _, err in outs)
    compactions = sum(err.count("compacted the lake") for _, err in outs)
    print(f"{catalog}: {retries} commit race(s) lost and retried, {compactions} compactions")
    # a PostgreSQL catalog's writers leave compaction to `newsflow compact` (racing it crashed a writer)
    assert bool(compactions) == (catalog == "sqlite"), "SQLite writers compact the lake while racing"
    assert table_counts(url)["articles"] == 2 * STORIES_PER_RACER + 1
    assert_consistent(url)
    runs = run_query(Path(url), "SELECT status, new, seen FROM runs ORDER BY started_at")[1]
    assert runs[1:] == [("completed", STORIES_PER_RACER, STORIES_PER_RACER)] * 2
    per_source = run_query(Path(url), "SELECT source, new FROM run_sources ORDER BY source")[1]
    assert [n for _, n in per_source] == [STORIES_PER_RACER, STORIES_PER_RACER, 1]


def lake_rows(url: str) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table of the lake, sorted."""
    from warehouse.lake import connect

    con = connect(url, None, read_only=True)
    try:
        tables = [t for (t,) in con.execute("SELECT table_name FROM ducklake_table_info('lake')").fetchall()]
        return {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in sorted(tables)}
    finally:
        con.close()


@pytest.mark.slow
def test_compaction_keeps_every_row_and_leaves_one_file_per_table(inputs: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from newsflow.cli import app
    from warehouse.db import open_writer
    from warehouse.lake import compact_if_due, lake_files

    url = f"ducklake:{tmp_path}/cat.ducklake"
    settings = Settings(warehouse=url, lake_data_path=str(tmp_path / "data"), batch_size=2)
    run_ingest([str(inputs)], settings)  # three batches, each adding files to most tables
    before = lake_rows(url)
    info = "SELECT max(file_count), sum(delete_file_count) FROM ducklake_table_info('lake')"
    with open_writer(Path(url)) as con:
        files, tables = lake_files(con)
        most, deletes = con.execute(info).fetchone() or (0, 0)
        assert most > 1 and deletes > 0, "the batches left several files in a table, and delete files"
        assert not compact_if_due(con, files_per_table=files // tables + 1), "not due below the bound"
        assert compact_if_due(con, files_per_table=0)
        # what queries open: ducklake_table_info also counts a rewritten file's ended delete file
        live = [
            con.execute(
                f"SELECT count(*), count(delete_file) FROM ducklake_list_files('lake', '{t}')"
            ).fetchone()
            for (t,) in con.execute("SELECT table_name FROM ducklake_table_info('lake')").fetchall()
        ]
        assert (1, 0) in live and set(live) <= {(0, 0), (1, 0)}, live
        sized = "SELECT count(*) FROM ducklake_options('lake') WHERE option_name = 'parquet_row_group_size'"
        assert con.execute(sized).fetchone() == (2,), "articles and claims in small row groups"
    assert lake_rows(url) == before
    env = {"NEWSFLOW_LAKE_DATA_PATH": str(tmp_path / "data")}
    result = CliRunner().invoke(app, ["compact", "--warehouse", url], env=env)
    assert result.exit_code == 0 and "compacted" in result.output, result.output
    assert lake_rows(url) == before
    again = run_ingest([str(write_source(tmp_path / "more", "more", 2))], settings)
    assert (again["status"], again["new"]) == ("completed", 2)
    assert_consistent(url)
