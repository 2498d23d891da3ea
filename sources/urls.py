"""URL checks and canonicalisation: the identity of a web input in the `inputs` ledger."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit, urlunsplit

from courlan import normalize_url

from newsflow.core.errors import UnsafeUrlError
from newsflow.core.urls import join_url

ALLOWED_SCHEMES = frozenset({"http", "https"})
_DEFAULT_PORTS = {"http": 80, "https": 443}
_CONTROL = re.compile(r"[\x00-\x20\x7f]")


def check_url(url: str, max_length: int = 2048) -> str:
    """`url` stripped; raises UnsafeUrlError for a non-http(s), over-long or malformed URL."""
    url = url.strip()
    if len(url) > max_length:
        raise UnsafeUrlError(f"URL is {len(url)} characters long, over the {max_length} limit")
    if _CONTROL.search(url):
        raise UnsafeUrlError("URL contains whitespace or control characters")
    scheme = url.split(":", 1)[0].lower() if ":" in url else ""
    if scheme not in ALLOWED_SCHEMES:
        raise UnsafeUrlError(f"URL scheme {scheme + ':' if scheme else '(none)'} is not http(s)")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise UnsafeUrlError(f"malformed URL: {exc}") from exc
    if not parts.hostname:
        raise UnsafeUrlError("URL has no host")
    if port == 0:
        raise UnsafeUrlError("URL has port 0")
    return url


def canonical_url(url: str) -> str:
    """The canonical form of a URL: lower-case host, no default port, credentials, fragment
    or tracking parameters (utm_*, fbclid, gclid, ...), sorted query, dot segments resolved.
    """
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip()
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    if ":" in host:
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = host if port is None or port == _DEFAULT_PORTS.get(scheme) else f"{host}:{port}"
    path = parts.path or "/"
    if "." in path:
        path = urlsplit(urljoin(f"{scheme}://{netloc}/", path)).path
    rebuilt = urlunsplit((scheme, netloc, path, parts.query, ""))
    try:
        normalized = normalize_url(rebuilt)
    except (ValueError, AttributeError):
        return rebuilt
    return normalized.split("#", 1)[0]


def host_key(url: str) -> str:
    """`scheme://host:port` of a URL: the unit of politeness and of robots.txt."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if ":" in host:
        host = f"[{host}]"
    port = parts.port or _DEFAULT_PORTS.get(scheme, 0)
    return f"{scheme}://{host}:{port}"


def resolve_link(base: str, link: str) -> str:
    """An absolute URL for `link` found in the document at `base`; a malformed one as given, for
    `check_url` to refuse when it is fetched (one bad entry fails alone, not its feed)."""
    link = link.strip()
    return join_url(base, link) or link
