"""Feeds, sitemaps and incremental runs against the fixture site on 127.0.0.1."""

from __future__ import annotations

import asyncio
import gzip
from datetime import UTC, datetime, timedelta

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from newsflow.core.records import RawDocument
from sources.archive import RawArchive
from sources.config import SourceConfig
from sources.web import fetch_all
from tests.support.fetch_support import (
    add_page,
    add_robots,
    collect,
    docs,
    fast_settings,
    outcomes,
    requests_to,
)
from warehouse.ledger import LedgerEntry

NOW = datetime.now(UTC).replace(microsecond=0)


def _rfc822(when: datetime) -> str:
    return when.strftime("%a, %d %b %Y %H:%M:%S +0000")


def rss(base: str) -> str:
    """An RSS 2.0 feed of three articles (1 h, 2 days and 40 days old) and a live page."""
    items = [
        ("/news/one", "One", NOW - timedelta(hours=1)),
        ("/news/two", "Two", NOW - timedelta(days=2)),
        ("/news/old", "Old", NOW - timedelta(days=40)),
        ("/live/feed-page", "Live", NOW - timedelta(hours=2)),
    ]
    body = "".join(
        f"<item><title>{t}</title><link>{base}{p}?utm_source=rss</link>"
        f"<guid isPermaLink='false'>id-{t}</guid><pubDate>{_rfc822(d)}</pubDate></item>"
        for p, t, d in items
    )
    return f"<?xml version='1.0'?><rss version='2.0'><channel><title>T</title>{body}</channel></rss>"


def atom(base: str) -> str:
    """An Atom feed with a relative link."""
    stamp = (NOW - timedelta(hours=3)).isoformat().replace("+00:00", "Z")
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>urn:a</id><updated>{stamp}</updated>
<entry><title>Atom one</title><id>urn:a:1</id><link href="/atom/one"/>
<updated>{stamp}</updated></entry>
</feed>"""


BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<rss version="2.0"><channel><title>&lol3;</title>
<item><title>x</title><link>{base}/news/one</link></item></channel></rss>"""


def site(server: HTTPServer) -> str:
    """Register the fixture site: robots.txt, pages, feeds, sitemap index, news sitemap."""
    base = server.url_for("").rstrip("/")
    add_robots(server)
    for path in ("/news/one", "/news/two", "/news/old", "/live/feed-page", "/atom/one"):
        add_page(server, path, path.rsplit("/", 1)[-1])
    server.expect_request("/rss.xml").respond_with_data(rss(base), content_type="application/rss+xml")
    server.expect_request("/atom.xml").respond_with_data(atom(base), content_type="application/atom+xml")
    server.expect_request("/bomb.xml").respond_with_data(BOMB.format(base=base), content_type="text/xml")
    recent = (NOW - timedelta(hours=1)).isoformat()
    stale = (NOW - timedelta(days=90)).date().isoformat()
    server.expect_request("/sitemap_index.xml").respond_with_data(
        f"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>{base}/news-sitemap.xml</loc><lastmod>{recent}</lastmod></sitemap>
  <sitemap><loc>{base}/pages-sitemap.xml.gz</loc></sitemap>
  <sitemap><loc>{base}/archive-sitemap.xml</loc><lastmod>{stale}</lastmod></sitemap>
</sitemapindex>""",
        content_type="application/xml",
    )
    server.expect_request("/news-sitemap.xml").respond_with_data(
        f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url><loc>{base}/news/one</loc><news:news><news:publication><news:name>T</news:name>
    <news:language>en</news:language></news:publication>
    <news:publication_date>{recent}</news:publication_date><news:title>One headline</news:title>
  </news:news></url>
</urlset>""",
        content_type="application/xml",
    )
    server.expect_request("/pages-sitemap.xml.gz").respond_with_data(
        gzip.compress(
            f"""<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>{base}/news/two</loc></url><url><loc>/atom/one</loc></url></urlset>""".encode()
        ),
        content_type="application/x-gzip",
    )
    server.expect_request("/archive-sitemap.xml").respond_with_data("never fetched", status=500)
    return base


def test_rss_feed_entries_with_hints_filters_and_max_age(server: HTTPServer) -> None:
    base = site(server)
    source = SourceConfig("feed", "feed", f"{base}/rss.xml", exclude=("/live/",), max_age=timedelta(days=30))
    results = collect([source], fast_settings())
    got = {d.locator: d for d in docs(results)}
    assert set(got) == {f"{base}/news/one", f"{base}/news/two"}
    one = got[f"{base}/news/one"]
    assert one.title == "One" and one.external_id == "id-One"
    assert one.published_at is not None and abs(one.published_at - (NOW - timedelta(hours=1))) < timedelta(
        seconds=2
    )
    skipped = {o.locator: o.reason for o in outcomes(results)}
    assert "max_age" in skipped[f"{base}/news/old"]
    assert "include/exclude" in skipped[f"{base}/live/feed-page"]
    assert requests_to(server, "/news/old") == 0


