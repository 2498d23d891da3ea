"""Smoke test of the plugin wiring."""

from __future__ import annotations

from fetch_support import add_page, add_robots, collect, docs, fast_settings, url_list
from pytest_httpserver import HTTPServer


def test_page(server: HTTPServer) -> None:
    add_robots(server)
    add_page(server, "/a", "A")
    results = collect([url_list(server, "/a")], fast_settings())
    assert len(docs(results)) == 1, results
