"""Article metadata from an HTML tree, each value with its provenance (json-ld, meta:og, ...)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from html import unescape
from typing import Any

from bs4 import Tag

from extractors.cleaning.blockfilter import names_title, text_key
from extractors.cleaning.dates import htmldate_guess, parse_date, url_date
from extractors.cleaning.htmltree import Scan, attr, norm_space, root_element, tags, text_of
from extractors.cleaning.language import identify_language, normal_code
from extractors.cleaning.textmeasure import word_count
from newsflow.core.records import CleanArticle, RawDocument
from newsflow.core.strings import mend_json
from newsflow.core.urls import join_url

_ARTICLE_TYPES = {
    "article",
    "newsarticle",
    "blogposting",
    "reportagenewsarticle",
    "report",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "reviewnewsarticle",
    "liveblogposting",
    "backgroundnewsarticle",
    "techarticle",
    "scholarlyarticle",
    "socialmediaposting",
    "webpage",
    "creativework",
}
LANGUAGE_SAMPLE = 600  # characters of article text used to check the declared language
_TITLE_SEPARATOR = re.compile("\\s+[|\u2013\u2014\u00b7\u00bb:-]\\s+|\\s+::\\s+")
_TRAILING_SEPARATOR = re.compile("\\s+[|\u2013\u2014\u00b7\u00bb:-]\\s*$")
_PUBLISHED_META = (
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "dcterms.issued",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "citation_date",
    "cxenseparse:recs:publishtime",
    "originalpublicationdate",
    "displaydate",
)
_MODIFIED_META = (
    "article:modified_time",
    "og:updated_time",
    "og:article:modified_time",
    "datemodified",
    "last-modified",
    "dcterms.modified",
    "article.updated",
    "lastmod",
    "revised",
)
_AUTHOR_META = (
    "author",
    "article:author",
    "og:article:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "dcterms.creator",
    "byl",
    "citation_author",
)
_SECTION_META = (
    "article:section",
    "og:article:section",
    "section",
    "parsely-section",
    "category",
    "article.section",
    "dc.subject",
)
_KEYWORD_META = ("news_keywords", "keywords", "article:tag", "og:article:tag", "parsely-tags")


@dataclass(slots=True)
class Metadata:
    """Metadata values found in a page and where each came from."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published_at: datetime | None = None
    modified_at: datetime | None = None
    canonical_url: str | None = None
    site_name: str | None = None
    language: str | None = None
    description: str | None = None
    keywords: list[str] = field(default_factory=list)
    section: str | None = None
    # JSON-LD articleBody, or a how-to's or a recipe's steps (read only when the page lacks the story)
    article_body: str | None = None
    provenance: dict[str, str] = field(default_factory=dict)

    def set(self, name: str, value: Any, source: str) -> None:
        """Set a field once: the first non-empty value (in priority order) wins."""
        if value in (None, "", []) or getattr(self, name) not in (None, []):
            return
        setattr(self, name, value)
        self.provenance[name] = source

    def apply(self, article: CleanArticle, text: str) -> None:
        """Copy the metadata into an article; the declared language is checked against the text."""
        for name in (
            "title",
            "authors",
            "published_at",
            "modified_at",
            "canonical_url",
            "site_name",
            "description",
            "keywords",
            "section",
        ):
            value = getattr(self, name)
            if value not in (None, []):
                setattr(article, name, value)
                article.provenance[name] = self.provenance[name]
        article.language, source = checked_language(self.language, text)
        if article.language and source:
            article.provenance["language"] = (
                source if source != "declared" else self.provenance.get("language", "declared")
            )


DECLARED_SHARE = 33  # share (%) of the text in the declared language that confirms it in mixed text
# Close languages CLD2 confuses, one declared and the other detected: the declaration stands.
_CLOSE = ({"nb", "nn", "no"}, {"hr", "sr", "bs"}, {"ms", "id"})
_UNDETERMINED = frozenset({"und", "mul", "zxx", "mis"})  # language tags that name no language


