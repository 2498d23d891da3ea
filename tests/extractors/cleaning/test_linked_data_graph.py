"""JSON-LD graphs whose article names its author and publisher by reference: SEO plug-ins set
the article, the page, the site and each person as nodes of one `@graph`, and the article's
`author` and `publisher` hold only the `@id` of a node described elsewhere in the graph."""

from __future__ import annotations

import json
from typing import Any

from tests.support.pages import html_article

SITE = "https://www.harbourgazette.example"
PERSON = f"{SITE}/#/schema/person/5f2a"
ORGANIZATION = f"{SITE}/#organization"
BODY = "".join(
    f"<p>The harbour board met on Tuesday evening to discuss the dredging plan, part {n}, and "
    "agreed to publish the costs before the end of the month.</p>"
    for n in range(1, 5)
)


def _page(graph: list[dict[str, Any]]) -> str:
    script = json.dumps({"@context": "https://schema.org", "@graph": graph})
    return (
        "<html><head><title>Harbour board backs dredging plan</title>"
        f'<script type="application/ld+json">{script}</script></head>'
        f"<body><article><h1>Harbour board backs dredging plan</h1>{BODY}</article></body></html>"
    )


def _graph(author: Any) -> list[dict[str, Any]]:
    return [
        {"@type": "Organization", "@id": ORGANIZATION, "name": "The Harbour Gazette"},
        {
            "@type": "Article",
            "@id": f"{SITE}/2026/dredging/#article",
            "headline": "Harbour board backs dredging plan",
            "author": author,
            "publisher": {"@id": ORGANIZATION},
        },
        {"@type": "Person", "@id": PERSON, "name": "Nora Fennick"},
    ]


def test_author_and_publisher_named_by_reference() -> None:
    article = html_article(_page(_graph({"@id": PERSON})))
    assert article.authors == ["Nora Fennick"]
    assert article.provenance["authors"] == "json-ld"
    assert article.site_name == "The Harbour Gazette"
    assert article.provenance["site_name"] == "json-ld"


def test_a_list_of_references_and_names() -> None:
    article = html_article(_page(_graph([{"@id": PERSON}, {"@type": "Person", "name": "Iwan Pell"}])))
    assert article.authors == ["Nora Fennick", "Iwan Pell"]


def test_a_reference_the_graph_does_not_describe_names_no_one() -> None:
    article = html_article(_page(_graph({"@id": f"{SITE}/#/schema/person/unknown"})))
    assert article.authors == []
