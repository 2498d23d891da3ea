"""How brittle is a calibrated cleaning threshold? Move it and count the dev pages that change.

Each constant (`module.NAME` under extractors/cleaning) is set to (1 - f) and (1 + f) times its
value in turn (f = --factor, 0.2 by default), both dev sets are cleaned and scored as
`scripts/eval_cleaning.py` does, and the F1 change and the number of pages whose text changed are
printed. A rule whose outcome flips many pages at a small move stands on a knife edge: on pages it
was never tuned on it decides by chance. Constants read at call time through their module are the
ones this can move (all the calibrated ones in the cleaner are).

    uv run python scripts/cleaning_sensitivity.py [content.DESCEND_SHARE ...] [--factor 0.2]
"""

from __future__ import annotations

import argparse
import importlib
import sys
import tempfile
from pathlib import Path

from eval_cleaning import (
    DATA,
    SCORER,
    SNIPPET_DATA,
    SNIPPET_SCORER,
    predict,
    score_articles,
    score_snippets,
    shared,
    warm_up,
)

CALIBRATED = (
    "html.GUARD_SHARE",
    "html.KEPT_SHARE",
    "content.KNOWN_SHARE",
    "content.DESCEND_SHARE",
    "content.CHUNK_SHARE",
    "content.TEASER_LINKS",
    "content.ANCESTOR_GROWTH",
    "content.MIN_POST",
    "content.SERIES_ITEMS",
    "content.HEADLINE_PARAGRAPHS",
    "content.HEADLINE_STORY",
    "content.ENTRY_SHARE",
    "content.REPLY_STORY",
    "boilerplate.STORY_LIST_LINKS",
    "boilerplate.CAPTION_MAX",
    "boilerplate.BUTTON_WORDS",
    "boilerplate.SERIES_CARD_MAX",
    "boilerplate.CLOSING_BOX_MAX",
    "boilerplate.SECTION_PROSE",
    "boilerplate.SECTION_TEXT",
    "boilerplate.REFERENCE_LABEL",
    "boilerplate.RUNNING_LINKS",
    "boilerplate.TEXT_AFTER_PROSE",
    "blockfilter.NOTE_MAX",
    "blockfilter.RULED_NOTE",
    "blockfilter.RULED_BLOCKS",
    "blockfilter.RULE_ELEMENT_NOTE",
    "blockfilter.TAIL_SHORT",
    "blockfilter.TAIL_LABEL",
    "blockfilter.LEAD_IN_WORDS",
    "blockfilter.STAMP_MAX",
    "blockfilter.DATE_LINE_MAX",
    "htmltree.MIN_PARAGRAPH",
    "htmltree.HIDDEN_SMALL",
    "htmltree.HIDDEN_SHARE",
    "lead.LEAD_LINKS",
    "lead.LEAD_PROSE",
    "standfirst.MIN_PROSE",
    "standfirst.STANDFIRST_LINKS",
    "stories.MIN_STORY",
    "blockfilter.TITLE_SHARE",
)

Texts = tuple[dict[str, str], dict[str, str], float, float]


def run(articles: Path, snippets: Path, out: Path) -> Texts:
    """Both sets' texts and F1s with the constants as they are now."""
    cleaned_articles, cleaned_snippets = predict(articles), predict(snippets)
    scorer, snippet_scorer = shared(SCORER), shared(SNIPPET_SCORER)
    f1_articles = score_articles(cleaned_articles, articles, scorer, out, None)["f1"]
    f1_snippets = score_snippets(cleaned_snippets, snippets, snippet_scorer, out, None)["f1"]
    return cleaned_articles.texts, cleaned_snippets.texts, f1_articles, f1_snippets


def moved(value: float, factor: float) -> float:
    """The value times `factor`, an int again for an int constant."""
    return round(value * factor) if isinstance(value, int) else value * factor


def main(argv: list[str] | None = None) -> int:
    """Move each constant down and up, print F1 changes and changed pages of both sets."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("constants", nargs="*", default=CALIBRATED, help="module.NAME (default: all calibrated)")
    ap.add_argument("--factor", type=float, default=0.2, help="relative move each way (default 0.2)")
    args = ap.parse_args(argv)
    articles, snippets = shared(DATA), shared(SNIPPET_DATA)
    out = Path(tempfile.mkdtemp(prefix="cleaning-sensitivity-"))
    warm_up(snippets)
    base = run(articles, snippets, out)
    print(f"as is: article-text F1 {base[2]:.4f}, snippets F1 {base[3]:.4f}")
    for spec in args.constants:
        module_name, name = spec.split(".")
        module = importlib.import_module(f"extractors.cleaning.{module_name}")
        value = getattr(module, name)
        for factor in (1 - args.factor, 1 + args.factor):
            setattr(module, name, moved(value, factor))
            try:
                texts_a, texts_s, f1_a, f1_s = run(articles, snippets, out)
            finally:
                setattr(module, name, value)
            changed_a = sum(texts_a[page] != base[0][page] for page in base[0])
            changed_s = sum(texts_s[page] != base[1][page] for page in base[1])
            print(
                f"{spec} {value} -> {moved(value, factor):.4g}: article-text {f1_a - base[2]:+.4f} "
                f"({changed_a} pages changed), snippets {f1_s - base[3]:+.4f} ({changed_s} pages changed)"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
