"""A short line met both among the first and among the last blocks of the text (the label of a bar
the template sets above and below the story) is dropped wherever it stands, whatever the names;
a short line met once, or a line repeated inside the story, stays."""

from __future__ import annotations

from tests.support.pages import html_article

LINES = (
    "The council passed its budget on Monday night after a long and heated debate.",
    "The mayor said the vote showed the city could still agree on the hard choices.",
    "Bus fares will rise by ten cents in the spring, the first rise in four years.",
    "The library keeps its Sunday hours, which the first draft of the budget had cut.",
    "Road repairs on the east side will start in April and last until the autumn.",
)


def _page(before: str, after: str, middle: str = "") -> str:
    story = "".join(f"<p>{line}</p>" for line in LINES[:3]) + middle
    story += "".join(f"<p>{line}</p>" for line in LINES[3:])
    return (
        "<html><body><div class='m1'><h1>Budget passed</h1>"
        f"<div class='m2'>{before}</div>{story}<div class='m3'>{after}</div></div></body></html>"
    )


def test_a_bar_label_above_and_below_the_story_is_dropped() -> None:
    bar = "<div class='m4'><span>Pass it on!</span></div>"
    text = html_article(_page(bar, bar)).text
    assert "Pass it on" not in text
    assert all(line in text for line in LINES)


def test_a_short_line_met_once_or_inside_the_story_stays() -> None:
    once = html_article(_page("<p>Town hall</p>", "")).text
    assert "Town hall" in once
    inside = html_article(_page("", "", middle="<p>Vote: yes</p>")).text
    assert "Vote: yes" in inside
