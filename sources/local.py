"""Local inputs: .txt, .md, .html/.htm (optionally .gz) and .jsonl files, from paths, directories or globs."""

from __future__ import annotations

import glob
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from newsflow.core.errors import FetchError, InputError, TooLargeError, UnsupportedInputError
from newsflow.core.records import Failure, MediaType, RawDocument
from newsflow.core.strings import mend_json, os_text
from sources.entry import utc_datetime
from sources.limits import gunzip_capped

SUFFIXES: dict[str, MediaType] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}
READABLE = (*SUFFIXES, ".jsonl")


@dataclass(frozen=True, slots=True)
class LoadResult:
    """One input: a document, or the failure that stopped it from becoming one."""

    document: RawDocument | None = None
    failure: Failure | None = None


def expand_locators(locators: Iterable[str]) -> Iterator[Path]:
    """Every file named by the locators: files as given, directories walked, globs expanded; sorted."""
    for loc in locators:
        path = Path(loc)
        if path.is_file():
            yield path  # an existing file as named, even when its name holds glob characters
        elif any(ch in loc for ch in "*?["):
            yield from sorted(Path(p) for p in glob.glob(loc, recursive=True) if Path(p).is_file())
        elif path.is_dir():
            yield from sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and not p.name.startswith(".") and _suffix(p) in READABLE
            )
        else:
            yield path


def load_local(
    locators: Iterable[str], source: str = "local", max_bytes: int = 20_000_000
) -> Iterator[LoadResult]:
    """Load every file the locators name; each yields documents or a failure, never an exception."""
    for path in expand_locators(locators):
        try:
            yield from load_file(path, source, max_bytes)
        except InputError as exc:
            yield LoadResult(failure=_failure(source, os_text(str(path)), exc))
        except OSError as exc:
            reason = os_text(exc.strerror or str(exc))
            yield LoadResult(failure=Failure(source, os_text(str(path)), "load", type(exc).__name__, reason))


def load_file(path: Path, source: str = "local", max_bytes: int = 20_000_000) -> Iterator[LoadResult]:
    """The inputs in one file (one, or one per JSONL line). Raises InputError when the file is bad."""
    locator = os_text(str(path))  # (the name as text a column can hold)
    suffix = _suffix(path)
    if suffix not in READABLE:
        raise UnsupportedInputError(
            f"unsupported file type {suffix or '(none)'!r}; "
            f"newsflow reads {', '.join(READABLE)} (optionally .gz)"
        )
    if not path.exists():
        raise InputError(f"no such file: {locator}")
    data = read_bytes(path, max_bytes)
    if suffix == ".jsonl":
        yield from jsonl_documents(data, locator, source)
        return
    yield LoadResult(
        RawDocument(
            source=source,
            locator=locator,
            external_id=_stem(path),
            data=data,
            media_type=SUFFIXES[suffix],
        )
    )


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """A file's bytes, gunzipped when it ends in .gz, refusing more than max_bytes either way."""
    if path.stat().st_size > max_bytes:
        raise TooLargeError(f"file is {path.stat().st_size} bytes, over the {max_bytes}-byte cap")
    raw = path.read_bytes()
    if path.suffix.lower() != ".gz":
        return raw
    return gunzip(raw, max_bytes)


def gunzip(raw: bytes, max_bytes: int) -> bytes:
    """Decompress a .gz file with the capped gunzip, its errors as a local input's (stage "load")."""
    try:
        return gunzip_capped(raw, max_bytes)
    except TooLargeError as exc:
        raise TooLargeError(f"decompressed size exceeds the {max_bytes}-byte cap (gzip bomb?)") from exc
    except FetchError as exc:
        raise InputError(str(exc)) from exc


def jsonl_documents(data: bytes, locator: str, source: str) -> Iterator[LoadResult]:
    """One result per JSONL line: a document, or a failure naming the broken line; the rest loads."""
    for lineno, line in enumerate(data.splitlines(), 1):
        if not line.strip():
            continue
        try:
            yield LoadResult(
                _jsonl_record(json.loads(mend_json(line.decode("utf-8-sig"))), locator, lineno, source)
            )
        except (ValueError, TypeError, KeyError, RecursionError) as exc:  # (nested past the parser)
            reason = f"line {lineno}: {exc}"
            yield LoadResult(
                failure=Failure(source, f"{locator}#line{lineno}", "load", type(exc).__name__, reason)
            )


# A record's fields that are read as they are, and what they may hold besides null: a list or an
# object there would reach the warehouse's typed columns and fail the whole batch that stores it
# ("published_at" is parsed: what is no ISO date is no date).
_FIELD_TYPES: dict[str, tuple[tuple[type, ...], str]] = {
    "id": ((str, int), "a string or an integer"),
    "source": ((str,), "a string"),
    "url": ((str,), "a string"),
    "title": ((str,), "a string"),
}


def _jsonl_record(obj: object, locator: str, lineno: int, source: str) -> RawDocument:
    """Validate and convert one JSONL object."""
    if not isinstance(obj, dict):
        raise TypeError("not a JSON object")
    for key, (kinds, named) in _FIELD_TYPES.items():
        if obj.get(key) is not None and not isinstance(obj[key], kinds):
            raise TypeError(f'"{key}" is {type(obj[key]).__name__}, not {named}')
    ext_id = str(obj.get("id") or f"{Path(locator).name}:{lineno}")
    body = obj.get("text") if obj.get("text") is not None else obj.get("html")
    if not isinstance(body, str):
        raise KeyError('needs a "text" or "html" string')
    published = obj.get("published_at")
    return RawDocument(
        source=obj.get("source") or source,
        locator=f"{locator}#{ext_id}",
        external_id=ext_id,
        data=body.encode("utf-8"),
        media_type="text" if obj.get("text") is not None else "html",
        encoding="utf-8",
        url=obj.get("url") or None,
        title=obj.get("title") or None,
        published_at=utc_datetime(published) if published else None,
        verbatim=obj.get("text") is not None,
    )


def _suffix(path: Path) -> str:
    """The meaningful suffix, looking through a final .gz."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    return suffixes[-1] if suffixes else ""


def _stem(path: Path) -> str:
    """File name without its .html/.txt/... and .gz suffixes."""
    name = os_text(path.name)
    if name.lower().endswith(".gz"):
        name = name[:-3]
    suffix = Path(name).suffix
    return name[: -len(suffix)] if suffix.lower() in SUFFIXES else name


def _failure(source: str, locator: str, exc: InputError) -> Failure:
    """A failure row for an input error."""
    return Failure(source, locator, exc.stage, type(exc).__name__, str(exc))
