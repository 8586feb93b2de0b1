"""The STAC API answered by :class:`tests.servers.stac.paging_server.StacPagingServer`.

Pure request -> response logic (no sockets). One paging STYLE per instance, each copying a
real service:

- "sentinelhub": Sentinel Hub Catalog 1.0.0 (seed 002): GET and POST /search; responses carry
  ``"context": {"next": N, "limit": L, "returned": R}`` and no next link; the client sends
  ``"next": N`` back in the body (GET: ``&next=N``). ``limit`` defaults to 10 and is capped
  at 100 (OpenAPI ``CatalogItemSearchLimit``). ``sh_next_links=True`` adds the next links of
  the OpenAPI examples (POST body ``{"next": N}`` with ``merge: true``; GET ``&next=N``).
  ``/search`` takes exactly one collection and a ``datetime`` (seed 001), filters of
  ``and`` and comparisons only (seed 002), ``"distinct": "date"`` (the matching dates as
  ``features``); anything else is a 400 in Sentinel Hub's error shape.
- "token-get": CDSE STAC v1: GET /search; next link ``...&token=next:<collection>:<id>``.
- "post-body-merge": Planetary Computer / eoAPI: POST /search; next link
  ``{"method": "POST", "body": {"token": "next:<collection>:<id>"}, "merge": true}``.
- "post-body-full": Earth Search: POST /search; next link with the whole request body plus
  ``"next": "<datetime>,<id>,<collection>"`` and ``"merge": false``.
- "page-number": legacy CDSE: GET /search; next link ``...&page=N`` (1-based).

Search filters honoured: ``collections``, ``ids``, ``bbox`` (plain overlap with the item
bbox) and ``limit``; anything else is accepted and ignored, except that the two POST styles
copying stac-fastapi refuse a ``filter`` that is not CQL2 JSON with its 400.
``/collections/{id}/items`` pages with GET links in every style (``token``; ``page`` for
"page-number"; ``next`` for "sentinelhub").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, Optional
from urllib.parse import urlencode

from tests.servers.common.faults import sentinelhub_error_body, stac_error_body

STYLES = ("sentinelhub", "token-get", "post-body-merge", "post-body-full", "page-number")
SEARCH_METHODS = {
    "sentinelhub": ("GET", "POST"),
    "token-get": ("GET",),
    "post-body-merge": ("POST",),
    "post-body-full": ("POST",),
    "page-number": ("GET",),
}
GEOJSON = "application/geo+json"
_CONFORMANCE = [
    "https://api.stacspec.org/v1.0.0/core",
    "https://api.stacspec.org/v1.0.0/collections",
    "https://api.stacspec.org/v1.0.0/ogcapi-features",
    "https://api.stacspec.org/v1.0.0/item-search",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
]
_SH_EXTRA_CONFORMANCE = [  # from the Sentinel Hub Catalog 1.0.0 landing page
    "https://api.stacspec.org/v1.0.0/item-search#fields",
    "https://api.stacspec.org/v1.0.0/item-search#context",
    "https://api.stacspec.org/v1.0.0/item-search#filter",
    "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
    "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text",
    "http://www.opengis.net/spec/cql2/1.0/conf/cql2-json",
    "http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2",
]

Query = dict[str, list[str]]


class ApiError(Exception):
    def __init__(self, status: int, message: str, code: str = "BadRequest") -> None:
        super().__init__(message)
        self.status, self.message, self.code = status, message, code


def _refuse_text_filter(body: dict) -> None:
    """stac-fastapi's pydantic model of the POST body takes a CQL2 JSON filter only
    (measured on stac-fastapi-pgstac 7.2: HTTP 400, ``Input should be a valid dictionary``
    and ``Input should be 'cql2-json'``)."""
    problems = []
    if "filter" in body and not isinstance(body["filter"], dict):
        problems.append("body.filter: Input should be a valid dictionary")
    if "filter-lang" in body and body["filter-lang"] != "cql2-json":
        problems.append("body.filter-lang: Input should be 'cql2-json'")
    if problems:
        raise ApiError(400, "; ".join(problems), "RequestValidationError")


class PagingApi:
    def __init__(
        self,
        items: Sequence[dict],
        style: str,
        *,
        collections: Optional[Sequence[dict]] = None,
        default_limit: int = 10,
        max_limit: Optional[int] = None,
        collections_page_size: Optional[int] = None,
        sh_next_links: bool = False,
        empty_last_page: bool = False,
    ) -> None:
        if style not in STYLES:
            raise ValueError(f"unknown style {style!r}; expected one of {STYLES}")
        self.items, self.style = list(items), style
        self.collections = list(collections or self._derive_collections())
        self.default_limit = default_limit
        self.max_limit = max_limit or (100 if style == "sentinelhub" else 10_000)
        self.collections_page_size = collections_page_size
        self.sh_next_links, self.empty_last_page = sh_next_links, empty_last_page

    def _derive_collections(self) -> list[dict]:
        """Minimal collections for the ``collection`` ids found in the items."""
        extent = {"spatial": {"bbox": [[-180.0, -90.0, 180.0, 90.0]]}}
        extent["temporal"] = {"interval": [[None, None]]}
        ids = dict.fromkeys(i["collection"] for i in self.items if i.get("collection"))
        base = {"type": "Collection", "stac_version": "1.0.0", "license": "proprietary"}
        return [
            {**base, "id": cid, "description": f"Collection {cid}", "extent": extent, "links": []}
            for cid in ids
        ]

    def error(self, exc: ApiError) -> tuple[int, dict]:
        """The error document in this style's native shape."""
        if self.style == "sentinelhub":
            code = "COMMON_NOT_FOUND" if exc.status == 404 else "COMMON_BAD_PAYLOAD"
            return exc.status, sentinelhub_error_body(exc.status, exc.message, code)
        return exc.status, stac_error_body(exc.message, exc.code)

    def handle(
        self, method: str, route: str, query: Query, body: Optional[dict], base: str
    ) -> tuple[int, dict]:
        """Answer one request. ``base`` is the API root URL ending in "/"."""
        try:
            return 200, self._route(method, route, query, body or {}, base)
        except ApiError as exc:
            return self.error(exc)

    def _route(self, method: str, route: str, query: Query, body: dict, base: str) -> dict:
        parts = [p for p in route.split("/") if p]
        if method not in ("GET", "POST"):
            raise ApiError(405, f"Method {method} not allowed", "MethodNotAllowed")
        if parts == ["search"]:
            if method not in SEARCH_METHODS[self.style]:
                raise ApiError(405, f"{method} /search is not supported", "MethodNotAllowed")
            params = _query_params(query) if method == "GET" else dict(body)
            return self._search(method, params, query, base, "search")
        if method != "GET":
            raise ApiError(405, f"POST {route} is not supported", "MethodNotAllowed")
        if not parts:
            return self._landing(base)
        if parts == ["conformance"]:
            return {"conformsTo": self._conformance()}
        if parts == ["collections"]:
            return self._collections(query, base)
        if len(parts) >= 2 and parts[0] == "collections":
            collection = self._collection(parts[1])
            if len(parts) == 2:
                return collection
            if len(parts) == 3 and parts[2] == "items":
                params = {**_query_params(query), "collections": [parts[1]]}
                return self._search("GET", params, query, base, f"collections/{parts[1]}/items")
            if len(parts) == 4 and parts[2] == "items":
                for item in self.items:
                    if item["id"] == parts[3] and item.get("collection") == parts[1]:
                        return item
                raise ApiError(
                    404,
                    f"Item {parts[3]} in Collection {parts[1]} does not exist.",
                    "NotFoundError",
                )
        raise ApiError(404, f"{route} not found", "NotFoundError")

    def _conformance(self) -> list[str]:
        extra = _SH_EXTRA_CONFORMANCE if self.style == "sentinelhub" else []
        return _CONFORMANCE + extra

    def _landing(self, base: str) -> dict:
        links = [
            {"rel": "self", "type": "application/json", "href": base},
            {"rel": "root", "type": "application/json", "href": base},
            {"rel": "data", "type": "application/json", "href": base + "collections"},
            {"rel": "conformance", "type": "application/json", "href": base + "conformance"},
        ]
        for method in SEARCH_METHODS[self.style]:
            links.append(
                {
                    "rel": "search",
                    "type": GEOJSON,
                    "title": "STAC search",
                    "href": base + "search",
                    "method": method,
                }
            )
        for c in self.collections:
            links.append(
                {
                    "rel": "child",
                    "type": "application/json",
                    "href": f"{base}collections/{c['id']}",
                    "title": c.get("title"),
                }
            )
        sh = self.style == "sentinelhub"
        return {
            "type": "Catalog",
            "stac_version": "1.0.0",
            "id": "sentinel-hub" if sh else f"paging-{self.style}",
            "title": "Sentinel Hub STAC catalog" if sh else f"Local STAC API ({self.style} paging)",
            "description": "Local test server (tests/servers/stac_paging_server.py)",
            "conformsTo": self._conformance(),
            "links": links,
        }

    def _collection(self, cid: str) -> dict:
        for c in self.collections:
            if c["id"] == cid:
                return c
        raise ApiError(404, f"Collection {cid} does not exist.", "NotFoundError")

    def _collections(self, query: Query, base: str) -> dict:
        """All collections, or pages of ``collections_page_size`` with ``?offset=N`` links."""
        size = self.collections_page_size or len(self.collections) or 1
        size = _int(query, "limit", size)
        offset = _int(query, "offset", 0)
        page = self.collections[offset : offset + size]
        links = [
            {"rel": "root", "type": "application/json", "href": base},
            {"rel": "self", "type": "application/json", "href": base + "collections"},
        ]
        if self.collections_page_size and offset + size < len(self.collections):
            next_query = urlencode({"limit": size, "offset": offset + size})
            links.append(
                {
                    "rel": "next",
                    "type": "application/json",
                    "href": f"{base}collections?{next_query}",
                }
            )
        return {
            "collections": page,
            "links": links,
            "numberMatched": len(self.collections),
            "numberReturned": len(page),
        }

    def _matches(self, params: dict) -> list[dict]:
        collections = _as_list(params.get("collections"))
        ids = _as_list(params.get("ids"))
        bbox = params.get("bbox")
        if isinstance(bbox, str):
            bbox = bbox.split(",")
        if bbox is not None:
            try:
                bbox = [float(v) for v in bbox]
            except (TypeError, ValueError):
                raise ApiError(400, f"invalid bbox {params.get('bbox')!r}") from None
            if len(bbox) not in (4, 6):
                raise ApiError(400, f"invalid bbox {params.get('bbox')!r}")
        out = []
        for item in self.items:
            if collections and item.get("collection") not in collections:
                continue
            if ids and item["id"] not in ids:
                continue
            if bbox and not _bbox_overlap(bbox, item.get("bbox")):
                continue
            out.append(item)
        return out

    def _start(self, params: dict, matches: list[dict], limit: int, paging_key: str) -> int:
        """Index of the first item of the requested page, from this style's paging value."""
        value = params.get(paging_key)
        if value in (None, ""):
            return 0
        if paging_key in ("next", "page") and self.style in ("sentinelhub", "page-number"):
            try:
                number = int(value)
            except (TypeError, ValueError):
                raise ApiError(400, f"invalid {paging_key} value {value!r}") from None
            if number < (1 if paging_key == "page" else 0):
                raise ApiError(400, f"invalid {paging_key} value {value!r}")
            return (number - 1) * limit if paging_key == "page" else number
        token = str(value)
        if paging_key == "next":  # Earth Search: "<datetime>,<id>,<collection>"
            _dt, _, rest = token.partition(",")
            item_id, _, collection = rest.rpartition(",")
        else:  # "next:<collection>:<id>"
            prefix, _, rest = token.partition(":")
            collection, _, item_id = rest.partition(":")
            if prefix != "next":
                raise ApiError(400, f"invalid token {token!r}")
        for index, item in enumerate(matches):
            if item["id"] == item_id and item.get("collection") == collection:
                return index + 1
        raise ApiError(400, f"invalid token {token!r}: no such item in this search")

    def _paging_key(self, path: str) -> str:
        if self.style == "sentinelhub":
            return "next"
        if self.style == "page-number":
            return "page"
        if self.style == "post-body-full" and path == "search":
            return "next"
        return "token"

    def _search(self, method: str, params: dict, query: Query, base: str, path: str) -> dict:
        if method == "POST" and self.style in ("post-body-merge", "post-body-full"):
            _refuse_text_filter(params)
        if self.style == "sentinelhub" and path == "search":
            _sentinelhub_contract(params)
        try:
            limit = int(params.get("limit", self.default_limit))
        except (TypeError, ValueError):
            raise ApiError(400, f"invalid limit {params.get('limit')!r}") from None
        if limit < 1:
            raise ApiError(400, f"invalid limit {limit}")
        limit = min(limit, self.max_limit)
        matches = self._matches(params)
        if self.style == "sentinelhub" and path == "search":
            matches = [i for i in matches if _in_interval(i, str(params["datetime"]))]
            if params.get("distinct"):
                # seed 002 "Distinct": the distinct values of the matching items
                days = {str(i.get("properties", {}).get("datetime", ""))[:10] for i in matches}
                matches = sorted(d for d in days if d)  # type: ignore[assignment]
        key = self._paging_key(path)
        start = self._start(params, matches, limit, key)
        page = matches[start : start + limit]
        end = start + len(page)
        more = end < len(matches) or (self.empty_last_page and page and len(page) == limit)
        self_href = base + path + (("?" + _encode(query)) if query else "")
        doc: dict[str, Any] = {"type": "FeatureCollection", "features": page}
        links = [
            {"rel": "root", "type": "application/json", "href": base},
            {"rel": "self", "type": GEOJSON, "href": self_href},
        ]
        if more:
            links.append(self._next_link(method, params, query, base + path, key, page, end))
        doc["links"] = [link for link in links if link]
        if self.style == "sentinelhub":
            context = {"next": end} if more else {}
            doc["context"] = {**context, "limit": limit, "returned": len(page)}
        else:
            doc["numberReturned"] = len(page)
        if self.style == "post-body-full":
            doc["numberMatched"] = len(matches)
            doc["context"] = {"limit": limit, "matched": len(matches), "returned": len(page)}
        return doc

    def _next_link(
        self, method: str, params: dict, query: Query, url: str, key: str, page: list, end: int
    ) -> Optional[dict]:
        """The style's next link for a page ending at index ``end``; ``url`` = endpoint URL."""
        last = page[-1] if page else {"id": "", "collection": ""}
        if key == "next" and self.style == "sentinelhub":
            if not self.sh_next_links:
                return None  # Sentinel Hub (seed 002): paging only through context.next
            value: Any = end
        elif key == "page":
            value = int(params.get("page") or 1) + 1
        elif key == "next":
            value = f"{last['properties'].get('datetime')},{last['id']},{last.get('collection')}"
        else:
            value = f"next:{last.get('collection')}:{last['id']}"
        link: dict[str, Any] = {"rel": "next", "type": GEOJSON}
        if method == "GET":
            pairs = [(k, v) for k, values in query.items() if k != key for v in values]
            link["href"] = f"{url}?{_encode(pairs + [(key, str(value))])}"
            if self.style == "page-number":
                link["type"] = "application/json"  # legacy CDSE: no method, JSON type
            else:
                link["method"] = "GET"
            if self.style == "sentinelhub":
                link["title"] = "Next set of results"
            return link
        link.update({"method": "POST", "href": url})
        if self.style == "post-body-full":
            body = {k: v for k, v in params.items() if k != key}
            link.update(
                {"title": "Next page of Items", "body": {**body, key: value}, "merge": False}
            )
        else:
            link.update({"body": {key: value}, "merge": True})
        return link


