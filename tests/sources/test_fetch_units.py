"""Offline units of the acquisition package: config, URLs, parsing, archive, WARC, limits."""

from __future__ import annotations

import gzip
import zlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from newsflow.core.errors import (
    FeedParseError,
    InputError,
    ResponseTooLargeError,
    SourceConfigError,
    TooLargeError,
    UnsupportedContentTypeError,
)
from newsflow.core.records import Failure, RawDocument
from sources.archive import RawArchive
from sources.config import SourceConfig, load_sources, parse_duration, source_from_arg
from sources.feeds import parse_feed
from sources.http import Validators, parse_content_type, parse_retry_after
from sources.limits import CappedDecoder, gunzip_capped
from sources.outcomes import FetchOutcome
from sources.robots import parse_robots
from sources.sitemaps import parse_sitemap
from sources.urls import canonical_url
from sources.warc import read_warc
from tests.support.fetch_support import collect, docs, fast_settings, outcomes, write_warc

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "HTTPS://Example.COM:443/a/./b/../c?utm_source=x&b=2&a=1#frag",
            "https://example.com/a/c?a=1&b=2",
        ),
        ("http://example.com:80", "http://example.com/"),
        ("http://user:pw@example.com/x?fbclid=abc&gclid=1", "http://example.com/x"),
        ("https://example.com/news/1?utm_medium=rss&utm_campaign=k", "https://example.com/news/1"),
        ("http://example.com:8080/p", "http://example.com:8080/p"),
    ],
)
def test_canonical_url(url: str, expected: str) -> None:
    assert canonical_url(url) == expected
    assert canonical_url(canonical_url(url)) == canonical_url(url)  # idempotent


def test_example_sources_file_loads() -> None:
    sources = load_sources(ROOT / "seeds" / "sources.toml")
    kinds = {s.kind for s in sources}
    assert kinds == {"feed", "sitemap", "url-list", "local", "warc"}
    feed = next(s for s in sources if s.kind == "feed")
    assert feed.max_age == timedelta(days=3) and not feed.wants("https://x.org/live/1")
    local = next(s for s in sources if s.kind == "local")
    assert not local.is_web and Path(local.locator) == ROOT / "seeds"


def test_sources_file_errors(tmp_path: Path) -> None:
    bad = tmp_path / "s.toml"
    cases = {
        '[[source]]\nname="a"\nkind="ftp"\nlocator="x"\n': "kind",
        '[[source]]\nkind="feed"\nlocator="x"\n': "no name",
        '[[source]]\nname="a"\nkind="feed"\nlocator="x"\ninclude=["("]\n': "bad pattern",
        '[[source]]\nname="a"\nkind="feed"\nlocator="x"\n' * 2: "duplicate",
        '[[source]]\nname="a"\nkind="feed"\nlocator="x"\nmax_age="soon"\n': "duration",
        '[[source]]\nname="a"\nkind="feed"\nlocator="x"\ncolour="red"\n': "unknown keys",
        "not toml [": "not valid TOML",
    }
    for text, message in cases.items():
        bad.write_text(text)
        with pytest.raises(SourceConfigError, match=message):
            load_sources(bad)
    with pytest.raises(SourceConfigError, match="cannot read"):
        load_sources(tmp_path / "missing.toml")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("36h", timedelta(hours=36)),
        ("7d", timedelta(days=7)),
        ("2w", timedelta(weeks=2)),
        ("90m", timedelta(minutes=90)),
        (3, timedelta(days=3)),
        (None, None),
    ],
)
def test_parse_duration(value: object, expected: timedelta | None) -> None:
    assert parse_duration(value) == expected


@pytest.mark.parametrize(
    ("arg", "kind"),
    [
        ("https://feeds.example.org/news/world/rss.xml", "feed"),
        ("https://example.org/feed/", "feed"),
        ("https://example.org/atom.xml", "feed"),
        ("https://example.org/sitemap_index.xml", "sitemap"),
        ("https://example.org/robots.txt", "sitemap"),
        ("https://example.org/health/anatomy-of-a-crisis", "url-list"),
        ("https://example.org/cc/CC-NEWS-2024.warc.gz", "warc"),
        ("data/cc/CC-NEWS-2024.warc.gz", "warc"),
        ("seeds", "local"),
        ("data/**/*.jsonl", "local"),
        ("feed:https://example.org/news", "feed"),
        ("sitemap:https://example.org/", "sitemap"),
        ("url:https://example.org/rss-explained", "url-list"),
    ],
)
def test_source_from_arg(arg: str, kind: str) -> None:
    source = source_from_arg(arg)
    assert source.kind == kind
    if kind == "url-list":
        assert source.urls == (source.locator,)