def checked_language(declared: str | None, text: str) -> tuple[str | None, str | None]:
    """The declared language unless the text says otherwise: kept when the text is too short or
    mixed to tell, in that language, a close one (Croatian/Serbian/Bosnian, ...), or holds a third
    or more of it (English quotes opening a German story); else the detected language."""
    detected, shares = identify_language(text[:LANGUAGE_SAMPLE]) if text else (None, {})
    if declared and (
        detected is None
        or detected == declared
        or shares.get(declared, 0) >= DECLARED_SHARE
        or any(declared in close and detected in close for close in _CLOSE)
    ):
        return declared, "declared"
    if detected:
        return detected, "detected" if not declared else f"detected (declared {declared})"
    return None, None


def extract_metadata(root: Tag, found: Scan, raw: RawDocument, html: str | None = None) -> Metadata:
    """Title, authors, dates, URL, site, language, description, keywords, section from the scan."""
    meta = Metadata()
    meta.set("title", raw.title, "input")  # hints from a feed entry or JSONL record come first
    meta.set("published_at", raw.published_at, "input")
    _from_json_ld(meta, list(_json_ld_objects(found.named["script"])))
    _from_meta(meta, _meta_tags(found.named["meta"]))
    _from_markup(meta, root, found)
    _dates_fallback(meta, found, raw, html)
    if meta.canonical_url:  # resolved against the page's address; dropped when either is malformed
        meta.canonical_url = join_url(raw.url or "", meta.canonical_url)
    _tidy(meta)
    return meta


def _tidy(meta: Metadata) -> None:
    """Undo double HTML escaping ("&amp;#8216;"), drop duplicate names and a " | Site" suffix."""
    for name in ("title", "site_name", "description", "section"):
        value = getattr(meta, name)
        if value:
            setattr(meta, name, norm_space(unescape(value)) or None)
    for name in ("authors", "keywords"):
        setattr(meta, name, _unique(norm_space(unescape(v)) for v in getattr(meta, name)))
    if meta.title and meta.site_name and meta.title.lower().endswith(meta.site_name.lower()):
        head = meta.title[: -len(meta.site_name)]
        match = _TRAILING_SEPARATOR.search(head)
        if match and head[: match.start()].strip():
            meta.title = head[: match.start()].strip()


def _meta_tags(metas: list[Tag]) -> dict[str, list[str]]:
    """Every <meta> content keyed by its lowercase property, name, itemprop or http-equiv."""
    out: dict[str, list[str]] = {}
    for el in metas:
        key = attr(el, "property") or attr(el, "name") or attr(el, "itemprop") or attr(el, "http-equiv")
        content = attr(el, "content")
        if key and content and content.strip():
            out.setdefault(key.strip().lower(), []).append(norm_space(content))
    return out


def _json_ld_objects(scripts: list[Tag]) -> Iterator[dict[str, Any]]:
    """Every JSON object in the page's JSON-LD scripts, @graph members flattened."""
    for el in scripts:
        if (attr(el, "type") or "").strip().lower() != "application/ld+json":
            continue
        body = "".join(str(s) for s in el.contents if not isinstance(s, Tag)).strip()
        if not body:
            continue
        body = body.removeprefix("<!--").removesuffix("-->").strip()
        body = body.removeprefix("//<![CDATA[").removesuffix("//]]>").strip()
        try:
            data = json.loads(mend_json(body), strict=False)
        except (ValueError, RecursionError):  # (not JSON, or nested deeper than the parser goes)
            continue
        yield from _flatten(data)


def _flatten(data: Any) -> Iterator[dict[str, Any]]:
    """Dicts in a JSON-LD value: lists and @graph expanded (iteratively)."""
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            if "@graph" in item:
                stack.append(item["@graph"])
            yield item


def _types(obj: dict[str, Any]) -> set[str]:
    """Lowercase schema.org @type names of an object."""
    value = obj.get("@type")
    values = value if isinstance(value, list) else [value]
    return {str(v).lower() for v in values if v}


