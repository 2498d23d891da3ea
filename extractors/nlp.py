"""The NLP stage: CleanArticle batches → spaCy (nlp.pipe) → entities, claims, amounts."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from extractors.amounts import find_amounts
from extractors.claims.extract import extract_claims
from extractors.entities.resolve import resolve_entities
from extractors.fast_rules import use_fast_rules
from extractors.spans import sentence_ranges, token_starts, token_texts
from newsflow.core.records import CleanArticle, ExtractedArticle, Sentence
from newsflow.core.settings import FAST_RULES, FastRule, Settings

log = logging.getLogger(__name__)


@Language.component("newsflow_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break, so no sentence spans two blocks."""
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text:
            token.is_sent_start = True
    return doc


@cache
def load_nlp(
    model: str, exclude: tuple[str, ...] = (), fast_rules: tuple[FastRule, ...] = FAST_RULES
) -> Language:
    """Load a spaCy pipeline once per process, with newsflow's line-break rule before the parser and
    the exact fast_rules asked for (`Settings.spacy_fast_rules`; none: every component as shipped)."""
    nlp = spacy.load(model, exclude=list(exclude))
    if "newsflow_line_breaks" not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        nlp.add_pipe("newsflow_line_breaks", before=before) if before else nlp.add_pipe(
            "newsflow_line_breaks"
        )
    use_fast_rules(nlp, "attribute_table" in fast_rules, "lemma_memo" in fast_rules)
    return nlp


LONGEST_RUN = 300  # characters without a space that spaCy's tokenizer reads as one chunk
_LONG_RUN = re.compile(rf"\S{{{LONGEST_RUN + 1},}}")


def nlp_text(article: CleanArticle, max_chars: int) -> str:
    """The text spaCy reads: headings blanked out and long runs without a space broken (see
    `_broken`), each at the same length, so offsets hold; capped in length."""
    chars = list(article.text[:max_chars])
    for block in article.blocks:
        if block.kind == "heading":
            for i in range(block.start, min(block.end, len(chars))):
                if not chars[i].isspace():
                    chars[i] = " "
    return _LONG_RUN.sub(_broken, "".join(chars))


def _broken(run: re.Match[str]) -> str:
    """A run of more than LONGEST_RUN characters without a space, every character after
    LONGEST_RUN of them read as a space. spaCy's tokenizer strips a chunk's prefixes and suffixes
    one at a time and searches the rest again each time, so a long run of dashes, emoji or other
    punctuation took time quadratic in its length (30,000 dashes: 98 s); no word is that long."""
    text = run.group()
    step = LONGEST_RUN + 1
    return " ".join(text[i : i + LONGEST_RUN] for i in range(0, len(text) + 1, step))


def skip_reason(article: CleanArticle, settings: Settings) -> str | None:
    """Why an article gets no NLP, or None: empty text or a language the extractors do not handle."""
    if not article.text.strip():
        return "no text"
    if article.language and article.language not in settings.languages:
        return f"language={article.language}: extraction runs on {','.join(settings.languages)} only"
    return None


def analyse(article: CleanArticle, doc: Doc) -> ExtractedArticle:
    """Everything the extractors find in one parsed article."""
    sentences = _sentences(doc)
    entities, mentions, roles = resolve_entities(doc, article)
    claims, claim_entities = extract_claims(doc, article, entities, mentions, roles)
    amounts = find_amounts(doc, claims)
    return ExtractedArticle(
        article=article,
        sentences=_assign_blocks(sentences, article),
        entities=entities,
        mentions=mentions,
        roles=roles,
        claims=claims,
        claim_entities=claim_entities,
        amounts=amounts,
    )


def extract(articles: Iterable[CleanArticle], settings: Settings) -> Iterator[ExtractedArticle]:
    """Run spaCy over the articles in batches and yield each one's extraction, in order."""
    nlp = load_nlp(settings.spacy_model, tuple(settings.spacy_exclude), tuple(settings.spacy_fast_rules))
    pending = list(articles)
    todo = [a for a in pending if skip_reason(a, settings) is None]
    docs = nlp.pipe((nlp_text(a, settings.max_nlp_chars) for a in todo), batch_size=settings.nlp_batch_size)
    parsed = iter(zip(todo, docs, strict=True))
    for article in pending:
        reason = skip_reason(article, settings)
        if reason is not None:
            yield ExtractedArticle(article=article, skipped_reason=reason)
            continue
        _, doc = next(parsed)
        yield analyse(article, doc)


def _sentences(doc: Doc) -> list[Sentence]:
    """The doc's sentences that hold more than whitespace (block indexes still 0)."""
    texts, starts = token_texts(doc), token_starts(doc)
    return [
        Sentence(starts[a], starts[b - 1] + len(texts[b - 1]), 0)
        for a, b in sentence_ranges(doc)
        if not all(t.isspace() for t in texts[a:b])
    ]


def _assign_blocks(sentences: list[Sentence], article: CleanArticle) -> list[Sentence]:
    """Attach to each sentence the index of the block it starts in."""
    starts = [b.start for b in article.blocks]
    out, j = [], 0
    for s in sentences:
        while j + 1 < len(starts) and starts[j + 1] <= s.start:
            j += 1
        out.append(Sentence(s.start, s.end, j))
    return out
