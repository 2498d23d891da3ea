"""A photo gallery set out as a list, told by its structure, not its class words: every item
opens with its picture and holds a caption with a sentence; a list of covers, each with a title
and a year, stays (a discography is content)."""

from __future__ import annotations

from tests.support.pages import html_article

STORY = "".join(
    f"<p>{line}</p>"
    for line in (
        "The new ferry was shown to the public at the yard on Tuesday, two years after the order was placed.",
        "It carries four hundred people and sixty cars, and runs on batteries charged in port overnight.",
        "The first crossings with passengers are planned for the spring, when the old ferry is retired.",
    )
)
CAPTIONS = (
    "The ferry leaves the dry dock at the yard on Tuesday morning. Photo: A. Writer, Agency",
    "Workers check the ramp before the first trip across the bay. Photo: A. Writer, Agency",
    "The bridge of the new ferry, with its screens for the crew. Photo: A. Writer, Agency",
)


def _page(items: list[str]) -> str:
    rows = "".join(
        f"<li class='g2'><div class='g3'><img src='/p{n}.jpg' alt=''></div><div class='g4'>{text}</div></li>"
        for n, text in enumerate(items)
    )
    return (
        "<html><head><title>New ferry shown at the yard</title></head><body><div class='k1'>"
        f"<h1>New ferry shown at the yard</h1><ul class='g1'>{rows}</ul>{STORY}</div></body></html>"
    )


def test_a_list_of_pictures_with_captions_is_cut() -> None:
    text = html_article(_page(list(CAPTIONS))).text
    assert "shown to the public at the yard" in text
    assert "leaves the dry dock" not in text
    assert "Photo:" not in text


def test_a_list_of_covers_with_titles_stays() -> None:
    text = html_article(_page(["Harbour Lights 2019", "North Pier 2016", "Low Tide 2012"])).text
    assert "Harbour Lights 2019" in text
