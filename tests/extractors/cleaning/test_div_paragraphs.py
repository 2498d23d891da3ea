"""Div soup: a story whose paragraphs are <div> boxes of text (no <p>) keeps what a <p> story keeps.
A paragraph holding a link's hover card (an image and a few links, counted for nothing in its text)
is no caption box; a sentence set in a <div> with most of its words linked, or a <div> citing a web
address, is text, not a link-dense block; a row of links in a <div> is still cut."""

from __future__ import annotations

from tests.support.pages import STORY_PARAGRAPHS, html_article


def page(middle: str) -> str:
    """A div-soup story (class names no rule knows): two paragraphs, `middle`, two more."""
    first = "".join(f"<div class='tx'>{text}</div>" for text in STORY_PARAGRAPHS[:2])
    last = "".join(f"<div class='tx'>{text}</div>" for text in STORY_PARAGRAPHS[2:])
    return (
        "<html><body><div class='wrap'><h1>Harbour reopens</h1>"
        f"<div class='col'>{first}{middle}{last}</div></div></body></html>"
    )


HOVER_CARD = (
    "<span class='pop'><a href='/people/harbour-master'>Ana Lima</a><span><img src='face.jpg'>"
    "<a href='/a'>Harbour master warns of storms</a> <a href='/b'>Ferry timetable changes again</a> "
    "<a href='/c'>New quay opens in spring</a></span></span>"
)


def test_a_paragraph_with_a_hover_card_in_it_is_no_caption() -> None:
    opening = f"<div class='tx'>The harbour master {HOVER_CARD} said the quay would reopen at noon.</div>"
    text = html_article(page(opening)).text
    assert "said the quay would reopen at noon." in text
    assert all(paragraph in text for paragraph in STORY_PARAGRAPHS)


def test_a_linked_sentence_and_a_cited_address_in_a_div_stay() -> None:
    linked = (
        "<div class='tx'>The <a href='/storm'>storm that closed the harbour</a> was "
        "<a href='/report'>the worst in a decade</a>, he said.</div>"
        "<div class='tx'><a href='https://harbour.example.org/timetable'>"
        "https://harbour.example.org/timetable</a></div>"
    )
    text = html_article(page(linked)).text
    assert "was the worst in a decade, he said." in text
    assert "https://harbour.example.org/timetable" in text


def test_a_row_of_links_in_a_div_is_still_cut() -> None:
    row = "<div class='tx'><a href='/n'>News</a> | <a href='/s'>Sport</a> | <a href='/w'>Weather</a></div>"
    text = html_article(page(row)).text
    assert "Sport" not in text
    assert all(paragraph in text for paragraph in STORY_PARAGRAPHS)


LONG = (
    "The harbour master said the quay would stay open through the winter, and that the ferry "
    "would run twice a day once the repairs to the breakwater were done."
)


def story_page(opening: str) -> str:
    """`opening` beside a body box of eight paragraphs set as <div>s (the box holds most prose)."""
    body = "".join(f"<div class='tx'>Body {n}. {LONG}</div>" for n in range(8))
    return (
        "<html><body><div class='wrap'><h1>Harbour reopens</h1>"
        f"{opening}<div class='col'>{body}</div></div></body></html>"
    )


def test_opening_paragraphs_set_as_divs_beside_the_body_box_stay() -> None:
    opening = "".join(f"<div class='tx'>Opening {n}. {LONG}</div>" for n in range(2))
    text = html_article(story_page(opening)).text
    assert "Opening 0." in text and "Opening 1." in text
    assert all(f"Body {n}." in text for n in range(8))


def test_an_intro_box_of_div_paragraphs_stays_and_a_caption_box_beside_it_is_no_intro() -> None:
    intro = "<div class='in'>" + "".join(f"<div>Intro {n}. {LONG}</div>" for n in range(2)) + "</div>"
    caption = (
        "<div class='ph'><img src='quay.jpg'><div>The quay at dawn, the morning after the storm, "
        "with the ferry moored at the end of the breakwater, the fishing boats still tied up two "
        "deep along the inner wall, the cranes of the yard across the bay standing idle, and the "
        "first trucks of the day waiting at the gate for the harbour office to open the road to "
        "the market.</div><div>(Picture taken by the harbour office)</div></div>"
    )
    assert "Intro 1." in html_article(story_page(intro)).text
    text = html_article(story_page(caption)).text
    assert "The quay at dawn" not in text
    assert all(f"Body {n}." in text for n in range(8))


def test_a_long_paragraph_set_as_a_div_is_not_chosen_alone() -> None:
    long = f"<div class='tx'>Long. {LONG} {LONG} {LONG} {LONG} {LONG}</div>"
    closing = "<div class='tx'>The harbour office will publish the new timetable on Friday.</div>"
    html = (
        "<html><body><div class='wrap'><h1>Harbour reopens</h1>"
        f"<div class='col'>{long}{closing}</div></div></body></html>"
    )
    text = html_article(html).text
    assert "Long. The harbour master said" in text
    assert "publish the new timetable on Friday." in text


