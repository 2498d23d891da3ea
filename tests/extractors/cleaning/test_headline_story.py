"""With no named article body, the descent that stops at a parent of several text regions goes on
into the region holding the page's headline (the one <h1> that is the page's title) when that
region sets out a story of its own below it (three paragraphs or more), and past a larger page
region or window beside it when it holds a post's worth of prose. A headline set in a box of
any tag anchors as an <h1> does; the same title in a link (a teaser) does not."""

from __future__ import annotations

from tests.support.pages import STORY_PARAGRAPHS, html_article, short_story

STORY = short_story(4)
REPLY = (
    "<div><p>A reader's reply that runs on at length about storms in other years, the state of "
    "the old pier, what the council should have done and what the writer's neighbours think of it "
    "all, longer than any paragraph of the story above.</p></div>"
)


TITLE = "Harbour reopens after storms - The Bay Courier"  # the headline and the site's name


def _doc(body: str) -> str:
    """A page titled as the story's headline with the site's name, holding `body`."""
    return f"<html><head><title>{TITLE}</title></head><body>{body}</body></html>"


def _page(headline: str, box: str = "h1", after_replies: str = "") -> str:
    """The story under its headline (set in `box`), beside three long replies (and `after_replies`)."""
    replies = "".join(REPLY for _ in range(3))
    return _doc(f"<div><div><{box}>{headline}</{box}>{STORY}</div><div>{replies}{after_replies}</div></div>")


def test_the_headline_s_story_is_taken_without_the_regions_beside_it() -> None:
    text = html_article(_page("Harbour reopens after storms")).text
    assert "Fishermen said" in text and "A reader's reply" not in text


def test_a_header_group_under_the_headline_is_not_taken_for_the_story() -> None:
    dek = (
        "<p>Three days of storms kept every boat in port; the harbour reopened on Tuesday, and the "
        "town counts what the storms cost its fishermen, its ferry and its market stalls.</p>"
    )
    html = _doc(
        "<div>"
        f"<div><h1>Harbour reopens after storms</h1>{dek}</div><div>{STORY}</div>"
        f"<div>{REPLY}{REPLY}</div></div>"
    )
    assert "Fishermen said" in html_article(html).text


def test_a_story_set_out_with_line_breaks_is_taken_too() -> None:
    lines = "<br><br>".join(
        "The harbour reopened on Tuesday after three days of storms kept every boat in port, and "
        f"fishermen counted what the storms cost them (part {i})."
        for i in range(8)
    )
    replies = "".join(REPLY for _ in range(8))
    html = _doc(
        f"<div><div><h1>Harbour reopens after storms</h1><div>{lines}</div></div><div>{replies}</div></div>"
    )
    text = html_article(html).text
    assert "(part 7)" in text and "A reader's reply" not in text


def test_an_h2_headline_anchors_when_the_h1_is_the_site_name() -> None:
    replies = "".join(REPLY for _ in range(3))
    html = (
        "<html><head><title>Harbour reopens after storms</title>"
        "<meta property='og:title' content='Harbour reopens after storms'></head><body>"
        "<div><h1>The Bay Courier</h1></div>"
        f"<div><div><h2>Harbour reopens after storms</h2>{STORY}</div><div>{replies}</div></div>"
        "</body></html>"
    )
    text = html_article(html).text
    assert "Fishermen said" in text and "A reader's reply" not in text


def test_a_headline_set_in_a_box_anchors_and_a_teaser_link_of_the_same_title_does_not() -> None:
    teaser = "<p><a href='/harbour'><span>Harbour reopens after storms</span></a></p>"
    text = html_article(_page("Harbour reopens after storms", "div", teaser)).text
    assert "Fishermen said" in text and "A reader's reply" not in text


def _entry(i: int) -> str:
    return (
        f"<li><div><b>Reader {i}</b></div><p>A reader's reply that runs on at length about storms in "
        "other years, the state of the old pier, what the council should have done and what the "
        "writer's neighbours think of it all, longer than any paragraph of the story above.</p></li>"
    )


def test_the_headline_s_story_beats_a_larger_list_of_entries_beside_it() -> None:
    entries = "".join(_entry(i) for i in range(12))
    html = _doc(
        "<div>"
        f"<div><h1>Harbour reopens after storms</h1>{STORY}</div>"
        f"<div><h2>12 replies</h2><ol>{entries}</ol></div></div>"
    )
    text = html_article(html).text
    assert "Fishermen said" in text and "Reader 3" not in text


def test_a_larger_body_after_the_headline_s_intro_is_still_taken() -> None:
    body = "".join(STORY for _ in range(4))
    html = _doc(
        "<div>"
        f"<div><h1>Harbour reopens after storms</h1>{STORY}</div>"
        f"<div><h2>What the storms cost</h2>{body}</div></div>"
    )
    assert "What the storms cost" in html_article(html).text


INTRO = (
    "<p>We are a small harbour-side workshop that has repaired fishing boats, ferries and yachts "
    "for three generations, and we still answer every call from the quay ourselves, whatever the "
    "weather and whatever the hour.</p>"
)


def test_one_intro_paragraph_under_the_headline_beats_a_larger_list_beside_it() -> None:
    quotes = "".join(
        f"<li><p>Customer {i}: the workshop had our boat back in the water within the week, and the "
        "repair has held through two winters of storms on the open sea since then.</p></li>"
        for i in range(6)
    )
    html = (
        "<html><head><title>Harbour Boat Repairs</title></head><body><div>"
        f"<div><h1>Harbour Boat Repairs</h1>{INTRO}</div><div><ul>{quotes}</ul></div>"
        "</div></body></html>"
    )
    text = html_article(html).text
    assert "three generations" in text and "Customer 2" not in text


