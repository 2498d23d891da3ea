"""A settings window over the page (a consent window's categories, each with a switch) told by
its structure, not by a dialog role or its class words: checkboxes outside any form, and no
paragraph or heading among its text."""

from __future__ import annotations

from tests.support.pages import html_article

STORY = (
    "<h1>Boat stolen from the harbour</h1>"
    "<p>A small motor boat was taken from its mooring at the north pier late on Sunday night. The owner "
    "noticed it was gone in the morning and called the police, who ask witnesses to come forward; a "
    "neighbour heard an engine start shortly after midnight but saw no lights on the water.</p>"
    "<p>It is the third boat taken from the harbour this year: the first two were found weeks later on a "
    "beach further down the coast, empty and with their engines gone. The harbour master said new lights "
    "and a locked gate would be put up at the pier before the summer, when more boats are moored there.</p>"
)
SETTINGS = (
    (
        "Needed",
        "Storing or reading this is needed so that the site can give you the service you asked for, "
        "or so that a message can be sent over the network at all, and nothing else is done with it.",
    ),
    (
        "Choices",
        "Storing or reading this keeps the choices you made on the site, such as the language, "
        "the size of the letters and the region you read about, for your next visit here.",
    ),
    (
        "Counting",
        "Storing or reading this is used only to count visits and to see which pages are read, "
        "and the figures kept cannot be used to tell who you are without further records.",
    ),
    (
        "Promotion",
        "Storing or reading this is used to build profiles of readers so that promotion can be "
        "shown to them on this site and on other sites that work with the same partners.",
    ),
)


def _window(control: str) -> str:
    rows = "".join(
        f"<details class='w3'><summary><span class='w4'>{name}</span><span class='w5'>{control}</span>"
        f"</summary><div class='w6'><span>{text}</span></div></details>"
        for name, text in SETTINGS
    )
    return (
        "<div class='w1'><div class='w2'>We store and read details on your device to make the site work "
        "and to show promotion. You can change your choices at any time.</div>"
        f"<div class='w7'>{rows}</div><a href='#'>Accept</a> <a href='#'>Deny</a></div>"
    )


def _page(control: str) -> str:
    return (
        "<html><head><title>Boat stolen from the harbour</title></head><body>"
        f"<div class='k1'><div class='k2'>{STORY}</div></div>{_window(control)}</body></html>"
    )


def test_a_window_of_switches_is_no_place_for_the_story() -> None:
    text = html_article(_page("<input type='checkbox' value='1'>")).text
    assert "motor boat was taken" in text
    assert "build profiles of readers" not in text


def test_a_story_holding_switches_keeps_its_text() -> None:
    poll = "".join(f"<div class='q1'><input type='checkbox'> {n}</div>" for n in ("Yes", "No", "Not sure"))
    page = _page("").replace("</h1>", f"</h1><div class='q0'>Should the pier be locked at night?{poll}</div>")
    text = html_article(page.replace(_window(""), "")).text
    assert "motor boat was taken" in text
    assert "new lights and a locked gate" in text