def test_source_filters() -> None:
    source = SourceConfig("s", "feed", "https://x.org/rss", include=("/news/",), exclude=("/news/live",))
    assert source.wants("https://x.org/news/1")
    assert not source.wants("https://x.org/sport/1")
    assert not source.wants("https://x.org/news/live/2")


def test_parse_retry_after() -> None:
    now = datetime(2024, 1, 1, tzinfo=UTC)
    assert parse_retry_after("7") == 7.0
    assert parse_retry_after("Mon, 01 Jan 2024 00:00:30 GMT", now) == 30.0
    assert parse_retry_after("Sun, 31 Dec 2023 00:00:00 GMT", now) == 0.0
    assert parse_retry_after("soon") is None and parse_retry_after(None) is None


def test_parse_content_type() -> None:
    assert parse_content_type('text/HTML; Charset="ISO-8859-1"') == ("text/html", "iso-8859-1")
    assert parse_content_type("text/html; charset=nonsense") == ("text/html", None)
    assert parse_content_type(None) == ("", None)


def test_capped_decoder_refuses_bombs_and_reads_multi_member_gzip() -> None:
    with pytest.raises(ResponseTooLargeError):
        gunzip_capped(gzip.compress(b"0" * 2_000_000), 100_000)
    data = gzip.compress(b"abc") + gzip.compress(b"def")
    assert gunzip_capped(data, 100) == b"abcdef"
    decoder = CappedDecoder("deflate", 1000)
    raw = zlib.compressobj(wbits=-15)
    payload = raw.compress(b"hello") + raw.flush()
    assert decoder.feed(payload) + decoder.flush() == b"hello"
    with pytest.raises(UnsupportedContentTypeError):
        CappedDecoder("br", 10)


def test_too_large_error_is_both_fetch_and_input_error() -> None:
    error = ResponseTooLargeError("x")
    assert isinstance(error, TooLargeError) and isinstance(error, InputError)
    assert error.stage == "fetch"


def test_feed_parser_refuses_external_entities() -> None:
    xxe = b"""<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><item><title>&x;</title><link>https://a.org/1</link></item></channel></rss>"""
    with pytest.raises(FeedParseError):
        parse_feed(xxe, "https://a.org/rss")
    with pytest.raises(FeedParseError):
        parse_feed(b"<html><body>not a feed</body></html>", "https://a.org/")


def test_text_sitemap_and_bad_sitemap() -> None:
    sitemap = parse_sitemap(b"https://a.org/1\n\nhttps://a.org/2\n", "https://a.org/s.txt")
    assert [e.url for e in sitemap.entries] == ["https://a.org/1", "https://a.org/2"]
    with pytest.raises(FeedParseError):
        parse_sitemap(b"<html/>", "https://a.org/s.xml")


def test_sitemap_dates_utc_cannot_hold_are_no_dates() -> None:
    """A lastmod at the calendar's ends (a placeholder) raised OverflowError and lost the sitemap."""
    urls = "".join(
        f"<url><loc>https://a.org/{n}</loc><lastmod>{when}</lastmod></url>"
        for n, when in enumerate(("0001-01-01T00:00:00+05:00", "9999-12-31T23:00:00-12:00", "2024-05-01"))
    )
    xml = f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
    sitemap = parse_sitemap(xml.encode(), "https://a.org/sitemap.xml")
    assert [e.published_at for e in sitemap.entries] == [None, None, datetime(2024, 5, 1, tzinfo=UTC)]


def test_sitemap_references_to_no_character_are_read_as_replacement() -> None:
    """One character reference to half of a surrogate pair made the whole sitemap ill-formed."""
    xml = (
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>https://a.org/1</loc>'
        "<news:news><news:title>Half &#xD800; a character</news:title></news:news></url></urlset>"
    )
    (entry,) = parse_sitemap(xml.encode(), "https://a.org/sitemap.xml").entries
    assert (entry.url, entry.title) == ("https://a.org/1", "Half \ufffd a character")


