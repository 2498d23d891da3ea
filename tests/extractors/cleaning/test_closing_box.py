"""A box of closing notes after the story (a page written for these tests, with class names no rule
knows): two or more short paragraphs, each with a link, set apart in a box after the story's last
paragraph, are cut whole; the same box between the story's paragraphs stays. A short box right
before an empty comment thread (its notice) is cut too."""

from __future__ import annotations

from tests.support.pages import STORY_PARAGRAPHS, html_article

BOX = (
    "<div class='z7'><div class='z8'>"
    "<p>The paper welcomes letters on any story it prints; write to the editors with your name and "
    "town through <a href='/letters'>our letters page</a>.</p>"
    "<p>Follow the harbour desk on <a href='/social'>our social pages</a> for updates.</p>"
    "</div></div>"
)


def _page(body: str) -> str:
    return (
        "<html><head><title>Harbour reopens</title></head><body><div class='z1'>"
        f"<h1>Harbour reopens</h1><div class='z2'>{body}</div></div></body></html>"
    )


def _paragraphs(texts: tuple[str, ...]) -> str:
    return "".join(f"<p>{text}</p>" for text in texts)


def test_a_box_of_linked_notes_after_the_story_is_cut() -> None:
    text = html_article(_page(_paragraphs(STORY_PARAGRAPHS) + BOX)).text
    assert "welcomes letters" not in text
    assert "social pages" not in text
    assert text.rstrip().endswith("across the bay.")


def test_the_same_box_before_the_story_goes_on_stays() -> None:
    closing = "Repairs to the two boats damaged in the storm will start at the yard across the bay next week."
    body = _paragraphs(STORY_PARAGRAPHS[:3]) + BOX + _paragraphs((closing,))
    text = html_article(_page(body)).text
    assert "welcomes letters" in text


LINES_BOX = (
    "<div class='z7'><div class='z8'><p>"
    "The paper welcomes letters on any story it prints; write to the editors with your name and "
    "town through <a href='/letters'>our letters page</a>.<br><br>"
    "Follow the harbour desk on <a href='/social'>our social pages</a> for updates.</p></div></div>"
)


def test_a_box_of_linked_notes_set_out_with_blank_lines_is_cut() -> None:
    text = html_article(_page(_paragraphs(STORY_PARAGRAPHS) + LINES_BOX)).text
    assert "welcomes letters" not in text
    assert "social pages" not in text
    assert text.rstrip().endswith("across the bay.")


def test_a_note_set_out_with_a_blank_line_before_an_unlinked_one_stays() -> None:
    unlinked = LINES_BOX.replace("<a href='/social'>our social pages</a>", "the harbour desk's pages")
    text = html_article(_page(_paragraphs(STORY_PARAGRAPHS) + unlinked)).text
    assert "welcomes letters" in text


NOTICE = (
    "<div class='z9'><p>Readers' views below are their own, not the paper's.</p>"
    "<p>Please keep to the subject and be civil to one another.</p></div>"
)


def test_a_notice_box_before_an_empty_comment_thread_is_cut() -> None:
    """A comment thread that a script fills in, with its notice in a box of its own right before
    it: the notice goes; the story's last paragraph before such a thread stays."""
    thread = "<div class='fb-comments' data-href='/harbour'></div>"
    text = html_article(_page(_paragraphs(STORY_PARAGRAPHS) + NOTICE + thread)).text
    assert "views below" not in text and "be civil" not in text
    assert text.rstrip().endswith("across the bay.")
    last = html_article(_page(_paragraphs(STORY_PARAGRAPHS) + thread)).text
    assert last.rstrip().endswith("across the bay.")


def test_a_notice_box_before_a_thread_with_comments_or_before_more_story_stays() -> None:
    filled = "<div class='comments'><p>I was there that night, and the ferry was full.</p></div>"
    assert "be civil" in html_article(_page(_paragraphs(STORY_PARAGRAPHS) + NOTICE + filled)).text
    more = _paragraphs(
        ("Repairs to the two boats damaged in the storm will start at the yard across the bay soon.",)
    )
    thread = "<div id='disqus_thread'></div>"
    body = _paragraphs(STORY_PARAGRAPHS[:3]) + NOTICE + thread + more
    assert "be civil" in html_article(_page(body)).text


def _linking(texts: tuple[str, ...]) -> str:
    """Paragraphs that each link a name inside a sentence, as a site that links its story does."""
    return "".join(
        f"<p>{text[:30]} the <a href='/topic/harbour-board'>Harbour Board</a> {text[30:]}</p>"
        for text in texts
    )


NAMES_BOX = (
    "<div class='z7'><div class='z8'>"
    "<p>The <a href='/topic/coast-guard'>Coast Guard</a> will inspect the new moorings in March.</p>"
    "<p>The <a href='/topic/ferry-company'>Ferry Company</a> expects its timetable back by May.</p>"
    "</div></div>"
)


def test_a_box_of_the_story_s_last_paragraphs_linking_names_stays_after_a_linking_story() -> None:
    """A site that links the names in its story links them in its last paragraphs, set in a box
    of their own, too: that box is the story's. After a story that links nothing, the same box
    reads as notes; a box of calls, whose links end their sentences, goes after either."""
    text = html_article(_page(_linking(STORY_PARAGRAPHS) + NAMES_BOX)).text
    assert text.rstrip().endswith("expects its timetable back by May.")
    assert (
        "Coast Guard will inspect" not in html_article(_page(_paragraphs(STORY_PARAGRAPHS) + NAMES_BOX)).text
    )
    assert "welcomes letters" not in html_article(_page(_linking(STORY_PARAGRAPHS) + BOX)).text
