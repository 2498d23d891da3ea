"""A block holding an image and little text (a caption without <figure>, a teaser card) is cut;
an image inside a long block of prose, or inline in a sentence, leaves the text alone, and so
does an illustrated section (link-free prose beside an image, under a subheading or longer than a
caption line) and link-free text beside a <figure> whose caption is marked (or an old-style box
whose caption is named as one)."""

from __future__ import annotations

import pytest

from tests.support.pages import html_article, story_around

SENTENCE = (
    "The glacier lost more ice this summer than in any year since the measurements began, the "
    "survey found, and the snow line moved higher up the valley."
)


def page(middle: str) -> str:
    """A story: two paragraphs, `middle`, two more paragraphs."""
    return story_around(middle, SENTENCE, "Glacier report")


# A picture, with its tag or set without one: a template's box styled with a background image, a
# lazy loader's placeholder that a script fills, an AMP page's component.
PICTURES = {
    "img": "<img src='a.png'>",
    "styled box": "<div style=\"background-image:url('a.png')\"></div>",
    "lazy placeholder": "<span data-src='a.png'></span>",
    "component": "<amp-img src='a.png' layout='responsive'></amp-img>",
}


@pytest.mark.parametrize("picture", PICTURES.values(), ids=PICTURES.keys())
def test_an_image_with_its_caption_in_a_plain_block_is_cut(picture: str) -> None:
    """The picture below its caption, so that no empty slot opens the box (see
    `test_gallery_slides.py` for those): the box is an image block whatever sets the picture."""
    caption = (
        "<div class='imginline'><span>Figure: the glacier in 2010 and 2022. Photo: survey</span>"
        f"{picture}</div>"
    )
    text = html_article(page(caption)).text
    assert "Figure:" not in text
    assert all(f"Paragraph {n}." in text for n in range(4))


def test_a_box_with_a_background_image_and_text_of_its_own_is_no_picture() -> None:
    banner = (
        "<div style=\"background-image:url('c.png')\">Banner. The survey will measure the glacier "
        "again next summer, and publish its figures in the autumn.</div>"
    )
    text = html_article(page(banner)).text
    assert "Banner. The survey will measure the glacier again next summer" in text


def test_a_long_block_with_an_image_and_an_inline_image_stay() -> None:
    long_block = f"<div><img src='b.png'><p>Inside. {SENTENCE} {SENTENCE}</p></div>"
    inline = f"<p>Inline. {SENTENCE[:60]} <span><img src='icon.png'> the survey team</span> said.</p>"
    text = html_article(page(long_block + inline)).text
    assert f"Inside. {SENTENCE}" in text
    assert "the survey team said." in text


def test_an_illustrated_section_stays_and_a_teaser_card_is_cut() -> None:
    section = (
        "<section class='box'><img src='c.png'><h3>Meltwater</h3>"
        "<p>Section. The streams below the glacier ran twice as long into the autumn.</p></section>"
    )
    card = (
        "<section class='box'><img src='d.png'><h3><a href='/other'>Another story</a></h3>"
        "<p>Teaser. A line about a story on another page of the site.</p></section>"
    )
    text = html_article(page(section + card)).text
    assert "Meltwater" in text
    assert "Section. The streams below the glacier" in text
    assert "Teaser." not in text


def test_an_illustrated_section_linking_a_name_in_a_sentence_stays() -> None:
    """A site that links the names in its text to their pages links them in an illustrated
    section too: names linked inside a sentence do not make the section a teaser card or a
    caption. A link that closes the paragraph still does, beside another or not."""
    linked = (
        "<section class='box'><img src='c.png'><h3>Meltwater</h3><p>Section. The streams below the "
        "<a href='/topic/north-glacier'>North Glacier</a> ran twice as long into the autumn.</p></section>"
    )
    text = html_article(page(linked)).text
    assert "Section. The streams below the North Glacier ran twice as long" in text
    two = linked.replace("the autumn", "the <a href='/topic/autumn'>Autumn</a> months")
    assert "ran twice as long into the Autumn months." in html_article(page(two)).text
    for card in (
        "<p>Teaser. More on the streams below the glacier <a href='/other'>in our series</a>.</p>",
        "<p>Teaser. The <a href='/a'>streams</a> below the glacier, <a href='/b'>in our series</a>.</p>",
    ):
        box = f"<section class='box'><img src='d.png'><h3>Meltwater</h3>{card}</section>"
        assert "Teaser." not in html_article(page(box)).text, card
    # a card whose link holds its title, between its picture's credit and its excerpt
    card = (
        "<section class='box'><img src='d.png'><span>Photo archive</span><a href='/other'><h3>"
        "Another story</h3></a><p>Teaser. A line about a story on another page of the site.</p></section>"
    )
    assert "Teaser." not in html_article(page(card)).text


