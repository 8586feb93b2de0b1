"""Parse a search page and keep each item's own JSON text.

The results layer stores every item as JSON (``item_json``). Re-encoding 10,000 parsed
items costs as much as parsing them; instead the page is walked with the same C scanner
``json.loads`` uses and each feature's source text is sliced out as it is read. Anything
unexpected falls back to plain ``json.loads`` (the texts are then re-encoded later).
"""

from __future__ import annotations

import json
import re
from json.decoder import scanstring  # type: ignore[attr-defined]
from typing import Any, Callable, cast

_WS = re.compile(r"[ \t\n\r]*")
_SCAN = json.JSONDecoder().scan_once  # type: ignore[attr-defined]
# ``[ \t\n\r]*`` matches everywhere: never None.
_WS_MATCH = cast("Callable[[str, int], re.Match[str]]", _WS.match)


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
    ws = _WS_MATCH
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
        ws = _WS_MATCH
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


HEAD_LIMIT = 256 * 1024  # the members before "features" are a few kB on real pages


def skim_head(body: bytes, limit: int = HEAD_LIMIT) -> dict[str, Any] | None:
    """The page's top-level members before ``"features"``, read from its first ``limit``
    bytes without touching the features.

    stac-fastapi-pgstac (CDSE STAC v1, eoAPI) writes ``links`` before ``features``. None when
    the page does not start with members before ``"features"`` (or they do not fit).
    """
    try:
        text = body[:limit].decode("utf-8", "ignore")  # a cut inside a character is dropped
        ws = _WS_MATCH
        idx = ws(text, 1 if text.startswith("\ufeff") else 0).end()
        if text[idx : idx + 1] != "{":
            return None
        head: dict[str, Any] = {}
        idx = ws(text, idx + 1).end()
        while text[idx : idx + 1] == '"':
            key, idx = scanstring(text, idx + 1)
            idx = ws(text, idx).end()
            if text[idx : idx + 1] != ":":
                return None
            if key == "features":
                return head or None
            head[key], idx = _SCAN(text, ws(text, idx + 1).end())
            idx = ws(text, idx).end()
            if text[idx : idx + 1] != ",":
                return None  # the page ended (or was cut) before any features
            idx = ws(text, idx + 1).end()
        return None
    except (ValueError, StopIteration, IndexError, RecursionError):
        return None


def skim(body: bytes) -> dict[str, Any] | None:
    """The top-level members around the features (:func:`skim_head` and :func:`skim_tail`
    together): enough to find the ``next`` link of a page before parsing it.

    When the page's ``links`` come first, the tail is not read: a later ``"links"`` is an
    item's (or, with items without links, the tail would be the whole page).
    """
    head = skim_head(body)
    if head is not None and "links" in head:
        return head
    tail = skim_tail(body)
    if head is None and tail is None:
        return None
    return {**(head or {}), **(tail or {})}
