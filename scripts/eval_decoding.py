"""How the HTML decoder fares on pages in legacy code pages that declare no charset.

Each dev page is decoded as the cleaner decodes it, its charset declarations (`<meta charset>`,
`http-equiv`) are removed, and the text is written out in each code page asked for; a page is
counted when it can be written in that code page and is not pure ASCII. `decode_html` must give
back the same text from those bytes alone: a saved page or a feed item whose charset was only in
the HTTP header it came with is read this way. Prints, per code page, the pages decoded back
exactly and those that were not (with the code page detection chose for them).

    uv run python scripts/eval_decoding.py [--data DIR ...] [CODEC ...]
"""

from __future__ import annotations

import argparse
import gzip
import re
from collections import Counter
from pathlib import Path

from charset_normalizer import from_bytes
from eval_cleaning import DATA, SNIPPET_DATA, shared

from extractors.cleaning.decode import decode_html

# Western, Central European, Turkish, Cyrillic, Greek and Baltic Windows and ISO code pages.
CODECS = ("cp1252", "iso8859_15", "cp1250", "iso8859_2", "cp1254", "cp1251", "iso8859_7", "cp1257")
_DECLARATION = re.compile(r"<meta[^>]+charset[^>]*>", re.IGNORECASE)


def undeclared_pages(folders: list[Path]) -> list[tuple[str, str]]:
    """(file name, text) of every page, decoded as the cleaner does, its declarations removed."""
    pages = []
    for folder in folders:
        for path in sorted((folder / "html").glob("*.html.gz")):
            text = decode_html(gzip.decompress(path.read_bytes()))
            pages.append((path.name, _DECLARATION.sub("", text)))
    return pages


def score(pages: list[tuple[str, str]], codec: str) -> tuple[int, Counter[str]]:
    """Pages decoded back exactly from `codec` bytes, and the detected code pages of the others."""
    exact, wrong = 0, Counter[str]()
    for _, text in pages:
        try:
            data = text.encode(codec)
        except UnicodeEncodeError:
            continue
        if data.isascii():
            continue
        if decode_html(data) == text:
            exact += 1
        else:
            best = from_bytes(data[:200_000]).best()
            wrong[best.encoding if best is not None else "none"] += 1
    return exact, wrong


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("codecs", nargs="*", default=list(CODECS), help="Python codec names")
    ap.add_argument("--data", nargs="+", type=Path, help="dev set folders (each with html/*.html.gz)")
    args = ap.parse_args(argv)
    pages = undeclared_pages(args.data or [shared(SNIPPET_DATA), shared(DATA)])
    for codec in args.codecs:
        exact, wrong = score(pages, codec)
        detected = ", ".join(f"{name} {n}" for name, n in wrong.most_common())
        print(
            f"{codec:<12} decoded back {exact} of {exact + sum(wrong.values())}"
            + (f"; wrong: {detected}" if wrong else "")
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
