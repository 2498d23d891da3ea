"""Pages holding several stories, each under its own <h1> (infinite scroll, a feed of posts).

The container choice favours the longest story; the page's own story is the one whose headline
is the page's title. When the chosen container lies in another story of the series (a sibling
of the same tag and class as the own story's scope: the largest element around its headline
that holds no other <h1>), that scope is returned."""

from __future__ import annotations

from bs4 import Tag

from extractors.cleaning.blockfilter import MIN_KEY, names_title, text_key
from extractors.cleaning.htmltree import TextStats, children, kind, text_of
from extractors.cleaning.textmeasure import text_length

MIN_STORY = 200  # characters of prose for the scope of the page's own story


def own_story(body: Tag, chosen: Tag, stats: TextStats, h1s: list[Tag], title: str | None) -> Tag | None:
    """The scope of the page's own story when `chosen` lies in another story of the same series,
    else None."""
    if not title or len(h1s) < 2:
        return None
    key = text_key(title)
    headlines = [
        (h, k) for h in h1s if id(h) in stats.pos and text_length(k := text_key(text_of(h))) >= MIN_KEY
    ]
    matches = [h for h, k in headlines if names_title(k, key)]
    if len(headlines) < 2 or len(matches) != 1:
        return None
    own = matches[0]
    scope = own
    for ancestor in own.parents:
        if ancestor is body or id(ancestor) not in stats.pos:
            break
        if any(h is not own and stats.contains(ancestor, h) for h, _ in headlines):
            break
        scope = ancestor
    if scope is own or stats.prose.get(id(scope), 0) < MIN_STORY or stats.contains(scope, chosen):
        return None
    return scope if _in_sibling_of_kind(scope, chosen, stats) else None


def _in_sibling_of_kind(scope: Tag, chosen: Tag, stats: TextStats) -> bool:
    """`chosen` lies inside (or is) a sibling of `scope` with the same tag and class."""
    parent = scope.parent
    if parent is None:
        return False
    return any(
        sibling is not scope
        and kind(sibling) == kind(scope)
        and (sibling is chosen or stats.contains(sibling, chosen))
        for sibling in children(parent)
    )