def test_prose_beside_an_image_longer_than_a_caption_line_stays_without_a_heading() -> None:
    prose = (
        "<div class='box'><img src='e.png'><p>Beside. The survey team walked the moraine every "
        "morning, logged the stakes drilled into the ice, and found that the lower tongue had "
        "thinned by four metres since the spring, more than in the two summers before.</p></div>"
    )
    linked = (
        "<div class='box'><img src='f.png'><p>Linked. The survey team walked the moraine every "
        "morning and logged the stakes, as told in <a href='/other'>last year's report on the "
        "lower tongue of the glacier</a>, which is on another page.</p></div>"
    )
    text = html_article(page(prose + linked)).text
    assert "Beside. The survey team walked the moraine" in text
    assert "Linked." not in text


def test_a_caption_whose_image_a_script_fills_in_is_cut_between_paragraphs() -> None:
    slot = "<div class='k7'><div class='k8' data-src='a.jpg'></div></div>"
    caption = (
        f"<div class='k5'>{slot}<div class='k6'><span>The valley from the north ridge in late "
        "summer, with the old snow line marked.</span><span>Survey archive</span></div></div>"
    )
    note = "<div class='k9'><span>Update, later in the day:</span> the survey added two more sites.</div>"
    text = html_article(page(caption + "<p>Paragraph 9. Between.</p>" + note)).text
    assert "north ridge" not in text
    assert "Survey archive" not in text
    assert "two more sites" in text  # no empty slot before its text: not a caption
    assert all(f"Paragraph {n}." in text for n in range(4))


def test_a_video_caption_under_a_subheading_is_cut() -> None:
    video = (
        "<div class='k5'><div class='k7'></div><div class='k6'><span>Part two: the ridge</span></div></div>"
    )
    text = html_article(page("<h2>On the ridge</h2>" + video)).text
    assert "Part two" not in text
    assert "On the ridge" in text


def test_an_image_and_its_caption_in_a_paragraph_span_or_component_box_are_cut() -> None:
    boxes = (
        "<p class='pic'><a href='big.jpg'><img src='f.jpg'></a><span>Caption one. The moraine "
        "in May. Photo: survey</span></p>"
        "<picbox><div><img src='g.jpg'></div><div><div>Caption two. Photo: survey</div></div></picbox>"
        "<p><span class='pic'><span><img src='h.jpg'></span><em>Caption three.</em>"
        "<em>Photo: survey</em></span></p>"
    )
    text = html_article(page(boxes)).text
    assert "Caption" not in text
    assert all(f"Paragraph {n}." in text for n in range(4))


def test_a_paragraph_that_opens_with_an_image_keeps_its_text() -> None:
    opening = f"<p><img src='i.jpg'>Opening. {SENTENCE[:90]}</p>"
    wrapped = f"<p><strong><img src='j.jpg'>Wrapped. {SENTENCE[:80]}</strong></p>"
    text = html_article(page(opening + wrapped)).text
    assert "Opening. The glacier lost" in text
    assert "Wrapped. The glacier lost" in text


def test_a_section_under_a_bold_line_stays_and_a_bold_line_over_logos_is_no_section() -> None:
    """A subheading set as a bold paragraph heads an illustrated section as an <h3> does; a box
    of a heading and pictures says nothing under its heading and is cut as an image block."""
    section = (
        "<section class='box'><img src='c.png'><p><strong>Meltwater</strong></p>"
        "<p>Section. The streams below the glacier ran twice as long.</p></section>"
    )
    logos = (
        "<section class='box'><p><strong>Our partners in the survey</strong></p>"
        "<img src='l1.png'><img src='l2.png'></section>"
    )
    text = html_article(page(section + logos)).text
    assert "Section. The streams below the glacier ran twice as long." in text
    assert "Our partners in the survey" not in text
    assert all(f"Paragraph {n}." in text for n in range(4))


CAPTION = "The valley in August"
OLD_BOX = "<div class='pic'><img src='v.png'>{}</div>"  # old-style markup's box for a <figure>
FIGURES = {
    "inside the figure": f"<figure><img src='v.png'><figcaption>{CAPTION}</figcaption></figure>",
    "beside the figure": f"<figure><img src='v.png'></figure><figcaption>{CAPTION}</figcaption>",
    "in a box named as a caption": OLD_BOX.format(f"<div class='pic-caption'>{CAPTION}</div>"),
    "in a paragraph named as a caption": OLD_BOX.format(f"<p class='caption-text'>{CAPTION}</p>"),
}


@pytest.mark.parametrize("caption_place", list(FIGURES))
def test_a_step_beside_a_captioned_figure_stays_and_its_linked_twin_is_cut(caption_place: str) -> None:
    """A how-to's step: a short line of text beside a <figure> that holds (or stands beside) its
    own caption, or beside an old-style box whose caption is named as one. The caption is marked,
    so the line is text; the same box with a link is a card."""
    figure = FIGURES[caption_place]
    step = (
        f"<div class='step'><div><span>Step 2</span><p>Walk up to the old snow line.</p></div>{figure}</div>"
    )
    text = html_article(page(step)).text
    assert "Walk up to the old snow line." in text
    card = step.replace("<p>Walk up", "<p><a href='/walk'>Walk up</a>")
    assert "Walk up" not in html_article(page(card)).text
