"""A story column beside a longer column of teaser cards (a linked title, then an excerpt) is the
text when the page's headline sits above both and no name marks either: excerpts under linked
titles do not count as the page's prose."""

from __future__ import annotations

from tests.support.pages import beside_teaser_cards, html_article

STORY = "<h2>After the storm</h2>" + "".join(
    f"<p>Paragraph {n}. The harbour reopened after three days of storms, and the boats went out.</p>"
    for n in range(5)
)
CARD = (
    "<li><p><a href='/story/{n}'>Another story number {n} from the coast</a></p>"
    "<p>Excerpt {n}. A summary of another story, two lines long, set under its title to make "
    "readers click through to it from the column beside the text.</p></li>"
)


def test_a_story_beside_a_column_of_teaser_excerpts_is_the_text() -> None:
    cards = "".join(CARD.format(n=n) for n in range(6))
    html = (
        "<html><head><title>Harbour reopens</title></head><body>"
        "<div class='k1'><div class='k2'><h1>Harbour reopens</h1></div>"
        f"<div class='k3'><div class='k4'>{STORY}</div><div class='k5'><ul>{cards}</ul></div></div>"
        "</div></body></html>"
    )
    text = html_article(html).text
    assert "Paragraph 4." in text
    assert "Excerpt 2." not in text


def test_a_story_that_dominates_teasers_beside_it_is_the_text_with_no_headline() -> None:
    """With no headline to anchor it, the story is walked into when it holds most of the prose
    once link text is discounted and the column beside it is link-heavy, though that column holds
    more than a quarter of the parent's prose."""
    sentence = "The harbour reopened on Tuesday after three days of storms kept every boat in port."
    story = "".join(f"<p>Paragraph {n}. {sentence}</p>" for n in range(5))
    teasers = "".join(
        f"<p><a href='/s/{n}'>Another story from the coast, number {n}, about the fishing fleet</a> "
        "It was a long winter for the boats and for the people who sail them.</p>"
        for n in range(4)
    )
    columns = f"<div class='k2'>{story}</div><div class='k3'>{teasers}</div>"
    html = f"<html><body><div class='k1'>{columns}</div></body></html>"
    text = html_article(html).text
    assert "Paragraph 4." in text
    assert "Another story" not in text


def test_a_short_story_beside_cards_titled_by_a_bare_link_is_the_text() -> None:
    # Each card a link line over an excerpt, with no heading: the column outweighs the story.
    text = html_article(beside_teaser_cards(f"<div class='k2'><h1>Harbour reopens</h1>{STORY}</div>")).text
    assert "Paragraph 0." in text and "Paragraph 4." in text
    assert "Excerpt 2." not in text


def test_a_story_s_box_named_by_a_strong_word_is_the_text_beside_cards() -> None:
    # The content system marks the story's own box as promoted (or under a paywall): a box the
    # cuts remove for certain by its name, which no longer outweighs the column once it sets out
    # a story's paragraphs.
    for names in ("node node-promoted", "entry paywall-on"):
        text = html_article(beside_teaser_cards(f"<div class='{names}'>{STORY}</div>")).text
        assert "Paragraph 0." in text and "Paragraph 4." in text, names
        assert "Excerpt 2." not in text, names


def test_the_body_below_the_headline_s_header_group_is_walked_into_beside_other_text() -> None:
    """Other text beside the page's wrapper (a site's about box) keeps the share rule from walking
    into it, so the walk steps to the headline's block; there the headline stands alone in a
    header group, and the body after it (the story beside the column of cards) is walked into as
    any body is, past the column."""
    cards = "".join(CARD.format(n=n) for n in range(6))
    about = "".join(
        f"<p>About {n}. The paper has covered the coast and its harbours since the war, and is "
        "read in every town along it, from the ferry port to the fishing villages.</p>"
        for n in range(4)
    )
    html = (
        "<html><head><title>Harbour reopens</title></head><body>"
        "<div class='k1'><div class='k2'><h1>Harbour reopens</h1></div>"
        f"<div class='k3'><div class='k4'>{STORY}</div><div class='k5'><ul>{cards}</ul></div></div>"
        f"</div><div class='k9'>{about}</div></body></html>"
    )
    text = html_article(html).text
    assert "Paragraph 4." in text
    assert "Excerpt 2." not in text
    assert "About 1." not in text


def test_a_short_post_under_its_headline_is_no_header_group_over_the_replies() -> None:
    """A post of one linked file under its headline, with its share and filing lines, above a
    thread of replies holding more prose: the post's box holds more than a line or two below the
    headline, so it is no header group over a body, and the walk does not leave it for the
    replies."""
    replies = "".join(
        f"<div class='r'><div class='m'><span>Reader {n}</span> <span>2 days ago</span></div>"
        f"<div class='b'><p>I read this twice, and I still think point {n} is the one that matters "
        "most here, whatever the others say about it.</p></div>"
        "<div class='f'><a href='#reply'>Reply</a> <a href='#like'>Like</a></div></div>"
        for n in range(4)
    )
    about = "".join(
        f"<p>About {n}. The club has met on Thursdays since the war, and its notes are read in "
        "every school along the coast, from the ferry port to the fishing villages.</p>"
        for n in range(4)
    )
    post = (
        "<div class='k2'><h1>Harbour notes</h1>"
        "<p>Our notes from the March meeting: <a href='/f.pdf'>notes</a></p>"
        "<p><a href='/s/1'>Share</a> <a href='/s/2'>Like</a> <a href='/s/3'>Print this page</a></p>"
        "<p>Filed under <a href='/c/notes'>Meeting notes</a>, <a href='/c/harbour'>Harbour</a></p></div>"
    )
    html = (
        "<html><head><title>Harbour notes</title></head><body>"
        f"<div class='k1'>{post}<div class='k3'>{replies}</div></div>"
        f"<div class='k9'>{about}</div></body></html>"
    )
    assert "Our notes from the March meeting: notes" in html_article(html).text


def test_a_story_beside_cards_in_a_bare_wrapper_is_the_text() -> None:
    # A template that nests every box one level deeper: the column's cards sit in a wrapper of
    # their own, which does not make them the page's text.
    story = f"<div class='k2'><h1>Harbour reopens</h1>{STORY}</div>"
    text = html_article(beside_teaser_cards(story, wrappers=1)).text
    assert "Paragraph 0." in text and "Paragraph 4." in text
    assert "Excerpt 2." not in text