def test_feed_since_yields_only_newer_entries(server: HTTPServer) -> None:
    base = site(server)
    results = collect(
        [SourceConfig("feed", "feed", f"{base}/rss.xml")],
        fast_settings(),
        since=NOW - timedelta(days=1),
    )
    assert sorted(d.locator for d in docs(results)) == [
        f"{base}/live/feed-page",
        f"{base}/news/one",
    ]
    unchanged = [o for o in outcomes(results) if o.outcome == "unchanged"]
    assert len(unchanged) == 2 and requests_to(server, "/news/two") == 0


def test_naive_since_is_taken_as_utc(server: HTTPServer) -> None:
    base = site(server)
    since = (NOW - timedelta(days=1)).replace(tzinfo=None)
    results = collect([SourceConfig("feed", "feed", f"{base}/rss.xml")], fast_settings(), since=since)
    assert len(docs(results)) == 2 and all(o.outcome == "unchanged" for o in outcomes(results))


def test_atom_feed_resolves_relative_links(server: HTTPServer) -> None:
    base = site(server)
    results = collect([SourceConfig("atom", "feed", f"{base}/atom.xml")], fast_settings())
    (doc,) = docs(results)
    assert doc.locator == f"{base}/atom/one" and doc.title == "Atom one"


def test_feed_with_entity_bomb_is_refused(server: HTTPServer) -> None:
    base = site(server)
    results = collect([SourceConfig("bomb", "feed", f"{base}/bomb.xml")], fast_settings())
    (failure,) = outcomes(results)
    assert failure.outcome == "failed" and failure.error_class == "FeedParseError"
    assert failure.stage == "discover" and "unsafe XML" in failure.reason
    assert requests_to(server, "/news/one") == 0


def test_sitemap_index_news_and_gzip_sitemaps(server: HTTPServer) -> None:
    base = site(server)
    source = SourceConfig("maps", "sitemap", f"{base}/sitemap_index.xml")
    results = collect([source], fast_settings(), since=NOW - timedelta(days=30))
    got = {d.locator: d for d in docs(results)}
    assert set(got) == {f"{base}/news/one", f"{base}/news/two", f"{base}/atom/one"}
    assert got[f"{base}/news/one"].title == "One headline"  # from news:title
    assert got[f"{base}/news/one"].published_at is not None
    assert requests_to(server, "/archive-sitemap.xml") == 0  # lastmod older than since


def test_sitemap_from_robots_txt_lines(server: HTTPServer) -> None:
    base = site(server)
    results = collect([SourceConfig("robots", "sitemap", f"{base}/robots.txt")], fast_settings())
    assert len(docs(results)) == 3
    assert requests_to(server, "/robots.txt") == 1


