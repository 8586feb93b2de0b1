"""A STAC API (and Constellr order list) that answers with hostile or broken pages.

Each path answers the :class:`Page` set for it in ``pages``; every other path answers a
minimal valid page, so a client gets as far as the page under test::

    with HostileServer() as srv:
        srv.pages["/search"] = Page(deep_json(10_000))
        StacClient.open(srv.url).search(...)  # -> InvalidResponse, not RecursionError

The corpus builders below make the bodies: JSON nested 10,000 levels deep, a gzip bomb
(a megabyte that unpacks to a gibibyte), numbers no ``int()`` accepts, addresses no URL
parser accepts, ``features`` given as an object.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Optional

from tests.servers.common.recording import LocalServer, RecordingHandler

__all__ = ["HostileServer", "Page", "deep_json", "feature", "gzip_bomb", "redirect"]

GIB = 1024 * 1024 * 1024


@dataclass
class Page:
    """One answer: ``body`` (bytes, str, or a dict / list sent as JSON)."""

    body: Any = b"{}"
    status: int = 200
    content_type: str = "application/json"
    headers: dict[str, str] = field(default_factory=dict)

    def payload(self) -> bytes:
        if isinstance(self.body, (dict, list)):
            return json.dumps(self.body).encode("utf-8")
        return self.body.encode("utf-8") if isinstance(self.body, str) else bytes(self.body)


def deep_json(levels: int, inner: str = "1", kind: str = "list") -> str:
    """``[[[...1...]]]`` (or ``{"a":{"a":...}}``) nested ``levels`` deep."""
    if kind == "list":
        return "[" * levels + inner + "]" * levels
    return '{"a":' * levels + inner + "}" * levels


def feature(item_id: str = "item-1") -> dict:
    return {
        "type": "Feature",
        "stac_version": "1.0.0",
        "id": item_id,
        "collection": "c1",
        "geometry": {"type": "Point", "coordinates": [13.0, 52.0]},
        "bbox": [13.0, 52.0, 13.0, 52.0],
        "properties": {"datetime": "2024-06-01T10:00:00Z"},
        "links": [],
        "assets": {},
    }


def gzip_bomb(unpacked: int = GIB, head: bytes = b'{"features": [], "links": []', tail=b"}"):
    """A gzip body that unpacks to ``unpacked`` bytes: ``head``, spaces, ``tail`` (JSON
    that would parse, were it read to the end). About 1 MB per GiB."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)  # gzip container
    parts = [packer.compress(head)]
    block = b" " * (16 * 1024 * 1024)
    left = unpacked - len(head) - len(tail)
    while left > 0:
        parts.append(packer.compress(block[: min(left, len(block))]))
        left -= len(block)
    parts.append(packer.compress(tail))
    parts.append(packer.flush())
    return b"".join(parts)


def gzipped(page: Page) -> Page:
    return Page(
        gzip.compress(page.payload()),
        page.status,
        page.content_type,
        {**page.headers, "Content-Encoding": "gzip"},
    )


def redirect(location: str, status: int = 302) -> Page:
    return Page(b"", status, "text/plain", {"Location": location})


class HostileServer(LocalServer):
    """See the module docstring. ``pages``: {path: :class:`Page`}; every request is in
    ``requests``."""

    handler = RecordingHandler

    def __init__(
        self, pages: Optional[Mapping[str, Page]] = None, *, host: str = "127.0.0.1", port: int = 0
    ) -> None:
        super().__init__(host=host, port=port)
        self.pages: dict[str, Page] = dict(pages or {})

    def landing(self) -> dict:
        url = self.url
        return {
            "type": "Catalog",
            "id": "hostile",
            "stac_version": "1.0.0",
            "description": "A catalog whose pages are broken on purpose",
            "conformsTo": [
                "https://api.stacspec.org/v1.0.0/core",
                "https://api.stacspec.org/v1.0.0/item-search",
            ],
            "links": [
                {"rel": "self", "href": url},
                {"rel": "root", "href": url},
                {"rel": "data", "href": url + "collections", "type": "application/json"},
                {"rel": "search", "href": url + "search", "type": "application/geo+json"},
                {"rel": "search", "href": url + "search", "method": "POST"},
            ],
        }

    def default(self, path: str) -> Page:
        if path == "/":
            return Page(self.landing())
        if path == "/collections":
            collection = {"id": "c1", "type": "Collection", "links": [], "description": "c1"}
            return Page({"collections": [collection], "links": []})
        if path == "/search":
            return Page({"type": "FeatureCollection", "features": [feature()], "links": []})
        if path == "/orders":
            return Page({"count": 0, "items": []})
        return Page({"detail": "Not Found"}, 404)

    def respond(self, handler: RecordingHandler, entry: dict) -> None:
        path = "/" + entry["path"].strip("/") if entry["path"] != "/" else "/"
        with self._lock:
            page = self.pages.get(path) or self.default(path)
        handler.send(page.status, page.payload(), page.content_type, page.headers)
