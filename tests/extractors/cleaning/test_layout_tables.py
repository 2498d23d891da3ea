"""Pages laid out in tables (old templates, small sites): a table whose cells hold boxes or
headings sets out the page's columns and boxes, and is read as those boxes are in a <div> layout.
A data table keeps its rows, whatever its cells hold."""

from __future__ import annotations

from tests.support.pages import html_article

PARAGRAPHS = [
    f"<p>Paragraph {n}. The harbour reopened after three days of storms, and the boats went out "
    "at first light with the whole town watching from the quay.</p>"
    for n in range(4)
]
STORY = "".join(PARAGRAPHS)
MENU = "<div><a href='/'>Home</a> | <a href='/news'>News</a> | <a href='/boats'>Boats</a></div>"


def _laid_out(content: str) -> str:
    """A page laid out in a table: a header row, the menu's column beside the content's, a footer."""
    return (
        "<html><head><title>Harbour reopens</title></head><body><table>"
        "<tr><td colspan='2'><div><a href='/'><img src='/logo.gif' alt=''></a></div></td></tr>"
        f"<tr><td>{MENU}</td><td><h1>Harbour reopens</h1>{content}</td></tr>"
        "<tr><td colspan='2'><div>The Harbour Post, Quay Street 1</div></td></tr>"
        "</table></body></html>"
    )


def _cards(count: int) -> str:
    """Teasers for other stories set out as a table, a card to a cell."""
    cells = "".join(
        f"<td><div><h3><a href='/more/{n}'>Another story from the coast, number {n}</a></h3>"
        f"<p>Excerpt {n}. What the card says of that story, in a line or two of its opening.</p>"
        "</div></td>"
        for n in range(4)
    )
    return f"<table><tr>{cells}</tr></table>"


def test_a_closing_note_in_a_layout_cell_is_dropped() -> None:
    # The story's boxes and the note under them are cells of the content's own table: the note's
    # cell is a paragraph, not a row of data, and a link closing the text is a note, as in a <div>.
    first, second = "".join(PARAGRAPHS[:2]), "".join(PARAGRAPHS[2:])
    content = (
        f"<table><tr><td><div>{first}</div></td></tr><tr><td><div>{second}</div></td></tr>"
        "<tr><td>Read more on the storms in <a href='/weather'>our weather pages</a>.</td></tr></table>"
    )
    text = html_article(_laid_out(content)).text
    assert "Paragraph 0." in text and "Paragraph 3." in text
    assert "our weather pages" not in text


def test_teaser_cards_set_out_as_a_table_are_cut() -> None:
    text = html_article(_laid_out(STORY + _cards(4))).text
    assert "Paragraph 0." in text and "Paragraph 3." in text
    assert "Excerpt" not in text and "Another story" not in text


def test_a_data_table_keeps_its_rows() -> None:
    # A header row labels its columns: data, even when a cell holds a box (a row a script expands).
    table = (
        "<table><tr><th>Year</th><th>Catch</th></tr><tr><td>2001</td><td>Three tonnes</td></tr>"
        "<tr><td>2002</td><td><div>Nine tonnes</div></td></tr></table>"
    )
    text = html_article(_laid_out(STORY + table + STORY)).text
    assert "Year | Catch" in text and "2001 | Three tonnes" in text


def test_a_column_of_cards_set_as_a_table_of_one_column_is_no_text() -> None:
    # One cell to a row: a list of boxes, not data, whatever its cells hold.
    rows = "".join(
        f"<tr><td><a href='/more/{n}'>Another story from the coast, number {n}</a>"
        f"<p>Excerpt {n}. What the card says of that story, in a line or two of its opening, to make "
        "readers click through to it from the column beside the text.</p></td></tr>"
        for n in range(10)
    )
    # (no headline to anchor the story: the column, with more prose, must be passed over as cards)
    html = (
        f"<html><body><div class='k1'><div class='k2'>{STORY}</div><table>{rows}</table></div></body></html>"
    )
    text = html_article(html).text
    assert "Paragraph 0." in text and "Paragraph 3." in text
    assert "Excerpt" not in text
