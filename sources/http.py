"""Polite, bounded HTTP fetching: per-host limits, robots.txt, SSRF checks on every hop,
deadlines, capped bodies, retries with backoff on 429/5xx/connection errors only.
"""

from __future__ import annotations

import asyncio
import codecs
import email.utils
import random
from collections.abc import AsyncIterator, Awaitable, Callable, Collection, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import NamedTuple, Protocol, Self, TypeVar

import httpcore
import httpx

from newsflow.core.errors import (
    ConnectionFailedError,
    FetchError,
    FetchTimeoutError,
    HttpStatusError,
    RobotsDisallowedError,
    TooManyRedirectsError,
    UnsupportedContentTypeError,
)
from newsflow.core.settings import Settings
from newsflow.core.sniff import GZIP_MAGIC
from sources.limits import CappedDecoder, gunzip_capped, refuse_binary, too_large
from sources.robots import ROBOTS_MAX_BYTES, RobotsCache
from sources.safety import GuardedBackend, check_address
from sources.urls import check_url, host_key, resolve_link

PAGE_TYPES = frozenset(
    {"text/html", "application/xhtml+xml", "text/plain", "text/markdown", "text/x-markdown"}
)
XML_TYPES = frozenset(
    {
        "application/xml",
        "text/xml",
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/x-rss+xml",
        "application/x-gzip",
        "application/gzip",
        "application/octet-stream",  # gzipped sitemaps; binary bodies are still refused
        "text/plain",  # plain-text sitemaps, feeds served as text
        "text/html",  # misconfigured servers; the parser decides
    }
)
PAGE_ACCEPT = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,text/markdown;q=0.8"
XML_ACCEPT = "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5"
REDIRECTS = frozenset({301, 302, 303, 307, 308})


class Validators(NamedTuple):
    """What the ledger remembers of an input: HTTP validators and the hash of its bytes."""

    etag: str | None = None
    last_modified: str | None = None
    raw_hash: str | None = None


class ValidatorLike(Protocol):
    """Anything with the three validator attributes (Validators, the warehouse's LedgerEntry)."""

    @property
    def etag(self) -> str | None:
        """The stored ETag."""
        ...

    @property
    def last_modified(self) -> str | None:
        """The stored Last-Modified."""
        ...

    @property
    def raw_hash(self) -> str | None:
        """sha256 of the stored raw bytes."""
        ...


class ValidatorStore(Protocol):
    """Read access to stored validators by locator: a dict[str, Validators] or
    dict[str, LedgerEntry] works. Hold only inputs whose last outcome succeeded (new, updated,
    unchanged, duplicate), or a failed input would be reported unchanged and never retried.
    """

    def get(self, locator: str, /) -> ValidatorLike | None:
        """The validators stored for `locator`, or None."""
        ...


@dataclass(slots=True)
class FetchResponse:
    """A finished response: 2xx with its (decoded, capped) body, or 304 with none."""

    url: str  # the final URL, after redirects
    status: int
    headers: httpx.Headers
    body: bytes
    content_type: str  # media type without parameters, lower case ("" when absent)
    charset: str | None  # declared charset, if Python knows it
    fetched_at: datetime

    @property
    def etag(self) -> str | None:
        """The ETag validator, if any."""
        value: str | None = self.headers.get("etag")
        return value

    @property
    def last_modified(self) -> str | None:
        """The Last-Modified validator, if any."""
        value: str | None = self.headers.get("last-modified")
        return value


R = TypeVar("R")


class _Transient(Exception):
    """A failed attempt worth retrying; wraps the error to raise when retries run out."""

    def __init__(self, error: FetchError) -> None:
        super().__init__(str(error))
        self.error = error


class _Response(NamedTuple):
    status: int
    headers: httpx.Headers
    body: bytes
    reason: str


