"""The ``/stac`` API of the Constellr test server (seed 003 "STAC API" + documented examples).

One collection per product (``lstprecision``, ``lstzoom``, ``lstfusion``), items per
workspace (those of its delivered orders). Documents follow the documented examples:
landing page ``constellr-stacapi`` (links ``self`` and ``data``), conformance (the four
documented classes), collections with ``numberMatched`` / ``numberReturned``, item
collections with ``collection`` / ``parent`` / ``root`` / ``self`` links. Nothing more: the
landing page has no ``search`` or ``conformance`` link and no ``conformsTo``, and the
conformance list has no core or item-search class, exactly as documented, so a client
must find ``/stac/search`` as the real service makes it.

Search (``GET`` / ``POST /stac/search``, ``GET /stac/collections/{id}/items``): the
parameters of :mod:`tests.servers.constellr.search`, ``limit`` (1..10000, default 10; else
422) and ``token``; ``fields`` is accepted and ignored. ``/stac/collections`` takes
``limit`` / ``offset`` (next link with ``offset``), ``bbox`` and ``datetime`` (against the
extents, computed from the workspace's items; global / open without items).
Paging follows stac-fastapi-pgstac: ``next`` / ``prev`` links with ``token=next:<item id>``
/ ``prev:<item id>``; POST links carry the whole body plus the token.
"""

from __future__ import annotations

import threading
from typing import Any
from urllib.parse import urlencode

from shapely.geometry import box

from tests.servers.constellr.common import ApiError, Query, StacError, invalid, query_int
from tests.servers.constellr.search import (
    bbox_shape,
    parse_bbox,
    parse_interval,
    parse_time,
    search_items,
)

__all__ = ["COLLECTIONS", "StacApi", "collection_id"]

GEOJSON = "application/geo+json"
JSON = "application/json"
DOCUMENTED_CONFORMANCE = [
    "http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2",
    "http://www.opengis.net/spec/cql2/1.0/conf/cql2-json",
    "https://api.stacspec.org/v1.0.0/ogcapi-features#sort",
]
COLLECTIONS = {
    "LSTprecision": "Land Surface Temperature (LST) Precision product.",
    "LSTzoom": "Land Surface Temperature (LST) Zoom product.",
    "LSTfusion": "Land Surface Temperature (LST) Fusion product.",
}
MAX_LIMIT = 10_000


def collection_id(product: str) -> str:
    return product.lower()


