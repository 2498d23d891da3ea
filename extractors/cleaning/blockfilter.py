"""Block-level clean-up after extraction: headline, byline, widget labels, CMS shortcodes."""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractors.cleaning.blocks import CUT, RULE, LinkedLine, LinkedText, Part
from extractors.cleaning.boilerplate import (
    ADDRESS,
    LINKING_SHARE,
    REFERENCE_WORDS,
    link_dense,
    reference_label,
)
from extractors.cleaning.textmeasure import (
    COLONS,
    QUESTION_MARKS,
    ends_sentence,
    sentence_count,
    text_length,
    word_count,
)

NOISE_LINES = frozenset(
    {
        "advert",
        "advertisement",
        "ad",
        "ads",
        "sponsored",
        "comments",
        "comment",
        "share",
        "sharethis",
        "sharethisarticle",
        "shareonfacebook",
        "tweet",
        "printthisarticle",
        "print",
        "email",
        "readmore",
        "continuereading",
        "skipadvert",
        "advertisementcontinuereadingbelow",
        "storycontinuesbelow",
        "storycontinuesbelowadvertisement",
        "relatedarticles",
        "relatedstories",
        "tellusyourthoughts",
        "leaveacomment",
        "loadingcomments",
        "showcomments",
        "updated",
        "published",
        "close",
        "menu",
        "search",
        # the advertisement, comments and share labels of other languages (keys: lowercase letters
        # and digits, accents kept; de, fr, es, it, pt, nl, pl, sv, ru, zh, ja)
        "anzeige",
        "werbung",
        "publicité",
        "publicidad",
        "pubblicità",
        "publicidade",
        "advertentie",
        "reklama",
        "annons",
        "kommentare",
        "commentaires",
        "comentarios",
        "commenti",
        "comentários",
        "reacties",
        "komentarze",
        "teilen",
        "partager",
        "compartir",
        "condividi",
        "compartilhar",
        "delen",
        "udostępnij",
        "реклама",
        "комментарии",
        "поделиться",
        "广告",
        "広告",
    }
)
READING_TIME_MAX = 40  # characters (text_length): a reading-time line is a duration and a label
_MINUTES = re.compile(r"(?<!\d)\d{1,3}\s*(?:min|минут|分)", re.IGNORECASE)  # min, mins, minutes, Minuten, ...
# the reading words of the noise lines' languages: read, Lese-, leitura, lectura, lettura, lecture,
# lees-, czytania, läs-, чтения, 阅读, 読
_READING = re.compile(
    r"\b(?:read|lese|leitura|lectura|lettura|lecture|lees|czyt|läs|чтени)|阅读|読", re.IGNORECASE
)


def is_reading_time(text: str) -> bool:
    """A line giving the story's reading time ("5 min read", "Lesezeit: 4 Min.", "Tempo de
    leitura: 2 minutos"): a number of minutes and a reading word, and little else."""
    return (
        text_length(text) < READING_TIME_MAX
        and _MINUTES.search(text) is not None
        and _READING.search(text) is not None
    )


_SHORTCODE = re.compile(r"\[(\w+)[^\]]*\].*\[/\1\]|\[\w+[^\]]*\]", re.DOTALL)
_NON_ALNUM = re.compile(r"[\W_]+")
_BY = re.compile(r"\b(?:by|von|par|por|door|di)\s+", re.IGNORECASE)  # the by-words
_NAME_SEPARATOR = re.compile(r"\s*(?:,|&|\b(?:and|und|et|y|e|en)\b)\s*")  # the by-words' languages


TRAIL_KEY = 10  # letters and digits (text_length) a title needs for a block ending in it to be a trail


