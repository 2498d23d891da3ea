"""Per-host politeness, the synchronous wrapper and remote WARC downloads."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from newsflow.core.records import RawDocument
from sources.config import SourceConfig
from sources.web import fetch_all_sync
from tests.support.fetch_support import (
    add_page,
    add_robots,
    collect,
    docs,
    fast_settings,
    url_list,
    write_warc,
)


def test_per_host_concurrency_is_bounded(server: HTTPServer) -> None:
    add_robots(server)
    lock = threading.Lock()
    in_flight = [0, 0]  # current, peak

    def slow(_request: Request) -> Response:
        with lock:
            in_flight[0] += 1
            in_flight[1] = max(in_flight[1], in_flight[0])
        time.sleep(0.15)
        with lock:
            in_flight[0] -= 1
        return Response("<html>ok</html>", content_type="text/html")

    for i in range(8):
        server.expect_request(f"/slow{i}").respond_with_handler(slow)
    settings = fast_settings(per_host_concurrency=2, max_connections=8)
    results = collect([url_list(server, *(f"/slow{i}" for i in range(8)))], settings)
    assert len(docs(results)) == 8
    assert in_flight[1] == 2


def test_per_host_delay_spaces_request_starts(server: HTTPServer) -> None:
    add_robots(server)
    for p in ("/d1", "/d2", "/d3"):
        add_page(server, p, p)
    started = time.monotonic()
    results = collect([url_list(server, "/d1", "/d2", "/d3")], fast_settings(per_host_delay=0.2))
    assert len(docs(results)) == 3
    assert time.monotonic() - started >= 0.6  # robots.txt + 3 pages, 0.2 s apart


def test_sync_wrapper_streams_and_stops_early(server: HTTPServer) -> None:
    add_robots(server)
    for i in range(20):
        add_page(server, f"/y{i}", f"Y{i}")
    source = url_list(server, *(f"/y{i}" for i in range(20)))
    settings = fast_settings(fetch_queue_size=2, max_connections=2)
    assert len(list(fetch_all_sync([source], None, settings))) == 20
    server.clear_log()
    stream = fetch_all_sync([source], None, settings)
    first = next(stream)
    stream.close()
    assert isinstance(first, RawDocument)
    assert len(server.log) < 21
    assert not any(t.name == "newsflow-fetch" for t in threading.enumerate())


def test_remote_warc_is_downloaded_and_read(server: HTTPServer, tmp_path: Path) -> None:
    add_robots(server)
    write_warc(tmp_path / "cc.warc.gz")
    server.expect_request("/cc/cc.warc.gz").respond_with_data(
        (tmp_path / "cc.warc.gz").read_bytes(), content_type="application/warc"
    )
    source = SourceConfig("cc", "warc", server.url_for("/cc/cc.warc.gz"))
    results = collect([source], fast_settings())
    assert len(results) == 4
    assert [d.locator for d in docs(results)] == ["https://a.org/news/1"]


def test_remote_warc_over_cap_fails(server: HTTPServer, tmp_path: Path) -> None:
    add_robots(server)
    write_warc(tmp_path / "cc.warc.gz")
    server.expect_request("/cc/big.warc.gz").respond_with_data(
        (tmp_path / "cc.warc.gz").read_bytes(), content_type="application/warc"
    )
    source = SourceConfig("cc", "warc", server.url_for("/cc/big.warc.gz"))
    (result,) = collect([source], fast_settings(max_warc_bytes=1000))
    assert not isinstance(result, RawDocument)
    assert result.error_class == "ResponseTooLargeError" and result.stage == "discover"