def test_a_header_group_beside_the_body_and_a_list_does_not_replace_the_body() -> None:
    entries = "".join(_entry(i) for i in range(4))
    html = _doc(
        "<div>"
        f"<div><h1>Harbour reopens after storms</h1>{INTRO}</div>"
        f"<div><h2>What the storms cost</h2>{STORY}</div><div><ol>{entries}</ol></div></div>"
    )
    assert "Fishermen said" in html_article(html).text


def test_a_story_set_out_as_a_list_of_sections_is_not_taken_for_entries() -> None:
    steps = "".join(
        f"<li><h2>Step {i}: check the hull</h2><p>Walk the whole length of the hull at low tide and "
        "look for cracks, blisters and loose fittings; mark each one with chalk so the yard can find "
        f"it again in the morning (step {i}).</p></li>"
        for i in range(6)
    )
    html = (
        "<html><head><title>How to get your boat through winter</title></head><body><div>"
        f"<div><h1>How to get your boat through winter</h1>{INTRO}</div><div><ol>{steps}</ol></div>"
        "</div></body></html>"
    )
    assert "(step 3)" in html_article(html).text


def test_a_sidebar_s_list_inside_the_body_s_box_does_not_make_the_body_entries() -> None:
    # The sidebar, a page region, passes a quarter of its prose to the box that holds it, and its
    # items count a quarter as entries too: counted in full, they outweighed the story beside them.
    dek = (
        "<p>Three days of storms kept every boat in port; the harbour reopened on Tuesday, and the "
        "town counts what the storms cost its fishermen, its ferry, its market stalls and the old "
        "boatyard across the bay.</p>"
    )
    most_read = "".join(
        f"<li>Most read {i}: the council's plan for the old pier and what it means for the ferry</li>"
        for i in range(14)
    )
    html = _doc(
        "<div>"
        f"<div><h1>Harbour reopens after storms</h1>{dek}</div>"
        f"<div><div>{STORY}</div><aside><ul>{most_read}</ul></aside></div></div>"
    )
    assert "Fishermen said" in html_article(html).text


NOTICE = (
    "<h2>Your choices on this site</h2><p>We and our partners store small files on your device and "
    "read them to show you what suits you, to measure how our pages are read and to improve them; "
    "you can change your mind at any time in the settings.</p><p>Some partners rely on their "
    "legitimate interest, which you may object to in the settings; your choice applies to this site "
    "only and is kept for a year.</p>"
)


def _short_story_beside(notice_attrs: str) -> str:
    """A story of two paragraphs under its headline, before it a notice box with more prose."""
    return _doc(
        f"<div {notice_attrs}><div>{NOTICE}</div></div><div><h1>Harbour reopens after storms</h1>"
        f"<p>{' '.join(STORY_PARAGRAPHS[:2])}</p><p>{' '.join(STORY_PARAGRAPHS[2:])}</p></div>"
    )


def test_a_short_story_is_taken_without_a_larger_window_over_the_page() -> None:
    # The window (a consent window, a notice set over the page) outweighs the story: the descent
    # stopped at <body>, and the undo guard kept it.
    for attrs in (
        "role='dialog' aria-modal='true'",
        "class='cookie-notice'",
        "id='consent-layer'",
        "class='gdpr-box'",
        "id='browser-overlay'",
    ):
        text = html_article(_short_story_beside(attrs)).text
        assert "Fishermen said" in text and "small files" not in text, attrs


def test_a_one_paragraph_story_is_taken_without_the_larger_region_beside_it() -> None:
    # A video's or a brief's one short paragraph under the headline, less than a post's worth.
    replies = "".join(REPLY for _ in range(3))
    html = _doc(
        f"<div><h1>Harbour reopens after storms</h1>{short_story(1)}</div>"
        f"<div class='comments'>{replies}</div>"
    )
    text = html_article(html).text
    assert "The harbour reopened" in text and "A reader's reply" not in text


def test_a_header_group_beside_a_region_does_not_replace_the_body_beside_it() -> None:
    replies = "".join(REPLY for _ in range(4))
    html = _doc(
        f"<div><h1>Harbour reopens after storms</h1>{short_story(1)}</div><div>{STORY}</div>"
        f"<div class='comments'>{replies}</div>"
    )
    assert "Two boats damaged" in html_article(html).text


DEK = (
    "<p>Three days of storms kept every boat in port; the harbour reopened on Tuesday, and the town "
    "now counts what the storms cost its fishermen, its ferry, its market stalls and the old boatyard "
    "across the bay, where two boats wait for repairs.</p>"
)


def test_a_story_under_a_paywall_s_name_is_not_left_for_the_header_group_over_it() -> None:
    body = "".join(f"<p>Part {n}. {text}</p>" for n, text in enumerate(STORY_PARAGRAPHS * 3))
    html = _doc(
        f"<div><h1>Harbour reopens after storms</h1>{DEK}</div><div class='paywall-container'>{body}</div>"
    )
    text = html_article(html).text
    assert "Part 0." in text and "Part 11." in text


def test_a_title_line_does_not_replace_a_story_in_a_box_named_as_a_region() -> None:
    # A layout's name ("the content beside the right sidebar") reads as a page region.
    html = _doc(
        "<div><h1>Harbour reopens after storms</h1><p>News from the coast, posted on Tuesday.</p></div>"
        f"<div class='sidebar-right'><div>{STORY}</div></div>"
    )
    assert "Fishermen said" in html_article(html).text