def filter_blocks(parts: list[Part], title: str | None, authors: Sequence[str] = ()) -> list[Part]:
    """Remove the headline (a heading, or an early block, repeating the title or ending in it: a
    breadcrumb trail), a leading
    "By ..." byline (one block, or a by-word and a line of names) or publication stamp (see
    is_date_stamp) among the first three blocks kept, widget labels ("Advertisement", "Share")
    and CMS shortcodes; lines set out with <br> that the cuts would take as paragraphs of their own
    (see _cut_link_lines); at the end, labels, notes, a note on the writer and a wire's credits
    (see trim_tail)."""
    key = text_key(title) if title else None
    trail_key = key if key and text_length(key) >= TRAIL_KEY else None  # a title a trail can end in
    kept: list[Part] = []
    parts, ruled = _rule_marks(_drop_cut_labels(_cut_link_lines(parts)))
    skip = False
    for index, (kind, text) in enumerate(parts):
        if skip:
            skip = False
            continue
        own = text_key(text) if len(text) <= 300 else None  # (a short block's key, once)
        if own is not None and (kind == "heading" or index < 3) and own == key:
            continue
        if own and key and index < 3 and names_title(own, key):
            continue  # the headline, the title adding the site's name
        if own is not None and index < 3 and trail_key and own.endswith(trail_key) and kind != "heading":
            continue  # a breadcrumb trail ending in the headline
        opening = len(kept) < 3  # among the first three blocks the text keeps
        if opening and len(text) < 80 and is_byline(text):
            continue
        if opening and _BY.fullmatch(text.strip() + " ") and index + 1 < len(parts):
            skip = _credit_line(*parts[index + 1])  # a byline set in two blocks: "By", then the names
            if skip:
                continue
        if opening and kind != "heading" and (is_date_stamp(text) or is_date_line(text)):
            if kept and _credit_line(*kept[-1]):
                kept.pop()  # the stamp's byline ("A. Name, Agency")
            continue
        if own is not None and (own in NOISE_LINES or _SHORTCODE.fullmatch(text) or is_reading_time(text)):
            continue
        kept.append((kind, text))
    return trim_tail(_drop_frame_lines(kept), ruled, authors)


FRAME_BLOCKS = 3  # blocks at each end of the text where a frame line is looked for


def _drop_frame_lines(parts: list[Part]) -> list[Part]:
    """Drop a short line (TAIL_SHORT) met both among the first and among the last FRAME_BLOCKS
    blocks: the label of a bar the template sets above and below the story ("Share this!"), not
    the story's words, which do not open and close it with the same short line."""
    if len(parts) <= 2 * FRAME_BLOCKS:
        return parts
    tail = len(parts) - FRAME_BLOCKS
    ends = {text_key(text): i for i, (_, text) in enumerate(parts[tail:], tail)}
    drop: set[int] = set()
    for index, (_, text) in enumerate(parts[:FRAME_BLOCKS]):
        key = text_key(text)
        if key and key in ends and text_length(text) <= TAIL_SHORT:
            drop.update((index, ends[key]))
    return [part for i, part in enumerate(parts) if i not in drop] if drop else parts


def _cut_link_lines(parts: list[Part]) -> list[Part]:
    """The parts with a CUT in place of each line of a paragraph set apart by <br> that the cuts
    would take as a paragraph of its own: a cross-reference (see _reference_line), or one of two or
    more link-dense lines standing together (a list of links set out with line breaks)."""
    dense = [_dense_line(*part) for part in parts]
    return [
        CUT
        if _reference_line(*part)
        or (dense[i] and ((i > 0 and dense[i - 1]) or (i + 1 < len(dense) and dense[i + 1])))
        else part
        for i, part in enumerate(parts)
    ]


def _dense_line(kind: str, text: str) -> bool:
    """A line set apart by <br> that is mostly link text (a paragraph's limit), not a web or e-mail
    address (a source)."""
    if kind != "paragraph" or not isinstance(text, LinkedLine) or ADDRESS.fullmatch(text.links):
        return False
    return link_dense("p", text_length(text), text_length(text.links))


def _reference_line(kind: str, text: str) -> bool:
    """A line set apart as a paragraph by blank lines (see LinkedLine.apart) that is a short label
    ending in a colon and one link of REFERENCE_WORDS words or more making up the rest ("See also:
    <a>another story</a>"): the cross-reference the cuts take out of a paragraph of its own."""
    if kind != "paragraph" or not isinstance(text, LinkedLine) or not text.apart():
        return False
    links = text.links
    return word_count(links) >= REFERENCE_WORDS and reference_label(
        text.label, text_length(text), text_length(links)
    )


