"""The peers: raw page bytes fetched with ``requests``, and pystac-client."""

from __future__ import annotations

import json
import time
import warnings
from dataclasses import dataclass
from urllib.parse import urljoin

import requests

from .data import BenchError


@dataclass
class Pages:
    """The search answers as the server sent them (one bytes object per page)."""

    bodies: list[bytes]
    seconds: float

    @property
    def size(self) -> int:
        return sum(len(b) for b in self.bodies)


def fetch_pages(url: str, collections: list[str], page_size: int, max_items: int) -> Pages:
    """POST /search and follow ``next`` links (POST body, optional merge) like the plugin."""
    search = urljoin(url, "search")
    body: dict = {"limit": page_size, "collections": collections}
    bodies: list[bytes] = []
    count = 0
    start = time.perf_counter()
    with requests.Session() as session:
        while True:
            response = session.post(search, json=body, timeout=60)
            response.raise_for_status()
            bodies.append(response.content)
            document = json.loads(response.content)
            count += len(document["features"])
            nxt = next(
                (link for link in document.get("links", []) if link.get("rel") == "next"), None
            )
            if nxt is None or count >= max_items or not document["features"]:
                break
            if len(bodies) > 10_000:
                raise BenchError("the server keeps sending next links")
            next_body = nxt.get("body") or {}
            body = {**body, **next_body} if nxt.get("merge") else dict(next_body or body)
            search = urljoin(search, nxt["href"])
    return Pages(bodies, time.perf_counter() - start)


def pystac_client_search(
    url: str, collections: list[str], page_size: int, max_items: int
) -> tuple[float, list[str]]:
    """Seconds for Client.open + search(...).items_as_dicts(), and the ids it returned."""
    from pystac_client import Client

    start = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # conformance warnings are not what is measured
        client = Client.open(url)
        search = client.search(
            collections=collections, limit=page_size, max_items=max_items, method="POST"
        )
        items = list(search.items_as_dicts())
    seconds = time.perf_counter() - start
    return seconds, [item["id"] for item in items]