#: seed 002 "Filter": eq, neq, lt, lte, gt, gte, between and the logical "and" only (the
#: OpenAPI example of seed 001 writes ">"; both spellings are taken)
_SH_FILTER_OPS = {"and", "eq", "neq", "lt", "lte", "gt", "gte", "between"}
_SH_FILTER_OPS |= {"=", "<>", "<", "<=", ">", ">="}
_SH_TEXT_REFUSED = re.compile(r"\b(OR|NOT|LIKE|IN|IS|NULL)\b|!=", re.IGNORECASE)
#: properties ``distinct`` lists here (seed 002 names the acquisition dates)
_SH_DISTINCT = {"date"}


def _sentinelhub_contract(params: dict) -> None:
    """Refuse what Sentinel Hub Catalog refuses: collections must hold exactly one id and
    datetime is required (seed 001 CatalogItemSearch), filters take only ``and`` and the
    comparison operators (seed 002), ``distinct`` a listed property. 400, RestErrorWrapper."""
    collections = _as_list(params.get("collections")) or []
    if len(collections) != 1:
        raise ApiError(400, f"collections: size must be 1, got {len(collections)}")
    if not isinstance(params.get("datetime"), str) or not params["datetime"].strip():
        raise ApiError(400, "datetime: must not be null")
    expression = params.get("filter")
    if isinstance(expression, str):
        if _SH_TEXT_REFUSED.search(re.sub(r"'(?:[^']|'')*'", "''", expression)):
            raise ApiError(400, f"filter: unsupported operator in {expression!r}")
    elif expression is not None:
        bad = _sh_refused_ops(expression)
        if bad:
            raise ApiError(400, f"filter: unsupported operator {sorted(bad)[0]!r}")
    distinct = params.get("distinct")
    if distinct is not None and distinct not in _SH_DISTINCT:
        raise ApiError(400, f"distinct: unsupported property {distinct!r}")


