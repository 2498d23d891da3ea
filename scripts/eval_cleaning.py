"""Dev evaluation of the HTML cleaner on both dev sets in one run, with the speed.

The article-text set (Zyte benchmark pages, token-shingle F1) and the snippet set (many sites and
languages, must-have / must-not-have snippets) are cleaned as `newsflow clean --format jsonl` does,
scored by the reference scorers, and the pages per second over both sets are printed. The snippet
set is also scored in two fixed halves (by the parity of the file name's SHA-1: a change that helps
one half and costs the other is not general) with the pages that lose half their must-haves or more.
`--ignore-names` stands in for a site whose class and id names no rule knows: the cleaner reads
every element's names as empty; `--ignore-names half0` / `half1` for a site that uses half the names
the rules know (each name word left out by the parity of its SHA-1). `--plain-tags` stands in for a
site in old-style markup: the tree builder reads the HTML5 sectioning and semantic tags as plain
ones (`PLAIN_TAGS`: article, main, aside, nav, header, footer, figure, figcaption, section and
address as <div>, time as <span>) and drops the semantic attributes (`PLAIN_ATTRIBUTES`: ARIA role
and aria-modal, microdata itemprop/itemscope/itemtype) of every element but <meta> and <link>; it
combines with `--ignore-names`. `--div-paragraphs` stands in for a site in div-soup markup: the tree
builder reads every <p> as a <div> (the same text in the same boxes, one block each, but no rule
that asks for a paragraph's tag fires); it combines with the other two. `--br-paragraphs` stands in
for a site that sets its text out with line breaks (old CMSs, forums, small blogs): before the tree
is built, every run of sibling paragraphs becomes its first <p>, the paragraphs set apart by
`<br><br>` (`BR_PARAGRAPHS`: a `</p>` followed by only whitespace and a `<p>`); it combines with the
other three (with `--div-paragraphs` the merged run is a <div>). `--wrap-divs` stands in for a
template that nests its boxes one level deeper: every <div> holds its contents in one more <div>
with no attributes; it combines with the other four (the <div>s they make are wrapped too).
`--div-headlines` stands in for a site that sets its headline in a styled box: every <h1> is
read as a <div>. `--div-lists` stands in for a site that sets its lists (menus, link lists,
comment threads, the story's own lists) as boxes: every <ul>, <ol> and <li> is read as a <div>.
`--css-images` stands in for a site that sets its pictures as boxes styled with a background
image (a template's cards and lead pictures, a lazy loader's placeholders): every <img> is read as
an empty <div> whose only attribute is `style="background-image:url(...)"` (its source), every
<picture> as a <div>. `--split-paragraphs` stands in for a site that sets one sentence to a
paragraph (tabloids, some wire copy): before the tree is built, every paragraph of bare text is
split at its sentence ends, each sentence a `<p>`. `--custom-boxes` stands in for a site built of
a framework's components: every <div> is read as a custom element, `<x-box>`.
`--bold-subheadings` stands in for a site whose editor sets subheadings as bold paragraphs: every
<h2> to <h6> is read as a <p> with no attributes holding a <strong>. `--interstitials` stands in
for a site that sets boxes between its story's paragraphs: after every third long paragraph among
paragraphs, a link line, an empty slot, a teaser card or a sign-up box in turn, with no names and in
words no rule knows (INTERSTITIALS). `--chunked-body` stands in for a template that sets a body
out as a run of like boxes: every box of four or more long paragraphs split after every third.
`--reader-comments` stands in for readers' replies under the story in boxes whose class words no
rule knows (REPLY, REMARKS). `--live-report` stands in for a story reported live: its paragraphs
after the first set out as a feed of entries, each a time line, two paragraphs and a row of share
links (LIVE_META, LIVE_TOOLS). `--teaser-column` stands in for a column of teaser cards beside the
story, each a linked title over an excerpt (CARD, EXCERPTS), holding more prose than the story.
`--linked-names` stands in for a site that links the names in its story to their tag pages: in
every long paragraph the first name set in a sentence becomes a link (NAME_IN_SENTENCE).
`--unclosed-story` stands in for a story's box that holds what follows the story: what follows the
box in its parent is set at its end (a template that keeps a post's tags, the writer's box, related
links and comments in the story's own box, or markup that leaves out the box's closing tag).
`--wrapped-paragraphs` stands in for a site built of components that sets each paragraph in a box
of its own: every <p> and <blockquote> is read inside one more <div> with no attributes.
`--table-layout` stands in for a site laid out in tables (old templates, small sites): every <div> of
two or more child <div>s and nothing else is read as a table, each child a cell of a row of its own.
`--check FLOORS.json` fails (exit 1) when a figure falls below its floor."""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import itertools
import json
import re
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import lxml.html
from lxml import etree

from extractors.cleaning import content, htmltree
from extractors.cleaning.clean import clean
from extractors.cleaning.decode import decode_html, normalise_newlines
from extractors.cleaning.html import content_roots
from extractors.cleaning.htmltree import LeanBuilder, TextStats, page_scan, parsed_page, text_of
from extractors.cleaning.metadata import extract_metadata
from newsflow.cli import article_json
from newsflow.core.errors import InputError
from newsflow.core.records import RawDocument
from sources.local import load_local

