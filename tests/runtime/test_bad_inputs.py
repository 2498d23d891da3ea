"""Bad local inputs: each kind ends as the expected outcome with a clear reason, and nothing is lost."""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from newsflow.core.records import OUTCOMES
from newsflow.core.settings import Settings
from newsflow.runtime.run import run_ingest
from tests.conftest import SEED

ARTICLE = SEED.read_text(encoding="utf-8")
Maker = Callable[[Path], Path]


def _file(name: str, data: bytes) -> Maker:
    def make(root: Path) -> Path:
        (root / name).write_bytes(data)
        return root / name

    return make


def _nested(depth: int) -> bytes:
    return (
        b"<html><body>"
        + b"<div>" * depth
        + b"<p>Deep text of a summit report.</p>"
        + b"</div>" * depth
        + b"</body></html>"
    )


FRENCH = (
    "Le président français a déclaré mardi à Paris que la France soutiendrait le plan européen "
    "de défense. Les ministres se réuniront la semaine prochaine à Bruxelles pour en discuter."
)
ARABIC = (
    "قال رئيس الوزراء يوم الثلاثاء إن المحادثات مع اليابان كانت مثمرة وإن البلدين سيوقعان "
    "اتفاقية جديدة للتعاون في مجال الطاقة خلال الأسبوع المقبل."
)