def _from_json_ld(meta: Metadata, objects: list[dict[str, Any]]) -> None:
    """Fill fields from the best article-like JSON-LD object (WebPage only as a last resort)."""
    articles = [o for o in objects if _types(o) & _ARTICLE_TYPES]
    articles.sort(key=lambda o: "webpage" in _types(o) or "creativework" in _types(o))
    nodes = _nodes(objects)
    for obj in articles[:1]:
        meta.set("title", _text(obj.get("headline") or obj.get("name")), "json-ld")
        meta.set("authors", _names(_resolved(obj.get("author") or obj.get("creator"), nodes)), "json-ld")
        meta.set("published_at", parse_date(obj.get("datePublished") or obj.get("dateCreated")), "json-ld")
        meta.set("modified_at", parse_date(obj.get("dateModified")), "json-ld")
        meta.set("description", _text(obj.get("description")), "json-ld")
        meta.set("section", _first(obj.get("articleSection")), "json-ld")
        meta.set("keywords", _keywords(obj.get("keywords")), "json-ld")
        meta.set("language", language_code(_text(obj.get("inLanguage"))), "json-ld")
        body = obj.get("articleBody")
        meta.set("article_body", body if isinstance(body, str) else None, "json-ld")
        publisher = _resolved(obj.get("publisher"), nodes)
        if isinstance(publisher, dict):
            meta.set("site_name", _text(publisher.get("name")), "json-ld")
    if meta.article_body is None:  # (read only when the page lacks the story)
        meta.set("article_body", _instructions(objects), "json-ld")
    for obj in objects:
        if _types(obj) & {"website", "organization", "newsmediaorganization"}:
            meta.set("site_name", _text(obj.get("name")), "json-ld")