def _rule_marks(parts: list[Part]) -> tuple[list[Part], set[int]]:
    """The parts without the RULE marks (<hr> elements), and the ids of the texts that follow one
    (the text objects pass through the block filter unchanged)."""
    ruled = {id(parts[i + 1][1]) for i, part in enumerate(parts[:-1]) if part is RULE}
    return [part for part in parts if part is not RULE], ruled


def _drop_cut_labels(parts: list[Part]) -> list[Part]:
    """The parts without CUT markers and without the labels right before one: a heading or
    short line that introduced a link list or teaser which was cut ("Read more:", "Related")."""
    kept: list[Part] = []
    for index, part in enumerate(parts):
        if part is CUT:
            continue
        following = parts[index + 1] if index + 1 < len(parts) else None
        if following is CUT and _heading_label(*part):
            continue
        kept.append(part)
    return kept


NOTE_MAX = 180  # characters (text_length): a closing paragraph this short that holds a link is a note
TAIL_SHORT = 40  # characters (text_length): a last block this short with no sentence end is a label
RULED_NOTE = 400  # characters (text_length): what follows a rule line this short is set apart from the story
RULED_BLOCKS = 3  # blocks after a rule line at most
RULE_ELEMENT_NOTE = 250  # characters (text_length): what follows an <hr> this short is set apart
_RULE_LINE = re.compile(r"\s*(?:[_*=~\-–—•·]\s*){3,}")
TAIL_LABEL = 100  # characters (text_length): a heading or a line ending in a colon this short is a label
LEAD_IN_WORDS = 6  # words: a line ending in a colon this long is a sentence leading in, not a label
COPYRIGHT_NOTE = 300  # characters (text_length): a copyright notice closing the page is this short
_COPYRIGHT = re.compile(r"\W{0,6}(?:©|\(c\)|copyright\b)", re.IGNORECASE)  # after marks ("™ & ©")


def trim_tail(
    parts: list[Part], ruled: set[int] | frozenset[int] = frozenset(), authors: Sequence[str] = ()
) -> list[Part]:
    """Drop the labels left at the end of the text: a heading, a line of a few words ending in a
    colon (a longer one is a sentence leading in to what was cut: it stays), or a short line
    with no sentence end ("More on this topic", "About the author", "News"), when nothing
    follows them — what they introduced (a link list, a bio, a form) was cut — and a copyright
    notice (the site's, closing the page: see `_copyright_notice`). Then one
    closing note: a last short paragraph that holds a link (a call to subscribe, follow, write
    in, read elsewhere), which points away from the story rather than telling it; and one note
    on the writer or the wire's credits (see `_writer_note`, `_credit_note`)."""
    end = len(parts)
    while end > 1 and (_label(*parts[end - 1]) or _copyright_notice(parts[end - 1][1])):
        end -= 1
    end = _before_rule_line(parts, end, ruled)
    end = _before_author_box(parts, end, authors)
    if end > 1 and _closing_note(*parts[end - 1]) and not _linked_as_the_story(parts, end - 1):
        end -= 1
        end = _before_rule_line(parts, end, ruled)  # a rule line above the note: what is left below it
    if end > 1 and (_writer_note(parts[end - 1][1], authors) or _credit_note(parts[end - 1][1])):
        end -= 1
    return parts[:end]


def _linked_as_the_story(parts: list[Part], index: int) -> bool:
    """The block at `index` holds one link set inside a sentence (see `LinkedText.in_sentence`),
    as LINKING_SHARE or more of the paragraphs before it that end a sentence hold one (among
    their other links, see `LinkedText.names`): a site that links the names in its story to their
    pages, whose last paragraph is the story's, not a note pointing away (a call to follow or
    subscribe ends, or opens, with its link). One that ends in a colon leads in to what was cut
    after it (a button, a form: "log in there to add it:"): no story ends so."""
    text = parts[index][1]
    if not isinstance(text, LinkedText) or not text.in_sentence or text.rstrip().endswith(COLONS):
        return False
    story = [text for kind, text in parts[:index] if kind == "paragraph" and ends_sentence(text)]
    linking = sum(isinstance(text, LinkedText) and text.names for text in story)
    return bool(story) and linking >= LINKING_SHARE * len(story)