def test_a_box_of_linked_notes_set_as_divs_after_the_story_is_cut() -> None:
    notes = (
        "<div class='nt'><div class='tx'>The paper welcomes letters on any story it prints; write to "
        "the editors with your name and town through <a href='/letters'>our letters page</a>.</div>"
        "<div class='tx'>Follow the harbour desk on <a href='/social'>our social pages</a> for updates."
        "</div></div>"
    )
    story = "".join(f"<div class='tx'>{text}</div>" for text in STORY_PARAGRAPHS)
    html = (
        "<html><body><div class='wrap'><h1>Harbour reopens</h1>"
        f"<div class='col'>{story}{notes}</div></div></body></html>"
    )
    text = html_article(html).text
    assert "welcomes letters" not in text
    assert text.rstrip().endswith("across the bay.")


def test_a_label_and_its_link_set_as_a_div_stay() -> None:
    account = "<div class='tx'>Account: <a href='/harbourdesk'>@harbourdesk</a></div>"
    text = html_article(page(account)).text
    assert "Account: @harbourdesk" in text


def test_an_image_floated_into_a_div_paragraph_is_no_caption_box() -> None:
    floated = (
        "<div class='tx'><a href='quay.jpg'><img src='quay-small.jpg'></a>The quay was rebuilt in "
        "stone after the storm of 1953, and it has held through every winter since.</div>"
    )
    caption = (
        "<div class='tx'><img src='yard.jpg'><span>The yard across the bay, where the two boats "
        "will be repaired.</span></div>"
    )
    spinner = "<div class='tx'><img src='wait.gif'>Loading...</div>"
    credit = "<div class='tx'><img src='gate.jpg'>© Harbour Office / Photographer: A. Name</div>"
    text = html_article(page(floated + caption + spinner + credit)).text
    assert "it has held through every winter since." in text
    assert "The yard across the bay" not in text
    assert "Loading" not in text
    assert "Photographer" not in text


def test_a_caption_box_between_div_paragraphs_is_cut_and_a_paragraph_opening_with_an_anchor_stays() -> None:
    caption = (
        "<div class='as'><div class='im'><img src='quay.jpg'></div><div class='me'><div>The quay at "
        "dawn, the morning after the storm, with the ferry moored at the end of the breakwater and "
        "the fishing boats still tied up two deep along the inner wall, the cranes of the yard "
        "across the bay standing idle.</div><div>Harbour Office</div></div></div>"
    )
    anchored = (
        "<div class='tx'><span id='more-12'></span>The ferry will run twice a day from Monday, the "
        "harbour office said, and the night crossing will start again in spring.</div>"
    )
    text = html_article(page(caption + anchored)).text
    assert "The quay at dawn" not in text
    assert "Harbour Office" not in text
    assert "the night crossing will start again in spring." in text
    assert all(paragraph in text for paragraph in STORY_PARAGRAPHS)


def test_a_long_caption_box_between_div_paragraphs_is_cut() -> None:
    """A wire photo's caption runs longer than a line or two: its box, opening with an empty
    slot, is still a caption when it holds no link and no paragraph."""
    caption = (
        "<div class='as'><div class='im'><img src='quay.jpg'></div><div class='me'><div>The quay at dawn, "
        "the morning after the storm, with the ferry moored at the end of the breakwater and the "
        "fishing boats still tied up two deep along the inner wall, the cranes of the yard across "
        "the bay standing idle and the first trucks of the day waiting at the gate for the harbour "
        "office to open the road to the market, in a picture taken on Tuesday, Nov. 19, 2019."
        "</div><div>Photographer Name | Agency | Picture Desk</div></div></div>"
    )
    body = [f"<div class='tx'>Body {n}. {LONG}</div>" for n in range(6)]
    html = (
        "<html><body><div class='wrap'><h1>Harbour reopens</h1>"
        f"<div class='col'>{''.join(body[:3])}{caption}{''.join(body[3:])}</div></div></body></html>"
    )
    text = html_article(html).text
    assert "The quay at dawn" not in text
    assert "Picture Desk" not in text
    assert all(f"Body {n}." in text for n in range(6))


def test_an_image_floated_into_a_div_paragraph_that_opens_with_bold_names_is_no_caption_box() -> None:
    # A lead that opens with the names it is about in bold: the text runs on from the bold run.
    floated = (
        "<div class='tx'><img src='quay.jpg'><strong>Ana Lima</strong>'s harbour office was flooded "
        "in the night ... the staff moved out by dawn.</div>"
    )
    caption = "<div class='tx'><img src='yard.jpg'><strong>The yard across the bay.</strong></div>"
    text = html_article(page(floated + caption)).text
    assert "harbour office was flooded" in text
    assert "The yard across the bay" not in text