SCORER = Path("shared/eval/score_article_text.py")
DATA = Path("shared/data/article-text-dev")
SNIPPET_SCORER = Path("shared/eval/score_snippets.py")
SNIPPET_DATA = Path("shared/data/snippet-eval-dev")
# --plain-tags: HTML5 sectioning and semantic tags read as the plain tag of old-style markup
PLAIN_TAGS = {
    **dict.fromkeys(
        ("article", "main", "aside", "nav", "header", "footer", "figure", "figcaption", "section", "address"),
        "div",
    ),
    "time": "span",
}
PLAIN_ATTRIBUTES = ("role", "aria-modal", "itemprop", "itemscope", "itemtype")  # dropped, but on meta/link
DIV_PARAGRAPHS = {"p": "div"}  # --div-paragraphs: paragraphs set as <div> boxes
DIV_HEADLINES = {"h1": "div"}  # --div-headlines: the headline set in a styled box
DIV_LISTS = {"ul": "div", "ol": "div", "li": "div"}  # --div-lists: lists set as <div> boxes
CUSTOM_BOXES = {"div": "x-box"}  # --custom-boxes: boxes set as a framework's custom elements
# --br-paragraphs: a paragraph's end and the next one's start, with only whitespace between
BR_PARAGRAPHS = re.compile(r"</p\s*>\s*<p(?:\s[^>]*)?>", re.IGNORECASE)
# --split-paragraphs: a paragraph of bare text (no markup inside) long enough to hold two sentences
BARE_PARAGRAPH = re.compile(r"(<p(?:\s[^>]*)?>)([^<]{80,})(</p\s*>)", re.IGNORECASE)
SENTENCE_GAP = re.compile(r"(?<=\D[.!?])\s+")  # a sentence's end (not a number's: "22. Mai"), the space
# --interstitials: what a site sets between a story's paragraphs, one after every third long paragraph
# in turn (a link line, an empty slot a script fills, a teaser card, a sign-up box), with no class or id
# and in words no rule knows, so that only their shape can tell them from the story
INTERSTITIALS = (
    '<p><strong>See:</strong> <a href="/more/{n}">Another story from the same desk, number {n}</a></p>',
    '<div><div id="slot-{n}"></div></div>',
    '<div><a href="/more/{n}"><img src="/more/{n}.jpg" alt=""></a><div><a href="/more/{n}">'
    "Another story from the same desk, number {n}</a>"
    "<p>The first line of that story, as its card shows it.</p></div></div>",
    "<div><h3>Every morning</h3><p>The day's main stories in your inbox before breakfast.</p>"
    '<form action="/in"><input type="email" name="email"><button>Send</button></form></div>',
)
LONG_PARAGRAPH = 80  # characters of a paragraph an interstitial may follow (or a chunk may end with)
CHUNK_PARAGRAPHS = 3  # --chunked-body: long paragraphs to a chunk of a body split into like boxes
CHUNK_BOXES = ("div", "section", "article")  # the boxes --chunked-body splits
CHUNK_SLOT = '<div><div id="chunk-slot-{n}"></div></div>'  # what sits between two chunks (an ad's slot)
# --reader-comments: a thread of replies set after the story, as long as the story's paragraphs, in
# boxes whose class words no rule knows and in words of no page (a reader's remarks, made up here)
REMARKS = (
    "I read this twice and I still think the second point is the one that matters most here.",
    "Thanks for writing it up, though I would have liked to hear from the people who live there.",
    "We had the same thing happen in our town last year and nobody in charge said a word about it.",
    "Not sure the numbers add up, but the overall picture matches what friends keep telling me.",
    "This is exactly why I keep coming back to this site instead of reading the big papers.",
)
REPLY = (
    '<div class="r-box"><div class="r-head"><b>Reader {n}</b> <span>{n} days ago</span></div>'
    '{remarks}<div class="r-tools"><a href="#reply-{n}">Reply</a> <a href="#like-{n}">Like</a></div></div>'
)
# --live-report: the story set out as a live report's entries under its first paragraph (a summary),
# each a time line, LIVE_PARAGRAPHS of the story's paragraphs and a row of links that hand the entry's
# address to other sites (share buttons), in boxes whose class words no rule knows
LIVE_PARAGRAPHS = 2
LIVE_META = '<div class="e-meta"><time>{hour:02d}:{minute:02d}</time></div>'
LIVE_TOOLS = (
    '<div class="e-tools"><a href="https://social.example/share?u=https%3A%2F%2Fnews.example%2Flive%23e{n}">'
    'Share</a> <a href="https://mail.example/send?body=https://news.example/live%23e{n}">Send</a> '
    '<a href="#e{n}">Link</a></div>'
)
# --teaser-column: a column of teaser cards beside the story, each a linked title over an excerpt,
# holding half again as much prose as the story's paragraphs, in words of no page (made up here)
EXCERPTS = (
    "A short account of what happened at the market this week, and what the stall holders expect next.",
    "Why the new timetable has split opinion among the people who ride the early trains every day.",
    "Three walks along the river that take less than an hour, with a stop for coffee on the way.",
    "What the rise in rents means for students who start at the college in the autumn term.",
)
CARD = '<div><a href="/more/{n}">Another story from the desk, number {n}</a><p>{excerpt}</p></div>'
COLUMN_SHARE = 1.5  # the column's excerpts against the story's paragraphs
SET_APART = frozenset(
    {"blockquote", "figure", "li", "dd", "td", "th", "form", "a", "aside", "nav", "header", "footer"}
)


def shared(path: Path) -> Path:
    """`../<path>` from the working directory, or from the nearest folder above it that has it."""
    for folder in [Path.cwd(), *Path.cwd().parents]:
        if (folder.parent / path).exists():
            return folder.parent / path
    return Path("..") / path


@dataclass(slots=True)
class Cleaned:
    """One set's predictions and what cleaning them cost."""

    texts: dict[str, str] = field(default_factory=dict)  # page id (file name less .html.gz) → text
    languages: dict[str, str | None] = field(default_factory=dict)
    seconds: float = 0.0  # wall clock
    cpu: float = 0.0  # CPU time: what a busy shared machine does not distort


def predict(data_dir: Path) -> Cleaned:
    """Clean every DATA_DIR/html/*.html.gz as `newsflow clean --format jsonl` does (load, decode,
    clean and detect the language timed; a page with no article text gets "")."""
    files = sorted(str(p) for p in (data_dir / "html").glob("*.html.gz"))
    out = Cleaned()
    started, cpu_started = time.perf_counter(), time.process_time()
    for item in load_local(files):
        if item.document is None:
            continue
        obj = cleaned(item.document)
        out.texts[str(obj["id"])] = str(obj["text"])
        out.languages[str(obj["id"])] = obj.get("language")
    out.seconds = time.perf_counter() - started
    out.cpu = time.process_time() - cpu_started
    return out


def cleaned(document: RawDocument) -> dict[str, Any]:
    """One page as `newsflow clean --format jsonl` gives it (a page with no article text: "")."""
    try:
        return article_json(clean(document))
    except InputError:
        return {"id": document.external_id, "text": "", "language": None}


