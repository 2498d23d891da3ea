"""A live report's entries are the story: each opens with a line that holds no prose, as a reader's
reply opens with its writer and time, but an entry's opens with the time, or the entry carries a
title or a row that shares it on other sites. Such entries stay, under a summary of one paragraph
or of several; replies are still cut."""

from __future__ import annotations

from tests.support.pages import (
    BUDGET_SENTENCE,
    headline_page,
    html_article,
    numbered_paragraphs,
    reader_replies,
)

SENTENCE = BUDGET_SENTENCE
PAGE = "https%3A%2F%2Fnews.example%2Flive%2Fbudget-night"
SHARE_ROW = (
    "<div class='e-tools'>"
    f"<a href='https://www.facebook.com/sharer/sharer.php?u={PAGE}'>Facebook</a> "
    "<a href='https://twitter.com/intent/tweet?text=Budget&url=https://news.example/live'>X</a> "
    "<a href='#entry'>Copy link</a></div>"
)
MAIL_ROW = (
    "<div class='e-tools'><a href='mailto:?subject=Budget&body=https://news.example/live'>Email</a></div>"
)


def _entries(count: int, title: bool = True, row: str = "", writer: str = " <span>Ann Writer</span>") -> str:
    return "".join(
        f"<div class='e-box'><div class='e-meta'><time>{10 + n}:05</time>{writer}</div>"
        + (f"<h2>The mayor answers question number {n}</h2>" if title else "")
        + f"<p>Entry {n}. {SENTENCE}</p><p>{SENTENCE}</p>{row}</div>"
        for n in range(count)
    )


def _live_page(summary: int, entries: str) -> str:
    summary_box = f"<div class='e-summary'>{numbered_paragraphs('Summary', summary)}</div>"
    return headline_page(f"{summary_box}<div class='e-feed'>{entries}</div>")


def _kept(text: str, count: int) -> int:
    return sum(f"Entry {n}." in text for n in range(count))


def test_untitled_entries_that_share_themselves_are_kept() -> None:
    for row in (SHARE_ROW, MAIL_ROW):
        for summary in (1, 3):
            text = html_article(_live_page(summary, _entries(6, title=False, row=row))).text
            assert _kept(text, 6) == 6, (row, summary)


def test_titled_entries_are_kept_with_or_without_a_row_of_links() -> None:
    for row in ("", "<div class='e-tools'><a href='#entry'>Link to this post</a></div>"):
        for summary in (1, 3):
            text = html_article(_live_page(summary, _entries(6, row=row))).text
            assert _kept(text, 6) == 6, (row, summary)
            assert "question number 5" in text
            if summary > 1:
                assert "Summary 0." in text  # (an intro of paragraphs; one is a dek, see docs)


def test_untitled_entries_stamped_with_their_time_first_are_kept() -> None:
    # No title, no share link: a link to the entry itself. The first part opens with the time, the
    # writer after it or none; a time alone may open with a short word.
    row = "<div class='e-tools'><a href='#entry'>Link to this post</a></div>"
    for stamp in ("", " GMT", " Uhr", " <span>Ann Writer</span>"):
        for summary in (1, 3):
            text = html_article(_live_page(summary, _entries(6, title=False, row=row, writer=stamp))).text
            assert _kept(text, 6) == 6, (stamp, summary)


def test_a_feed_set_as_a_list_beside_the_headline_s_summary_is_kept() -> None:
    # The entries are list items in a column of their own; a list of readers' entries beside the
    # headline's story is left out, a list of the report's entries is the text.
    items = "".join(
        f"<li class='e-item'><div class='e-meta'>{10 + n}:05</div><p>Entry {n}. {SENTENCE}</p>"
        f"<p>{SENTENCE}</p></li>"
        for n in range(8)
    )
    page = (
        "<html><head><title>Budget night</title></head><body><div class='top'><h1>Budget night</h1>"
        f"<div class='e-summary'>{numbered_paragraphs('Summary', 3)}</div></div>"
        f"<div class='col'><ul class='e-feed'>{items}</ul></div></body></html>"
    )
    text = html_article(page).text
    assert "Summary 0." in text
    assert _kept(text, 8) == 8


def test_an_entry_of_a_picture_and_a_paragraph_that_shares_itself_is_no_caption() -> None:
    # A picture and under a caption's length of text, but the text is prose and the links share it.
    entries = "".join(
        f"<div class='e-box'><div class='e-meta'><time>{10 + n}:05</time></div>"
        f"<p>Entry {n}. {SENTENCE} The vote on it is set for Friday, after one more hearing.</p>"
        f"<img src='/pictures/{n}.jpg' alt=''>{SHARE_ROW}</div>"
        for n in range(6)
    )
    text = html_article(_live_page(8, entries)).text  # (a summary long enough for the cuts to stand)
    assert _kept(text, 6) == 6


def test_replies_are_still_cut_whatever_their_writers_line_and_links() -> None:
    # A writer's name in a heading is no title, nor is a mail to the writer a share link, nor a
    # time after the name or after the day a stamp; a link that hands the page's address to the
    # same site (log in, then reply) shares nothing.
    heads = (
        "<b>Reader {n}</b>",
        "<h4>Reader {n}</h4>",
        "<a href='mailto:reader{n}@mail.example'>Reader {n}</a>",
        "<b>Reader {n}</b> 1{n}:05",
        "<b>0{n}.12.2026</b>",
    )
    tools = (
        "<a href='#reply-{n}'>Reply</a> <a href='#like-{n}'>Like</a>",
        "<a href='/login?next=https%3A%2F%2Fnews.example%2Fbudget'>Log in to reply</a>",
        "<a href='https://news.example/login?next=https://news.example/budget'>Log in to reply</a>",
    )
    story = f"<div class='txt'>{numbered_paragraphs('Story', 3)}</div>"
    for head in heads:
        for tool in tools:
            text = html_article(
                headline_page(f"{story}<div class='zz'>{reader_replies(5, head, tool, remarks=1)}</div>")
            ).text
            assert "Story 2." in text
            assert "Remark" not in text, (head, tool)
