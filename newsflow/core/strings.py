"""Strings from outside that UTF-8 cannot hold, mended before they reach the warehouse."""

from __future__ import annotations

import re

__all__ = ["mend_json", "os_text"]

# In JSON text: an escaped backslash (passed over, so that `\\ud800` stays a backslash and text), an
# escaped surrogate pair (one character), or an escaped half of a pair standing alone.
_ESCAPES = re.compile(
    r"\\\\|\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|\\u[dD][89a-fA-F][0-9a-fA-F]{2}"
)
_LONE_HALF = 6  # characters of the escape of one half of a pair


def mend_json(text: str) -> str:
    """JSON text with each escaped half of a surrogate pair standing alone read as U+FFFD, as an
    undecodable byte is read. A JSON string may hold half a character (an emoji cut in two by a
    length limit counted in UTF-16 units: `"\\ud83d"`); UTF-8 cannot hold it, and one such string
    failed the whole batch that wrote it."""
    if "\\u" not in text:
        return text
    return _ESCAPES.sub(lambda m: "\\ufffd" if len(m.group()) == _LONE_HALF else m.group(), text)


_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def os_text(value: str) -> str:
    """A string the operating system gave (a file name, an argument) as text UTF-8 can hold. Python
    reads each byte of it that is not UTF-8 as a lone surrogate (a Latin-1 `é` in a file name as
    `\\udce9`), which no column can store: one such file name failed the whole batch, and the run
    with it. Each is written as its byte, `\\xe9`; the same name gives the same text on every run."""
    if value.isascii() or not _SURROGATE.search(value):
        return value
    value = _ESCAPED_BYTE.sub(lambda m: f"\\x{ord(m.group()) - 0xDC00:02x}", value)
    return _SURROGATE.sub("\ufffd", value)