def warm_up(data_dir: Path) -> None:
    """Load the lazy imports (htmldate) once, outside the timed loop."""
    from htmldate import find_date  # noqa: F401  (imported lazily by the metadata fallback)

    for item in load_local(sorted(str(p) for p in (data_dir / "html").glob("*.html.gz"))[:1]):
        if item.document is not None:
            with contextlib.suppress(InputError):
                clean(item.document)


def score_articles(
    cleaned: Cleaned, data_dir: Path, scorer: Path, out: Path, per_page: Path | None
) -> dict[str, float]:
    """F1, precision and recall of the article-text set by its reference scorer."""
    pred, metrics = out / "article-text.json", out / "article-text-scores.json"
    pred.write_text(json.dumps(cleaned.texts, ensure_ascii=False, indent=1), encoding="utf-8")
    cmd = [
        sys.executable,
        str(scorer),
        str(pred),
        "--gt",
        str(data_dir / "ground-truth.json"),
        "--n-bootstrap",
        "0",
        "--json",
        str(metrics),
    ]
    if per_page:
        cmd += ["--per-page", str(per_page / "article-text.tsv")]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    found = json.loads(metrics.read_text(encoding="utf-8"))
    row = next(iter(found.values()))  # {"<name>|full": metrics}
    return {k: float(row[k]) for k in ("f1", "precision", "recall")}


def score_snippets(
    cleaned: Cleaned, data_dir: Path, scorer: Path, out: Path, per_page: Path | None
) -> dict[str, float]:
    """F1, precision and recall of the snippet set by its reference scorer."""
    evaldata = data_dir / "evaldata.json"
    texts = {f"{page}.html": text for page, text in cleaned.texts.items()}
    pred = out / "snippets.json"
    pred.write_text(json.dumps(texts, ensure_ascii=False, indent=1), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(scorer), str(evaldata), str(pred)], check=True, capture_output=True, text=True
    )
    if per_page:
        places = _snippet_pages(
            json.loads(evaldata.read_text(encoding="utf-8")),
            texts,
            cleaned,
            per_page / "snippets.tsv",
            data_dir / "html",
        )
        print(
            "snippets  must-haves missed, by where they sit relative to the chosen elements: "
            + ", ".join(f"{place} {places[place]}" for place in PLACES)
        )
    found = json.loads(result.stdout)
    figures = {k: float(found[k]) for k in ("f1", "precision", "recall")}
    halves = snippet_halves(json.loads(evaldata.read_text(encoding="utf-8")), texts)
    print(
        "snippets  halves (SHA-1 parity of the file name): "
        + ", ".join(f"F1 {halves[f'half{h}_f1']:.4f}" for h in (0, 1))
        + f"; pages missing half their must-haves or more: {halves['lost_pages']:.0f}"
    )
    return figures | halves


def snippet_halves(evaldata: dict[str, dict[str, object]], texts: dict[str, str]) -> dict[str, float]:
    """Snippet F1 of each half of the set (the scorer's counting) and the pages that miss half
    their must-haves or more (`lost_pages`)."""
    counts = [[0, 0, 0], [0, 0, 0]]  # per half: found must-haves, missed must-haves, found must-nots
    lost = 0
    for record in evaldata.values():
        name = str(record["file"])
        want, missed, _, found = _snippets_in(record, texts.get(name, ""))
        half = counts[hashlib.sha1(name.encode()).digest()[-1] % 2]
        half[0] += len(want) - len(missed)
        half[1] += len(missed)
        half[2] += len(found)
        lost += bool(want) and 2 * len(missed) >= len(want)
    figures = {"lost_pages": float(lost)}
    for index, (tp, fn, fp) in enumerate(counts):
        precision, recall = tp / max(1, tp + fp), tp / max(1, tp + fn)
        figures[f"half{index}_f1"] = 2 * precision * recall / max(1e-9, precision + recall)
    return figures


def _snippets_in(record: dict[str, object], text: str) -> tuple[list[str], list[str], list[str], list[str]]:
    """A page's must-haves, those missing from `text`, its must-nots, and those found in it,
    whitespace collapsed as the scorer compares."""
    text = _norm(text)
    want = [_norm(str(s)) for s in record.get("with", [])]  # type: ignore[attr-defined]
    avoid = [_norm(str(s)) for s in record.get("without", [])]  # type: ignore[attr-defined]
    return want, [s for s in want if s not in text], avoid, [s for s in avoid if s in text]


def _norm(text: str) -> str:
    """Whitespace collapsed, as the snippet scorer compares."""
    return re.sub(r"\s+", " ", text or "").strip()


PLACES = ("before", "inside", "after", "not in visible markup")


def missed_places(page: Path, snippets: list[str]) -> list[str]:
    """Where each snippet sits relative to the elements the text is taken from (see PLACES):
    before or after them, inside them (cut), or in no visible element (scripts, hidden markup)."""
    raw = next(item.document for item in load_local([str(page)]) if item.document is not None)
    html = normalise_newlines(decode_html(raw.data, raw.encoding))
    places = []
    with parsed_page(html) as root:
        if root is None:
            return [PLACES[3]] * len(snippets)
        found = page_scan(root)
        stats, roots = content_roots(root, found, extract_metadata(root, found, raw, html).title)
        texts = [_norm(text_of(el)) for el in stats.nodes]
        for snippet in snippets:
            wanted = _norm(snippet)
            holder = next((i for i in range(len(texts) - 1, -1, -1) if wanted in texts[i]), None)
            if holder is None:
                places.append(PLACES[3])
                continue
            el = stats.nodes[holder]
            if any(r is el or stats.contains(r, el) or stats.contains(el, r) for r in roots):
                places.append(PLACES[1])
            else:
                places.append(PLACES[0] if holder < stats.pos[id(roots[0])] else PLACES[2])
    return places


