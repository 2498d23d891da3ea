"""A row of like boxes, each an empty slot a script fills with a picture and a caption with its
credit, is a photo gallery and is cut whatever its class names; like boxes that open with text,
or a row where one box is a paragraph of the story, stay."""

from __future__ import annotations

from tests.support.pages import html_article, story_around

SENTENCE = (
    "The orchard was replanted over three winters, the growers said, with old varieties grafted "
    "onto new rootstock along the south wall."
)


def page(middle: str) -> str:
    """A story: two paragraphs, `middle`, two more paragraphs."""
    return story_around(middle, SENTENCE, "The old orchard", "div", " class='z1'")


def slide(n: int, slot: bool = True) -> str:
    """A gallery box: an empty slot a script fills (or none), a caption, a credit."""
    empty = "<span class='z4'><span class='z5'></span></span>" if slot else ""
    return (
        f"<div class='z3'><span class='z6'>{empty}<em class='z7'>Slide {n}. The south wall in "
        "spring, with the new grafts in bloom along the whole length of the old brick</em>"
        f"<em class='z8'>Photo archive {n}</em></span></div>"
    )


def test_a_row_of_slots_with_captions_is_cut() -> None:
    gallery = "<div class='z2'>" + "".join(slide(n) for n in range(4)) + "</div>"
    text = html_article(page(gallery)).text
    assert "Slide" not in text
    assert "Photo archive" not in text
    assert all(f"Paragraph {n}." in text for n in range(4))


def test_a_row_of_slots_with_captions_after_the_story_is_cut() -> None:
    """After the last paragraph, where no paragraph follows the captions to set them apart."""
    gallery = "<div class='z2'>" + "".join(slide(n) for n in range(4)) + "</div>"
    html = page("").replace("</div></body>", f"{gallery}</div></body>")
    text = html_article(html).text
    assert "Slide" not in text
    assert all(f"Paragraph {n}." in text for n in range(4))


def test_like_boxes_without_slots_or_with_a_paragraph_stay() -> None:
    plain = "<div class='z2'>" + "".join(slide(n, slot=False) for n in range(3)) + "</div>"
    mixed = (
        "<div class='z9'>"
        + "".join(slide(n) for n in range(3, 6))
        + f"<div class='z3'>Inside. {SENTENCE} <a href='/more'>More</a></div></div>"
    )
    text = html_article(page(plain + mixed)).text
    assert all(f"Slide {n}." in text for n in range(6))
    assert "Inside." in text
