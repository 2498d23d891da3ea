"""HTTP behaviour of fetch_all against a real server on 127.0.0.1: statuses, retries,
redirects, timeouts, size caps, content types, charsets, conditional GET.
"""

from __future__ import annotations

import gzip
import threading
import time
from collections.abc import Iterator

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from newsflow.core.records import RawDocument
from sources.http import Validators
from sources.outcomes import FetchOutcome
from sources.urls import canonical_url
from tests.support.fetch_support import (
    add_page,
    add_robots,
    collect,
    docs,
    fast_settings,
    one,
    outcomes,
    requests_to,
    url_list,
)


def _failed(result: object, error_class: str) -> FetchOutcome:
    assert isinstance(result, FetchOutcome), result
    assert result.outcome == "failed", result
    assert result.error_class == error_class, result
    return result


def test_200_page_becomes_raw_document(server: HTTPServer) -> None:
    add_robots(server)
    add_page(
        server,
        "/news/a",
        "Alpha",
        ETag='"v1"',
        **{"Last-Modified": "Mon, 01 Jan 2024 00:00:00 GMT"},
    )
    url = server.url_for("/news/a") + "?utm_source=rss&id=7#top"
    doc = one(collect([url_list(server, url, name="site")], fast_settings()))
    assert isinstance(doc, RawDocument)
    assert doc.source == "site"
    assert doc.locator == server.url_for("/news/a") + "?id=7"  # tracking parameter, fragment gone
    assert doc.media_type == "html" and doc.encoding == "utf-8" and doc.http_status == 200
    assert b"Body of Alpha." in doc.data
    assert doc.etag == '"v1"' and doc.last_modified == "Mon, 01 Jan 2024 00:00:00 GMT"
    assert doc.fetched_at is not None and doc.url is not None


def test_honest_user_agent_is_sent(server: HTTPServer) -> None:
    add_robots(server)
    server.expect_request("/ua", headers={"User-Agent": "newsflow-test/1.0"}).respond_with_data(
        "<html>ok</html>", content_type="text/html"
    )
    assert isinstance(one(collect([url_list(server, "/ua")], fast_settings())), RawDocument)


def test_301_redirect_is_followed(server: HTTPServer) -> None:
    add_robots(server)
    server.expect_request("/old").respond_with_data("", status=301, headers={"Location": "/new"})
    add_page(server, "/new", "New")
    doc = one(collect([url_list(server, "/old")], fast_settings()))
    assert isinstance(doc, RawDocument)
    assert doc.url == server.url_for("/new")
    assert doc.locator == canonical_url(server.url_for("/old"))  # ledger identity stays stable


def test_304_with_stored_validators_is_unchanged(server: HTTPServer) -> None:
    add_robots(server)
    server.expect_request("/same", headers={"If-None-Match": '"v7"'}).respond_with_data(
        "", status=304, headers={"ETag": '"v7"'}
    )
    locator = canonical_url(server.url_for("/same"))
    store = {locator: Validators(etag='"v7"', last_modified=None, raw_hash="x" * 64)}
    result = one(collect([url_list(server, "/same")], fast_settings(), store=store))
    assert isinstance(result, FetchOutcome)
    assert result.outcome == "unchanged" and result.http_status == 304 and result.etag == '"v7"'


def test_404_is_not_retried(server: HTTPServer) -> None:
    add_robots(server)
    server.expect_request("/missing").respond_with_data("gone", status=404)
    result = _failed(one(collect([url_list(server, "/missing")], fast_settings())), "HttpStatusError")
    assert result.http_status == 404 and "404" in result.reason
    assert requests_to(server, "/missing") == 1


def test_429_with_retry_after_then_200(server: HTTPServer) -> None:
    add_robots(server)
    server.expect_oneshot_request("/busy").respond_with_data(
        "slow down", status=429, headers={"Retry-After": "1"}
    )
    add_page(server, "/busy", "Busy")
    started = time.monotonic()
    doc = one(collect([url_list(server, "/busy")], fast_settings()))
    assert isinstance(doc, RawDocument)
    assert time.monotonic() - started >= 0.9  # Retry-After honoured
    assert requests_to(server, "/busy") == 2


def test_retry_after_beyond_limit_gives_up(server: HTTPServer) -> None:
    add_robots(server)
    server.expect_request("/later").respond_with_data("", status=503, headers={"Retry-After": "3600"})
    result = _failed(one(collect([url_list(server, "/later")], fast_settings())), "HttpStatusError")
    assert "Retry-After" in result.reason and result.http_status == 503
    assert requests_to(server, "/later") == 1