def _copyright_notice(text: str) -> bool:
    """A short line opening with a copyright sign or word ("© 2020 Example Media. All rights
    reserved.", "Copyright 2019 ..."): the site's notice, not the story's last line (a credit for
    an excerpt, "Excerpted from ... Copyright © ...", opens with its own words and stays)."""
    return text_length(text) < COPYRIGHT_NOTE and _COPYRIGHT.match(text) is not None


WRITER_NOTE = 400  # characters (text_length): a note on the writer is this short
_HANDLE = re.compile(r"(?<![\w@])@\w{2,}")


def _writer_note(text: str, authors: Sequence[str]) -> bool:
    """A short last paragraph that names one of the page's authors (their full name, or the last
    word of it) and gives an e-mail address or a handle to reach them ("Jane Doe may be reached
    at jdoe@example.org", "Follow her @janedoe"): a note on the writer, not the story."""
    if text_length(text) > WRITER_NOTE or not (ADDRESS.search(text) or _HANDLE.search(text)):
        return False
    last_names = (words[-1] for words in (name.split() for name in authors) if words and len(words[-1]) > 2)
    return any(re.search(rf"\b{re.escape(last)}\b", text) for last in last_names)


AUTHOR_BOX = 600  # characters (text_length): a box on the writer closing the text is this short


def _before_author_box(parts: list[Part], end: int, authors: Sequence[str]) -> int:
    """`end` moved back to a heading among the last RULED_BLOCKS blocks that names one of the
    page's authors in full ("About Jane Doe", "Jane Doe", in the page's language), or to a line
    that is the name alone with more after it, when what follows it is short (AUTHOR_BOX): the
    writer's box, a bio under their name, closing the page as a template sets it, not the story's
    words (a signature line, the name with more, or the name closing the text, stays)."""
    names = [name.split() for name in authors if len(name.split()) >= 2]
    if not names:
        return end
    keys = {text_key(" ".join(words)) for words in names}
    after = 0
    for index in range(end - 1, max(0, end - 1 - RULED_BLOCKS), -1):
        kind, text = parts[index]
        named = kind == "heading" and any(_names(text, words) for words in names)
        if index > 0 and (named or (after and text_key(text) in keys)):
            return index if after < AUTHOR_BOX else end
        after += text_length(text)
    return end


def _names(text: str, words: list[str]) -> bool:
    """Every word of a name in `text`, as words."""
    return all(re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text) for word in words)


def _before_rule_line(parts: list[Part], end: int, ruled: set[int] | frozenset[int]) -> int:
    """`end` moved back to a rule line ("___", "* * *") among the last blocks when what follows it
    is short (RULED_NOTE): a line drawn off the story to set a note, a credit or a bio apart. An
    <hr> element (its next block's text id in `ruled`) is one too when what follows it is shorter
    (RULE_ELEMENT_NOTE: pages also draw it between sections) and ends a sentence (a gallery's or a
    section's title after it is no note)."""
    after = 0
    for index in range(end - 1, max(0, end - 1 - RULED_BLOCKS), -1):
        text = parts[index][1]
        if index > 0 and _RULE_LINE.fullmatch(text):
            return index
        after += text_length(text)
        if index > 0 and id(text) in ruled:
            if after < RULE_ELEMENT_NOTE and ends_sentence(parts[end - 1][1].rstrip()):
                return index
            break
        if after >= RULED_NOTE:
            break
    return end


_SIGN_OFF = re.compile(r"[.!?…]\s*\(([^\W\d_]{2,5})\)$")  # a sentence's end, then "(abc)"


