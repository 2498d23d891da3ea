"""URLs and JSON from outside: read without raising, and written as UTF-8 can hold them."""

from __future__ import annotations

import json

import pytest

from newsflow.core.strings import mend_json
from newsflow.core.urls import join_url, split_url


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (r'"cut \ud83d"', "cut \ufffd"),  # a high half alone
        (r'"\udc4d end"', "\ufffd end"),  # a low half alone
        (r'"\ud83d\ude42"', "\U0001f642"),  # a pair is one character
        (r'"\\ud83d"', "\\ud83d"),  # an escaped backslash, then text
        (r'"\\\ud83d"', "\\\ufffd"),  # an escaped backslash, then a half alone
        (r'["\ud83d", {"k": "\uDFFF"}]', ["\ufffd", {"k": "\ufffd"}]),
    ],
)
def test_json_halves_of_characters_are_mended(text: str, value: object) -> None:
    mended = json.loads(mend_json(text))
    assert mended == value
    json.dumps(mended, ensure_ascii=False).encode("utf-8")  # UTF-8 holds it


@pytest.mark.parametrize(
    "url", ["https://[domain]/a", "http://[::1/x", "https://a.example:99999/", "http://[x]:80/"]
)
def test_malformed_urls_are_none(url: str) -> None:
    assert split_url(url) is None
    assert join_url("https://a.example/", url) is None and join_url(url, "/b") is None


def test_urls_are_split_and_joined() -> None:
    parts = split_url("https://a.example:8443/x?q=1")
    assert parts is not None and (parts.hostname, parts.port) == ("a.example", 8443)
    assert join_url("https://a.example/news/x", "../y") == "https://a.example/y"
    assert join_url("", "https://a.example/z") == "https://a.example/z"