# name -> (make input, expected outcome, text the reason or stored title/text must contain)
CASES: dict[str, tuple[Maker, str, str]] = {
    "empty": (_file("empty.txt", b""), "failed", "empty"),
    "whitespace only": (_file("blank.txt", b" \n\t\r\n  "), "failed", "whitespace"),
    "binary": (_file("blob.txt", bytes(range(256)) * 40), "failed", "binary"),
    "pdf named html": (_file("doc.html", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), "failed", "PDF"),
    "truncated gzip": (_file("cut.html.gz", gzip.compress(ARTICLE.encode())[:40]), "failed", "gzip"),
    "gzip bomb": (_file("bomb.html.gz", gzip.compress(b" " * 30_000_000)), "failed", "cap"),
    "over the size cap": (_file("huge.html", b"<p>" + b"word " * 5_000_000 + b"</p>"), "failed", "cap"),
    "100k nested tags": (_file("nested.html", _nested(100_000)), "new", "Deep text"),
    "invalid utf-8": (
        _file("bad.txt", ARTICLE.encode()[:500] + b"\xff\xfe\xfa" + ARTICLE.encode()[500:]),
        "new",
        "Takaichi",
    ),
    "cp1252 labelled utf-8": (
        _file(
            "cp.html",
            (
                '<meta charset="utf-8"><p>The délégation’s café '
                "meeting in Zürich was “productive”, officials said on "
                "Monday after the talks.</p>"
            ).encode("cp1252"),
        ),
        "new",
        "délégation",
    ),
    "shift-jis": (
        _file("jp.txt", ("東京で首脳会談が開かれ、両国は新たな合意に署名した。" * 3).encode("shift_jis")),
        "new",
        "首脳会談",
    ),
    "right-to-left": (_file("ar.txt", ARABIC.encode()), "new", "اليابان"),
    "non-English": (_file("fr.txt", FRENCH.encode()), "new", "language=fr"),
    "control characters in title": (
        _file(
            "ctl.jsonl",
            json.dumps(
                {"id": "c1", "title": "Leaders\x00 meet\x1b[31m in\x07 Seoul", "text": ARTICLE}
            ).encode(),
        ),
        "new",
        "Leaders meet [31m in Seoul",
    ),
    "SQL-looking text": (
        _file(
            "sql.jsonl",
            json.dumps(
                {
                    "id": "x'); DROP TABLE articles; --",
                    "title": "'; DELETE FROM claims; --",
                    "text": "Robert'); DROP TABLE articles;-- said the minister told reporters on Friday.",
                }
            ).encode(),
        ),
        "new",
        "DROP TABLE articles;--",
    ),
    "unsupported extension": (_file("sheet.xlsx", b"PK\x03\x04...."), "failed", "unsupported"),
    "jsonl missing text": (_file("nofield.jsonl", b'{"id": "m1", "title": "No body"}\n'), "failed", "text"),
    "jsonl with a byte-order mark": (
        _file("bom.jsonl", b"\xef\xbb\xbf" + json.dumps({"id": "b1", "text": FRENCH}).encode()),
        "new",
        "Bruxelles",
    ),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_bad_input(case: str, tmp_path: Path) -> None:
    make, expected, needle = CASES[case]
    src = tmp_path / "in"
    src.mkdir()
    path = make(src)
    settings = Settings(warehouse=tmp_path / "w.duckdb", max_input_bytes=20_000_000)
    run = run_ingest([str(path)], settings)
    assert run["seen"] == 1 and run[expected] == 1, run
    con = duckdb.connect(str(settings.warehouse), read_only=True)
    try:
        if expected == "failed":
            reason = con.execute("SELECT error_class || ': ' || reason FROM failures").fetchone()[0]  # type: ignore[index]
            assert needle.lower() in reason.lower()
        else:
            row = con.execute(
                "SELECT coalesce(title, '') || ' ' || text || ' ' || extraction FROM articles"
            ).fetchone()
            assert row and needle in row[0]
    finally:
        con.close()


def test_malformed_addresses_fail_no_input_and_no_batch(tmp_path: Path) -> None:
    """A bracketed host that is no IP address (a template's placeholder) in a page's canonical
    link or in a record's `url`: every input of the batch is stored, the record's address as given."""
    src = tmp_path / "in"
    src.mkdir()
    page = "<html><head><title>{t}</title>{head}</head><body><h1>{t}</h1><p>{text}</p></body></html>"
    text = ARTICLE.split("\n\n")[0]
    (src / "a.html").write_text(page.format(t="First report", head="", text=text))
    canonical = '<link rel="canonical" href="https://[domain]/second">'
    (src / "b.html").write_text(page.format(t="Second report", head=canonical, text=text + " Later."))
    record = {"id": "c", "url": "https://[domain]/third", "title": "Third report", "text": text + " Then."}
    (src / "c.jsonl").write_text(json.dumps(record))
    settings = Settings(warehouse=tmp_path / "w.duckdb")
    run = run_ingest([str(src)], settings)
    assert (run["seen"], run["new"], run["failed"]) == (3, 3, 0), run
    con = duckdb.connect(str(settings.warehouse), read_only=True)
    try:
        rows = con.execute("SELECT title, url, canonical_url FROM articles ORDER BY title").fetchall()
    finally:
        con.close()
    assert rows == [
        ("First report", None, None),
        ("Second report", None, None),
        ("Third report", "https://[domain]/third", None),
    ]


def test_jsonl_fields_of_the_wrong_type_fail_their_record_alone(tmp_path: Path) -> None:
    """A list or an object where a string belongs would fail the batch in the warehouse; a line
    nested deeper than the parser goes stopped the file."""
    text = "The envoys met in Vienna on Monday and agreed to meet again, officials said."
    records = [
        {"id": "ok", "title": "Envoys meet", "text": text},
        {"id": "t", "title": ["Envoys", "meet"], "text": text + " Again."},
        {"id": "u", "url": {"href": "https://news.example/a"}, "text": text + " Later."},
        {"id": ["x"], "text": text + " Then."},
    ]
    path = tmp_path / "export.jsonl"
    deep = "[" * 100_000 + "]" * 100_000  # nested past the parser's depth
    path.write_text("\n".join([*map(json.dumps, records), deep]))
    run = run_ingest([str(path)], Settings(warehouse=tmp_path / "w.duckdb"))
    assert (run["seen"], run["new"], run["failed"]) == (5, 1, 4), run
    con = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
    try:
        reasons = sorted(r[0][:40] for r in con.execute("SELECT reason FROM failures").fetchall())
    finally:
        con.close()
    assert reasons == [
        'line 2: "title" is list, not a string',
        'line 3: "url" is dict, not a string',
        'line 4: "id" is list, not a string or an',
        "line 5: maximum recursion depth exceeded",
    ]


def test_jsonl_half_characters_and_dates_at_the_calendars_ends_are_stored(tmp_path: Path) -> None:
    """Half of an emoji cut off (a lone surrogate escape) cannot be written as UTF-8, and a date at
    the calendar's ends has no window around it: each failed the whole batch."""
    text = "The envoys met in Vienna on Monday and agreed to meet again, officials said."
    records = [
        {"id": "cut", "title": "Envoys meet \ud83d", "text": text + " \udc4d"},
        {"id": "first", "published_at": "0001-01-01", "text": text + " Again."},
        {"id": "last", "published_at": "9999-12-31T23:59:59-12:00", "text": text + " Later."},
        {"id": "last-utc", "published_at": "9999-12-31T12:00:00+00:00", "text": text + " Then."},
    ]
    path = tmp_path / "export.jsonl"
    path.write_text("\n".join(map(json.dumps, records)))
    run = run_ingest([str(path)], Settings(warehouse=tmp_path / "w.duckdb"))
    assert (run["seen"], run["new"]) == (4, 4), run
    con = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
    try:
        rows = dict(con.execute("SELECT external_id, year(published_at) FROM articles").fetchall())
        title, body = con.execute("SELECT title, text FROM articles WHERE external_id = 'cut'").fetchone()  # type: ignore[misc]
    finally:
        con.close()
    assert rows == {"cut": None, "first": 1, "last": None, "last-utc": 9999}  # (past 9999 in UTC: no date)
    assert title == "Envoys meet \ufffd" and body.endswith("\ufffd")


def test_a_file_name_that_is_not_utf8_is_stored_and_found_again(tmp_path: Path) -> None:
    """A Latin-1 file name (bytes that are not UTF-8, which Python reads as lone surrogates) failed
    the whole batch and then the run: no column can hold it. It is stored with its byte escaped."""
    src = tmp_path / "in"
    src.mkdir()
    (src / os.fsdecode(b"caf\xe9.txt")).write_text("Talks resume\n\nThe minister said talks would resume.\n")
    (src / "plain.txt").write_text("Port reopens\n\nThe harbour authority said the port would reopen.\n")
    settings = Settings(warehouse=tmp_path / "w.duckdb")
    assert run_ingest([str(src)], settings)["new"] == 2
    con = duckdb.connect(str(settings.warehouse), read_only=True)
    try:
        rows = con.execute("SELECT locator, external_id FROM articles ORDER BY 1").fetchall()
    finally:
        con.close()
    assert rows == [(f"{src}/caf\\xe9.txt", "caf\\xe9"), (f"{src}/plain.txt", "plain")]
    again = run_ingest([str(src)], settings)
    assert (again["new"], again["unchanged"], again["failed"]) == (0, 2, 0)


def test_jsonl_with_broken_lines_and_repeated_ids(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "The ministers met in Oslo and agreed to meet again."}),
        '{"id": "b", "text": "unterminated',
        json.dumps({"id": "a", "text": "A different story that reuses the id a."}),
        json.dumps({"id": "c", "text": "Officials said the ceasefire would hold through the winter."}),
    ]
    path.write_text("\n".join(lines))
    run = run_ingest([str(path)], Settings(warehouse=tmp_path / "w.duckdb"))
    assert (run["seen"], run["new"], run["failed"]) == (4, 2, 2)
    assert run["seen"] == sum(run[k] for k in OUTCOMES)
    con = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
    reasons = sorted(r[0] for r in con.execute("SELECT error_class FROM failures").fetchall())
    kept = con.execute("SELECT text FROM articles WHERE external_id = 'a'").fetchone()
    con.close()
    assert reasons == ["DuplicateInput", "JSONDecodeError"]
    assert kept and kept[0].startswith("The ministers")