def parse_content_type(value: str | None) -> tuple[str, str | None]:
    """(media type, known charset or None) from a Content-Type header."""
    if not value:
        return "", None
    mime, _, params = value.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, val = param.partition("=")
        if key.strip().lower() == "charset" and val.strip():
            charset = val.strip().strip("\"'").lower()
    if charset is not None:
        try:
            codecs.lookup(charset)
        except LookupError:
            charset = None
    return mime.strip().lower(), charset


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class HostGate:
    """At most `concurrency` requests in flight to one host, starts at least `delay` s apart."""

    def __init__(self, concurrency: int, delay: float) -> None:
        self.delay = delay
        self._slots = asyncio.Semaphore(max(1, concurrency))
        self._lock = asyncio.Lock()
        self._next_start = 0.0

    @asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        """Hold one of the host's slots, after waiting out the delay."""
        async with self._slots:
            async with self._lock:
                loop = asyncio.get_running_loop()
                wait = self._next_start - loop.time()
                if wait > 0:
                    await asyncio.sleep(wait)
                self._next_start = loop.time() + self.delay
            yield


class Fetcher:
    """An httpx AsyncClient with newsflow's politeness, safety and retry rules; use `async with`."""

    def __init__(self, settings: Settings, client: httpx.AsyncClient | None = None) -> None:
        self.settings = settings
        self.client = client or make_client(settings)
        self._own_client = client is None
        self._gates: dict[str, HostGate] = {}
        self._global = asyncio.Semaphore(max(1, settings.max_connections))
        self.robots = RobotsCache(self._fetch_robots)

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, t: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the HTTP client if this fetcher made it."""
        if self._own_client:
            await self.client.aclose()

    def gate(self, url: str) -> HostGate:
        """The politeness gate of `url`'s host."""
        key = host_key(url)
        gate = self._gates.get(key)
        if gate is None:
            s = self.settings
            gate = self._gates[key] = HostGate(s.per_host_concurrency, s.per_host_delay)
        return gate

    async def fetch(
        self,
        url: str,
        *,
        validators: ValidatorLike | None = None,
        accept: Collection[str] = PAGE_TYPES,
        accept_header: str = PAGE_ACCEPT,
        max_bytes: int | None = None,
        use_robots: bool = True,
    ) -> FetchResponse:
        """GET `url` following bounded redirects; returns a 2xx or 304 response, else raises
        a FetchError subclass (robots, address, status, timeout, size, content type, ...).
        """
        s = self.settings
        limit = max_bytes or s.max_fetch_bytes
        headers = {"Accept": accept_header}
        if validators is not None:
            if validators.etag:
                headers["If-None-Match"] = validators.etag
            if validators.last_modified:
                headers["If-Modified-Since"] = validators.last_modified

        async def attempt(url: str) -> tuple[str | None, _Response]:
            resp = await self._with_retries(url, headers, accept, limit)
            location = resp.headers.get("location")
            return (location if resp.status in REDIRECTS and location else None), resp

        url, resp = await self._follow_redirects(url, attempt, use_robots)
        if resp.status == 304 or 200 <= resp.status < 300:
            ctype, charset = parse_content_type(resp.headers.get("content-type"))
            return FetchResponse(url, resp.status, resp.headers, resp.body, ctype, charset, datetime.now(UTC))
        raise HttpStatusError(f"HTTP {resp.status} {resp.reason}".strip(), status=resp.status)

    async def download(self, url: str, target: Path, max_bytes: int) -> str:
        """Stream a large file (a WARC) to `target`, same checks as `fetch` but no retries and
        the `download_deadline`; returns the final URL.
        """

        async def attempt(url: str) -> tuple[str | None, None]:
            async with self.gate(url).slot(), self._global:
                return await self._download_once(url, target, max_bytes), None

        final, _ = await self._follow_redirects(url, attempt)
        return final

    async def _follow_redirects(
        self, url: str, attempt: Callable[[str], Awaitable[tuple[str | None, R]]], use_robots: bool = True
    ) -> tuple[str, R]:
        """The one redirect loop: `attempt` each hop (after the URL, address and robots checks)
        until it reports no redirect `Location`; returns the final URL and the last attempt's result.
        """
        s = self.settings
        url = check_url(url, s.max_url_length)
        seen = [url]
        for _hop in range(s.max_redirects + 1):
            await check_address(url, s.allow_private_addresses, s.connect_timeout)
            if use_robots and s.respect_robots:
                await self._check_robots(url)
            location, result = await attempt(url)
            if location is None:
                return url, result
            nxt = check_url(resolve_link(url, location), s.max_url_length)
            if nxt in seen:
                raise TooManyRedirectsError(f"redirect loop: {' -> '.join([*seen, nxt])}")
            seen.append(nxt)
            url = nxt
        raise TooManyRedirectsError(f"more than {s.max_redirects} redirects from {seen[0]}")

    async def _download_once(self, url: str, target: Path, max_bytes: int) -> str | None:
        deadline = self.settings.download_deadline
        with fetch_errors(deadline, "download not complete", retry=False):
            async with asyncio.timeout(deadline), self.client.stream("GET", url) as r:
                location = r.headers.get("location")
                if r.status_code in REDIRECTS and location:
                    return str(location)
                if not 200 <= r.status_code < 300:
                    raise HttpStatusError(f"HTTP {r.status_code} {r.reason_phrase}", status=r.status_code)
                size = 0
                with target.open("wb") as handle:
                    async for chunk in r.aiter_bytes():
                        size += len(chunk)
                        if size > max_bytes:
                            raise too_large(max_bytes, "download")
                        handle.write(chunk)
                return None

    async def _check_robots(self, url: str) -> None:
        rules = await self.robots.rules(url)
        agent = self.settings.user_agent
        delay = rules.crawl_delay(agent)
        if delay is not None:
            gate = self.gate(url)
            gate.delay = max(gate.delay, min(delay, self.settings.max_crawl_delay))
        if not rules.allowed(url, agent):
            raise RobotsDisallowedError(f"disallowed by {rules.reason} for {agent!r}")

    async def _fetch_robots(self, url: str) -> tuple[int, bytes]:
        resp = await self.fetch(
            url, accept=(), accept_header="text/plain", max_bytes=ROBOTS_MAX_BYTES, use_robots=False
        )
        return resp.status, resp.body

    async def _with_retries(
        self, url: str, headers: dict[str, str], accept: Collection[str], limit: int
    ) -> _Response:
        s = self.settings
        attempt = 0
        while True:
            try:
                async with self.gate(url).slot(), self._global:
                    resp = await self._attempt(url, headers, accept, limit)
            except _Transient as exc:
                if attempt >= s.max_retries:
                    raise exc.error from exc
                delay = self._backoff(attempt)
            else:
                if resp.status != 429 and resp.status < 500:
                    return resp
                if attempt >= s.max_retries:
                    raise HttpStatusError(
                        f"HTTP {resp.status} {resp.reason} after {attempt} retries".strip(),
                        status=resp.status,
                    )
                wait = parse_retry_after(resp.headers.get("retry-after"))
                if wait is not None and wait > s.retry_after_max:
                    raise HttpStatusError(
                        f"HTTP {resp.status}: Retry-After {wait:.0f}s exceeds "
                        f"retry_after_max={s.retry_after_max:.0f}s",
                        status=resp.status,
                    )
                delay = wait if wait is not None else self._backoff(attempt)
            attempt += 1
            await asyncio.sleep(delay)

    def _backoff(self, attempt: int) -> float:
        base = min(self.settings.retry_backoff_max, self.settings.retry_backoff * 2**attempt)
        return float(base * random.uniform(0.5, 1.0))

    async def _attempt(
        self, url: str, headers: dict[str, str], accept: Collection[str], limit: int
    ) -> _Response:
        deadline = self.settings.request_deadline
        with fetch_errors(deadline, "no complete response", retry=True):
            async with asyncio.timeout(deadline):
                async with self.client.stream("GET", url, headers=headers) as r:
                    body = b""
                    if 200 <= r.status_code < 300:
                        body = await _read_body(r, accept, limit)
                    return _Response(r.status_code, r.headers, body, r.reason_phrase)


