"""An ESA MAAP-shaped catalogue (seed 004): STAC API under ``/catalogue/``, collection
search with free text ``q`` and CQL2-text ``filter``, granule search by GET, and product
files on the catalogue's own host under ``/data/`` that need a MAAP bearer token.

Seed 004 shows only GET searches (``api.search(method='GET', ...)``) and collection
searches as GET query strings, so ``POST /catalogue/search`` is answered 405. The token
is issued by a :class:`tests.servers.common.token_server.TokenServer` from an offline token
(``grant_type=refresh_token``, ``client_id=offline-token``); ``token_valid(token)`` tells
whether the data host accepts it (401 otherwise). Files answer ``Range`` requests, so
GDAL can stream them.

Collection search (OGC API Features Part 4 / STAC collection search): ``q`` is a list of
words matched case-insensitively in id, title, description and keywords (any word
matches); ``filter`` is CQL2 text of ``name='value'`` comparisons joined with ``and``,
over ``title``, ``platform`` (``summaries.platform``) and ``organisationName``
(providers); ``bbox`` and ``datetime`` as for items.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Optional
from urllib.parse import urlencode

from shapely.geometry import box, shape

from tests.servers.common.recording import LocalServer, RecordingHandler
from tests.servers.constellr.search import parse_bbox, parse_interval, parse_time

__all__ = ["MaapServer", "collection", "item"]

ROOT = "/catalogue/"
CONFORMANCE = [
    "https://api.stacspec.org/v1.0.0/core",
    "https://api.stacspec.org/v1.0.0/item-search",
    "https://api.stacspec.org/v1.0.0/item-search#filter",
    "https://api.stacspec.org/v1.0.0/ogcapi-features",
    "https://api.stacspec.org/v1.0.0-rc.1/collection-search",
    "https://api.stacspec.org/v1.0.0-rc.1/collection-search#free-text",
    "https://api.stacspec.org/v1.0.0-rc.1/collection-search#filter",
    "http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2",
    "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text",
]
_COMPARISON = re.compile(r"^\s*([A-Za-z:_]+)\s*=\s*'((?:[^']|'')*)'\s*$")


def collection(cid: str, title: str, platform: str, organisation: str = "ESA/ESRIN") -> dict:
    return {
        "id": cid,
        "type": "Collection",
        "title": title,
        "description": f"{title} products.",
        "keywords": [platform],
        "license": "other",
        "providers": [{"name": organisation, "roles": ["producer"]}],
        "summaries": {"platform": [platform]},
        "extent": {
            "spatial": {"bbox": [[-180, -90, 180, 90]]},
            "temporal": {"interval": [["2015-01-01T00:00:00Z", None]]},
        },
        "links": [],
        "stac_version": "1.0.0",
    }


def item(iid: str, cid: str, bbox: Sequence[float], when: str, **properties: Any) -> dict:
    """A granule whose ``product`` asset is ``/data/<collection>/<id>.tif`` (href filled in
    by the server with its own address)."""
    west, south, east, north = bbox
    return {
        "type": "Feature",
        "stac_version": "1.0.0",
        "id": iid,
        "collection": cid,
        "bbox": list(bbox),
        "geometry": {
            "type": "Polygon",
            "coordinates": [
                [[west, south], [east, south], [east, north], [west, north], [west, south]]
            ],
        },
        "properties": {"datetime": when, **properties},
        "assets": {
            "product": {
                "href": f"data/{cid}/{iid}.tif",
                "type": "image/tiff; application=geotiff; profile=cloud-optimized",
                "roles": ["data"],
                "file:local_path": f"{iid}.tif",
            }
        },
        "links": [],
    }


def _words(text: str) -> list[str]:
    return [w.lower() for w in re.findall(r"[^\s,]+", text or "")]


def _collection_filter(text: str) -> list[tuple[str, str]]:
    """``title='x' and platform='y'`` -> [(name, value)]; ValueError when not of that form."""
    terms = []
    for part in re.split(r"\s+and\s+", text.strip(), flags=re.IGNORECASE):
        match = _COMPARISON.match(part)
        if match is None:
            raise ValueError(f"cannot parse filter {text!r}")
        terms.append((match.group(1), match.group(2).replace("''", "'")))
    return terms


def _collection_values(doc: dict, name: str) -> list[str]:
    if name == "platform":
        return [str(p) for p in (doc.get("summaries") or {}).get("platform") or []]
    if name == "organisationName":
        return [str(p.get("name")) for p in doc.get("providers") or []]
    value = doc.get(name)
    return [str(value)] if value is not None else []


class _Handler(RecordingHandler):
    server_version = "MaapCatalogue/1.0"

    def handle_request(self) -> None:
        entry = self.read_entry()
        self.owner.record(entry)
        self.owner.respond(self, entry)


class MaapServer(LocalServer):
    """``collections``: collection dicts; ``items``: item dicts; ``files``: {path below
    ``/data/``: bytes or Path}; ``token_valid(access_token) -> bool``."""

    handler = _Handler

    def __init__(
        self,
        collections: Sequence[dict],
        items: Sequence[dict],
        files: dict[str, Any],
        token_valid: Callable[[str], bool],
        *,
        collections_page: int = 10,
    ) -> None:
        super().__init__()
        self.collections = list(collections)
        self.items = [json.loads(json.dumps(i)) for i in items]
        self.files = dict(files)
        self.token_valid = token_valid
        self.collections_page = collections_page

    @property
    def catalogue_url(self) -> str:
        return self.url[:-1] + ROOT

    def data_requests(self) -> list[dict]:
        return [e for e in self.requests if e["path"].startswith("/data/")]

    # -- routing -------------------------------------------------------------------------
    def respond(self, handler: _Handler, entry: dict) -> None:
        path, method = entry["path"], entry["method"]
        query = {k: v[-1] for k, v in entry["query"].items()}
        if path.startswith("/data/"):
            return self._data(handler, path[len("/data/") :])
        if not path.startswith(ROOT.rstrip("/")):
            return handler.send_json(404, {"code": "NotFound", "description": path})
        route = path[len(ROOT) :].strip("/")
        base = self.catalogue_url
        try:
            if route == "" and method == "GET":
                return handler.send_json(200, self._landing(base))
            if route == "conformance" and method == "GET":
                return handler.send_json(200, {"conformsTo": CONFORMANCE})
            if route == "collections" and method == "GET":
                return handler.send_json(200, self._collections(query, base))
            if route == "search":
                if method != "GET":
                    return handler.send_json(
                        405, {"code": "MethodNotAllowed", "description": "Use GET /search"}
                    )
                doc = self._search(query, base)
                return handler.send(200, json.dumps(doc).encode(), "application/geo+json")
        except ValueError as exc:
            return handler.send_json(
                400, {"code": "InvalidParameterValue", "description": str(exc)}
            )
        return handler.send_json(404, {"code": "NotFound", "description": path})

    def _landing(self, base: str) -> dict:
        return {
            "type": "Catalog",
            "id": "fedeo",
            "title": "ESA MAAP Catalogue",
            "description": "ESA MAAP STAC catalogue",
            "stac_version": "1.0.0",
            "conformsTo": CONFORMANCE,
            "links": [
                {"rel": "self", "type": "application/json", "href": base},
                {"rel": "root", "type": "application/json", "href": base},
                {"rel": "data", "type": "application/json", "href": base + "collections"},
                {"rel": "conformance", "type": "application/json", "href": base + "conformance"},
                {
                    "rel": "search",
                    "type": "application/opensearchdescription+xml",
                    "href": base + "description",
                },
                {
                    "rel": "search",
                    "type": "application/geo+json",
                    "method": "GET",
                    "href": base + "search",
                },
            ],
        }

    def _collections(self, query: dict, base: str) -> dict:
        found = list(self.collections)
        words = _words(query.get("q", ""))
        if words:
            found = [c for c in found if any(w in _haystack(c) for w in words)]
        if query.get("filter"):
            terms = _collection_filter(query["filter"])
            found = [c for c in found if all(v in _collection_values(c, n) for n, v in terms)]
        bbox = parse_bbox(query.get("bbox"))
        if bbox is not None:
            area = box(*bbox[:4])
            found = [c for c in found if box(*c["extent"]["spatial"]["bbox"][0]).intersects(area)]
        limit = int(query.get("limit") or self.collections_page)
        start = int(query.get("startRecord") or 1)
        page = found[start - 1 : start - 1 + limit]
        links = [{"rel": "root", "type": "application/json", "href": base}]
        if start - 1 + limit < len(found):
            nxt = {**query, "startRecord": start + limit, "limit": limit}
            links.append(
                {
                    "rel": "next",
                    "type": "application/json",
                    "href": f"{base}collections?{urlencode(nxt)}",
                }
            )
        return {
            "collections": page,
            "links": links,
            "numberMatched": len(found),
            "numberReturned": len(page),
        }

    def _search(self, query: dict, base: str) -> dict:
        found = list(self.items)
        if query.get("collections"):
            wanted = set(query["collections"].split(","))
            found = [i for i in found if i["collection"] in wanted]
        if query.get("ids"):
            wanted = set(query["ids"].split(","))
            found = [i for i in found if i["id"] in wanted]
        bbox = parse_bbox(query.get("bbox"))
        if bbox is not None:
            area = box(*bbox[:4])
            found = [i for i in found if shape(i["geometry"]).intersects(area)]
        if query.get("intersects"):
            area = shape(json.loads(query["intersects"]))
            found = [i for i in found if shape(i["geometry"]).intersects(area)]
        interval = parse_interval(query.get("datetime"))
        if interval is not None:
            start, end = interval
            found = [
                i
                for i in found
                if (start is None or parse_time(i["properties"]["datetime"]) >= start)
                and (end is None or parse_time(i["properties"]["datetime"]) <= end)
            ]
        if query.get("filter"):
            terms = _collection_filter(query["filter"])
            found = [i for i in found if all(str(i["properties"].get(n)) == v for n, v in terms)]
        limit = int(query.get("limit") or 10)
        first = int(query.get("startRecord") or 1)
        page = [self._with_hrefs(i) for i in found[first - 1 : first - 1 + limit]]
        links = [{"rel": "root", "type": "application/json", "href": base}]
        if first - 1 + limit < len(found):
            nxt = {**query, "startRecord": first + limit, "limit": limit}
            links.append(
                {
                    "rel": "next",
                    "type": "application/geo+json",
                    "href": f"{base}search?{urlencode(nxt)}",
                }
            )
        return {
            "type": "FeatureCollection",
            "features": page,
            "links": links,
            "numberMatched": len(found),
            "numberReturned": len(page),
        }

    def _with_hrefs(self, doc: dict) -> dict:
        doc = json.loads(json.dumps(doc))
        for asset in doc["assets"].values():
            if asset["href"].startswith("data/"):
                asset["href"] = self.url + asset["href"]
        return doc

    # -- the data host ---------------------------------------------------------------------
    def _data(self, handler: _Handler, name: str) -> None:
        value = handler.headers.get("Authorization", "")
        token = value[7:] if value.startswith("Bearer ") else ""
        if not token or not self.token_valid(token):
            return handler.send_json(
                401,
                {"error": "unauthorized", "error_description": "A valid bearer token is needed"},
                {"WWW-Authenticate": 'Bearer realm="esa-maap"'},
            )
        content = self.files.get(name)
        if content is None:
            return handler.send_json(404, {"code": "NotFound", "description": name})
        data = content.read_bytes() if isinstance(content, Path) else bytes(content)
        ranged = _range(handler.headers.get("Range"), len(data))
        if ranged is None:
            return handler.send(200, data, "image/tiff", {"Accept-Ranges": "bytes"})
        first, last = ranged
        handler.send(
            206,
            data[first : last + 1],
            "image/tiff",
            {"Content-Range": f"bytes {first}-{last}/{len(data)}", "Accept-Ranges": "bytes"},
        )


def _haystack(doc: dict) -> str:
    parts = [doc.get("id"), doc.get("title"), doc.get("description"), *(doc.get("keywords") or [])]
    return " ".join(str(p) for p in parts if p).lower()


def _range(header: Optional[str], size: int) -> Optional[tuple[int, int]]:
    match = re.match(r"^bytes=(\d*)-(\d*)$", (header or "").strip())
    if match is None or size == 0:
        return None
    first, last = match.groups()
    if first == "":
        return max(0, size - int(last)), size - 1
    return int(first), min(size - 1, int(last) if last else size - 1)
