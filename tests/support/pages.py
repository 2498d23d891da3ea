"""HTML strings cleaned as the cleaning stage cleans a page."""

from __future__ import annotations

from extractors.cleaning.html import clean_html
from newsflow.core.records import CleanArticle, RawDocument


def raw_doc(data: bytes, url: str | None = None, name: str = "page") -> RawDocument:
    """A local HTML input."""
    return RawDocument(source="test", locator=name, external_id=name, data=data, media_type="html", url=url)


def html_article(html: str, url: str | None = None) -> CleanArticle:
    """Clean an HTML string directly."""
    return clean_html(raw_doc(html.encode(), url=url), html)


STORY_PARAGRAPHS = (
    "The harbour reopened on Tuesday after three days of storms kept every boat in port.",
    "Fishermen said the catch would be small this week, and prices at the market rose.",
    "The harbour master expects the ferry timetable to be back to normal by the weekend.",
    "Two boats damaged in the storm will be repaired at the yard across the bay.",
)


def short_story(paragraphs: int = 3) -> str:
    """A short news story set out as `paragraphs` <p> elements (at most four), for test pages."""
    return "".join(f"<p>{text}</p>" for text in STORY_PARAGRAPHS[:paragraphs])


def story_around(middle: str, sentence: str, headline: str, box: str = "article", attrs: str = "") -> str:
    """A story page: its headline, two paragraphs of `sentence`, `middle`, two more paragraphs, all in
    one `box` element; `attrs` go on the box and on every paragraph (class names no rule knows)."""
    first = "".join(f"<p{attrs}>Paragraph {n}. {sentence}</p>" for n in range(2))
    last = "".join(f"<p{attrs}>Paragraph {n}. {sentence}</p>" for n in range(2, 4))
    return f"<html><body><{box}{attrs}><h1>{headline}</h1>{first}{middle}{last}</{box}></body></html>"


BUDGET_SENTENCE = (
    "The council debated the new budget for the coming year line by line until late in the "
    "evening, and the mayor answered every question from the floor."
)


def numbered_paragraphs(label: str, count: int, sentence: str = BUDGET_SENTENCE) -> str:
    """`count` <p>s of `sentence`, each opened by "`label` n." for a test to find it by."""
    return "".join(f"<p>{label} {n}. {sentence}</p>" for n in range(count))


def headline_page(inside: str, headline: str = "Budget night", box: str = "page") -> str:
    """A page titled `headline`, its <h1> over `inside` in one <div> classed `box` (by default a
    class no rule knows)."""
    return (
        f"<html><head><title>{headline}</title></head><body><div class='{box}'>"
        f"<h1>{headline}</h1>{inside}</div></body></html>"
    )


REMARK = (
    "I was there that evening and I think the mayor's answers on the school roofs were the best part of it."
)


def reader_replies(
    count: int,
    head: str = "<b>Reader {n}</b>",
    tools: str = '<a href="#reply-{n}">Reply</a> <a href="#like-{n}">Like</a>',
    remarks: int = 2,
) -> str:
    """`count` readers' replies in boxes whose class words no rule knows: a writer's line (`head`,
    then "n days ago"), `remarks` paragraphs of REMARK ("Remark n." opens the first) and a row of
    `tools` links; `{n}` in `head` and `tools` stands for the reply's number."""
    return "".join(
        f'<div class="r-box"><div class="r-head">{head.format(n=n)} <span>{n} days ago</span></div>'
        f"<p>Remark {n}. {REMARK}</p>{f'<p>{REMARK}</p>' * (remarks - 1)}"
        f'<div class="r-tools">{tools.format(n=n)}</div></div>'
        for n in range(count)
    )


def teaser_cards(count: int, topic: str = "the coast") -> str:
    """`count` teaser cards, each a bare link line ("Another story number n from `topic`...") over
    an excerpt ("Excerpt n."), with no heading and no names."""
    return "".join(
        f"<div><a href='/story/{n}'>Another story number {n} from {topic}, with a long title</a>"
        f"<p>Excerpt {n}. A summary of another story, two lines long, set under its title to make "
        "readers click through to it from the column beside the text.</p></div>"
        for n in range(count)
    )


def beside_teaser_cards(
    story_box: str, title: str = "Harbour reopens", topic: str = "the coast", wrappers: int = 0
) -> str:
    """A page whose `story_box` (markup) stands beside a column of ten teaser cards (see
    `teaser_cards`, inside `wrappers` bare <div>s of their own) in one wrapper, with no other
    names."""
    cards = "<div>" * wrappers + teaser_cards(10, topic) + "</div>" * wrappers
    return (
        f"<html><head><title>{title}</title></head><body><div class='k1'>"
        f"{story_box}<div class='k3'>{cards}</div></div></body></html>"
    )