# Errors another attempt may cure (the server answers again, the connection is re-made).
_RETRYABLE = (
    httpx.ConnectTimeout,
    httpx.ConnectError,
    httpx.ReadError,
    httpx.WriteError,
    httpx.RemoteProtocolError,
)


def fetch_error(exc: httpx.HTTPError) -> FetchError:
    """The one mapping of an httpx error to newsflow's FetchError tree."""
    if isinstance(exc, httpx.ConnectTimeout):
        return FetchTimeoutError(f"connect timeout: {exc!r}")
    if isinstance(exc, httpx.TimeoutException):
        return FetchTimeoutError(f"{type(exc).__name__}: no data for too long")
    return ConnectionFailedError(f"{type(exc).__name__}: {exc}")


@contextmanager
def fetch_errors(deadline: float, unfinished: str, *, retry: bool) -> Iterator[None]:
    """Raise the block's deadline overrun and httpx errors as FetchErrors; with `retry`, the
    connection errors another attempt may cure come wrapped in `_Transient`."""
    try:
        yield
    except TimeoutError as exc:
        raise FetchTimeoutError(f"{unfinished} within the {deadline}s deadline") from exc
    except httpx.HTTPError as exc:
        if retry and isinstance(exc, _RETRYABLE):
            raise _Transient(fetch_error(exc)) from exc
        raise fetch_error(exc) from exc


