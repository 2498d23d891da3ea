"""Short stories on real pages: each dev page's story cut to its first K long paragraphs.

A news brief, a video's or a picture's page holds a story of one or two paragraphs beside the same
template as a long story: menus, windows, teaser columns, comments. Such a story is easily
outweighed, and the dev pages' stories are long. This probe cuts the story's box on every page of
both dev sets (the box holding the most text in long paragraphs, `eval_cleaning.story_box`) to its
first K long paragraphs as the cleaner parses the page (`eval_cleaning.rewrite_tree`, as the
stand-ins edit it: the page is decoded as the cleaner decodes it), cleans it, and asks whether those
paragraphs are in the text. The gold cannot score it (the gold keeps the paragraphs cut), so the
figure is the pages that lose every paragraph kept, beside the same count with nothing cut (the
box's first K paragraphs on the page as it is): what the cut adds is the short story's fragility.

    uv run python scripts/probe_short_stories.py [--keep 1 2] [--list]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

from eval_cleaning import DATA, SNIPPET_DATA, cleaned, long_paragraph, rewrite_tree, shared, story_box

from sources.local import load_local

KEY_CHARS = 60  # characters of a kept paragraph's opening looked for in the text
_SPACE = re.compile(r"\s+")


def spaced(text: str) -> str:
    """The text with its runs of white space as one space."""
    return _SPACE.sub(" ", text).strip()


class ShortStory:
    """The edit made to each page as the cleaner parses it (see `rewrite_tree`): the story's box
    cut to its first `keep` long paragraphs (or, with `cut` False, left as it is), the openings of
    those paragraphs kept in `kept` (empty when the story holds no more than `keep`)."""

    def __init__(self) -> None:
        self.keep, self.cut = 1, True
        self.kept: list[str] = []

    def __call__(self, doc: Any) -> None:
        box = story_box(doc)
        longs = [c for c in box if long_paragraph(c)] if box is not None else []
        if len(longs) <= self.keep:
            return
        if self.cut:
            for paragraph in longs[self.keep :]:
                if not (paragraph.tail or "").strip():
                    box.remove(paragraph)
        self.kept = [spaced(p.text_content())[:KEY_CHARS] for p in longs[: self.keep]]


def lost_pages(files: list[str], edit: ShortStory) -> tuple[int, list[str]]:
    """The pages whose story holds more than `edit.keep` long paragraphs, and those of them whose
    text holds none of the first `edit.keep`."""
    pages, lost = 0, []
    for item in load_local(files):
        if item.document is None:
            continue
        edit.kept = []
        text = spaced(str(cleaned(item.document)["text"]))
        if not edit.kept:
            continue
        pages += 1
        if not any(opening in text for opening in edit.kept):
            lost.append(Path(item.document.locator).name)
    return pages, lost


def main(argv: list[str] | None = None) -> int:
    """Print, for each K, the pages that lose their short story and those that lose it uncut."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--keep", type=int, nargs="+", default=[1, 2], help="long paragraphs kept (default 1 2)")
    ap.add_argument("--list", action="store_true", help="list the pages lost only when cut")
    args = ap.parse_args(argv)
    files = sorted(
        str(p) for folder in (shared(DATA), shared(SNIPPET_DATA)) for p in (folder / "html").glob("*.html.gz")
    )
    edit = ShortStory()
    rewrite_tree(edit)
    for keep in args.keep:
        edit.keep, edit.cut = keep, True
        pages, lost = lost_pages(files, edit)
        edit.cut = False
        _, uncut = lost_pages(files, edit)
        print(f"keep {keep}: {pages} pages; all kept paragraphs lost on {len(lost)} (uncut: {len(uncut)})")
        if args.list:
            for name in sorted(set(lost) - set(uncut)):
                print(f"    {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