class StacApi:
    """Items per workspace, answered as the documented ``/stac`` API."""

    def __init__(self, products: list[str]) -> None:
        self.products = products
        self.items: dict[str, list[dict]] = {}
        self.lock = threading.Lock()

    def add_item(self, workspace: str, item: dict) -> None:
        with self.lock:
            self.items.setdefault(workspace, []).append(item)

    def workspace_items(self, workspace: str) -> list[dict]:
        with self.lock:
            return list(self.items.get(workspace, []))

    def handle(
        self, method: str, parts: list[str], query: Query, body: Any, ws: str, base: str
    ) -> dict:
        """Answer ``/stac/<parts>``; ``base`` is the ``/stac/`` URL. Raises ApiError."""
        if parts == ["search"] and method in ("GET", "POST"):
            if method == "POST" and not isinstance(body, dict):
                raise invalid(("body",), "Input should be a valid dictionary", "dict_type", body)
            params = {k: v[-1] for k, v in query.items()} if method == "GET" else body
            return self._search(ws, params, method, base, "search", query)
        if method != "GET":
            raise ApiError(405, "Method Not Allowed")
        if not parts:
            return self._landing(base)
        if parts == ["conformance"]:
            return {"conformsTo": self._conformance()}
        if parts == ["collections"]:
            return self._collections(ws, query, base)
        if len(parts) >= 2 and parts[0] == "collections":
            collection = self._collection(ws, parts[1], base)
            if len(parts) == 2:
                return collection
            if parts[2:] == ["items"]:
                params = {k: v[-1] for k, v in query.items()}
                params["collections"] = [parts[1]]
                return self._search(ws, params, "GET", base, f"collections/{parts[1]}/items", query)
            if len(parts) == 4 and parts[2] == "items":
                for item in self.workspace_items(ws):
                    if item["id"] == parts[3] and item["collection"] == parts[1]:
                        return item
                raise StacError(
                    404,
                    f"Item {parts[3]} in Collection {parts[1]} does not exist.",
                    "NotFoundError",
                )
        raise ApiError(404, "Not Found")

    def _conformance(self) -> list[str]:
        return list(DOCUMENTED_CONFORMANCE)

    def _landing(self, base: str) -> dict:
        links = [
            {"rel": "self", "type": JSON, "title": "This document", "href": base},
            {
                "rel": "data",
                "type": JSON,
                "title": "Collections available for this Catalog",
                "href": base + "collections",
            },
        ]
        return {
            "type": "Catalog",
            "id": "constellr-stacapi",
            "title": "Constellr STAC API",
            "description": "Constellr STAC API",
            "stac_version": "1.0.0",
            "links": links,
            "stac_extensions": [],
        }

    def _collection(self, ws: str, cid: str, base: str, single: bool = True) -> dict:
        product = next((p for p in self.products if collection_id(p) == cid), None)
        if product is None:
            raise StacError(404, f"Collection {cid} does not exist.", "NotFoundError")
        items = [i for i in self.workspace_items(ws) if i["collection"] == cid]
        bbox, interval = [-180.0, -90.0, 180.0, 90.0], [None, None]
        if items:
            boxes = [i["bbox"] for i in items]
            bbox = [min(b[0] for b in boxes), min(b[1] for b in boxes)]
            bbox += [max(b[2] for b in boxes), max(b[3] for b in boxes)]
            times = sorted(parse_time(i["properties"]["datetime"]) for i in items)
            interval = [t.isoformat() for t in (times[0], times[-1])]
        links = [{"rel": "items", "href": f"{base}collections/{cid}/items"}]
        if single:
            links.append({"rel": "self", "href": f"{base}collections/{cid}"})
        return {
            "id": cid,
            "type": "Collection",
            "links": links,
            "title": f"{product} Level-3 UTM LST Product",
            "extent": {"spatial": {"bbox": [bbox]}, "temporal": {"interval": [interval]}},
            "license": "other",
            "description": COLLECTIONS.get(product, f"{product} product."),
            "stac_version": "1.1.0",
        }

    def _collections(self, ws: str, query: Query, base: str) -> dict:
        limit = query_int(query, "limit", 10, 1, MAX_LIMIT)
        offset = query_int(query, "offset", 0, 0)
        params = {k: v[-1] for k, v in query.items()}
        bbox, interval = parse_bbox(params.get("bbox")), parse_interval(params.get("datetime"))
        found = []
        for product in self.products:
            doc = self._collection(ws, collection_id(product), base, single=False)
            extent = doc["extent"]
            if bbox and not bbox_shape(bbox).intersects(box(*extent["spatial"]["bbox"][0])):
                continue
            start, end = extent["temporal"]["interval"][0]
            if interval and (
                (interval[1] and start and parse_time(start) > interval[1])
                or (interval[0] and end and parse_time(end) < interval[0])
            ):
                continue
            found.append(doc)
        page = found[offset : offset + limit]
        links = [{"rel": "root", "href": base}, {"rel": "self", "href": base + "collections"}]
        if offset + limit < len(found):
            pairs = [(k, v) for k, v in params.items() if k != "offset"]
            href = f"{base}collections?{urlencode(pairs + [('offset', offset + limit)])}"
            links.append({"rel": "next", "type": JSON, "href": href})
        return {
            "collections": page,
            "links": links,
            "numberMatched": len(found),
            "numberReturned": len(page),
        }

    def _search(
        self, ws: str, params: dict, method: str, base: str, path: str, query: Query
    ) -> dict:
        limit = params.get("limit", 10)
        if isinstance(limit, str):
            limit = int(limit) if limit.strip().lstrip("-").isdigit() else limit
        if not isinstance(limit, int) or isinstance(limit, bool) or not 1 <= limit <= MAX_LIMIT:
            where = ("query" if method == "GET" else "body", "limit")
            msg = f"Input should be an integer between 1 and {MAX_LIMIT}"
            raise invalid(where, msg, "int_parsing", params.get("limit"))
        found = search_items(self.workspace_items(ws), params)
        start = 0
        token = params.get("token")
        if token not in (None, ""):
            kind, _, item_id = str(token).partition(":")
            index = next((n for n, i in enumerate(found) if i["id"] == item_id), None)
            if kind not in ("next", "prev") or index is None:
                raise StacError(400, f"Invalid token {token!r}")
            start = index + 1 if kind == "next" else max(0, index - limit)
        page = found[start : start + limit]
        url = base + path
        links = [{"rel": "root", "type": JSON, "href": base}]
        if path != "search":
            collection = base + path.rsplit("/", 1)[0]
            links[:0] = [
                {"rel": "collection", "type": JSON, "href": collection},
                {"rel": "parent", "type": JSON, "href": collection},
            ]
        self_href = url + (
            "?" + urlencode([(k, v) for k, vs in query.items() for v in vs])
            if query and method == "GET"
            else ""
        )
        links.append({"rel": "self", "type": GEOJSON, "href": self_href})
        if start + limit < len(found):
            links.append(self._link("next", f"next:{page[-1]['id']}", method, url, params, query))
        if start > 0 and page:
            links.append(self._link("prev", f"prev:{page[0]['id']}", method, url, params, query))
        return {
            "type": "FeatureCollection",
            "links": links,
            "features": page,
            "numberMatched": len(found),
            "numberReturned": len(page),
        }

    @staticmethod
    def _link(rel: str, token: str, method: str, url: str, params: dict, query: Query) -> dict:
        link: dict = {"rel": rel, "type": GEOJSON, "method": method}
        if method == "GET":
            pairs = [(k, v) for k, vs in query.items() if k != "token" for v in vs]
            link["href"] = f"{url}?{urlencode(pairs + [('token', token)])}"
        else:
            link["href"] = url
            link["body"] = {**{k: v for k, v in params.items() if k != "token"}, "token": token}
        return link
