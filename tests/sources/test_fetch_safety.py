"""SSRF guard and URL refusals: nothing private is contacted unless allowed."""

from __future__ import annotations

import asyncio
import ipaddress

import pytest
from pytest_httpserver import HTTPServer

import sources.http
import sources.safety
from newsflow.core.errors import BlockedAddressError, UnsafeUrlError
from sources.outcomes import FetchOutcome
from sources.safety import blocked_reason, check_address
from sources.urls import check_url
from tests.support.fetch_support import (
    add_page,
    add_robots,
    collect,
    fast_settings,
    one,
    requests_to,
    url_list,
)


def _outcome(result: object) -> FetchOutcome:
    assert isinstance(result, FetchOutcome), result
    return result


def test_loopback_refused_by_default(server: HTTPServer) -> None:
    add_robots(server)
    add_page(server, "/a", "A")
    result = _outcome(one(collect([url_list(server, "/a")], fast_settings(allow_private_addresses=False))))
    assert result.outcome == "failed" and result.error_class == "BlockedAddressError"
    assert "loopback" in result.reason
    assert len(server.log) == 0  # not even robots.txt was requested


def test_hostname_resolving_to_loopback_is_refused() -> None:
    with pytest.raises(BlockedAddressError):
        asyncio.run(check_address("http://localhost:9/x", allow_private=False))


def test_every_redirect_hop_is_checked(server: HTTPServer) -> None:
    # private addresses are allowed (the test server is on 127.0.0.1); metadata addresses never are
    add_robots(server)
    server.expect_request("/go").respond_with_data(
        "", status=302, headers={"Location": "http://169.254.169.254/latest/meta-data/"}
    )
    settings = fast_settings(allow_private_addresses=True)
    result = _outcome(one(collect([url_list(server, "/go")], settings)))
    assert result.error_class == "BlockedAddressError" and "169.254.169.254" in result.reason
    assert requests_to(server, "/go") == 1


def test_connections_are_guarded_even_without_the_pre_check(
    server: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def no_pre_check(url: str, allow_private: bool = False, timeout: float = 1.0) -> None:
        return None  # as if DNS had answered a public address at check time (rebinding)

    monkeypatch.setattr(sources.http, "check_address", no_pre_check)
    add_robots(server)
    add_page(server, "/a", "A")
    result = _outcome(one(collect([url_list(server, "/a")], fast_settings(allow_private_addresses=False))))
    assert result.error_class == "BlockedAddressError"
    assert len(server.log) == 0


@pytest.mark.parametrize(
    ("address", "blocked"),
    [
        ("127.0.0.1", True),
        ("10.1.2.3", True),
        ("172.16.0.1", True),
        ("192.168.1.1", True),
        ("169.254.169.254", True),
        ("100.100.100.200", True),
        ("0.0.0.0", True),
        ("224.0.0.1", True),
        ("::1", True),
        ("fe80::1", True),
        ("fd00:ec2::254", True),
        ("::ffff:127.0.0.1", True),
        ("8.8.8.8", False),
        ("2606:4700:4700::1111", False),
    ],
)
def test_blocked_reason(address: str, blocked: bool) -> None:
    assert (blocked_reason(ipaddress.ip_address(address)) is not None) is blocked


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "file:///etc/passwd",
        "data:text/html,<script>x</script>",
        "ftp://example.org/a",
        "http://",
        "http://example.org/" + "a" * 3000,
        "http://exa mple.org/",
        "http://example.org:99999/",
    ],
)
def test_unsafe_urls_refused(url: str) -> None:
    with pytest.raises(UnsafeUrlError):
        check_url(url)


def test_javascript_url_in_a_source_fails_without_request(server: HTTPServer) -> None:
    results = collect(
        [url_list(server, "javascript:alert(1)", "file:///etc/passwd", "data:text/plain,x")],
        fast_settings(),
    )
    assert [(r.outcome, r.error_class) for r in map(_outcome, results)] == [("failed", "UnsafeUrlError")] * 3
    assert len(server.log) == 0


def test_over_long_url_fails(server: HTTPServer) -> None:
    result = _outcome(
        one(collect([url_list(server, "/x?q=" + "a" * 500)], fast_settings(max_url_length=200)))
    )
    assert result.error_class == "UnsafeUrlError" and "200" in result.reason
