"""Short stories on real pages: each dev page's story cut to its first K long paragraphs.

A news brief, a video's or a picture's page holds a story of one or two paragraphs beside the same
template as a long story: menus, windows, teaser columns, comments. Such a story is easily
outweighed, and the dev pages' stories are long. This probe cuts the story's box on every page of
both dev sets (the box holding the most text in long paragraphs, `eval_cleaning.story_box`) to its
first K long paragraphs, cleans the page, and asks whether those paragraphs are in the text. The
gold cannot score it (the gold keeps the paragraphs cut), so the figure is the pages that lose every
paragraph kept, beside the same count with nothing cut (the first K paragraphs of the whole page):
what the cut adds is the short story's fragility.

    uv run python scripts/probe_short_stories.py [--keep 1 2] [--list]
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import lxml.html
from eval_cleaning import DATA, SNIPPET_DATA, cleaned, long_paragraph, shared, story_box
from lxml import etree

from sources.local import load_local

KEY_CHARS = 60  # characters of a kept paragraph's opening looked for in the text
_SPACE = re.compile(r"\s+")


def spaced(text: str) -> str:
    """The text with its runs of white space as one space."""
    return _SPACE.sub(" ", text).strip()


def cut_story(html: str, keep: int, cut: bool) -> tuple[str, list[str]] | None:
    """The page with its story's box cut to its first `keep` long paragraphs (or, with `cut`
    False, as it is) and the openings of those paragraphs; None when the story holds no more."""
    parser = lxml.html.HTMLParser(encoding="utf-8", huge_tree=True)
    try:
        doc: Any = lxml.html.document_fromstring(html.encode("utf-8", "surrogatepass"), parser=parser)
    except (etree.ParserError, ValueError):
        return None
    box = story_box(doc)
    longs = [c for c in box if long_paragraph(c)] if box is not None else []
    if len(longs) <= keep:
        return None
    if cut:
        for paragraph in longs[keep:]:
            if not (paragraph.tail or "").strip():
                box.remove(paragraph)
    kept = [spaced(p.text_content())[:KEY_CHARS] for p in longs[:keep]]
    return str(etree.tostring(doc, encoding="unicode", method="html")), kept


def lost_pages(folders: list[Path], keep: int, cut: bool) -> tuple[int, list[str]]:
    """The pages whose story holds more than `keep` long paragraphs, and those of them whose
    text holds none of the first `keep`."""
    files = sorted(str(p) for folder in folders for p in (folder / "html").glob("*.html.gz"))
    pages, lost = 0, []
    for item in load_local(files):
        if item.document is None:
            continue
        html = item.document.data.decode("utf-8", "replace")
        found = cut_story(html, keep, cut)
        if found is None:
            continue
        page, kept = found
        pages += 1
        document = replace(item.document, data=page.encode("utf-8", "surrogatepass"))
        text = spaced(str(cleaned(document)["text"]))
        if not any(opening in text for opening in kept):
            lost.append(Path(item.document.locator).name)
    return pages, lost


def main(argv: list[str] | None = None) -> int:
    """Print, for each K, the pages that lose their short story and those that lose it uncut."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--keep", type=int, nargs="+", default=[1, 2], help="long paragraphs kept (default 1 2)")
    ap.add_argument("--list", action="store_true", help="list the pages lost only when cut")
    args = ap.parse_args(argv)
    folders = [shared(DATA), shared(SNIPPET_DATA)]
    for keep in args.keep:
        pages, lost = lost_pages(folders, keep, cut=True)
        _, uncut = lost_pages(folders, keep, cut=False)
        print(f"keep {keep}: {pages} pages; all kept paragraphs lost on {len(lost)} (uncut: {len(uncut)})")
        if args.list:
            for name in sorted(set(lost) - set(uncut)):
                print(f"    {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
