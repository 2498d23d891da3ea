"""The container choice does not leave most of the text behind: posts nested in their like
(unclosed markup), an intro of paragraphs before the body, a post set apart from its series —
the last two however many bare wrappers a template nests the boxes in (a wrapper beside an image
slot is no bare wrapper: a caption's lines stay a caption)."""

from __future__ import annotations

import pytest

from extractors.cleaning import content
from tests.support.pages import html_article

SENTENCE = (
    "The council debated the new budget for the coming year line by line until late in the "
    "evening, and the mayor answered every question from the floor."
)


def _post(label: str, sentences: int, nested: str = "") -> str:
    """One post of a thread; `nested` is put inside it, as unclosed markup leaves the next post."""
    text = " ".join([SENTENCE] * sentences)
    return (
        "<article class='message'><div class='message-inner'>"
        f"<div class='message-text'><p>{label}. {text}</p></div>{nested}</div></article>"
    )


def test_posts_nested_in_their_like_keep_the_first_post() -> None:
    thread = _post("Opening post", 2, _post("First reply", 2, _post("Last reply", 12)))
    html = f"<html><body><div class='page'><div class='thread'>{thread}</div></div></body></html>"
    text = html_article(html).text
    assert "Opening post." in text
    assert "First reply." in text
    assert "Last reply." in text


def test_a_layout_grid_nested_in_its_like_does_not_stop_the_descent() -> None:
    facts = "".join(f"<li>Fact {n}: the frame is made of pine wood, sealed twice</li>" for n in range(5))
    body = "".join(f"<p>Detail {n}. {SENTENCE}</p>" for n in range(8))
    html = (
        "<html><body><div class='page'><div class='row'>"
        f"<div class='facts'><ul>{facts}</ul></div>"
        f"<div class='row'><div class='col'><div class='text'>{body}</div></div></div>"
        "</div></div></body></html>"
    )
    text = html_article(html).text
    assert "Detail 7." in text
    assert "Fact 0:" not in text


def wrapped(box: str, depth: int) -> str:
    """`box` inside `depth` bare <div> wrappers (a template may nest a box in any number)."""
    return "<div>" * depth + box + "</div>" * depth


@pytest.mark.parametrize("depth", [0, 1, 3])
def test_an_intro_of_paragraphs_before_the_body_is_kept(depth: int) -> None:
    details = "".join(f"<p>Detail {n}. {SENTENCE}</p>" for n in range(8))
    intro = wrapped(f"<p>Intro one. {SENTENCE}</p><p>Intro two. {SENTENCE}</p>", depth)
    html = (
        "<html><body><div class='page'><div class='listing'>"
        f"<div>{intro}</div>"
        f"<div><div class='features'>{details}</div><ul><li>Pool</li><li>Garden</li></ul></div>"
        "</div></div></body></html>"
    )
    text = html_article(html).text
    assert "Detail 7." in text
    assert "Intro one." in text and "Intro two." in text


def test_a_caption_beside_an_image_slot_is_no_intro() -> None:
    details = "".join(f"<p>Detail {n}. {SENTENCE}</p>" for n in range(12))
    caption = (
        "<div class='w3'><div><div class='w9'><div></div></div><div>"
        f"<div>The hall at dusk. {SENTENCE}</div><div>Photo archive of the council</div>"
        "</div></div></div>"
    )
    html = (
        f"<html><body><div class='page'><div class='w2'>{caption}<div class='w4'>{details}</div></div></div>"
        "</body></html>"
    )
    text = html_article(html).text
    assert "Detail 11." in text
    assert "The hall at dusk." not in text


@pytest.mark.parametrize("depth", [0, 1, 3])
def test_a_question_set_apart_from_its_answers_is_kept(depth: int) -> None:
    def post(kind: str, label: str, sentences: int) -> str:
        body = "".join(f"<p>{label}, part {n}. {SENTENCE}</p>" for n in range(sentences))
        return f"<div class='{kind}'><div class='post-body'>{body}</div><span>share</span></div>"

    answers = wrapped("".join(post("answer", f"Answer {n}", 3) for n in range(4)), depth)
    html = (
        "<html><body><div class='page'><div id='mainbar'>"
        f"{post('question', 'Question', 2)}<div id='answers'>{answers}</div>"
        "</div></div></body></html>"
    )
    text = html_article(html).text
    assert "Answer 3, part 2." in text
    assert "Question, part 0." in text and "Question, part 1." in text


def test_a_list_of_teaser_cards_is_not_taken_for_the_story() -> None:
    cards = "".join(
        f"<div class='card'><h2><a href='/s{n}'>Another story number {n} with a long headline</a></h2>"
        f"<p>Teaser {n}. {SENTENCE[:120]}</p></div>"
        for n in range(6)
    )
    html = (
        "<html><body><div id='container'>"
        f"<div id='story'><p>The story. {SENTENCE} {SENTENCE}</p></div>"
        f"<div id='more'>{cards}</div>"
        "</div></body></html>"
    )
    text = html_article(html).text
    assert "The story." in text
    assert "Teaser 0." not in text


def test_posts_named_by_a_boilerplate_word_do_not_make_one_of_them_dominate(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The like-chunks rule is switched off: the share alone must not take one post of the thread.
    monkeypatch.setattr(content, "_like_chunks_prose", lambda best, kids, stats: 0)
    posts = "".join(
        f"<div class='userComment'><p>Post {n}. {' '.join([SENTENCE] * (4 if n == 2 else 2))}</p></div>"
        for n in range(5)
    )
    html = f"<html><body><div class='page'><main>{posts}</main></div></body></html>"
    text = html_article(html).text
    assert "Post 0." in text and "Post 4." in text


def test_a_list_of_linked_items_is_not_passed_over_for_a_header_group() -> None:
    items = "".join(
        f"<div class='item'><h3><a href='/p{n}'>Product number {n} of the best tents</a></h3>"
        f"<p>Item {n}. {SENTENCE[:100]}</p></div>"
        for n in range(6)
    )
    html = (
        "<html><body><div class='wrap'>"
        f"<header><h1>The best tents</h1><p>Summary. {SENTENCE} {SENTENCE}</p></header>"
        f"<div class='list'>{items}</div>"
        "</div></body></html>"
    )
    text = html_article(html).text
    assert "Item 0." in text and "Item 5." in text


def test_a_byline_box_before_the_body_is_no_intro() -> None:
    """A byline and a date line, each a box of its own above the story column, do not keep the
    descent at the parent: the column of teasers beside the story stays out."""
    story = "".join(f"<p>Detail {n}. {SENTENCE}</p>" for n in range(12))
    byline = (
        "<div class='meta'><div>By Anna Berg, Carl Dahl, Eva Falk and Gus Hahn, The City Paper Desk</div>"
        "<div>Filed on March 3, 2015, at 08:15 GMT, revised</div></div>"
    )
    teasers = "".join(
        f"<div class='card'><div><a href='/t{n}'>Teaser {n}</a></div>"
        f"<div>April {n + 1}, 2014</div><div>Summary {n}. {SENTENCE}</div></div>"
        for n in range(3)
    )
    html = (
        f"<html><body><div class='area'><h1>The budget is passed</h1>{byline}"
        f"<div class='left'>{story}</div><div class='right'>{teasers}</div></div></body></html>"
    )
    text = html_article(html).text
    assert "Detail 11." in text
    assert "Summary" not in text