async def _read_body(r: httpx.Response, accept: Collection[str], limit: int) -> bytes:
    """The body of a 2xx response: content type checked, size capped raw and decoded."""
    ctype, _ = parse_content_type(r.headers.get("content-type"))
    if accept and ctype and ctype not in accept:
        raise UnsupportedContentTypeError(
            f"Content-Type {ctype} is not one of {', '.join(sorted(accept))}", status=r.status_code
        )
    declared = r.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise too_large(limit, f"Content-Length {int(declared):,}")
    decoder = CappedDecoder(r.headers.get("content-encoding", "identity"), limit)
    raw = 0
    parts: list[bytes] = []
    async for chunk in r.aiter_raw():
        raw += len(chunk)
        if raw > limit:
            raise too_large(limit)
        parts.append(decoder.feed(chunk))
    parts.append(decoder.flush())
    body = b"".join(parts)
    if body.startswith(GZIP_MAGIC):  # a .gz file served without Content-Encoding
        body = gunzip_capped(body, limit)
    refuse_binary(body[:8192])
    return body


def make_client(settings: Settings) -> httpx.AsyncClient:
    """The AsyncClient: HTTP/2 when offered, bounded pool, no env proxies, manual redirects,
    every connection made through the SSRF-guarded network backend.
    """
    s = settings
    return httpx.AsyncClient(
        transport=guarded_transport(settings),
        timeout=httpx.Timeout(
            connect=s.connect_timeout,
            read=s.read_timeout,
            write=s.read_timeout,
            pool=s.request_deadline,
        ),
        follow_redirects=False,
        trust_env=False,  # no proxies from the environment: the SSRF guard must see the real target
        headers={"User-Agent": s.user_agent, "Accept-Encoding": "gzip, deflate"},
    )


def guarded_transport(settings: Settings) -> httpx.AsyncHTTPTransport:
    """An httpx transport whose connection pool resolves and checks every address it dials."""
    s = settings
    transport = httpx.AsyncHTTPTransport(http2=s.http2, trust_env=False)
    transport._pool = httpcore.AsyncConnectionPool(  # swap in the guarded network backend
        ssl_context=httpx.create_ssl_context(trust_env=False),
        max_connections=s.max_connections,
        max_keepalive_connections=s.max_connections,
        keepalive_expiry=5.0,
        http1=True,
        http2=s.http2,
        network_backend=GuardedBackend(s.allow_private_addresses),
    )
    return transport
