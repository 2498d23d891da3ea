"""How the cleaner's time grows with a page: each of a set of page shapes built with N and 4N
repeated parts (paragraphs, gallery slides, teaser cards, hidden copies of pictures, link lists,
nesting, runs of one character, ...), each cleaned as `newsflow clean` cleans a page, and the time
ratio reported. Work that grows with the page gives ≈ 4; a pass that is quadratic in some part
gives ≈ 16 and a page of a few thousand such parts stalls a nightly run for minutes. With `--nlp`
the NLP stage runs on each cleaned page too (spaCy and the extractors, as `newsflow ingest` runs
them). Median of `--runs`; `--check` exits 1 when a ratio passes `--limit`.

    uv run python scripts/bench_page_shapes.py [--parts 1000] [--runs 3] [--nlp] [--check]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable

from extractors.cleaning import clean
from extractors.nlp import extract
from newsflow.core.records import RawDocument
from newsflow.core.settings import Settings

S = "This is a sentence of the story with several words in it, and it ends here. "


def page(body: str, head: str = "") -> str:
    """A page with a title and a headline around `body`."""
    return f"<html><head><title>T</title>{head}</head><body><h1>T</h1>{body}</body></html>"


def repeat(part: Callable[[int], str], count: int) -> str:
    """`count` parts, numbered."""
    return "".join(part(n) for n in range(count))


STORY = f"<p>{S * 5}</p>"
SHAPES: dict[str, Callable[[int], str]] = {
    "paragraphs": lambda n: page("<article>" + repeat(lambda i: f"<p>{S * 3}</p>", n) + "</article>"),
    "sections": lambda n: page(repeat(lambda i: f"<h2>Part {i}</h2><p>{S * 2}</p>", n)),
    "line breaks": lambda n: page("<div>" + "<br><br>".join(S * 2 for _ in range(n)) + "</div>"),
    "nesting": lambda n: page("<div>" * n + STORY + "</div>" * n),
    "unclosed posts": lambda n: page(repeat(lambda i: f"<div class=post><p>{S}</p>", n) + "</div>" * n),
    "gallery slides": lambda n: page(
        "<div>"
        + repeat(lambda i: f"<div><span></span><em>Slide {i}, a photo.</em></div>", n)
        + "</div>"
        + STORY
    ),
    "like cards": lambda n: page(
        STORY
        + repeat(lambda i: f"<div class=c><h3>T{i}</h3><p>{S * 4}</p><a href=/r{i}>Read more</a></div>", n)
    ),
    "unlike cards": lambda n: page(
        STORY
        + repeat(lambda i: f"<div class=c{i}><h3>T{i}</h3><p>{S * 4}</p><a href=/r{i}>Read more</a></div>", n)
    ),
    "hidden copies": lambda n: page(repeat(lambda i: f"<noscript><p>{S}</p></noscript><p>{S}</p>", n)),
    "link list": lambda n: page(
        "<ul>" + repeat(lambda i: f"<li><a href=/x{i}>Link {i}</a></li>", n) + "</ul>" + STORY
    ),
    "links in a paragraph": lambda n: page(
        STORY + "<p>Tags: " + ", ".join(f"<a href=/t{i}>tag {i}</a>" for i in range(n)) + "</p>"
    ),
    "image list": lambda n: page(
        STORY + "<ul>" + repeat(lambda i: f"<li><div><img src=a{i}.jpg></div>Photo {i}.</li>", n) + "</ul>"
    ),
    "comments": lambda n: page(
        STORY
        + "<ol>"
        + repeat(lambda i: f"<li class=c><div class=h>User {i}</div><p>{S}</p></li>", n)
        + "</ol>"
    ),
    "table rows": lambda n: page(
        "<table>" + repeat(lambda i: f"<tr><td>{i}</td><td>{S}</td></tr>", n) + "</table>"
    ),
    "checkboxes": lambda n: page(
        STORY
        + "<div>"
        + repeat(lambda i: f"<div><input type=checkbox><span>Option {i}.</span></div>", n)
        + "</div>"
    ),
    "rule lines": lambda n: page(repeat(lambda i: f"<p>{S}</p><hr>", n)),
    "components": lambda n: page(
        STORY + "<x-list>" + repeat(lambda i: "<x-item><x-icon></x-icon></x-item>", n) + "</x-list>"
    ),
    "meta tags": lambda n: page(STORY, repeat(lambda i: f"<meta property=article:tag content=t{i}>", n)),
    "digit run": lambda n: page(STORY + f"<p>Serial number {'7' * 5 * n} was read out.</p>"),
    "dash run": lambda n: page(STORY + f"<p>The wall read {'—' * n} in red paint.</p>"),
    "emoji run": lambda n: page(STORY + f"<p>{chr(0x1F642) * n}</p>"),
    "JSON-LD authors": lambda n: page(
        STORY,
        '<script type="application/ld+json">{"@type": "NewsArticle", "author": ['
        + ",".join(f'{{"name": "Author {i}"}}' for i in range(n))
        + "]}</script>",
    ),
}


def seconds(html: bytes, runs: int, settings: Settings | None = None) -> float:
    """Median wall time of cleaning `html` `runs` times (and of its NLP stage, given `settings`)."""
    times = []
    for _ in range(runs):
        raw = RawDocument(source="bench", locator="bench", external_id="bench", data=html, media_type="html")
        start = time.perf_counter()
        article = clean(raw)
        if settings is not None:
            list(extract([article], settings))
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--parts", type=int, default=1000, help="N, the smaller page's repeated parts")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--limit", type=float, default=8.0, help="ratio --check fails past (linear ≈ 4)")
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--nlp", action="store_true", help="time the NLP stage on each page too")
    args = parser.parse_args()
    settings = Settings() if args.nlp else None
    seconds(SHAPES["paragraphs"](10).encode(), 1, settings)  # imports, caches and the model warmed
    worst = 0.0
    print(f"{'shape':16} {'N':>6} {'4N':>8} {'KB at 4N':>9} {'s at N':>8} {'s at 4N':>8} {'ratio':>6}")
    for name, shape in SHAPES.items():
        small, large = shape(args.parts).encode(), shape(4 * args.parts).encode()
        t_small, t_large = seconds(small, args.runs, settings), seconds(large, args.runs, settings)
        ratio = t_large / t_small
        worst = max(worst, ratio)
        print(
            f"{name:16} {args.parts:6} {4 * args.parts:8} {len(large) // 1024:9} "
            f"{t_small:8.3f} {t_large:8.3f} {ratio:6.1f}",
            flush=True,
        )
    print(f"worst ratio {worst:.1f} (limit {args.limit})")
    return 1 if args.check and worst > args.limit else 0


if __name__ == "__main__":
    sys.exit(main())