def _closing_note(kind: str, text: str) -> bool:
    """A short paragraph holding a link, other than a bare web or e-mail address (a source), or a
    one-line question ("Liked this story?") that asked the reader to go on elsewhere."""
    if kind != "paragraph":
        return False
    length = text_length(text)
    if length < TAIL_SHORT and text.endswith(QUESTION_MARKS):
        return True
    if not isinstance(text, LinkedText) or length >= NOTE_MAX:
        return False
    signed = _SIGN_OFF.search(text)
    if signed is not None and text.links == signed[1]:
        return False  # its one link is the writer's initials signing the story's last sentence
    return ADDRESS.fullmatch(text) is None


def _heading_label(kind: str, text: str) -> bool:
    """A short heading, or a line of a few words ending in a colon."""
    stripped = text.rstrip()
    if kind == "heading":
        return text_length(stripped) < TAIL_LABEL
    return text_length(stripped) < TAIL_SHORT and stripped.endswith(COLONS)


_ELLIPSES = ("...", "…")  # a short line trailing off (a widget's "Please wait…") is a label


def _label(kind: str, text: str) -> bool:
    """A block that introduces something rather than saying something."""
    stripped = text.rstrip()
    length = text_length(stripped)
    if length >= TAIL_LABEL:
        return False
    if kind == "heading" and sentence_count(stripped) >= 2:
        return False  # a heading of sentences (a pull quote) says something
    if kind == "heading":
        return True
    if stripped.endswith(COLONS):  # a label ("Contact:"), not a sentence leading in to an embed
        return word_count(stripped) < LEAD_IN_WORDS
    return (
        kind == "paragraph"
        and length < TAIL_SHORT
        and (stripped.endswith(_ELLIPSES) or not ends_sentence(stripped))
    )


def is_byline(text: str) -> bool:
    """ "By Jane Doe and John Roe": a by-word followed only by capitalised names."""
    match = _BY.match(text)
    if not match:
        return False
    names = [n for n in _NAME_SEPARATOR.split(text[match.end() :].rstrip(" .")) if n]
    return bool(names) and all(_name(name) for name in names)


def _name(text: str) -> bool:
    """One to four words, each capitalised: a person's or an agency's name."""
    return 1 <= len(words := text.split()) <= 4 and all(w[0].isupper() for w in words)


CREDIT_ROLE_WORDS = 2  # words naming a credit's role before its by-word ("Reporting", "additional reporting")
CREDIT_NOTE = 400  # characters (text_length): a note of credits is this short
_CREDIT_SEPARATOR = re.compile(rf"\s*;\s*|{_NAME_SEPARATOR.pattern}")  # between credits or names


def _credit_note(text: str) -> bool:
    """Credits, each a role of a word or two, a by-word and capitalised names, set apart by commas or
    semicolons: two or more, or one in parentheses ("(Reporting by Jane Doe; editing by John
    Roe)"): the agency's credits closing a wire story, not its text."""
    stripped = text.strip()
    if text_length(stripped) > CREDIT_NOTE:
        return False
    wrapped = stripped.startswith("(") and stripped.endswith(")")  # one credit is enough then
    chunks = _BY.split(stripped.strip("()").rstrip(" .)"))
    if len(chunks) < (2 if wrapped else 3) or not 1 <= len(chunks[0].split()) <= CREDIT_ROLE_WORDS:
        return False
    for index, chunk in enumerate(chunks[1:], 1):
        pieces = [p for p in _CREDIT_SEPARATOR.split(chunk) if p]
        if index < len(chunks) - 1:  # the last piece is the next credit's role
            role = pieces.pop() if pieces else ""
            if not 1 <= len(role.split()) <= CREDIT_ROLE_WORDS:
                return False
        if not pieces or not all(_name(piece) for piece in pieces):
            return False
    return True


STAMP_MAX = 80  # characters (text_length): a publication stamp is a short line
_CLOCK = re.compile(r"(?<![\d:.])(?:[01]?\d|2[0-3]):[0-5]\d(?!\d)")
_NUMERIC_DATE = re.compile(r"(?<!\d)\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d\d)(?!\d)")
_HOURS = re.compile(r"(?<![\d:.])(?:[01]?\d|2[0-3])h[0-5]\d(?!\d)")  # a clock time set as 10h05
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_DAY = re.compile(r"(?<!\d)\d{1,2}(?!\d)")


