"""Web sources end to end through `run_ingest`, against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

import duckdb
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from newsflow.runtime.run import run_ingest, run_reprocess
from tests.support.fetch_support import fast_settings

STORY = """<!doctype html><html lang="en"><head><title>{title}</title>
<link rel="canonical" href="{canonical}"></head><body><nav>Home | World | Business</nav>
<article><h1>{title}</h1>
<p>Japanese Prime Minister Sanae Takaichi said on Tuesday that Japan would raise defence spending
to 2% of GDP, after talks with U.S. President Donald Trump in Tokyo.</p>
<p>“We will keep our promises,” Takaichi told reporters, adding that the two leaders had agreed to
meet again next year.</p></article><footer>Contact us</footer></body></html>"""


def _serve_story(server: HTTPServer, path: str, title: str, canonical: str, etag: str) -> None:
    body = STORY.format(title=title, canonical=canonical)

    def handler(request: Request) -> Response:
        if request.headers.get("If-None-Match") == etag:
            return Response(status=304, headers={"ETag": etag})
        return Response(body, content_type="text/html; charset=utf-8", headers={"ETag": etag})

    server.expect_request(path).respond_with_handler(handler)


def _feed(server: HTTPServer, *paths: str) -> None:
    items = "".join(
        f"<item><title>{p}</title><link>{server.url_for(p)}</link>"
        "<pubDate>Tue, 28 Oct 2025 09:00:00 GMT</pubDate></item>"
        for p in paths
    )
    server.expect_request("/feed.xml").respond_with_data(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>',
        content_type="application/rss+xml",
    )


def test_feed_and_url_list_ingest_then_nothing_new(server: HTTPServer, tmp_path: Path) -> None:
    canonical = server.url_for("/world/summit")
    _serve_story(server, "/world/summit", "Takaichi and Trump meet", canonical, '"v1"')
    _serve_story(server, "/amp/summit", "Takaichi and Trump meet (AMP)", canonical, '"v1-amp"')
    server.expect_request("/world/gone").respond_with_data("no", status=404)
    server.expect_request("/robots.txt").respond_with_data("User-agent: *\nDisallow: /private/\n")
    _feed(server, "/world/summit", "/amp/summit", "/world/gone", "/private/memo")
    settings = fast_settings(warehouse=tmp_path / "w.duckdb")

    first = run_ingest([f"feed:{server.url_for('/feed.xml')}"], settings)
    assert first["status"] == "completed"
    assert (first["seen"], first["new"], first["duplicate"], first["failed"], first["skipped"]) == (
        4,
        1,
        1,
        1,
        1,
    )
    con = duckdb.connect(str(settings.warehouse), read_only=True)
    reasons = dict(
        con.execute("SELECT outcome, reason FROM inputs WHERE outcome IN ('duplicate', 'failed')").fetchall()
    )
    etag = con.execute(
        "SELECT etag FROM inputs WHERE outcome = 'new'"
    ).fetchone()  # either page may come first
    con.close()
    assert "canonical URL" in reasons["duplicate"] and "404" in reasons["failed"]
    assert etag in (('"v1"',), ('"v1-amp"',))

    # a url-list of the stored page: the conditional GET costs a 304, and nothing is written
    second = run_ingest([server.url_for("/world/summit")], settings)
    assert (second["seen"], second["unchanged"], second["new"]) == (1, 1, 0)
    assert server.log[-1][1].status_code == 304
    # the feed again: its entries are older than the last run, so nothing is fetched at all
    before = len(server.log)
    third = run_ingest([f"feed:{server.url_for('/feed.xml')}"], settings)
    assert third["new"] == 0 and third["unchanged"] >= 2
    assert [r.path for r, _ in server.log[before:]] == ["/feed.xml"] or all(
        r.path in ("/feed.xml", "/robots.txt", "/world/gone", "/private/memo") for r, _ in server.log[before:]
    )


def test_reprocess_rebuilds_from_the_archive_without_the_network(server: HTTPServer, tmp_path: Path) -> None:
    _serve_story(server, "/world/summit", "Takaichi and Trump meet", server.url_for("/world/summit"), '"a"')
    server.expect_request("/robots.txt").respond_with_data("User-agent: *\nAllow: /\n")
    settings = fast_settings(warehouse=tmp_path / "w.duckdb")
    src = tmp_path / "local.txt"
    src.write_text("Talks In Geneva\nThe foreign ministers said on Monday that the talks would continue.")
    run_ingest([server.url_for("/world/summit"), str(src)], settings)
    src.unlink()  # the local file is gone too: only the archive holds its bytes
    server.clear()
    again = run_reprocess(settings)
    assert (again["seen"], again["updated"], again["failed"]) == (2, 2, 0)
    assert len(server.log) == 0
    con = duckdb.connect(str(settings.warehouse), read_only=True)
    flows = [r[0] for r in con.execute("SELECT flow FROM runs ORDER BY started_at").fetchall()]
    n_articles = con.execute("SELECT count(*) FROM articles").fetchone()
    con.close()
    assert flows == ["ingest", "reprocess"] and n_articles == (2,)
