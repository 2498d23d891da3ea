"""Real pages, damaged: does any make the cleaner raise or stall?

Every page of the given folders (`*.html.gz`, as the dev sets hold them) is damaged in each of a
set of ways and cleaned as `newsflow clean` cleans a page: its markup (cut short, closing or opening
tags of one kind left out, tags dropped at random, bytes of noise, the body twice, no head, upper
case, forms around boxes, an unclosed comment, CDATA, UTF-16), or its head given odd metadata (JSON-LD
and meta tags holding lists, objects, numbers, dates at the calendar's ends, malformed addresses,
text with half a character). A page the cleaner refuses (InputError) is fine; any other exception,
or a page that takes over `--slow` seconds, is printed, and the exit code is 1. The damage is drawn
from `--seed`, so a failure is found again with the same seed.

    uv run python scripts/fuzz_cleaning.py DIR [DIR ...] [--seed 1] [--slow 2]
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from extractors.cleaning import clean
from newsflow.core.errors import InputError
from newsflow.core.records import RawDocument

TAG = re.compile(rb"</?([a-zA-Z][a-zA-Z0-9]*)[^>]*>")
TAGS = [b"div", b"p", b"span", b"a", b"li", b"ul", b"table", b"td", b"tr", b"section", b"article"]
ODD_VALUES: list[object] = [
    None, 0, -1, 1e308, True, [], {}, "", " ", "\x00", "[x]", "http://[x]/", "https://[domain]/a",
    "9999-99-99", "0001-01-01T00:00:00+05:00", "9999-12-31T23:59:59-12:00", "2020-02-30T25:61:61",
    "\u202e", "a" * 5000, "\ud83d", {"@id": "#x"}, {"@id": "http://[x]/"}, [[["deep"]]],
    {"@type": ["Person", 5], "name": ["a", None, 3]}, "javascript:alert(1)",
]  # fmt: skip
JSON_LD_KEYS = [
    "headline", "name", "author", "datePublished", "dateModified", "publisher", "url",
    "mainEntityOfPage", "inLanguage", "articleBody", "description", "keywords", "image", "@graph",
]  # fmt: skip
META_NAMES = [
    "og:title", "og:url", "article:published_time", "author", "description", "keywords",
    "og:site_name", "og:locale", "date", "dc.language", "content-language", "twitter:title",
]  # fmt: skip
Damage = Callable[[bytes, random.Random], bytes]


def _cut(page: bytes, rng: random.Random) -> bytes:
    return page[: rng.randrange(len(page) // 4, len(page))]


def _closing_left_out(page: bytes, rng: random.Random) -> bytes:
    return re.sub(rb"</" + rng.choice(TAGS) + rb"\s*>", b"", page, flags=re.IGNORECASE)


def _opening_left_out(page: bytes, rng: random.Random) -> bytes:
    return re.sub(rb"<" + rng.choice(TAGS) + rb"(\s[^>]*)?>", b"", page, flags=re.IGNORECASE)


def _tags_dropped(page: bytes, rng: random.Random) -> bytes:
    return TAG.sub(lambda m: b"" if rng.random() < 0.05 else m.group(0), page)


def _noise(page: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(len(page))
    return page[:at] + bytes(rng.randrange(256) for _ in range(200)) + page[at:]


def _body_twice(page: bytes, rng: random.Random) -> bytes:
    body = re.search(rb"<body[^>]*>(.*)</body>", page, re.DOTALL | re.IGNORECASE)
    return page if body is None else page[: body.end(1)] + body.group(1) + page[body.end(1) :]


def _no_head(page: bytes, rng: random.Random) -> bytes:
    return re.sub(rb"<head.*?</head>", b"", page, flags=re.DOTALL | re.IGNORECASE)


def _upper_case(page: bytes, rng: random.Random) -> bytes:
    return TAG.sub(lambda m: m.group(0).upper() if rng.random() < 0.5 else m.group(0), page)


def _forms_around_boxes(page: bytes, rng: random.Random) -> bytes:
    return re.sub(rb"<div", b"<form><div", page, count=50, flags=re.IGNORECASE)


def _inserted(what: bytes) -> Damage:
    def damage(page: bytes, rng: random.Random) -> bytes:
        at = rng.randrange(len(page))
        return page[:at] + what + page[at:]

    return damage


def _utf16(page: bytes, rng: random.Random) -> bytes:
    try:
        return page.decode("utf-8").encode("utf-16")
    except UnicodeDecodeError:
        return page


def _odd_metadata(page: bytes, rng: random.Random) -> bytes:
    """Eight odd JSON-LD scripts, meta tags and marked-up values at the head's start."""
    parts = []
    for _ in range(8):
        value = rng.choice(ODD_VALUES)
        text = value if isinstance(value, str) else json.dumps(value)
        attr = text.replace('"', "&quot;")[:300]
        kind = rng.randrange(3)
        if kind == 0:
            ld: dict[str, object] = {"@context": "https://schema.org", "@type": "NewsArticle"}
            ld.update({key: rng.choice(ODD_VALUES) for key in rng.sample(JSON_LD_KEYS, 5)})
            parts.append(f'<script type="application/ld+json">{json.dumps(ld)}</script>')
        elif kind == 1:
            parts.append(f'<meta property="{rng.choice(META_NAMES)}" content="{attr}">')
        else:
            parts.append(
                rng.choice(
                    [
                        f'<time datetime="{attr}">{attr}</time>',
                        f'<link rel="canonical" href="{attr}">',
                        f'<a rel="author" href="{attr}">{attr}</a>',
                        f'<meta charset="{attr}">',
                        f'<html lang="{attr}">',
                    ]
                )
            )
    inject = "".join(parts).encode("utf-8", "surrogatepass")
    head = page.find(b"<head>")
    at = head + len(b"<head>") if head >= 0 else 0
    return page[:at] + inject + page[at:]


DAMAGES: dict[str, Damage] = {
    "cut short": _cut,
    "closing tags left out": _closing_left_out,
    "opening tags left out": _opening_left_out,
    "tags dropped": _tags_dropped,
    "noise": _noise,
    "body twice": _body_twice,
    "no head": _no_head,
    "upper case": _upper_case,
    "forms around boxes": _forms_around_boxes,
    "unclosed comment": _inserted(b"<!-- "),
    "CDATA": _inserted(b"<![CDATA[ x ]]>"),
    "UTF-16": _utf16,
    "odd metadata": _odd_metadata,
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+", type=Path, help="folders of *.html.gz pages (or their html/)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--slow", type=float, default=2.0, help="seconds a page may take")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    pages = sorted(p for folder in args.folders for p in folder.rglob("*.html.gz"))
    failures = 0
    for name, damage in DAMAGES.items():
        started = time.perf_counter()
        for path in pages:
            data = damage(gzip.decompress(path.read_bytes()), rng)
            raw = RawDocument(
                source="fuzz", locator=path.name, external_id=path.name, data=data, media_type="html"
            )
            start = time.perf_counter()
            try:
                clean(raw)
            except InputError:
                pass
            except Exception as exc:
                failures += 1
                at = traceback.extract_tb(exc.__traceback__)[-1]
                print(f"RAISED  {name}: {path.name}: {type(exc).__name__}: {exc} ({at.filename}:{at.lineno})")
            seconds = time.perf_counter() - start
            if seconds > args.slow:
                failures += 1
                print(f"SLOW    {name}: {path.name}: {seconds:.1f} s")
        print(f"{name:22} {len(pages)} pages, {time.perf_counter() - started:.1f} s", flush=True)
    print(f"{failures} failures (seed {args.seed})")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
