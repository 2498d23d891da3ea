"""A last short paragraph holding a link (a call to subscribe, write in, read elsewhere), or a
one-line question to the reader, is a note, not the story's end: it is dropped, once. A closing
line without a link, a long closing paragraph with a link and a cited address stay."""

from __future__ import annotations

from tests.support.pages import html_article

BODY = "".join(
    f"<p>Paragraph {n} of the body tells how the harbour board weighed the plan to dredge the "
    f"old channel, and what the fishermen said about it at the hearing.</p>"
    for n in range(1, 6)
)
LAST = "<p>The board will vote on the plan in the spring.</p>"


def page(tail: str, body: str = BODY) -> str:
    """A story whose `body` ends with `tail`."""
    return f"<html><body><article><div class='article-body'>{body}{tail}</div></article></body></html>"


def test_a_short_linked_closing_paragraph_is_dropped() -> None:
    note = "<p>Like what you read? <a href='/join'>Join our list</a> and get the week's stories.</p>"
    text = html_article(page(LAST + note)).text
    assert "Join our list" not in text
    assert text.endswith("The board will vote on the plan in the spring.")


def test_only_one_note_is_dropped() -> None:
    linked = "<p>The plan is on <a href='/plan'>the board's site</a> until March.</p>"
    note = "<p>Write to us <a href='/letters'>through this form</a>.</p>"
    text = html_article(page(linked + note)).text
    assert "the board's site" in text
    assert "through this form" not in text


def test_closing_lines_without_a_link_a_long_linked_paragraph_and_an_address_stay() -> None:
    assert html_article(page(LAST)).text.endswith("in the spring.")
    long_linked = (
        "<p>In the end the board chose to wait: the survey of the channel, which the "
        "<a href='/survey'>port authority published</a> last year, showed silt building up far "
        "faster than anyone at the hearing had expected.</p>"
    )
    assert "port authority published" in html_article(page(long_linked)).text
    address = "<p><a href='https://harbour.example.org/plans/dredging-the-old-channel'>https://harbour.example.org/plans/dredging-the-old-channel</a></p>"
    assert (
        "https://harbour.example.org/plans/dredging-the-old-channel"
        in html_article(page(LAST + address)).text
    )


def test_a_closing_one_line_question_is_dropped_and_nothing_before_it() -> None:
    names = "".join(f"<p>{n}. Pier {n}</p>" for n in range(1, 4))
    text = html_article(page(names + "<p>Was this story useful?</p>")).text
    assert "Was this story useful?" not in text
    assert text.endswith("3. Pier 3")


def test_a_last_sentence_signed_with_the_writer_s_linked_initials_stays() -> None:
    """The writer's initials after the last sentence, linked to their address ("(abc)"), sign the
    story: the paragraph is no note. A note whose link says more still goes."""
    initials = "<span>(<a href='mailto:j@x.org'>jdo</a>)</span>"
    signed = f"<p>The board will vote on the plan in the spring. {initials}</p>"
    assert "in the spring. (jdo)" in html_article(page(signed)).text
    note = "<p>The board will vote in the spring. (<a href='/join'>Join our list</a>)</p>"
    assert "Join our list" not in html_article(page(LAST + note)).text


LINKED_BODY = "".join(  # a story that links a name in a sentence of each paragraph
    f"<p>Paragraph {n} of the body tells how the <a href='/topic/harbour-board'>Harbour Board</a> "
    f"weighed the plan to dredge the old channel, and what the fishermen said about it.</p>"
    for n in range(1, 6)
)


def test_a_last_paragraph_linking_a_name_as_the_story_does_stays() -> None:
    """A site that links the names in its story to their pages links one in the last paragraph
    too: set inside a sentence, as in the paragraphs before it, that link is the story's."""
    last = "<p>The <a href='/topic/port-authority'>Port Authority</a> will vote on it in the spring.</p>"
    assert html_article(page(last, LINKED_BODY)).text.endswith("will vote on it in the spring.")
    # the same paragraph after a story that links nothing is still a note
    assert "will vote on it in the spring." not in html_article(page(LAST + last)).text


def test_a_call_after_a_linking_story_is_still_dropped() -> None:
    """A call ends (or opens) with its link, or holds several: not a name linked in a sentence."""
    for note in (
        "<p>For more on the harbour, follow us on <a href='/social'>our page</a>.</p>",
        "<p><a href='/join'>Join our list</a> to get the week's stories.</p>",
        "<p>Get the <a href='/app'>app</a> or the <a href='/letter'>weekly letter</a> for more.</p>",
        "<p>More on the plan: <a href='/plan'>the board's page</a> has all the papers.</p>",
    ):
        text = html_article(page(LAST + note, LINKED_BODY)).text
        assert text.endswith("The board will vote on the plan in the spring."), note
