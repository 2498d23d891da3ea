"""Safe XML: refuse DTD entity declarations and external references before parsing."""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from newsflow.core.errors import FeedParseError


def _text_view(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    return data.decode("utf-8", errors="replace")


def parse_xml(data: bytes) -> Element | None:
    """The root element of `data`, or None when it is not well-formed XML.

    Raises FeedParseError when the document declares entities or references external
    resources (billion laughs, XXE): nothing is expanded or fetched.
    """
    try:
        root: Element = SafeET.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
        return root
    except DefusedXmlException as exc:
        raise FeedParseError(f"unsafe XML refused ({type(exc).__name__}): {exc}") from exc
    except ParseError:
        if "<!ENTITY" in _text_view(data[:65536]).upper():
            raise FeedParseError("unsafe XML refused: entity declarations in a malformed document") from None
        return None


# A numeric character reference (to no character: half of a surrogate pair, past U+10FFFF).
_CHARACTER_REFERENCE = re.compile(rb"&#([xX][0-9a-fA-F]+|[0-9]+);")


def mend_references(data: bytes) -> bytes:
    """`data` with each character reference to no character read as U+FFFD, as an undecodable byte
    is: the XML parser refuses the whole document for one, and feedparser's loose parser raises."""
    return _CHARACTER_REFERENCE.sub(_mended_reference, data)


def _mended_reference(ref: re.Match[bytes]) -> bytes:
    """`ref`, or `&#xFFFD;` when it names no character."""
    digits = ref.group(1)
    hexadecimal = digits[:1] in (b"x", b"X")
    value = (digits[1:] if hexadecimal else digits).lstrip(b"0") or b"0"
    if len(value) > 8:  # (past U+10FFFF whatever the digits: int() may refuse that many)
        return b"&#xFFFD;"
    code = int(value, 16 if hexadecimal else 10)
    return b"&#xFFFD;" if 0xD800 <= code <= 0xDFFF or code > 0x10FFFF else ref.group()


def local_name(tag: str) -> str:
    """An element tag without its `{namespace}`."""
    return tag.rsplit("}", 1)[-1]