def test_sitemap_loop_terminates(server: HTTPServer) -> None:
    base = server.url_for("").rstrip("/")
    add_robots(server, "User-agent: *\nAllow: /\n")
    add_page(server, "/p1", "P1")
    for name, other in (("a", "b"), ("b", "a")):
        server.expect_request(f"/loop-{name}.xml").respond_with_data(
            f"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>{base}/loop-{other}.xml</loc></sitemap>
<sitemap><loc>{base}/leaf.xml</loc></sitemap></sitemapindex>""",
            content_type="application/xml",
        )
    server.expect_request("/leaf.xml").respond_with_data(
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>{base}/p1</loc></url></urlset>',
        content_type="application/xml",
    )
    results = collect([SourceConfig("loop", "sitemap", f"{base}/loop-a.xml")], fast_settings())
    assert [d.locator for d in docs(results)] == [f"{base}/p1"]
    assert requests_to(server, "/loop-a.xml") == 1 and requests_to(server, "/loop-b.xml") == 1
    assert requests_to(server, "/leaf.xml") == 1


def test_sitemap_nesting_is_bounded(server: HTTPServer) -> None:
    base = server.url_for("").rstrip("/")
    add_robots(server, "User-agent: *\nAllow: /\n")
    for i in range(6):
        server.expect_request(f"/deep{i}.xml").respond_with_data(
            f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<sitemap><loc>{base}/deep{i + 1}.xml</loc></sitemap></sitemapindex>",
            content_type="application/xml",
        )
    results = collect(
        [SourceConfig("deep", "sitemap", f"{base}/deep0.xml")], fast_settings(max_sitemap_depth=2)
    )
    (failure,) = outcomes(results)
    assert failure.error_class == "FeedParseError" and "nested deeper" in failure.reason
    assert requests_to(server, "/deep3.xml") == 0


def test_second_run_with_validators_fetches_nothing_new(server: HTTPServer, tmp_path: object) -> None:
    base = server.url_for("").rstrip("/")
    add_robots(server)

    def etagged(request: Request) -> Response:  # honours If-None-Match
        if request.headers.get("If-None-Match") == '"e1"':
            return Response(status=304, headers={"ETag": '"e1"'})
        return Response("<html><p>etag page</p></html>", content_type="text/html", headers={"ETag": '"e1"'})

    def dated(request: Request) -> Response:  # honours If-Modified-Since
        stamp = "Mon, 01 Jan 2024 00:00:00 GMT"
        if request.headers.get("If-Modified-Since") == stamp:
            return Response(status=304)
        return Response(
            "<html><p>dated</p></html>", content_type="text/html", headers={"Last-Modified": stamp}
        )

    server.expect_request("/etag").respond_with_handler(etagged)
    server.expect_request("/dated").respond_with_handler(dated)
    add_page(server, "/plain", "No validators")  # unchanged only by its bytes' hash
    source = SourceConfig(
        "inc", "url-list", "", urls=tuple(f"{base}{p}" for p in ("/etag", "/dated", "/plain"))
    )
    archive = RawArchive(str(tmp_path))
    first = collect([source], fast_settings(), archive=archive)
    assert len(docs(first)) == 3
    # the warehouse's own ledger rows serve as the validator store
    store = {d.locator: LedgerEntry(d.raw_hash, "new", 1, d.etag, d.last_modified) for d in docs(first)}
    assert all(archive.get(d.raw_hash) == d.data for d in docs(first))
    second = collect([source], fast_settings(), store=store)
    assert docs(second) == []
    assert sorted(o.outcome for o in outcomes(second)) == ["unchanged"] * 3
    assert sorted(o.reason for o in outcomes(second)).count("HTTP 304 Not Modified") == 2
    rows = [o.to_input_outcome(article_id=1) for o in outcomes(second)]
    assert all(r.outcome == "unchanged" and r.raw_hash == store[r.locator].raw_hash for r in rows)


def test_results_stream_and_early_stop_cleans_up(server: HTTPServer) -> None:
    base = server.url_for("").rstrip("/")
    add_robots(server)
    for i in range(30):
        add_page(server, f"/s{i}", f"S{i}")
    source = SourceConfig("many", "url-list", "", urls=tuple(f"{base}/s{i}" for i in range(30)))

    async def first_three() -> tuple[list[RawDocument], int]:
        got: list[RawDocument] = []
        stream = fetch_all([source], None, fast_settings(fetch_queue_size=2, max_connections=2))
        async for result in stream:
            assert isinstance(result, RawDocument)
            got.append(result)
            if len(got) == 3:
                break
        await stream.aclose()
        pending = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
        return got, len(pending)

    got, pending = asyncio.run(first_three())
    assert len(got) == 3 and pending == 0
    assert len(server.log) < 1 + 30  # bounded queues: fetching stopped well before the end


def test_references_to_no_character_do_not_lose_a_feed(server: HTTPServer) -> None:
    """feedparser's loose parser raised on a character reference to half of a surrogate pair or
    past U+10FFFF, and the exception stopped the whole run: such a reference is read as U+FFFD."""
    base = site(server)
    server.expect_request("/odd.xml").respond_with_data(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>f</title>'
        f"<item><title>Half &#xD800; a &#1114112; character</title><link>{base}/news/one</link></item>"
        "</channel></rss>",
        content_type="application/rss+xml",
    )
    results = collect([SourceConfig("odd", "feed", f"{base}/odd.xml")], fast_settings())
    assert not outcomes(results)
    (doc,) = docs(results)
    assert (doc.locator, doc.title) == (f"{base}/news/one", "Half \ufffd a \ufffd character")


def test_an_unexpected_error_in_discovery_fails_that_source_alone(
    server: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A fault no input here causes (a parser's bug): the source is recorded as failed, the run goes on."""
    import sources.discover

    def broken(data: bytes, base_url: str) -> list[object]:
        raise RuntimeError("a parser's bug")

    monkeypatch.setattr(sources.discover, "parse_feed", broken)
    base = site(server)
    results = collect(
        [
            SourceConfig("feed", "feed", f"{base}/rss.xml"),
            SourceConfig("page", "url-list", "", urls=(f"{base}/news/two",)),
        ],
        fast_settings(),
    )
    (failed,) = [o for o in outcomes(results) if o.source == "feed"]
    assert (failed.outcome, failed.error_class, failed.stage) == ("failed", "RuntimeError", "discover")
    assert [d.locator for d in docs(results)] == [f"{base}/news/two"]