def test_500_then_200_is_retried(server: HTTPServer) -> None:
    add_robots(server)
    server.expect_oneshot_request("/flaky").respond_with_data("oops", status=500)
    add_page(server, "/flaky", "Flaky")
    assert isinstance(one(collect([url_list(server, "/flaky")], fast_settings())), RawDocument)
    assert requests_to(server, "/flaky") == 2


def test_persistent_5xx_fails_after_bounded_retries(server: HTTPServer) -> None:
    add_robots(server)
    server.expect_request("/down").respond_with_data("", status=502)
    result = one(collect([url_list(server, "/down")], fast_settings(max_retries=2)))
    assert _failed(result, "HttpStatusError").http_status == 502
    assert requests_to(server, "/down") == 3


def test_read_timeout(server: HTTPServer) -> None:
    add_robots(server)

    calls: list[float] = []
    release = threading.Event()

    def sleepy(_request: Request) -> Response:
        calls.append(time.monotonic())
        release.wait(5.0)
        return Response("<html>late</html>", content_type="text/html")

    server.expect_request("/sleepy").respond_with_handler(sleepy)
    started = time.monotonic()
    settings = fast_settings(read_timeout=0.2, request_deadline=3.0)
    try:
        _failed(one(collect([url_list(server, "/sleepy")], settings)), "FetchTimeoutError")
        assert time.monotonic() - started < 1.5
        assert len(calls) == 1  # a timeout is not retried
    finally:
        # Let the handler finish inside this test, so its late log entry cannot land in the next one's.
        release.set()
        deadline = time.monotonic() + 5.0
        while requests_to(server, "/sleepy") < len(calls) and time.monotonic() < deadline:
            time.sleep(0.01)


def test_slow_drip_is_cut_by_the_total_deadline(server: HTTPServer) -> None:
    add_robots(server)

    def drip(_request: Request) -> Response:
        def body() -> Iterator[bytes]:
            yield b"<html><body>"
            for _ in range(30):  # a byte every 0.1 s: the read timeout never fires
                time.sleep(0.1)
                yield b"x"

        return Response(body(), content_type="text/html", direct_passthrough=True)

    server.expect_request("/drip").respond_with_handler(drip)
    settings = fast_settings(read_timeout=0.5, request_deadline=0.8)
    started = time.monotonic()
    result = _failed(one(collect([url_list(server, "/drip")], settings)), "FetchTimeoutError")
    assert "deadline" in result.reason
    assert time.monotonic() - started < 2.5


def test_redirect_loop_is_refused(server: HTTPServer) -> None:
    add_robots(server)
    server.expect_request("/loop-a").respond_with_data("", status=302, headers={"Location": "/loop-b"})
    server.expect_request("/loop-b").respond_with_data("", status=302, headers={"Location": "/loop-a"})
    result = _failed(one(collect([url_list(server, "/loop-a")], fast_settings())), "TooManyRedirectsError")
    assert "loop" in result.reason


def test_redirect_chain_is_bounded(server: HTTPServer) -> None:
    add_robots(server)
    for i in range(6):
        server.expect_request(f"/hop{i}").respond_with_data(
            "", status=301, headers={"Location": f"/hop{i + 1}"}
        )
    result = one(collect([url_list(server, "/hop0")], fast_settings(max_redirects=3)))
    _failed(result, "TooManyRedirectsError")
    assert requests_to(server, "/hop4") == 0


def test_oversize_body_is_refused(server: HTTPServer) -> None:
    add_robots(server)
    big = b"<html>" + b"a" * 300_000
    server.expect_request("/big").respond_with_data(big, content_type="text/html")

    def streamed(_request: Request) -> Response:  # no Content-Length: caught while streaming
        return Response(
            iter([big[i : i + 8192] for i in range(0, len(big), 8192)]),
            content_type="text/html",
            direct_passthrough=True,
        )

    server.expect_request("/big-stream").respond_with_handler(streamed)
    results = collect([url_list(server, "/big", "/big-stream")], fast_settings())
    assert len(results) == 2
    for result in results:
        _failed(result, "ResponseTooLargeError")


def test_gzip_bomb_is_refused(server: HTTPServer) -> None:
    add_robots(server)
    bomb = gzip.compress(b"\0" * 30_000_000, compresslevel=9)  # ~30 KB on the wire
    assert len(bomb) < 100_000
    server.expect_request("/bomb").respond_with_data(
        bomb, content_type="text/html", headers={"Content-Encoding": "gzip"}
    )
    result = _failed(one(collect([url_list(server, "/bomb")], fast_settings())), "ResponseTooLargeError")
    assert "decompressed" in result.reason