def _nodes(objects: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The objects that describe a node of the page's graph, by their @id: what a reference
    elsewhere (`{"@id": ...}`, as SEO plug-ins set an article's author and publisher) stands for."""
    return {node: obj for obj in objects if isinstance(node := obj.get("@id"), str) and len(obj) > 1}


def _resolved(value: Any, nodes: dict[str, dict[str, Any]]) -> Any:
    """`value` with each reference to a node of the graph (an object holding only its @id)
    replaced by the node's description, when the page gives one."""
    if isinstance(value, list):
        return [_resolved(item, nodes) for item in value]
    if isinstance(value, dict) and len(value) == 1 and isinstance(ref := value.get("@id"), str):
        return nodes.get(ref, value)
    return value


_INSTRUCTION_TYPES = {"howto": "step", "recipe": "recipeInstructions"}


def _instructions(objects: list[dict[str, Any]]) -> str | None:
    """The story of a how-to or a recipe as its JSON-LD gives it, when the page has one: the
    description, then every step's name and text in order, one paragraph each (a HowToSection's
    steps, a HowToStep's directions, or plain strings); None without steps."""
    for obj in objects:
        types = _types(obj)
        steps_key = next((key for kind, key in _INSTRUCTION_TYPES.items() if kind in types), None)
        if steps_key is None:
            continue
        texts: list[str] = []
        stack: list[Any] = [obj.get(steps_key)]
        while stack:  # depth first, in document order
            item = stack.pop()
            if isinstance(item, str):
                texts.append(item)
            elif isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):  # pushed last to first: the name, its text, its parts
                parts = [item.get("itemListElement"), item.get("text")]
                if item.get("name") != item.get("text"):
                    parts.append(item.get("name"))
                stack.extend(part for part in parts if part)
        if texts:
            description = obj.get("description")
            lead = [description] if isinstance(description, str) else []
            return "\n".join(lead + texts)
    return None


def _from_meta(meta: Metadata, tags: dict[str, list[str]]) -> None:
    """Fill fields from OpenGraph, Twitter, Dublin Core and common <meta> names."""
    for key, source in (
        ("og:title", "meta:og"),
        ("twitter:title", "meta:twitter"),
        ("dc.title", "meta:dc"),
        ("title", "meta"),
    ):
        meta.set("title", strip_site_suffix(_first(tags.get(key))), source)
    for key in _AUTHOR_META:
        names = [n for v in tags.get(key, []) for n in _split_names(v)]
        meta.set("authors", names, f"meta:{key}")
    for key in _PUBLISHED_META:
        meta.set("published_at", _first_date(tags.get(key)), _meta_source(key))
    for key in _MODIFIED_META:
        meta.set("modified_at", _first_date(tags.get(key)), _meta_source(key))
    for key in ("og:site_name", "application-name", "publisher", "dc.publisher"):
        meta.set("site_name", _first(tags.get(key)), _meta_source(key))
    for key in ("og:description", "description", "twitter:description", "dc.description"):
        meta.set("description", _first(tags.get(key)), _meta_source(key))
    for key in _KEYWORD_META:
        words = [k for v in tags.get(key, []) for k in _keywords(v)]
        meta.set("keywords", words, _meta_source(key))
    for key in _SECTION_META:
        meta.set("section", _first(tags.get(key)), _meta_source(key))
    meta.set("canonical_url", _first(tags.get("og:url")), "meta:og")
    for key in ("content-language", "og:locale", "language", "dc.language"):
        meta.set("language", language_code(_first(tags.get(key))), _meta_source(key))


def _meta_source(key: str) -> str:
    """Provenance label of a <meta> key: meta:og for OpenGraph, else meta:<key>."""
    if key.startswith(("og:", "article:")):
        return "meta:og"
    return f"meta:{key}"


def _from_markup(meta: Metadata, root: Tag, found: Scan) -> None:
    """Fill fields from markup: canonical link, <html lang>, <time>, rel=author, <h1>, <title>."""
    for el in found.named["link"]:
        href = attr(el, "href")
        if "canonical" in (attr(el, "rel") or "").lower().split() and href:
            meta.provenance.pop("canonical_url", None)
            meta.canonical_url = None
            meta.set("canonical_url", href.strip(), "link:canonical")
            break
    html = root_element(root)
    lang = (attr(html, "lang") or attr(html, "xml:lang")) if html is not None else None
    if lang:
        meta.provenance.pop("language", None)
        meta.language = None
        meta.set("language", language_code(lang), "html-lang")
    for el in found.named["time"]:
        prop = (attr(el, "itemprop") or "").lower()
        if prop == "datemodified":
            meta.set("modified_at", _time_value(el), "time")
        elif prop == "datepublished" or "pubdate" in el.attrs:
            meta.set("published_at", _time_value(el), "time")
    if not meta.authors:
        meta.set("authors", _microdata_authors(found.itemprops), "microdata")
    if not meta.authors:
        meta.set("authors", _rel_authors(found.rel_links), "rel-author")
    meta.set("title", _h1_title(found), "h1")
    if found.named["title"]:
        meta.set("title", _title_text(found.named["title"][0]), "title")


def _title_text(el: Tag) -> str | None:
    """An element's text as a title: spaces normalised, a trailing site name left out."""
    return strip_site_suffix(norm_space(text_of(el))) or None


def _h1_title(found: Scan) -> str | None:
    """The text of the page's <h1>: of several, the one the <title> names (a site's name set as
    an <h1> in its header comes before the headline), else the first."""
    h1s = [_title_text(el) for el in found.named["h1"]]
    if len(h1s) > 1 and found.named["title"]:
        key = text_key(text_of(found.named["title"][0]))
        named = next((h for h in h1s if h and names_title(text_key(h), key)), None)
        if named is not None:
            return named
    return h1s[0] if h1s else None


def strip_site_suffix(title: str | None) -> str | None:
    """A page title without a trailing " | Site name" or " - Site name" (short last part only;
    words of unspaced scripts counted by `word_count`)."""
    if not title:
        return title
    parts = _TITLE_SEPARATOR.split(title)
    if len(parts) > 1 and word_count(parts[-1]) <= 4 and word_count(" ".join(parts[:-1])) >= 3:
        return title[: title.rfind(parts[-1])].rstrip(" |-\u2013\u2014:\u00b7\u00bb").strip()
    return title


def _rel_authors(links: list[Tag]) -> list[str]:
    """Names in links marked rel=author (deduplicated, short ones only)."""
    marked = (el for el in links if "author" in (attr(el, "rel") or "").lower().split())
    return _unique(n for el in marked for n in _split_names(text_of(el)))


def _microdata_authors(itemprops: list[Tag]) -> list[str]:
    """Names of schema.org microdata authors (itemprop="author", its itemprop="name" if any)."""
    names: list[str] = []
    for el in itemprops:
        if "author" not in (attr(el, "itemprop") or "").split():
            continue
        named = next((d for d in tags(el) if d is not el and attr(d, "itemprop") == "name"), None)
        source = named if named is not None else el
        names.extend(_split_names(attr(source, "content") or text_of(source)))
    return _unique(names)


def _dates_fallback(meta: Metadata, found: Scan, raw: RawDocument, html: str | None) -> None:
    """Published date from the page's first <time> (marked ones were tried before), the URL,
    then htmldate (when the HTML is at hand; it tries a dated URL first too, and costs a
    second parse)."""
    for el in found.named["time"]:
        if meta.published_at is not None:
            break
        meta.set("published_at", _time_value(el), "time")
    for url in (raw.url, meta.canonical_url):
        meta.set("published_at", url_date(url), "url")
    if meta.published_at is None and html is not None:
        meta.set("published_at", htmldate_guess(html), "htmldate")


def _time_value(el: Tag) -> datetime | None:
    """The date of a <time> element: its datetime attribute, else its text."""
    return parse_date(attr(el, "datetime") or text_of(el))


def _first_date(values: list[str] | None) -> datetime | None:
    """The first parseable date among meta values."""
    for value in values or []:
        parsed = parse_date(value)
        if parsed:
            return parsed
    return None


def _text(value: Any) -> str | None:
    """A JSON-LD value as a clean string (first element of a list, @value of an object)."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("@value") or value.get("name")
    return norm_space(str(value)) or None if isinstance(value, str | int | float) else None


def _first(values: Any) -> str | None:
    """The first non-empty string of a value or list of values."""
    return _text(values)


def _names(value: Any) -> list[str]:
    """Person names from a JSON-LD author value (string, object or list of either)."""
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items:
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, list):
            name = name[0] if name else None
        if isinstance(name, str):
            names.extend(_split_names(name))
    return _unique(names)


def _split_names(value: str) -> list[str]:
    """Author names from a meta value: URLs dropped, "By" removed, split on commas and "and"."""
    value = norm_space(value)
    if not value or value.startswith(("http://", "https://", "/")):
        return []
    value = re.sub(r"^by\s+", "", value, flags=re.IGNORECASE)
    parts = re.split(r"\s*(?:,|;|\band\b|&|\|)\s*", value)
    return [p for p in (norm_space(p) for p in parts) if 1 < len(p) < 80]


def _keywords(value: Any) -> list[str]:
    """Keywords from a comma-separated string or a list of strings, deduplicated."""
    items = value if isinstance(value, list) else [value]
    return _unique(norm_space(kw) for item in items if isinstance(item, str) for kw in item.split(","))


def _unique(values: Iterable[str]) -> list[str]:
    """The non-empty values, each once, in their first order (in one pass: a page may list
    thousands)."""
    return list(dict.fromkeys(v for v in values if v))


def language_code(value: str | None) -> str | None:
    """ISO 639-1 code from a language tag or locale ("en-GB", "en_US" → "en"; old "iw" → "he"),
    None for tags that name no language ("und", "mul")."""
    if not value:
        return None
    code = normal_code(re.split(r"[-_]", value.strip().lower(), maxsplit=1)[0])
    return code if re.fullmatch(r"[a-z]{2,3}", code) and code not in _UNDETERMINED else None