def test_raw_archive_round_trip(tmp_path: Path) -> None:
    archive = RawArchive(tmp_path)
    digest = archive.put(b"hello")
    assert archive.path(digest) == tmp_path / digest[:2] / f"{digest[2:]}.gz"
    assert archive.put(b"hello") == digest and archive.get(digest) == b"hello"
    doc = RawDocument(
        "web",
        "https://a.org/1",
        "https://a.org/1",
        b"<html>x</html>",
        "html",
        encoding="utf-8",
        url="https://a.org/1",
        fetched_at=datetime(2024, 1, 1, tzinfo=UTC),
        http_status=200,
        etag='"e"',
        title="T",
    )
    stored = archive.get_document(archive.put_document(doc), "web", doc.locator, doc.external_id)
    assert stored == doc
    with pytest.raises(FileNotFoundError):
        archive.get("0" * 64)
    with pytest.raises(ValueError):
        archive.path("../../etc/passwd")


def test_read_warc(tmp_path: Path) -> None:
    path = tmp_path / "sample.warc.gz"
    write_warc(path)
    results = list(read_warc(path, "cc", 200_000))
    assert len(results) == 4
    (doc,) = docs(results)
    assert doc.locator == "https://a.org/news/1" and doc.encoding == "utf-8"
    assert doc.data == b"<html><p>one</p></html>" and doc.fetched_at is not None
    reasons = {o.locator: (o.outcome, o.error_class) for o in outcomes(results)}
    assert reasons == {
        "https://a.org/doc.pdf": ("failed", "UnsupportedContentTypeError"),
        "https://a.org/gone": ("skipped", None),
        "https://a.org/big": ("failed", "ResponseTooLargeError"),
    }


def test_warc_source_through_fetch_all_is_incremental(tmp_path: Path) -> None:
    write_warc(tmp_path / "one.warc.gz")
    source = source_from_arg(str(tmp_path / "*.warc.gz"))
    first = collect([source], fast_settings())
    assert len(first) == 4 and len(docs(first)) == 1
    store = {d.locator: Validators(None, None, d.raw_hash) for d in docs(first)}
    second = collect([source], fast_settings(), store=store)
    assert docs(second) == [] and "same bytes as stored" in {o.reason for o in outcomes(second)}


def test_local_sources_are_left_to_the_local_loader() -> None:
    assert collect([source_from_arg("seeds")], fast_settings()) == []


def test_robots_rules_match_our_agent_token() -> None:
    rules = parse_robots(
        b"User-agent: newsflow\nDisallow: /x\nCrawl-delay: 2\n\nUser-agent: *\nDisallow: /y\n"
        b"Sitemap: https://a.org/sitemap.xml\n"
    )
    agent = "newsflow/0.1 (news research pipeline)"
    assert not rules.allowed("https://a.org/x/1", agent) and rules.allowed("https://a.org/y", agent)
    assert not rules.allowed("https://a.org/y", "otherbot/2.0")
    assert rules.crawl_delay(agent) == 2.0 and rules.sitemaps == ["https://a.org/sitemap.xml"]


def test_outcome_rows_for_the_ledger() -> None:
    failed = FetchOutcome(
        "web",
        "https://a.org/x",
        "failed",
        "HTTP 404 Not Found",
        url="https://a.org/x",
        http_status=404,
        error_class="HttpStatusError",
    )
    assert failed.to_failure() == Failure(
        "web", "https://a.org/x", "fetch", "HttpStatusError", "HTTP 404 Not Found"
    )
    row = failed.to_input_outcome()
    assert row.outcome == "failed" and row.reason == "fetch: HTTP 404 Not Found"
    unchanged = FetchOutcome(
        "web", "https://a.org/y", "unchanged", "HTTP 304 Not Modified", etag='"e"', raw_hash="h"
    )
    row = unchanged.to_input_outcome(article_id=7)
    assert (row.etag, row.raw_hash, row.article_id) == ('"e"', "h", 7)
