"""Bad web inputs through the whole run: each ends as the expected outcome and the run still completes.

(The fetch layer's own fault tests are tests/sources/test_fetch_*.py; these check what reaches the
warehouse.)
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from pytest_httpserver import HTTPServer

from newsflow.core.records import OUTCOMES
from newsflow.runtime.run import run_ingest
from tests.support.fetch_support import fast_settings


def _failures(path: Path) -> list[tuple[str, str]]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute("SELECT error_class, reason FROM failures ORDER BY locator").fetchall()
    finally:
        con.close()


@pytest.mark.slow
def test_feed_with_10k_items_is_accounted_for_item_by_item(server: HTTPServer, tmp_path: Path) -> None:
    server.expect_request("/robots.txt").respond_with_data("User-agent: *\nAllow: /\n")
    items = "".join(
        f"<item><title>n{i}</title><link>{server.url_for(f'/old/{i}')}</link>"
        "<pubDate>Mon, 01 Jan 2001 00:00:00 GMT</pubDate></item>"
        for i in range(10_000)
    )
    server.expect_request("/big.xml").respond_with_data(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>big</title>{items}</channel></rss>',
        content_type="application/rss+xml",
    )
    settings = fast_settings(warehouse=tmp_path / "w.duckdb", max_fetch_bytes=5_000_000)
    sources = tmp_path / "sources.toml"
    sources.write_text(
        f'[[source]]\nname = "big"\nkind = "feed"\nlocator = "{server.url_for("/big.xml")}"\n'
        'max_age = "30d"\n'
    )
    run = run_ingest([str(sources)], settings)
    assert run["status"] == "completed"
    assert run["seen"] == 10_000 == sum(run[k] for k in OUTCOMES)
    assert run["new"] == 0 and run["skipped"] + run["unchanged"] == 10_000
    assert [r.path for r, _ in server.log].count("/big.xml") == 1
    assert not any(r.path.startswith("/old/") for r, _ in server.log)  # too old: never fetched


def test_private_redirects_unsafe_schemes_and_robots_errors(server: HTTPServer, tmp_path: Path) -> None:
    server.expect_request("/robots.txt").respond_with_data("User-agent: *\nAllow: /\n")
    server.expect_request("/to-metadata").respond_with_data(
        "", status=302, headers={"Location": "http://169.254.169.254/latest/meta-data/"}
    )
    settings = fast_settings(warehouse=tmp_path / "w.duckdb")  # private allowed: metadata never is
    bad = ["javascript:alert(1)", "file:///etc/passwd", "http://example.org/" + "a" * 5000]
    sources = tmp_path / "sources.toml"
    sources.write_text(f'[[source]]\nname = "hand"\nkind = "url-list"\nurls = {json.dumps(bad)}\n')
    run = run_ingest([server.url_for("/to-metadata"), str(sources)], settings)
    assert run["status"] == "completed" and run["seen"] == 4 and run["failed"] == 4
    reasons = " | ".join(f"{c}: {r}" for c, r in _failures(settings.warehouse))
    assert "169.254.169.254" in reasons and "javascript" in reasons and "file" in reasons
    assert "long" in reasons.lower()


def test_robots_txt_500_skips_the_host_and_says_why(server: HTTPServer, tmp_path: Path) -> None:
    server.expect_request("/robots.txt").respond_with_data("oops", status=500)
    server.expect_request("/news/a").respond_with_data("<p>never fetched</p>", content_type="text/html")
    settings = fast_settings(warehouse=tmp_path / "w.duckdb")
    run = run_ingest([server.url_for("/news/a")], settings)
    assert (run["seen"], run["skipped"]) == (1, 1)
    assert not any(r.path == "/news/a" for r, _ in server.log)


def test_malformed_addresses_in_a_feed_and_an_argument_fail_alone(server: HTTPServer, tmp_path: Path) -> None:
    """A bracketed host that is no IP address (a template's placeholder) as a feed entry's link or
    as an argument: that input fails, saying so, and the rest of the run goes on."""
    server.expect_request("/robots.txt").respond_with_data("User-agent: *\nAllow: /\n")
    story = "The ministers agreed on Tuesday to meet again in the spring, officials said after the talks. "
    page = f"<html><head><title>Agreed</title></head><body><h1>Agreed</h1><p>{story * 3}</p></body></html>"
    server.expect_request("/news/ok").respond_with_data(page, content_type="text/html")
    items = "".join(
        f"<item><title>{title}</title><link>{link}</link></item>"
        for title, link in (("ok", server.url_for("/news/ok")), ("bad", "https://[domain]/news/bad"))
    )
    server.expect_request("/feed.xml").respond_with_data(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>f</title>{items}</channel></rss>',
        content_type="application/rss+xml",
    )
    settings = fast_settings(warehouse=tmp_path / "w.duckdb")
    run = run_ingest([server.url_for("/feed.xml"), "https://[domain/x"], settings)
    assert run["status"] == "completed"
    assert (run["seen"], run["new"], run["failed"]) == (3, 1, 2), run
    reasons = [reason for _, reason in _failures(settings.warehouse)]
    assert len(reasons) == 2 and all("malformed URL" in reason for reason in reasons), reasons
