"""Labels left at the end of the text (a heading, a line ending in a colon, a short line with no
sentence end) are dropped when nothing follows them; real closing lines stay, and so does a
closing heading of two sentences or more (a pull quote)."""

from __future__ import annotations

from extractors.cleaning.blockfilter import trim_tail
from extractors.cleaning.blocks import Part

BODY: list[Part] = [
    ("paragraph", "The council passed its budget on Monday night after a long debate."),
    ("paragraph", "The mayor said the vote showed the city could still agree on hard choices."),
]


def test_trailing_heading_colon_line_and_short_label_are_dropped() -> None:
    tail: list[Part] = [
        ("heading", "More on this topic"),
        ("paragraph", "You might also like:"),
        ("paragraph", "About the author"),
    ]
    assert trim_tail(BODY + tail) == BODY


def test_a_closing_sentence_a_long_colon_paragraph_and_list_items_stay() -> None:
    closing: list[Part] = [("paragraph", "It ends here.")]
    assert trim_tail(BODY + closing) == BODY + closing
    long_colon: list[Part] = [
        ("paragraph", "The full statement, read out after the vote by the clerk, was this: " * 2)
    ]
    assert trim_tail(BODY + long_colon) == BODY + long_colon
    items: list[Part] = [("list", "200 g flour"), ("list", "2 eggs")]
    assert trim_tail(BODY + items) == BODY + items


def test_a_label_inside_the_text_stays() -> None:
    middle: list[Part] = [BODY[0], ("heading", "What happens next"), BODY[1]]
    assert trim_tail(middle) == middle


def test_a_text_of_one_block_is_never_emptied() -> None:
    assert trim_tail([("heading", "Contact")]) == [("heading", "Contact")]


def test_a_closing_heading_of_sentences_stays_and_a_one_line_heading_goes() -> None:
    quote: list[Part] = [("heading", "The vote was close. Nobody expected it to pass.")]
    assert trim_tail(BODY + quote) == BODY + quote
    label: list[Part] = [("heading", "Read the full budget.")]
    assert trim_tail(BODY + label) == BODY


def test_a_sentence_leading_in_to_a_cut_embed_stays_and_a_few_word_label_goes() -> None:
    lead_in: list[Part] = [("paragraph", "Readers on social media were quick to answer the mayor:")]
    assert trim_tail(BODY + lead_in) == BODY + lead_in
    label: list[Part] = [("paragraph", "Press contact:")]
    assert trim_tail(BODY + label) == BODY


def test_a_short_line_trailing_off_is_a_label_and_a_long_one_stays() -> None:
    """A widget's label trails off ("Please wait…", "Join the debate..."): short, it goes
    although its dots end it; a closing sentence that trails off is longer and stays."""
    labels: list[Part] = [("paragraph", "Join the debate..."), ("paragraph", "Please wait…")]
    assert trim_tail(BODY + labels) == BODY
    closing: list[Part] = [
        ("paragraph", "And the council will meet again in the spring, as it always does...")
    ]
    assert trim_tail(BODY + closing) == BODY + closing


def test_a_closing_copyright_notice_goes_and_an_excerpt_s_credit_stays() -> None:
    """The site's copyright notice closing the page goes with the labels before it; a credit for
    an excerpt, which opens with its own words, is the story's and stays."""
    notices: list[Part] = [
        ("paragraph", "Wire Desk"),
        ("paragraph", "™ & © 2015 Example Media Group. All rights reserved."),
    ]
    assert trim_tail(BODY + notices) == BODY
    assert trim_tail([*BODY, ("paragraph", "Copyright 2015 The Town Gazette.")]) == BODY
    credit: list[Part] = [("paragraph", "Excerpted from a longer essay. Copyright © 2015 by the author.")]
    assert trim_tail(BODY + credit) == BODY + credit
