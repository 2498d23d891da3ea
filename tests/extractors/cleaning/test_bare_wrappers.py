"""A template may nest a box in bare wrappers (a `<div>` whose one child is the box): they do not
change what the cleaner takes. An intro of paragraphs before the body is kept however deep its
paragraphs sit, and so is a question set apart from its answers when the answers sit in wrappers;
a wrapper beside an image slot is no bare wrapper (a caption's lines stay a caption)."""

from __future__ import annotations

import pytest

from tests.support.pages import html_article

SENTENCE = (
    "The ferry company added a second crossing on weekdays after the summer timetable proved too "
    "thin for the number of commuters on the island."
)


def wrapped(box: str, depth: int) -> str:
    """`box` inside `depth` bare <div> wrappers."""
    return "<div>" * depth + box + "</div>" * depth


@pytest.mark.parametrize("depth", [0, 1, 3])
def test_an_intro_of_paragraphs_is_kept_inside_bare_wrappers(depth: int) -> None:
    intro = wrapped(f"<p>Intro one. {SENTENCE}</p><p>Intro two. {SENTENCE}</p>", depth)
    details = "".join(f"<p>Detail {n}. {SENTENCE}</p>" for n in range(12))
    html = (
        "<html><body><div class='w1'><div class='w2'>"
        f"<div class='w3'>{intro}</div><div class='w4'>{details}</div>"
        "</div></div></body></html>"
    )
    text = html_article(html).text
    assert "Detail 11." in text
    assert "Intro one." in text and "Intro two." in text


@pytest.mark.parametrize("depth", [0, 1, 3])
def test_a_question_is_kept_beside_answers_in_bare_wrappers(depth: int) -> None:
    def post(kind: str, label: str, paragraphs: int) -> str:
        body = "".join(f"<p>{label}, part {n}. {SENTENCE}</p>" for n in range(paragraphs))
        return f"<div class='{kind}'><div class='w5'>{body}</div><span>share</span></div>"

    answers = wrapped("".join(post("w6", f"Answer {n}", 3) for n in range(4)), depth)
    html = (
        "<html><body><div class='w1'><div class='w2'>"
        f"{post('w7', 'Question', 2)}<div class='w8'>{answers}</div>"
        "</div></div></body></html>"
    )
    text = html_article(html).text
    assert "Answer 3, part 2." in text
    assert "Question, part 0." in text and "Question, part 1." in text


def test_a_wrapper_beside_an_image_slot_is_no_bare_wrapper() -> None:
    caption = (
        "<div class='w3'><div><div class='w9'><div></div></div><div>"
        f"<div>The harbour at dawn. {SENTENCE}</div><div>Photo archive of the island</div>"
        "</div></div></div>"
    )
    details = "".join(f"<p>Detail {n}. {SENTENCE}</p>" for n in range(12))
    html = (
        "<html><body><div class='w1'><div class='w2'>"
        f"{caption}<div class='w4'>{details}</div>"
        "</div></div></body></html>"
    )
    text = html_article(html).text
    assert "Detail 11." in text
    assert "The harbour at dawn." not in text
