"""The end of a story that links names inside its sentences (pages written for these tests, with
class names no rule knows): a box holding the story's only paragraph, with lines pointing to its
audio after it, is no box of closing notes (no paragraph of a story comes before it); a story's
paragraphs that link a name inside a sentence beside another link count as linking names, so its
last paragraph linking a name stays; a last paragraph that ends in a colon leads in to what was cut
after it and goes, as a note does."""

from __future__ import annotations

from tests.support.pages import STORY_PARAGRAPHS, html_article


def _page(body: str, title: str = "Harbour reopens") -> str:
    return (
        f"<html><head><title>{title}</title></head><body><div class='z1'>"
        f"<h1>{title}</h1><div class='z2'>{body}</div></div></body></html>"
    )


WIDGET = (  # a share widget's help lines and a photo's caption before the post's box
    "<div class='z8'><div>Click the button to add this story to your timeline</div>"
    "<div>See what your friends have read on the sites</div><div>Turn it off at any time</div>"
    "<div>Use the remove button to take a story off your timeline</div><div>What is this?</div></div>"
    "<div class='z4'><img src='/crew.jpg'>"
    "<p>The lifeboat crew at the studio this morning (studio photo)</p></div>"
)
POST = (
    "<p class='z5'>June 8, 2024</p>"
    "<div class='z6'><p>The crew of the lifeboat came to the studio this morning, and the "
    "<a href='/topic/harbour-master'>Harbour Master</a> thanked them for the night they spent at sea "
    "bringing two fishermen home through the storm, with the wind still rising and the harbour "
    "lights out.</p>"
    "<p>Listen: <a href='/audio/lifeboat'>The lifeboat crew in the studio</a></p>"
    "<p><a href='/audio/lifeboat.mp3'>Download the audio</a></p></div>"
)


def test_a_short_post_whose_paragraph_links_a_name_is_no_box_of_closing_notes() -> None:
    """A short post whose one paragraph links a name, with the lines pointing to its audio after it
    in one box: no paragraph of a story comes before that box, so it holds the story."""
    text = html_article(_page(WIDGET + POST, "Lifeboat crew")).text
    assert "thanked them for the night" in text


def test_a_box_of_closing_notes_after_a_story_is_still_cut() -> None:
    notes = (
        "<div class='z7'><p>The paper welcomes letters on any story it prints; write through "
        "<a href='/letters'>our letters page</a>.</p>"
        "<p>Follow the harbour desk on <a href='/social'>our social pages</a> for updates.</p></div>"
    )
    story = "".join(f"<p>{text}</p>" for text in STORY_PARAGRAPHS)
    text = html_article(_page(story + notes)).text
    assert "welcomes letters" not in text and text.rstrip().endswith("across the bay.")


TWO_LINKS = "".join(  # a name linked inside a sentence, and a source linked at the sentence's end
    f"<p>Paragraph {n} of the body tells how the <a href='/topic/harbour-board'>Harbour Board</a> "
    f"weighed the plan to dredge the old channel, as <a href='/news/{n}'>reported last week</a>.</p>"
    for n in range(1, 6)
)


def test_a_last_paragraph_linking_a_name_stays_after_paragraphs_linking_names_and_sources() -> None:
    """The story's paragraphs each link a name inside a sentence beside another link: they count
    as linking names as the last paragraph does, which stays."""
    last = "<p>The <a href='/topic/port-authority'>Port Authority</a> will vote on it in the spring.</p>"
    text = html_article(_page(TWO_LINKS + last)).text
    assert text.rstrip().endswith("will vote on it in the spring.")


def test_a_last_paragraph_leading_in_to_what_was_cut_is_dropped_after_a_linking_story() -> None:
    """A last paragraph whose link sits inside a sentence but which ends in a colon leads in to what
    was cut after it (a button, a form): a note, even after a story that links names."""
    lead_in = (
        "<p>With the button below you can add this episode to a list on the "
        "<a href='https://lists.example.org'>Example Lists</a> site, where you log in first:</p>"
    )
    text = html_article(_page(TWO_LINKS + lead_in)).text
    assert "With the button below" not in text
    assert text.rstrip().endswith("as reported last week.")
