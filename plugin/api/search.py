"""What the user asks a catalog for, and how it becomes a STAC API request.

Encodings follow STAC API - Item Search 1.0.0 (GET query parameters and POST body), the
Filter extension (CQL2 JSON in POST, CQL2 text in GET, ``filter-lang``), the Query, Sort
and Fields extensions.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime, time, timezone
from typing import Any

from .conformance import Capabilities
from .cql2 import NotTranslated, cloud_limit_json, cloud_limit_text, to_json
from .errors import UnsupportedRequest
from .geometry import SearchArea

DEFAULT_PAGE_SIZE = 100
MAX_PAGE_SIZE = 1000
#: Sentinel Hub Catalog's ``limit`` maximum (seed 001, CatalogItemSearchLimit [1 .. 100])
SENTINELHUB_MAX_LIMIT = 100
#: the CQL2 JSON operators Sentinel Hub Catalog filters with (seed 002, "Filter": eq, neq,
#: lt, lte, gt, gte, between, and "and" as the only logical operator)
SENTINELHUB_FILTER_OPS = frozenset({"and", "=", "<>", "<", "<=", ">", ">=", "between"})
SH_ONE_COLLECTION = "Sentinel Hub Catalog searches one collection at a time: choose one."
SH_NEEDS_DATES = "Sentinel Hub Catalog needs a date range: set a start or end date."
SH_FILTER_OPS = (
    "Sentinel Hub Catalog filters allow only AND with =, <>, <, <=, >, >=, BETWEEN: "
    "OR, NOT, LIKE, IN and IS NULL are not supported."
)


def is_sentinelhub_catalog(url: str) -> bool:
    """True for a Sentinel Hub Catalog (``.../api/v1/catalog/1.0.0/``)."""
    return "/api/v1/catalog/" in (url or "")


def _sentinelhub_filter_ok(expression: Any) -> bool:
    """True when every operator of a CQL2 JSON expression is one SH Catalog knows."""
    if isinstance(expression, list):
        return all(_sentinelhub_filter_ok(e) for e in expression)
    if not isinstance(expression, dict) or "op" not in expression:
        return True  # a literal, a property reference, a timestamp
    if expression["op"] not in SENTINELHUB_FILTER_OPS:
        return False
    return _sentinelhub_filter_ok(expression.get("args", []))


#: Sort orders offered to users (STAC API Sort extension), by name: (field, direction)s.
SORT_ORDERS: dict[str, tuple[tuple[str, str], ...]] = {
    "": (),  # the catalog's own order
    "newest": (("properties.datetime", "desc"),),
    "oldest": (("properties.datetime", "asc"),),
    "least-cloudy": (("properties.eo:cloud_cover", "asc"), ("properties.datetime", "desc")),
}


def _instant(value: datetime | date, end: bool) -> datetime:
    """An interval end as an aware UTC datetime; a date means the whole day (UTC)."""
    if not isinstance(value, datetime):
        value = datetime.combine(value, time.max if end else time.min)
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc)


def _iso(value: datetime | date | None, end: bool) -> str:
    """RFC 3339 instant for an interval end; a date means the whole day (UTC)."""
    if value is None:
        return ".."
    value = _instant(value, end)
    text = value.strftime("%Y-%m-%dT%H:%M:%S")
    if value.microsecond:
        text += f".{value.microsecond:06d}".rstrip("0")
    return text + "Z"


@dataclass
class SearchRequest:
    """A catalog search as the user put it together in the form."""

    collections: list[str] = field(default_factory=list)
    area: SearchArea | None = None
    start: datetime | date | None = None
    end: datetime | date | None = None
    max_cloud_cover: float | None = None
    cql2_text: str = ""
    max_items: int = 500
    page_size: int = DEFAULT_PAGE_SIZE
    ids: list[str] = field(default_factory=list)
    #: a key of :data:`SORT_ORDERS`; sent where the catalog declares the Sort extension, so
    #: that a capped search brings the newest or least cloudy items rather than any
    sort: str = ""
    #: Fields extension ``include`` list (e.g. :data:`footprints.FOOTPRINT_FIELDS`): items
    #: come back with only these members where the catalog declares the extension
    include_fields: list[str] | None = None

    @property
    def datetime_interval(self) -> str | None:
        if self.start is None and self.end is None:
            return None
        return f"{_iso(self.start, False)}/{_iso(self.end, True)}"

    @property
    def limit(self) -> int:
        return max(1, min(self.page_size, self.max_items, MAX_PAGE_SIZE))

    def validate(self, catalog_url: str = "") -> None:
        """Refuse what cannot be asked; ``catalog_url`` adds that catalog's own rules."""
        if self.max_items < 1:
            raise UnsupportedRequest("The maximum number of items must be at least 1.")
        if self.start and self.end and _instant(self.start, False) > _instant(self.end, True):
            raise UnsupportedRequest("The start date is after the end date.")
        if self.max_cloud_cover is not None and not 0 <= self.max_cloud_cover <= 100:
            raise UnsupportedRequest("The maximum cloud cover must be between 0 and 100 %.")
        if self.sort not in SORT_ORDERS:
            raise UnsupportedRequest(f"Unknown sort order {self.sort!r}.")
        if is_sentinelhub_catalog(catalog_url):
            self.check_sentinelhub()

    def check_sentinelhub(self) -> None:
        """Sentinel Hub Catalog's search contract (seed 001 CatalogItemSearch: exactly one
        collection, ``datetime`` required; seed 002 "Filter": only ``and`` with eq, neq,
        lt, lte, gt, gte, between)."""
        if len(self.collections) != 1:
            raise UnsupportedRequest(SH_ONE_COLLECTION)
        if self.datetime_interval is None:
            raise UnsupportedRequest(SH_NEEDS_DATES)
        if self.cql2_text.strip():
            try:
                expression = to_json(self.cql2_text)
            except NotTranslated as exc:
                raise UnsupportedRequest(SH_FILTER_OPS, details=str(exc)) from None
            if not _sentinelhub_filter_ok(expression):
                raise UnsupportedRequest(SH_FILTER_OPS)

    def sortby(self, caps: Capabilities) -> tuple[tuple[str, str], ...]:
        """The sort to send: none where the catalog does not declare sorting."""
        return SORT_ORDERS.get(self.sort, ()) if caps.sort else ()

    def fields(self, caps: Capabilities) -> dict[str, list[str]] | None:
        """The Fields extension member to send, or None."""
        if self.include_fields and caps.fields:
            return {"include": list(self.include_fields)}
        return None

    def _check_filter(self, caps: Capabilities) -> None:
        if self.cql2_text.strip() and not caps.filter:
            raise UnsupportedRequest(
                "This catalog does not support CQL2 filters; clear the filter field."
            )

    def _cloud_on_server(self, caps: Capabilities) -> bool:
        return self.max_cloud_cover is not None and caps.filter

    def filter_text(self, caps: Capabilities) -> str:
        """The CQL2-text filter to send: the user's filter and the cloud limit, joined."""
        self._check_filter(caps)
        parts = [self.cql2_text.strip()] if self.cql2_text.strip() else []
        limit = self.max_cloud_cover
        if limit is not None and self._cloud_on_server(caps):
            parts.append(cloud_limit_text(limit, caps.filter_or))
        if len(parts) > 1:
            return " AND ".join(f"({p})" for p in parts)
        return parts[0] if parts else ""

    def filter_json(self, caps: Capabilities) -> dict[str, Any] | None:
        """The same filter as CQL2 JSON; raises :class:`NotTranslated` when the user's text
        uses CQL2 that :mod:`.cql2` does not translate."""
        self._check_filter(caps)
        parts = [to_json(self.cql2_text)] if self.cql2_text.strip() else []
        limit = self.max_cloud_cover
        if limit is not None and self._cloud_on_server(caps):
            parts.append(cloud_limit_json(limit, caps.filter_or))
        if len(parts) > 1:
            return {"op": "and", "args": parts}
        return parts[0] if parts else None

    def post_body(self, caps: Capabilities, text_filter_ok: bool = True) -> dict[str, Any]:
        """The body of ``POST /search``.

        The filter goes as CQL2 JSON (STAC API Filter extension: JSON in POST; stac-fastapi
        refuses text there) unless the catalog names CQL2 text and not JSON. A filter the
        translator cannot read is sent as text when ``text_filter_ok``, else
        :class:`NotTranslated` is raised (the client then searches with GET).
        """
        self.validate()
        body: dict[str, Any] = {"limit": self.limit}
        if self.collections:
            body["collections"] = list(self.collections)
        if self.ids:
            body["ids"] = list(self.ids)
        self._add_area(body, as_text=False)
        if self.datetime_interval:
            body["datetime"] = self.datetime_interval
        expression: Any = None
        if caps.post_filter_json:
            try:
                expression = self.filter_json(caps)
            except NotTranslated:
                if not text_filter_ok:
                    raise
        if expression is not None:
            body["filter"] = expression
            body["filter-lang"] = "cql2-json"
        elif self.filter_text(caps):
            body["filter"] = self.filter_text(caps)
            body["filter-lang"] = "cql2-text"
        elif self.max_cloud_cover is not None and caps.query:
            # The Query extension has no "is null": items without cloud cover are dropped.
            body["query"] = {"eo:cloud_cover": {"lte": self.max_cloud_cover}}
        sortby = self.sortby(caps)
        if sortby:
            body["sortby"] = [{"field": name, "direction": way} for name, way in sortby]
        fields = self.fields(caps)
        if fields:
            body["fields"] = fields
        return body

    def get_params(self, caps: Capabilities) -> dict[str, str]:
        """The query parameters of ``GET /search``."""
        self.validate()
        params: dict[str, str] = {"limit": str(self.limit)}
        if self.collections:
            params["collections"] = ",".join(self.collections)
        if self.ids:
            params["ids"] = ",".join(self.ids)
        self._add_area(params, as_text=True)
        if self.datetime_interval:
            params["datetime"] = self.datetime_interval
        text = self.filter_text(caps)
        if text:
            params["filter"] = text
            params["filter-lang"] = "cql2-text"
        elif self.max_cloud_cover is not None and caps.query:
            params["query"] = json.dumps({"eo:cloud_cover": {"lte": self.max_cloud_cover}})
        sortby = self.sortby(caps)
        if sortby:  # Sort extension, GET: "-name" descending, "+name" ascending
            params["sortby"] = ",".join(("-" if way == "desc" else "+") + n for n, way in sortby)
        fields = self.fields(caps)
        if fields:  # Fields extension, GET: a comma-separated list of included names
            params["fields"] = ",".join(fields["include"])
        return params

    def _add_area(self, target: dict[str, Any], as_text: bool) -> None:
        area = self.area
        if area is None or area.is_empty:
            return
        if area.geometry is None and len(area.bboxes) == 1:
            bbox = [round(v, 7) for v in area.bboxes[0]]
            target["bbox"] = ",".join(f"{v:.12g}" for v in bbox) if as_text else bbox
            return
        geometry = area.as_intersects()
        target["intersects"] = json.dumps(geometry, separators=(",", ":")) if as_text else geometry

    def cloud_filter_is_local(self, caps: Capabilities) -> bool:
        """True when the catalog cannot filter by cloud cover and the plugin does it."""
        return self.max_cloud_cover is not None and not (caps.filter or caps.query)
