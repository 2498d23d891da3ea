"""Safe XML: refuse DTD entity declarations and external references before parsing."""

from __future__ import annotations

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


def local_name(tag: str) -> str:
    """An element tag without its `{namespace}`."""
    return tag.rsplit("}", 1)[-1]
