"""Configured sources: a TOML file of `[[source]]` tables, or one command-line argument."""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any, Literal, get_args
from urllib.parse import SplitResult

from newsflow.core.errors import SourceConfigError
from newsflow.core.strings import os_text
from newsflow.core.urls import split_url

SourceKind = Literal["url-list", "feed", "sitemap", "local", "warc"]
KINDS: tuple[str, ...] = get_args(SourceKind)
WEB_KINDS = frozenset({"url-list", "feed", "sitemap", "warc"})
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhdw]?)\s*$")
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days", "w": "weeks", "": "days"}
_FEED_HINT = re.compile(r"(\brss\b|\batom\b|\bfeeds?\b|\.rss$|\.atom$|\.xml$)", re.I)


@dataclass(frozen=True, slots=True)
class SourceConfig:
    """One source: what to read (`kind`, `locator`), which URLs to keep, how old at most."""

    name: str
    kind: SourceKind
    locator: str  # URL of a feed/sitemap/robots.txt/page, URL-list file, path or glob
    include: tuple[str, ...] = ()  # URL regexes; when given, a URL must match one
    exclude: tuple[str, ...] = ()  # URL regexes; a URL matching one is skipped
    max_age: timedelta | None = None  # entries published longer ago are skipped
    urls: tuple[str, ...] = ()  # inline URLs of a url-list source
    _include_re: tuple[re.Pattern[str], ...] = field(default=(), init=False, repr=False, compare=False)
    _exclude_re: tuple[re.Pattern[str], ...] = field(default=(), init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise SourceConfigError(f"source {self.name!r}: kind {self.kind!r} is not one of {KINDS}")
        if not self.locator and not self.urls:
            raise SourceConfigError(f"source {self.name!r}: no locator")
        object.__setattr__(self, "_include_re", _compile(self.name, self.include))
        object.__setattr__(self, "_exclude_re", _compile(self.name, self.exclude))

    @property
    def is_web(self) -> bool:
        """Whether `fetch_all` handles this source (local sources go to `sources.local`)."""
        return self.kind in WEB_KINDS

    def wants(self, url: str) -> bool:
        """Whether `url` passes the include and exclude patterns."""
        if self._include_re and not any(p.search(url) for p in self._include_re):
            return False
        return not any(p.search(url) for p in self._exclude_re)


def _compile(name: str, patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    try:
        return tuple(re.compile(p) for p in patterns)
    except re.error as exc:
        raise SourceConfigError(f"source {name!r}: bad pattern: {exc}") from exc


def parse_duration(value: object) -> timedelta | None:
    """A timedelta from "36h", "7d", "2w", "90m", "30s" or a number of days."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise SourceConfigError(f"max_age {value!r} is not a duration")
    if isinstance(value, int | float):
        return timedelta(days=value)
    match = _DURATION.match(str(value))
    if not match:
        raise SourceConfigError(f"max_age {value!r} is not a duration like '36h' or '7d'")
    return timedelta(**{_UNITS[match[2]]: float(match[1])})


def _strings(name: str, key: str, value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise SourceConfigError(f"source {name!r}: {key} must be a string or a list of strings")


def source_from_table(table: dict[str, Any], base_dir: Path | None = None) -> SourceConfig:
    """A SourceConfig from one `[[source]]` table; relative paths resolve against `base_dir`."""
    name = str(table.get("name") or "").strip()
    if not name:
        raise SourceConfigError(f"a source has no name: {table!r}")
    unknown = set(table) - {"name", "kind", "locator", "include", "exclude", "max_age", "urls"}
    if unknown:
        raise SourceConfigError(f"source {name!r}: unknown keys {sorted(unknown)}")
    kind = table.get("kind")
    locator = str(table.get("locator") or "")
    urls = _strings(name, "urls", table.get("urls"))
    if kind in ("url-list", "local", "warc") and locator and base_dir is not None:
        locator = _resolve_path(locator, base_dir)
    return SourceConfig(
        name=name,
        kind=kind,  # type: ignore[arg-type]  # checked in __post_init__
        locator=locator,
        include=_strings(name, "include", table.get("include")),
        exclude=_strings(name, "exclude", table.get("exclude")),
        max_age=parse_duration(table.get("max_age")),
        urls=urls,
    )


def _resolve_path(locator: str, base_dir: Path) -> str:
    if is_web_url(locator) or Path(locator).is_absolute():
        return locator
    return os.path.normpath(base_dir / locator)


def load_sources(path: str | Path) -> list[SourceConfig]:
    """Every `[[source]]` in a TOML file; names must be unique."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise SourceConfigError(f"cannot read sources file {path}: {exc.strerror or exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise SourceConfigError(f"sources file {path} is not valid TOML: {exc}") from exc
    tables = data.get("source", [])
    if not isinstance(tables, list):
        raise SourceConfigError(f"{path}: use [[source]] tables")
    sources = [source_from_table(t, path.parent) for t in tables]
    names = [s.name for s in sources]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise SourceConfigError(f"{path}: duplicate source names {duplicates}")
    return sources


def is_web_url(value: str) -> bool:
    """An http(s) address, read by its scheme alone: a malformed one is still an address, whose
    fetch is refused and recorded with its reason."""
    return value[:8].lower().startswith(("http://", "https://"))


def _url_parts(value: str) -> SplitResult:
    """`value`'s parts; a malformed address has none (empty parts)."""
    return split_url(value) or SplitResult("", "", "", "", "")


def source_from_arg(arg: str, name: str | None = None) -> SourceConfig:
    """A SourceConfig for one `newsflow ingest` argument.

    `feed:URL`, `sitemap:URL`, `url:URL`, `warc:PATH|URL`, `local:PATH` force a kind; otherwise
    `*.warc(.gz)` is a WARC, a robots.txt or a URL naming a sitemap is a sitemap, a URL naming
    rss/atom/feed or ending in .xml is a feed, any other URL is a single page, the rest is local.
    """
    arg = arg.strip()
    prefix, sep, rest = arg.partition(":")
    forced = {
        "feed": "feed",
        "sitemap": "sitemap",
        "url": "url-list",
        "warc": "warc",
        "local": "local",
    }
    if sep and prefix in forced and not rest.startswith("//"):
        kind = forced[prefix]
        return _arg_source(kind, rest.strip(), name)
    path = _url_parts(arg).path.lower() if is_web_url(arg) else arg.lower()
    if path.endswith((".warc", ".warc.gz")):
        return _arg_source("warc", arg, name)
    if not is_web_url(arg):
        return _arg_source("local", arg, name)
    if path.endswith("/robots.txt") or "sitemap" in path:
        return _arg_source("sitemap", arg, name)
    if _FEED_HINT.search(path) or (_url_parts(arg).hostname or "").startswith("feeds."):
        return _arg_source("feed", arg, name)
    return _arg_source("url-list", arg, name)


def _arg_source(kind: str, locator: str, name: str | None) -> SourceConfig:
    if not locator:
        raise SourceConfigError(f"{kind}: needs a URL or path")
    default = _url_parts(locator).hostname if is_web_url(locator) else "local"
    urls = (locator,) if kind == "url-list" and is_web_url(locator) else ()
    return SourceConfig(
        name=name or default or "web",
        kind=kind,  # type: ignore[arg-type]
        locator=locator,
        urls=urls,
    )


def resolve_sources(args: Iterable[str]) -> list[SourceConfig]:
    """Source configs from command-line arguments: a `.toml` file lists sources, anything else is one."""
    configs: list[SourceConfig] = []
    for arg in args:
        if arg.endswith(".toml") and Path(arg).is_file():
            configs.extend(load_sources(Path(arg)))
        else:
            name = None if "://" in arg else os_text(arg.rstrip("/") or arg)  # (stored: UTF-8 text)
            configs.append(source_from_arg(arg, name=name))
    return configs
