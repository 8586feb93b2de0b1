"""Parse a search page and keep each item's own JSON text.

The results layer stores every item as JSON (``item_json``). Re-encoding 10,000 parsed
items costs as much as parsing them; instead the page is walked with the same C scanner
``json.loads`` uses and each feature's source text is sliced out as it is read. Anything
unexpected falls back to plain ``json.loads`` (the texts are then re-encoded later).
"""

from __future__ import annotations

import json
import re
from json.decoder import scanstring
from typing import Any

_WS = re.compile(r"[ \t\n\r]*")
_SCAN = json.JSONDecoder().scan_once


def loads_page(body: bytes) -> tuple[Any, list[str] | None]:
    """``(json.loads(body), texts of its features or None)``; raises ValueError like loads."""
    try:
        text = body.decode(json.detect_encoding(body), "surrogatepass")
        if text.startswith("\ufeff"):
            text = text[1:]
        return _parse(text)
    except (ValueError, StopIteration, UnicodeDecodeError, IndexError, RecursionError):
        return json.loads(body), None


def _parse(text: str) -> tuple[dict, list[str] | None]:
    ws = _WS.match
    idx = ws(text, 0).end()
    if text[idx : idx + 1] != "{":
        raise ValueError("not an object")
    document: dict = {}
    texts: list[str] | None = None
    idx = ws(text, idx + 1).end()
    if text[idx : idx + 1] == "}":
        return document, None
    while True:
        if text[idx : idx + 1] != '"':
            raise ValueError("expected a key")
        key, idx = scanstring(text, idx + 1)
        idx = ws(text, idx).end()
        if text[idx : idx + 1] != ":":
            raise ValueError("expected ':'")
        idx = ws(text, idx + 1).end()
        if key == "features" and text[idx : idx + 1] == "[":
            items: list = []
            texts = []
            idx = ws(text, idx + 1).end()
            if text[idx : idx + 1] == "]":
                idx += 1
            else:
                while True:
                    item, end = _SCAN(text, idx)
                    items.append(item)
                    texts.append(text[idx:end])
                    idx = ws(text, end).end()
                    char = text[idx : idx + 1]
                    idx = ws(text, idx + 1).end()
                    if char == "]":
                        break
                    if char != ",":
                        raise ValueError("expected ',' or ']'")
            value: Any = items
        else:
            value, idx = _SCAN(text, idx)
        document[key] = value
        idx = ws(text, idx).end()
        char = text[idx : idx + 1]
        idx = ws(text, idx + 1).end()
        if char == "}":
            break
        if char != ",":
            raise ValueError("expected ',' or '}'")
    if idx != len(text):
        raise ValueError("extra data")
    return document, texts


_LINKS = re.compile(rb'"links"[ \t\n\r]*:')


def skim_tail(body: bytes) -> dict[str, Any] | None:
    """The page's top-level members from its last ``"links"`` key to the end, read without
    parsing the features before them (microseconds instead of milliseconds).

    Most servers write ``links`` (and ``context``, ``numberReturned``) after ``features``.
    This is a guess, good enough to send the next request early: the caller checks it
    against the fully parsed page. None when the page does not end that way.
    """
    start = body.rfind(b'"links"')
    if start < 0 or not _LINKS.match(body, start):
        return None
    try:
        text = body[start:].decode("utf-8")
        tail: dict[str, Any] = {}
        ws = _WS.match
        idx = 0
        while True:
            key, idx = scanstring(text, idx + 1)
            idx = ws(text, idx).end()
            if text[idx : idx + 1] != ":":
                return None
            tail[key], idx = _SCAN(text, ws(text, idx + 1).end())
            idx = ws(text, idx).end()
            char = text[idx : idx + 1]
            idx = ws(text, idx + 1).end()
            if char == "}":
                return tail if idx == len(text) else None
            if char != "," or text[idx : idx + 1] != '"':
                return None
    except (ValueError, StopIteration, UnicodeDecodeError, IndexError, RecursionError):
        return None