def _snippet_pages(
    evaldata: dict[str, dict[str, object]],
    texts: dict[str, str],
    cleaned: Cleaned,
    path: Path,
    html_dir: Path,
) -> Counter[str]:
    """Per page: language, must-haves missed (with where they sit, see missed_places) and
    must-nots found, with the snippets themselves; the misses counted by place."""
    lines = [
        "file\tlanguage\tchars\twith\tmissed\twithout\tfound\tmissed_snippets\tmissed_where\tfound_snippets"
    ]
    by_place: Counter[str] = Counter()
    for record in evaldata.values():
        name = str(record["file"])
        text = _norm(texts.get(name, ""))
        want, missed, avoid, found = _snippets_in(record, text)
        places = missed_places(html_dir / f"{name}.gz", missed) if missed else []
        by_place.update(places)
        lang = cleaned.languages.get(name.removesuffix(".html")) or "-"
        lines.append(
            "\t".join(
                [
                    name,
                    lang,
                    str(len(text)),
                    str(len(want)),
                    str(len(missed)),
                    str(len(avoid)),
                    str(len(found)),
                    " ‖ ".join(_norm(s) for s in missed),
                    " ‖ ".join(places),
                    " ‖ ".join(_norm(s) for s in found),
                ]
            )
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return by_place


# The elements opened for one element of the page, outermost first: (tag, attributes).
Opened = list[tuple[str, Any]]


def rewrite_tags(expand: Callable[[str, Any], Opened]) -> None:
    """Make the tree builder read markup as a site unlike the dev pages would set it: for each
    element it opens what `expand` gives for the element's tag and attributes (outermost first)
    and closes the same in reverse. lxml has already closed each element where HTML does, so the
    tree keeps its shape; every markup stand-in below is one such `expand`, and they stack."""
    start, end = LeanBuilder.start, LeanBuilder.end

    def rewritten_start(self: LeanBuilder, tag: Any, attrib: Any, nsmap: Any = None) -> None:
        for name, attrs in expand(tag, attrib):
            start(self, name, attrs, nsmap)

    def rewritten_end(self: LeanBuilder, tag: Any) -> None:
        for name, _ in reversed(expand(tag, {})):
            end(self, name)

    LeanBuilder.start = rewritten_start  # type: ignore[method-assign]
    LeanBuilder.end = rewritten_end  # type: ignore[method-assign]


def read_tags_as(renamed: dict[str, str], dropped: tuple[str, ...] = ()) -> None:
    """The tags in `renamed` renamed, the attributes in `dropped` dropped but on <meta> and <link>
    (the metadata's). `--plain-tags`: PLAIN_TAGS and PLAIN_ATTRIBUTES; `--div-paragraphs`:
    DIV_PARAGRAPHS (`<br>`-separated text is left as it is); `--div-headlines`, `--div-lists`,
    `--custom-boxes` likewise."""

    def renamed_tag(tag: str, attrib: Any) -> Opened:
        if dropped and attrib and tag not in ("meta", "link") and any(name in attrib for name in dropped):
            attrib = {k: v for k, v in attrib.items() if k not in dropped}
        return [(renamed.get(tag, tag), attrib)]

    rewrite_tags(renamed_tag)


def css_images() -> None:
    """A site that sets its pictures as styled boxes: every <img> an empty <div> whose only
    attribute is an inline style setting its source as the background image, every <picture> a
    <div> (`--css-images`)."""

    def styled(tag: str, attrib: Any) -> Opened:
        if tag == "img":
            source = attrib.get("src") or attrib.get("data-src") or ""
            return [("div", {"style": f"background-image:url({source})"})]
        return [("div" if tag == "picture" else tag, attrib)]

    rewrite_tags(styled)


SUBHEADINGS = ("h2", "h3", "h4", "h5", "h6")  # --bold-subheadings: set as bold paragraphs


def bold_subheadings() -> None:
    """A site whose editor sets subheadings as bold paragraphs: every <h2> to <h6> a <p> with no
    attributes (an editor's paragraph has no class or id) holding a <strong>
    (`--bold-subheadings`)."""
    rewrite_tags(lambda tag, attrib: [("p", {}), ("strong", {})] if tag in SUBHEADINGS else [(tag, attrib)])


WRAPPED_BLOCKS = ("p", "blockquote")  # --wrapped-paragraphs: a component's text and quote blocks


def wrapped_paragraphs() -> None:
    """A site that sets each paragraph in a component's box: every <p> and <blockquote> inside one
    more <div>, with no attributes, as component-built pages set their text and quote blocks
    (`--wrapped-paragraphs`), so a rule that asks for a paragraph or a quote beside, before or
    around a box sees a box."""
    rewrite_tags(
        lambda tag, attrib: [("div", {}), (tag, attrib)] if tag in WRAPPED_BLOCKS else [(tag, attrib)]
    )


def wrap_divs() -> None:
    """A site whose template nests its boxes one level deeper: every <div> holds its contents in
    one more <div>, with no attributes (a CMS's inner wrapper), so a named box's children sit a
    level further down and its class one level up (`--wrap-divs`)."""
    rewrite_tags(lambda tag, attrib: [(tag, attrib), ("div", {})] if tag == "div" else [(tag, attrib)])


# --table-layout: where a box is never read as a table's cell (a table cannot sit in a link, a
# paragraph or a heading, and a site laid out in tables does not set one there)
INLINE_HOLDERS = ("a", "p", "span", "button", "label", "h1", "h2", "h3", "h4", "h5", "h6")


def table_layout() -> None:
    """Make the cleaner read each page as a site laid out in tables would (`--table-layout`): the
    page is parsed with lxml, and every <div> whose children are two or more <div>s and nothing
    else (no text of its own between them), outside links, paragraphs and headings
    (INLINE_HOLDERS), is read as a <table> that sets each child out as a cell (<td>, with the
    child's attributes) of a row of its own, as old templates and small sites lay out their
    columns, boxes and lists; the page is then written out again."""

    def edit(doc: Any) -> None:
        for box in list(doc.iter("div")):
            kids = [c for c in box if isinstance(c.tag, str)]
            if (
                len(kids) < 2
                or any(kid.tag != "div" or (kid.tail or "").strip() for kid in kids)
                or (box.text or "").strip()
                or any(a.tag in INLINE_HOLDERS for a in box.iterancestors())
            ):
                continue
            box.tag = "table"
            for kid in kids:
                kid.tag = "td"
                etree.SubElement(box, "tr").append(kid)

    rewrite_tree(edit)


def interstitials() -> None:
    """Make the cleaner read each page as a site that sets boxes between its story's paragraphs
    would (`--interstitials`): the page is parsed with lxml, and after every third paragraph of
    LONG_PARAGRAPH characters or more that sits among other paragraphs, outside quotes, figures,
    lists, tables, forms, links and page regions (SET_APART), one of INTERSTITIALS is set in turn,
    after the wrappers that hold that paragraph alone (a template's paragraph component); the page is
    then written out again for the cleaner's own parser."""

    def alone(el: Any) -> bool:
        parent = el.getparent()
        if parent is None or parent.tag in ("body", "html"):
            return False
        kids = [c for c in parent if isinstance(c.tag, str)]
        return len(kids) == 1 and not (parent.text or "").strip() and not (el.tail or "").strip()

    def among_paragraphs(el: Any) -> bool:
        beside = [el.getprevious(), el.getnext()]
        return any(
            b is not None and isinstance(b.tag, str) and (b.tag == "p" or b.find(".//p") is not None)
            for b in beside
        )

    def edit(doc: Any) -> None:
        long_ones = 0
        for p in story_paragraphs(doc):
            long_ones += 1
            anchor = p
            while alone(anchor):
                anchor = anchor.getparent()
            if long_ones % 3 or not among_paragraphs(anchor):
                continue
            n = long_ones // 3
            set_after(
                anchor, lxml.html.fragment_fromstring(INTERSTITIALS[(n - 1) % len(INTERSTITIALS)].format(n=n))
            )

    rewrite_tree(edit)


def chunked_body() -> None:
    """Make the cleaner read each page as a site whose template sets a story's body out as a run of
    like boxes would (`--chunked-body`): the page is parsed with lxml, and every box (CHUNK_BOXES)
    with no text of its own that holds four or more paragraphs of LONG_PARAGRAPH characters among
    its children is split after every CHUNK_PARAGRAPHS-th of them: each new box has the first's tag
    and class (its id stays on the first alone), and an empty slot (CHUNK_SLOT) sits between two;
    the page is then written out again for the cleaner's own parser."""

    def split(box: Any, slots: Iterator[int]) -> None:
        runs: list[list[Any]] = [[]]
        seen = 0
        for child in box:
            if runs[-1] and seen and seen % CHUNK_PARAGRAPHS == 0 and long_paragraph(runs[-1][-1]):
                runs.append([])
            runs[-1].append(child)
            seen += long_paragraph(child)
        anchor = box
        for run in runs[1:]:
            chunk = etree.Element(box.tag, {"class": box.get("class")} if box.get("class") else {})
            chunk.extend(run)
            slot = lxml.html.fragment_fromstring(CHUNK_SLOT.format(n=next(slots)))
            for new in (slot, chunk):
                set_after(anchor, new)
                anchor = new

    def edit(doc: Any) -> None:
        slots = itertools.count(1)
        for box in list(doc.iter(*CHUNK_BOXES)):
            if (
                box.getparent() is not None
                and not (box.text or "").strip()
                and sum(long_paragraph(child) for child in box) > CHUNK_PARAGRAPHS
            ):
                split(box, slots)

    rewrite_tree(edit)


def reader_comments() -> None:
    """Make the cleaner read each page as a site that shows its readers' replies under the story
    would (`--reader-comments`): the page is parsed with lxml, the box holding the most text in
    paragraphs of LONG_PARAGRAPH characters among its children is taken for the story, and after
    it (after the outermost <article> holding it, else after its parent) a thread is set: a
    heading, then replies (REPLY: a name and time line, two or three remarks of REMARKS as
    paragraphs, a row of reply and like links) until they hold as many characters as the story's
    paragraphs. Their class words are ones no rule knows; the page is then written out again."""

    def thread(length: int) -> Any:
        remarks = itertools.cycle(REMARKS)
        replies: list[str] = []
        written = 0
        while written < length or len(replies) < 2:
            n = len(replies) + 1
            said = [next(remarks) for _ in range(2 + n % 2)]
            written += sum(map(len, said))
            replies.append(REPLY.format(n=n, remarks="".join(f"<p>{r}</p>" for r in said)))
        return lxml.html.fragment_fromstring(f"<div><h3>{len(replies)} replies</h3>{''.join(replies)}</div>")

    set_after_story(thread)


def teaser_column() -> None:
    """Make the cleaner read each page as a site that sets a column of teaser cards beside the story
    would (`--teaser-column`): the page is parsed with lxml, and after the story's box (see
    `story_box`; after the outermost <article> holding it, else after its parent) a column of cards
    is set (CARD: a linked title over an excerpt of EXCERPTS, with no heading and no names) until
    their excerpts hold COLUMN_SHARE times the story's paragraphs; the page is then written out."""

    def column(length: int) -> Any:
        excerpts = itertools.cycle(EXCERPTS)
        cards: list[str] = []
        written = 0
        while written < COLUMN_SHARE * length or len(cards) < 3:
            excerpt = next(excerpts)
            written += len(excerpt)
            cards.append(CARD.format(n=len(cards) + 1, excerpt=excerpt))
        return lxml.html.fragment_fromstring(f"<div>{''.join(cards)}</div>")

    set_after_story(column)


# --linked-names: a name set in a sentence (capitalised words after a word in lower case) as a link
NAME_IN_SENTENCE = re.compile(
    r"(?<=[^\W\d_] )(?<![A-Z\u00c0-\u00de] )[A-Z\u00c0-\u00de][^\W\d_]+(?: [A-Z\u00c0-\u00de][^\W\d_]+)*"
)


def linked_names() -> None:
    """Make the cleaner read each page as a site that links the names in its story to their tag
    pages would (`--linked-names`): the page is parsed with lxml, and in every paragraph of
    LONG_PARAGRAPH characters or more outside quotes, figures, lists, tables, forms, links and page
    regions (SET_APART), the first name set in a sentence (NAME_IN_SENTENCE: capitalised words after
    a word, not at a sentence's start) in its own text, outside any link, becomes a link to a tag
    page; the page is then written out again for the cleaner's own parser."""

    def link_first_name(p: Any) -> None:
        holders = [(p, "text")] + [(c, "tail") for c in p if c.tag != "a"]
        for holder, slot in holders:
            text = getattr(holder, slot) or ""
            found = NAME_IN_SENTENCE.search(text)
            if found is None:
                continue
            link = etree.Element("a", {"href": "/topic/" + found[0].lower().replace(" ", "-")})
            link.text, link.tail = found[0], text[found.end() :]
            setattr(holder, slot, text[: found.start()])
            if slot == "text":
                holder.insert(0, link)
            else:
                holder.addnext(link)
            return

    def edit(doc: Any) -> None:
        for p in story_paragraphs(doc):
            link_first_name(p)

    rewrite_tree(edit)


def unclosed_story() -> None:
    """Make the cleaner read each page as a site whose story's box holds what follows the story
    would (`--unclosed-story`): the page is parsed with lxml, and every element after the story's
    box (see `story_box`) in its parent is moved to the box's end, as a parser nests them when the
    box's closing tag is left out; the page is then written out again."""

    def edit(doc: Any) -> None:
        box = story_box(doc)
        if box is not None:
            for sibling in list(box.itersiblings()):
                box.append(sibling)

    rewrite_tree(edit)


def set_after_story(make: Callable[[int], Any]) -> None:
    """Make the cleaner read each page with `make(length)` (an lxml element, given the characters of
    the story's long paragraphs) set after the story's box (see `story_box`): after the outermost
    <article> holding it, else after its parent (the box itself when that is <body>)."""

    def edit(doc: Any) -> None:
        story = story_box(doc)
        if story is None:
            return
        articles = list(story.iterancestors("article"))
        parent = story.getparent()
        set_after(
            articles[-1] if articles else (parent if parent.tag != "body" else story),
            make(story_text(story)),
        )

    rewrite_tree(edit)


def live_report() -> None:
    """Make the cleaner read each page as a site that reports a story live would (`--live-report`):
    the page is parsed with lxml and, in the story's box (see `story_box`), what lies after its
    first long paragraph (the summary) down to its last is set out as entries in a feed: each an
    entry box holding a time line (LIVE_META), the next LIVE_PARAGRAPHS long paragraphs with what
    sits between them, and a row of share links (LIVE_TOOLS), in class words no rule knows; the
    page is then written out again."""

    def edit(doc: Any) -> None:
        story = story_box(doc)
        if story is None:
            return
        kids = list(story)
        longs = [i for i, child in enumerate(kids) if long_paragraph(child)]
        if len(longs) < 2:
            return
        feed = etree.Element("div", {"class": "e-feed"})
        set_after(kids[longs[0]], feed)
        entry, held = None, 0
        for child in kids[longs[0] + 1 : longs[-1] + 1]:
            if entry is None:
                n = len(feed) + 1
                entry = etree.SubElement(feed, "div", {"class": "e-box"})
                minutes = 18 * 60 - 10 * n
                entry.append(
                    lxml.html.fragment_fromstring(LIVE_META.format(hour=minutes // 60, minute=minutes % 60))
                )
            entry.append(child)
            held += long_paragraph(child)
            if held == LIVE_PARAGRAPHS or child is kids[longs[-1]]:
                entry.append(lxml.html.fragment_fromstring(LIVE_TOOLS.format(n=len(feed))))
                entry, held = None, 0

    rewrite_tree(edit)


def story_box(doc: Any) -> Any:
    """The box (CHUNK_BOXES) holding the most text in long paragraphs among its children (an lxml
    element), or None: the story's box, for the stand-ins that set things beside or inside it."""
    boxes = [b for b in doc.iter(*CHUNK_BOXES) if b.getparent() is not None and any(map(long_paragraph, b))]
    return max(boxes, key=story_text) if boxes else None


def story_text(box: Any) -> int:
    """The characters of the long paragraphs among `box`'s children."""
    return sum(len(c.text_content().strip()) for c in box if long_paragraph(c))


def story_paragraphs(doc: Any) -> list[Any]:
    """The paragraphs of LONG_PARAGRAPH characters or more outside quotes, figures, lists, tables,
    forms, links and page regions (SET_APART), in document order: where the stand-ins set things
    in or between a story's paragraphs."""
    return [
        p
        for p in doc.iter("p")
        if long_paragraph(p) and not any(a.tag in SET_APART for a in p.iterancestors())
    ]


def long_paragraph(el: Any) -> bool:
    """A <p> of LONG_PARAGRAPH characters or more (an lxml element)."""
    return el.tag == "p" and len(el.text_content().strip()) >= LONG_PARAGRAPH


def set_after(anchor: Any, new: Any) -> None:
    """Set the lxml element `new` right after `anchor`, the text that followed `anchor` after it."""
    new.tail, anchor.tail = anchor.tail, None
    anchor.addnext(new)


def rewrite_tree(edit: Callable[[Any], None]) -> None:
    """Make the cleaner read each page as `edit` changes its tree: the page is parsed with lxml,
    edited and written out again for the cleaner's own parser (markup lxml cannot read, as is)."""

    def change(html: str) -> str:
        try:
            parser = lxml.html.HTMLParser(encoding="utf-8", huge_tree=True)
            doc = lxml.html.document_fromstring(html.encode("utf-8", "surrogatepass"), parser=parser)
        except (etree.ParserError, ValueError):
            return html
        edit(doc)
        return str(etree.tostring(doc, encoding="unicode", method="html"))

    rewrite_markup(change)


def rewrite_markup(change: Callable[[str], str]) -> None:
    """Make the cleaner read each page's markup as `change` rewrites it, before the tree is built
    (`htmltree._parse`, the one place a page is parsed); the markup stand-ins below stack."""
    parse = htmltree._parse
    htmltree._parse = lambda html: parse(change(html))


def br_paragraphs() -> None:
    """Make the cleaner read each page as a site that sets its text out with line breaks would:
    before the tree is built (`htmltree._parse`, the one place a page is parsed), every run of
    sibling paragraphs becomes its first <p>, holding the run's text with `<br><br>` between the
    paragraphs (BR_PARAGRAPHS); the first paragraph's attributes stay, the others' go."""
    rewrite_markup(lambda html: BR_PARAGRAPHS.sub("<br><br>", html))


def split_paragraphs() -> None:
    """Make the cleaner read each page as a site that sets one sentence to a paragraph would:
    before the tree is built (`htmltree._parse`), every paragraph of bare text (BARE_PARAGRAPH) is
    split where a sentence ends and the next opens with a capital letter (after an opening quote
    or not), each sentence a `<p>` of its own with the paragraph's attributes (a site's template sets
    them on every paragraph)."""

    def split(match: re.Match[str]) -> str:
        text, pieces, start = match[2], [], 0
        for gap in SENTENCE_GAP.finditer(text):
            if text[gap.end() :].lstrip("\"'“„«‘")[:1].isupper():
                pieces.append(text[start : gap.start()])
                start = gap.end()
        pieces.append(text[start:])
        return match[1] + f"</p>{match[1]}".join(pieces) + match[3]

    rewrite_markup(lambda html: BARE_PARAGRAPH.sub(split, html))


def ignore_names(which: str) -> None:
    """Make the cleaner read elements' class/id names as a site unlike the dev pages would set
    them: `all` read as empty; `half0` / `half1` with each name word (split at whitespace) whose
    SHA-1's first byte has that parity left out, the same word on every page. Both readers are
    patched: the statistics' and the one the hidden-body test uses before they exist."""
    parity = None if which == "all" else int(which[-1])

    def kept(names: str) -> str:
        if parity is None:
            return ""
        return " ".join(w for w in names.split() if hashlib.sha1(w.encode()).digest()[0] % 2 != parity)

    names, classes = TextStats.names, content.classes
    TextStats.names = lambda self, el: kept(names(self, el))  # type: ignore[method-assign]
    content.classes = lambda el: kept(classes(el))


def _rate(count: int, seconds: float) -> float:
    """Pages per second."""
    return count / seconds if seconds > 0 else float("inf")


def check(figures: dict[str, float], floors_path: Path, skipped: tuple[str, ...] = ()) -> list[str]:
    """The figures below their floor ({name: minimum}, names as printed), as messages; floors of
    a set left out (`skipped` name prefixes) are not checked."""
    floors = json.loads(floors_path.read_text(encoding="utf-8"))
    failed = []
    for name, floor in floors.items():
        if name.startswith(skipped) and name not in figures:
            continue
        if name not in figures:
            failed.append(f"{name}: no such figure (known: {', '.join(sorted(figures))})")
        elif figures[name] < float(floor):
            failed.append(f"{name} {figures[name]:.4f} < floor {float(floor):.4f}")
    return failed


def add_stand_in_options(ap: argparse.ArgumentParser) -> None:
    """The unseen-site stand-ins' flags (see the module's docstring)."""
    ap.add_argument(
        "--ignore-names",
        nargs="?",
        const="all",
        choices=("all", "half0", "half1"),
        help="clean as on a site whose class/id names no rule knows (every element's names read as "
        "empty); half0 / half1: as on a site that uses half the names the rules know (each name "
        "word ignored by the parity of its SHA-1)",
    )
    ap.add_argument(
        "--plain-tags",
        action="store_true",
        help="clean as on a site in old-style markup (HTML5 sectioning/semantic tags read as div/span, "
        "ARIA roles and microdata attributes dropped)",
    )
    ap.add_argument(
        "--div-paragraphs",
        action="store_true",
        help="clean as on a site in div-soup markup (every <p> read as a <div>)",
    )
    ap.add_argument(
        "--div-headlines",
        action="store_true",
        help="clean as on a site that sets its headline in a styled box (every <h1> read as a <div>)",
    )
    ap.add_argument(
        "--div-lists",
        action="store_true",
        help="clean as on a site that sets its lists as boxes (every <ul>, <ol> and <li> read as a <div>)",
    )
    ap.add_argument(
        "--br-paragraphs",
        action="store_true",
        help="clean as on a site that sets its text out with line breaks (every run of sibling "
        "paragraphs merged into its first <p>, the paragraphs set apart by <br><br>)",
    )
    ap.add_argument(
        "--split-paragraphs",
        action="store_true",
        help="clean as on a site that sets one sentence to a paragraph (every paragraph of bare text "
        "split at its sentence ends, each sentence a <p>)",
    )
    ap.add_argument(
        "--wrap-divs",
        action="store_true",
        help="clean as on a site whose template nests its boxes one level deeper (every <div>'s "
        "contents in one more <div>)",
    )
    ap.add_argument(
        "--css-images",
        action="store_true",
        help="clean as on a site that sets its pictures as boxes with a background image (every "
        "<img> an empty <div> styled with its source, every <picture> a <div>)",
    )
    ap.add_argument(
        "--bold-subheadings",
        action="store_true",
        help="clean as on a site that sets its subheadings as bold paragraphs (every <h2> to <h6> "
        "a <p> holding a <strong>)",
    )
    ap.add_argument(
        "--interstitials",
        action="store_true",
        help="clean as on a site that sets boxes between its story's paragraphs (a link line, an empty "
        "slot a script fills, a teaser card, a sign-up box in turn after every third long paragraph, with "
        "no class or id and in words no rule knows)",
    )
    ap.add_argument(
        "--chunked-body",
        action="store_true",
        help="clean as on a site whose template sets a story's body out as a run of like boxes (every "
        "box of four or more long paragraphs split after every third, the new boxes of its tag and "
        "class, an empty slot between two)",
    )
    ap.add_argument(
        "--wrapped-paragraphs",
        action="store_true",
        help="clean as on a site that sets each paragraph in a component's box (every <p> and "
        "<blockquote> inside one more <div> with no attributes)",
    )
    ap.add_argument(
        "--table-layout",
        action="store_true",
        help="clean as on a site laid out in tables (every <div> of two or more child <div>s and "
        "nothing else read as a table, each child a cell of a row of its own)",
    )
    ap.add_argument(
        "--reader-comments",
        action="store_true",
        help="clean as on a site that shows its readers' replies under the story (a thread as long "
        "as the story's paragraphs after it, in boxes whose class words no rule knows)",
    )
    ap.add_argument(
        "--teaser-column",
        action="store_true",
        help="clean as on a site that sets a column of teaser cards beside the story (each a linked "
        "title over an excerpt, no heading, half again as much prose as the story's paragraphs)",
    )
    ap.add_argument(
        "--live-report",
        action="store_true",
        help="clean as on a site that reports a story live (the story's paragraphs after its first set "
        "out as entries in a feed, each a time line, two paragraphs and a row of share links, in boxes "
        "whose class words no rule knows)",
    )
    ap.add_argument(
        "--linked-names",
        action="store_true",
        help="clean as on a site that links the names in its story to their tag pages (the first name "
        "set in a sentence of every long paragraph a link)",
    )
    ap.add_argument(
        "--unclosed-story",
        action="store_true",
        help="clean as on a site whose story's box holds what follows the story (what follows the box "
        "in its parent set at its end)",
    )
    ap.add_argument(
        "--custom-boxes",
        action="store_true",
        help="clean as on a site built of a framework's components (every <div> read as a custom "
        "element, <x-box>)",
    )


def apply_stand_ins(args: argparse.Namespace) -> None:
    """Patch the tree builder and the name reader for the stand-ins `args` asks for."""
    if args.custom_boxes:
        read_tags_as(CUSTOM_BOXES)
    if args.bold_subheadings:
        bold_subheadings()
    if args.css_images:
        css_images()
    if args.wrap_divs:
        wrap_divs()  # first: it wraps the <div>s the other stand-ins make too
    if args.wrapped_paragraphs:
        wrapped_paragraphs()
    if args.plain_tags:
        read_tags_as(PLAIN_TAGS, PLAIN_ATTRIBUTES)
    if args.div_paragraphs:
        read_tags_as(DIV_PARAGRAPHS)
    if args.div_headlines:
        read_tags_as(DIV_HEADLINES)
    if args.div_lists:
        read_tags_as(DIV_LISTS)
    if args.table_layout:
        table_layout()  # before the markup stand-ins below, so that it rewrites what they set
    if args.br_paragraphs:
        br_paragraphs()
    if args.split_paragraphs:
        split_paragraphs()
    if args.interstitials:
        interstitials()
    if args.chunked_body:
        chunked_body()
    if args.reader_comments:
        reader_comments()
    if args.live_report:
        live_report()
    if args.teaser_column:
        teaser_column()
    if args.linked_names:
        linked_names()
    if args.unclosed_story:
        unclosed_story()
    if args.ignore_names:
        ignore_names(args.ignore_names)


def main(argv: list[str] | None = None) -> int:
    """Clean both dev sets, score them, print the figures and the speed; check the floors."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument(
        "--articles",
        type=Path,
        default=None,
        help="article-text dev set: html/*.html.gz and ground-truth.json "
        "(default: ../shared/data/article-text-dev)",
    )
    ap.add_argument(
        "--snippets",
        type=Path,
        default=None,
        help="snippet dev set: html/*.html.gz and evaldata.json (default: ../shared/data/snippet-eval-dev)",
    )
    ap.add_argument(
        "--scorer",
        type=Path,
        default=None,
        help="score_article_text.py (default: ../shared/eval/, searched upwards)",
    )
    ap.add_argument(
        "--snippet-scorer",
        type=Path,
        default=None,
        help="score_snippets.py (default: ../shared/eval/, searched upwards)",
    )
    ap.add_argument("--only", choices=("articles", "snippets"), help="evaluate one set only")
    ap.add_argument(
        "--out",
        type=Path,
        default=Path("out/eval-cleaning"),
        help="folder for the predictions and scores (default: out/eval-cleaning)",
    )
    ap.add_argument(
        "--per-page",
        type=Path,
        metavar="DIR",
        help="write article-text.tsv (the scorer's per-page P/R/F1) and snippets.tsv "
        "(per page: language, snippets missed and wrongly kept) into DIR",
    )
    ap.add_argument(
        "--figures",
        type=Path,
        metavar="FILE.json",
        help="write the figures (F1, P, R, snippet halves, lost pages, speed) as JSON into FILE",
    )
    ap.add_argument(
        "--check",
        type=Path,
        metavar="FLOORS.json",
        help='exit 1 when a figure is below its floor, e.g. {"articles_f1": 0.98, '
        '"snippets_f1": 0.9, "pages_per_cpu_s": 40}',
    )
    add_stand_in_options(ap)
    args = ap.parse_args(argv)
    apply_stand_ins(args)
    sets = {
        "articles": (args.articles or shared(DATA), args.scorer or shared(SCORER), score_articles),
        "snippets": (
            args.snippets or shared(SNIPPET_DATA),
            args.snippet_scorer or shared(SNIPPET_SCORER),
            score_snippets,
        ),
    }
    if args.only:
        sets = {args.only: sets[args.only]}
    args.out.mkdir(parents=True, exist_ok=True)
    if args.per_page:
        args.per_page.mkdir(parents=True, exist_ok=True)
    warm_up(next(iter(sets.values()))[0])
    figures: dict[str, float] = {}
    pages = 0
    seconds = cpu = 0.0
    for name, (data_dir, scorer, score) in sets.items():
        cleaned = predict(data_dir)
        found = score(cleaned, data_dir, scorer, args.out, args.per_page)
        languages = Counter(lang or "none" for lang in cleaned.languages.values())
        print(
            f"{name:9s} F1 {found['f1']:.4f}  P {found['precision']:.4f}  "
            f"R {found['recall']:.4f}  ({len(cleaned.texts)} pages; languages: "
            f"{', '.join(f'{k} {v}' for k, v in languages.most_common(8))})"
        )
        figures.update({f"{name}_{k}": v for k, v in found.items()})
        pages += len(cleaned.texts)
        seconds += cleaned.seconds
        cpu += cleaned.cpu
    figures["pages_per_s"] = _rate(pages, seconds)
    figures["pages_per_cpu_s"] = _rate(pages, cpu)
    print(
        f"speed     {pages} pages, load + decode + clean + language in one process: "
        f"{figures['pages_per_s']:.1f} pages/s wall ({seconds:.2f} s), "
        f"{figures['pages_per_cpu_s']:.1f} pages per CPU second ({cpu:.2f} s)"
    )
    if args.figures:
        args.figures.write_text(json.dumps(figures, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    if args.check:
        left_out = tuple(f"{name}_" for name in ("articles", "snippets") if name not in sets)
        failed = check(figures, args.check, left_out)
        for message in failed:
            print(f"BELOW FLOOR: {message}")
        return 1 if failed else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
