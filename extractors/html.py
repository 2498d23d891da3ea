"""HTML → main article text and blocks with BeautifulSoup (lxml). First version; issue 5 deepens it."""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag

from newsflow.records import Block, BlockKind, CleanArticle, RawDocument

_DROP = ["script", "style", "noscript", "nav", "footer", "header", "aside", "form", "iframe",
         "svg", "figure", "figcaption", "button", "template"]
_BLOCKS: dict[str, BlockKind] = {
    **{f"h{i}": "heading" for i in range(1, 7)},
    "p": "paragraph", "li": "list", "blockquote": "quote", "pre": "paragraph", "tr": "table",
}


def clean_html(raw: RawDocument, html: str) -> CleanArticle:
    """Title and main text of an HTML page, as heading/paragraph blocks joined by blank lines."""
    soup = BeautifulSoup(html, "lxml")
    title = raw.title or _title(soup)
    for tag in soup.find_all(_DROP):
        tag.decompose()
    root = soup.find("article") or soup.find("main") or soup.body or soup
    parts: list[tuple[BlockKind, str]] = []
    for tag in root.find_all(list(_BLOCKS)):
        if tag.find_parent(list(_BLOCKS)) is not None:
            continue
        text = " ".join(tag.get_text(" ", strip=True).split())
        if text and not (parts and _BLOCKS[tag.name] == "heading" and text == title):
            parts.append((_BLOCKS[tag.name], text))
    text, blocks = join_blocks(parts)
    return CleanArticle(
        source=raw.source, locator=raw.locator, external_id=raw.external_id,
        raw_hash=raw.raw_hash, text=text, blocks=blocks, title=title, url=raw.url,
        published_at=raw.published_at,
    )


def join_blocks(parts: list[tuple[BlockKind, str]]) -> tuple[str, list[Block]]:
    """Join block texts with blank lines and record each block's span."""
    chunks: list[str] = []
    blocks: list[Block] = []
    pos = 0
    for kind, text in parts:
        if chunks:
            pos += 2
        blocks.append(Block(kind, pos, pos + len(text)))
        chunks.append(text)
        pos += len(text)
    return "\n\n".join(chunks), blocks


def _title(soup: BeautifulSoup) -> str | None:
    """The page's headline: og:title, then <h1>, then <title>."""
    og = soup.find("meta", property="og:title")
    if isinstance(og, Tag) and og.get("content"):
        return str(og["content"]).strip()
    for name in ("h1", "title"):
        tag = soup.find(name)
        if tag and tag.get_text(strip=True):
            return " ".join(tag.get_text(" ", strip=True).split())
    return None