def test_gzip_body_within_cap_is_decoded(server: HTTPServer) -> None:
    add_robots(server)
    page = b"<html><body>" + b"word " * 1000 + b"</body></html>"
    server.expect_request("/gz").respond_with_data(
        gzip.compress(page), content_type="text/html", headers={"Content-Encoding": "gzip"}
    )
    doc = one(collect([url_list(server, "/gz")], fast_settings()))
    assert isinstance(doc, RawDocument) and doc.data == page


def test_pdf_and_images_are_refused_with_reason(server: HTTPServer) -> None:
    add_robots(server)
    server.expect_request("/doc.pdf").respond_with_data(b"%PDF-1.7 ...", content_type="application/pdf")
    server.expect_request("/disguised").respond_with_data(b"%PDF-1.7 ...", content_type="text/html")
    server.expect_request("/img").respond_with_data(b"\x89PNG\r\n\x1a\n....", content_type="image/png")
    results = collect([url_list(server, "/doc.pdf", "/disguised", "/img")], fast_settings())
    reasons = sorted(_failed(r, "UnsupportedContentTypeError").reason for r in results)
    assert any("application/pdf" in r for r in reasons)
    assert any("PDF document" in r for r in reasons)
    assert any("image/png" in r for r in reasons)


def test_wrong_charset_keeps_bytes_and_declared_charset(server: HTTPServer) -> None:
    add_robots(server)
    latin1 = "<html><body>Café crème à Zürich</body></html>".encode("latin-1")
    server.expect_request("/mislabelled").respond_with_data(latin1, content_type="text/html; charset=utf-8")
    server.expect_request("/bogus").respond_with_data(
        latin1, content_type="text/html; charset=x-no-such-charset"
    )
    results = {r.url: r for r in docs(collect([url_list(server, "/mislabelled", "/bogus")], fast_settings()))}
    mislabelled = results[server.url_for("/mislabelled")]
    assert mislabelled.data == latin1 and mislabelled.encoding == "utf-8"  # the cleaner decides
    assert results[server.url_for("/bogus")].encoding is None  # unknown charset not passed on


def test_text_and_markdown_media_types(server: HTTPServer) -> None:
    add_robots(server)
    server.expect_request("/t.txt").respond_with_data("plain words", content_type="text/plain")
    server.expect_request("/m.md").respond_with_data("# Title", content_type="text/markdown")
    found = {
        d.url: d.media_type for d in docs(collect([url_list(server, "/t.txt", "/m.md")], fast_settings()))
    }
    assert found == {server.url_for("/t.txt"): "text", server.url_for("/m.md"): "markdown"}


def test_robots_disallow_skips_without_request(server: HTTPServer) -> None:
    add_robots(server)
    add_page(server, "/private/secret", "Secret")
    result = one(collect([url_list(server, "/private/secret")], fast_settings()))
    assert isinstance(result, FetchOutcome)
    assert result.outcome == "skipped" and result.error_class == "RobotsDisallowedError"
    assert requests_to(server, "/private/secret") == 0
    assert requests_to(server, "/robots.txt") == 1


def test_robots_crawl_delay_spaces_requests(server: HTTPServer) -> None:
    add_robots(server, "User-agent: *\nCrawl-delay: 0.4\n")
    for p in ("/c1", "/c2", "/c3"):
        add_page(server, p, p)
    started = time.monotonic()
    results = collect([url_list(server, "/c1", "/c2", "/c3")], fast_settings())
    assert len(docs(results)) == 3
    assert time.monotonic() - started >= 0.8  # robots.txt, then three pages 0.4 s apart


def test_robots_5xx_means_disallow(server: HTTPServer) -> None:
    server.expect_request("/robots.txt").respond_with_data("", status=503)
    add_page(server, "/p", "P")
    result = one(collect([url_list(server, "/p")], fast_settings(max_retries=0)))
    assert isinstance(result, FetchOutcome) and result.outcome == "skipped"
    assert requests_to(server, "/p") == 0


def test_robots_404_means_allow(server: HTTPServer) -> None:
    server.expect_request("/robots.txt").respond_with_data("", status=404)
    add_page(server, "/p", "P")
    assert isinstance(one(collect([url_list(server, "/p")], fast_settings())), RawDocument)


def test_every_url_yields_exactly_one_result(server: HTTPServer) -> None:
    add_robots(server)
    for i in range(10):
        add_page(server, f"/n{i}", f"N{i}")
    server.expect_request("/err").respond_with_data("", status=404)
    paths = [f"/n{i}" for i in range(10)] + ["/err", "/n3", "/private/x", "javascript:alert(1)"]
    results = collect([url_list(server, *paths)], fast_settings(fetch_queue_size=1))
    assert len(results) == len(paths)
    assert len(docs(results)) == 10
    kinds = sorted((o.outcome, o.reason[:20]) for o in outcomes(results))
    assert [k for k, _ in kinds] == ["failed", "failed", "skipped", "skipped"]
