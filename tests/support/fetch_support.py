"""Fetch-test plugin (`pytest_plugins = ["tests.support.fetch_support"]`): a threaded HTTP server on 127.0.0.1
(never the internet), fast settings, fixture-site helpers, result collection.
"""

from __future__ import annotations

import asyncio
import io
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsflow.core.records import RawDocument
from newsflow.core.settings import Settings
from sources.archive import RawArchive
from sources.config import SourceConfig
from sources.http import ValidatorStore
from sources.outcomes import FetchOutcome, FetchResult
from sources.web import fetch_all


@pytest.fixture(scope="session")
def _threaded_server() -> Iterator[HTTPServer]:
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    yield server
    server.clear()
    if server.is_running():
        server.stop()


@pytest.fixture
def server(_threaded_server: HTTPServer) -> Iterator[HTTPServer]:
    """The fixture site's server, cleared of handlers and logs after each test."""
    yield _threaded_server
    _threaded_server.clear()


ROBOTS = """User-agent: *
Disallow: /private/
Sitemap: {base}/sitemap_index.xml
"""

PAGE = """<!doctype html><html><head><title>{title}</title></head>
<body><article><h1>{title}</h1><p>Body of {title}.</p></article></body></html>"""


def fast_settings(**overrides: Any) -> Settings:
    """Settings with tiny timeouts and no politeness delay, allowing 127.0.0.1."""
    values: dict[str, Any] = {
        "allow_private_addresses": True,
        "per_host_delay": 0.0,
        "per_host_concurrency": 4,
        "max_connections": 4,
        "connect_timeout": 1.0,
        "read_timeout": 1.0,
        "request_deadline": 2.0,
        "retry_backoff": 0.01,
        "retry_backoff_max": 0.05,
        "retry_after_max": 5.0,
        "max_retries": 2,
        "max_redirects": 3,
        "max_fetch_bytes": 200_000,
        "http2": False,
        "fetch_queue_size": 4,
        "user_agent": "newsflow-test/1.0",
    }
    values.update(overrides)
    return Settings(**values)


def add_robots(server: HTTPServer, text: str | None = None) -> None:
    """Serve a robots.txt (the default disallows /private/ and names the sitemap index)."""
    base = server.url_for("").rstrip("/")
    body = (text if text is not None else ROBOTS).format(base=base)
    server.expect_request("/robots.txt").respond_with_data(body, content_type="text/plain")


def add_page(server: HTTPServer, path: str, title: str, **headers: str) -> None:
    """Serve an HTML page at `path`."""
    server.expect_request(path).respond_with_data(
        PAGE.format(title=title), content_type="text/html; charset=utf-8", headers=headers
    )


def url_list(server: HTTPServer, *paths: str, name: str = "test") -> SourceConfig:
    """A url-list source of server paths (or absolute URLs)."""
    urls = tuple(p if ":" in p else server.url_for(p) for p in paths)
    return SourceConfig(name=name, kind="url-list", locator="", urls=urls)


def collect(
    sources: Iterable[SourceConfig],
    settings: Settings,
    store: ValidatorStore | None = None,
    since: datetime | None = None,
    archive: RawArchive | None = None,
) -> list[FetchResult]:
    """Every result of one `fetch_all` run."""

    async def run() -> list[FetchResult]:
        return [r async for r in fetch_all(sources, store, settings, since=since, archive=archive)]

    return asyncio.run(run())


def docs(results: Iterable[FetchResult]) -> list[RawDocument]:
    """The documents among results."""
    return [r for r in results if isinstance(r, RawDocument)]


def outcomes(results: Iterable[FetchResult]) -> list[FetchOutcome]:
    """The outcomes among results."""
    return [r for r in results if isinstance(r, FetchOutcome)]


def requests_to(server: HTTPServer, path: str) -> int:
    """How many requests the server received for `path`."""
    return sum(1 for request, _ in server.log if request.path == path)


def one(results: list[FetchResult]) -> FetchResult:
    """The single result of a run."""
    assert len(results) == 1, results
    return results[0]


def write_warc(path: Path) -> None:
    """A small gzipped WARC: an HTML page, a PDF, a 404, an oversize page and a request record."""
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)

        def response(url: str, status: str, ctype: str, body: bytes) -> None:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers
            )
            writer.write_record(record)
            record.raw_stream.close()  # warcio buffers a payload of unknown length in a temp file

        response(
            "https://a.org/news/1?utm_source=x",
            "200 OK",
            "text/html; charset=utf-8",
            b"<html><p>one</p></html>",
        )
        response("https://a.org/doc.pdf", "200 OK", "application/pdf", b"%PDF-1.4")
        response("https://a.org/gone", "404 Not Found", "text/html", b"nope")
        response("https://a.org/big", "200 OK", "text/html", b"<html>" + b"x" * 300_000)
        request = writer.create_warc_record(
            "https://a.org/news/1", "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")
        )
        writer.write_record(request)
        request.raw_stream.close()