def _credit_line(kind: str, text: str) -> bool:
    """A short line of names, not a heading: every word of more than three letters capitalised
    ("A. Name and B. Name, City Paper"); a dek has words in lower case."""
    stripped = text.rstrip()
    if kind != "paragraph" or text_length(stripped) >= STAMP_MAX or ends_sentence(stripped):
        return False
    words = [w for w in stripped.split() if w[0].isalpha()]
    return bool(words) and all(w[0].isupper() for w in words if len(w) > 3)


def is_date_stamp(text: str, hours: bool = False) -> bool:
    """A publication stamp: a short line with no sentence end holding a date (a numeric date, or a
    year and a day) and one clock time ("Published 11:34 PM EST Nov 19, 2019", "19.11.2019, 11:34");
    two times are an event's hours, unless each has its own date (published and updated: two
    stamps on one line, up to twice as long). With `hours`, a time set as 10h05 is read as a clock
    time too."""
    if hours:
        text = _HOURS.sub(lambda m: m.group().replace("h", ":"), text)
    times = len(_CLOCK.findall(text))
    stamps = 2 if times == 2 and len(_YEAR.findall(text)) == 2 else 1
    if text_length(text) >= stamps * STAMP_MAX or ends_sentence(text.rstrip()) or times != stamps:
        return False
    rest = _CLOCK.sub(" ", text)
    if _NUMERIC_DATE.search(rest):
        return True
    return _YEAR.search(rest) is not None and _DAY.search(_YEAR.sub(" ", rest)) is not None


DATE_LINE_MAX = 40  # characters (text_length): a date line is a date and a word or two
DATE_LINE_WORDS = 2  # words beside the date's numbers (a month, a weekday, a place or a label)
_NUMBER = re.compile(r"\d+(?:[./-]\d+)*[.,]?")


def is_date_line(text: str) -> bool:
    """A line that is a date and little else — no other number (an hour, a release number), no
    clock time, no sentence end ("16 May 2021", "Updated: 22.08.2019", "Berlin, 28.10.2021"):
    the date of the post, set as its own line."""
    stripped = text.strip()
    if text_length(stripped) >= DATE_LINE_MAX or ends_sentence(stripped) or _CLOCK.search(stripped):
        return False
    numbers = [n.rstrip(".,") for n in _NUMBER.findall(stripped)]  # a numeric date, or a day and a year
    numeric = _NUMERIC_DATE.search(stripped) is not None
    if not (len(numbers) == 1 and numeric) and not (
        len(numbers) == 2 and not numeric and _day_and_year(*numbers)
    ):
        return False
    words = [w for w in _NUMBER.sub(" ", stripped).replace(",", " ").split() if any(c.isalpha() for c in w)]
    return len(words) <= DATE_LINE_WORDS


def _day_and_year(first: str, second: str) -> bool:
    """Two numbers that are a day and a year, each a number of its own (not a group of a phone
    number or a code: "+81 158-23-2012")."""
    pairs = ((first, second), (second, first))
    return any(_YEAR.fullmatch(year) and _DAY.fullmatch(day) for year, day in pairs)


def text_key(text: str) -> str:
    """A comparison key: lowercase letters and digits only."""
    return _NON_ALNUM.sub("", text.lower())


MIN_KEY = 10  # letters and digits (text_length) a headline needs to be matched against the title
TITLE_SHARE = 0.5  # a headline inside the title must make up this share of it (site name around)


def title_lengths(key: str) -> range:
    """The text lengths (`text_length`, spaces and punctuation included) that an element whose
    text names the title (see `names_title`) with key `key` can have: a cheap test first."""
    size = text_length(key)
    return range(max(1, int(TITLE_SHARE * size)), 2 * size + 1)


def names_title(headline: str, title: str) -> bool:
    """The headline's key is the title's, or most of it (the title adds the site's name)."""
    if text_length(headline) < MIN_KEY:
        return False
    return headline == title or (headline in title and len(headline) >= TITLE_SHARE * len(title))