def _sh_refused_ops(expression: Any) -> set[str]:
    if isinstance(expression, list):
        return set().union(*(_sh_refused_ops(e) for e in expression)) if expression else set()
    if not isinstance(expression, dict) or "op" not in expression:
        return set()
    own = set() if expression["op"] in _SH_FILTER_OPS else {str(expression["op"])}
    return own | _sh_refused_ops(expression.get("args", []))


def _in_interval(item: dict, interval: str) -> bool:
    """RFC 3339 instant or interval, ".." or empty for an open end (string comparison of
    UTC instants; a bare instant matches that instant's day)."""
    when = str(item.get("properties", {}).get("datetime") or "")
    if "/" not in interval:
        return when[:10] == interval[:10]
    start, end = interval.split("/", 1)
    return (start in ("", "..") or when >= start) and (end in ("", "..") or when <= end)


def _encode(query: Any) -> str:
    pairs = query if isinstance(query, list) else [(k, v) for k, vs in query.items() for v in vs]
    return urlencode(pairs, safe=":,/")


def _query_params(query: Query) -> dict:
    """GET query -> search parameters (comma lists stay strings until used)."""
    return {k: v[-1] for k, v in query.items() if v}


def _as_list(value: Any) -> Optional[list[str]]:
    if value in (None, "", []):
        return None
    return value.split(",") if isinstance(value, str) else list(value)


def _int(query: Query, key: str, default: int) -> int:
    try:
        return int(query.get(key, [default])[-1])
    except ValueError:
        raise ApiError(400, f"invalid {key}") from None


def _bbox_overlap(a: Sequence[float], b: Optional[Sequence[float]]) -> bool:
    if not b:
        return False
    aw, as_, ae, an = (a[0], a[1], a[2], a[3]) if len(a) == 4 else (a[0], a[1], a[3], a[4])
    bw, bs, be, bn = (b[0], b[1], b[2], b[3]) if len(b) == 4 else (b[0], b[1], b[3], b[4])
    return aw <= be and bw <= ae and as_ <= bn and bs <= an
