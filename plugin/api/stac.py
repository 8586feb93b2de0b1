"""A STAC API client: landing page, conformance, collections, item search with paging.

Paging styles followed (STAC API 1.0 "Paging" and what real servers do):

* ``next`` link with a GET ``href`` (CDSE ``token=next:...``, Earth Search ``?next=``,
  legacy ``&page=N``, FedEO ``startRecord``);
* ``next`` link with ``method: POST`` and a ``body``: the body replaces the previous one,
  or is merged into it when ``merge`` is true (Planetary Computer, Earth Search, eoAPI);
* Sentinel Hub Catalog's ``context.next`` with no link: sent back as ``next`` in the body
  (seed 002).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import quote, urlencode, urljoin, urlsplit

from .conformance import Capabilities
from .cql2 import NotTranslated
from .errors import Cancelled, InvalidResponse, NotAStacApi, UnsupportedRequest
from .http import HttpClient, IsCancelled, Response, _never
from .pagejson import skim
from .search import SENTINELHUB_MAX_LIMIT, SearchRequest, is_sentinelhub_catalog
from .threads import Ahead, paused_gc

JSON_TYPES = ("application/json", "application/geo+json")
MAX_PAGES = 10_000  # a safety net against servers that link a page to itself forever
MAX_MATCHED_DIGITS = 15  # a numberMatched beyond that is nonsense, shown as unknown


def _is_json_type(media_type: Any) -> bool:
    if not media_type:
        return True  # STAC links often omit the type; JSON is the default
    return any(str(media_type).lower().startswith(t) for t in JSON_TYPES)


def _links(document: Any) -> list[dict[str, Any]]:
    links = document.get("links") if isinstance(document, dict) else None
    return [link for link in links if isinstance(link, dict)] if isinstance(links, list) else []


def join_url(base: str, href: str) -> str:
    """``urljoin``, with an address that cannot be read (``http://[::1/x``, a port past
    65535) as :class:`InvalidResponse` instead of ``ValueError``."""
    try:
        joined = urljoin(base, href)
        urlsplit(joined).port  # noqa: B018 - parses the port: raises on 99999
    except ValueError as exc:
        raise InvalidResponse(
            "The catalog sent a link EO Explorer cannot follow: it is not a valid address.",
            details=f"{href[:300]!r} (from {base}): {exc}",
        ) from None
    return joined


def find_link(document: Any, rel: str, json_only: bool = True) -> dict[str, Any] | None:
    for link in _links(document):
        if link.get("rel") == rel and isinstance(link.get("href"), str):
            if not json_only or _is_json_type(link.get("type")):
                return link
    return None


@dataclass
class CollectionInfo:
    """What the search form needs to know about a collection."""

    id: str
    title: str = ""
    description: str = ""
    has_cloud_cover: bool = False
    raw: dict[str, Any] = field(default_factory=dict, repr=False)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CollectionInfo:
        summaries = data.get("summaries")
        summaries = summaries if isinstance(summaries, dict) else {}
        item_assets = data.get("item_assets")
        item_assets = item_assets if isinstance(item_assets, dict) else {}
        # ``eo:cloud_cover`` in summaries (STAC best practice); some catalogs only say it
        # through the EO extension on the collection (CDSE: no summary for any collection).
        extensions = data.get("stac_extensions")
        extensions = extensions if isinstance(extensions, list) else []
        has_cloud = (
            "eo:cloud_cover" in summaries
            or any(isinstance(a, dict) and "eo:cloud_cover" in a for a in item_assets.values())
            or any(isinstance(e, str) and "/eo/" in e for e in extensions)
        )
        return cls(
            id=str(data.get("id")),
            title=str(data.get("title") or ""),
            description=str(data.get("description") or ""),
            has_cloud_cover=has_cloud,
            raw=data,
        )


@dataclass
class SearchPage:
    """One page of search results as the server sent it."""

    number: int
    items: list[Any]
    number_matched: int | None
    size_bytes: int
    #: each item's JSON text as the server sent it, when the page could be sliced
    item_texts: list[str] | None = None
    #: the page links to a next one (or cannot be read that far): more items exist
    has_next: bool = False


@dataclass
class _Request:
    method: str
    url: str
    params: dict[str, Any] | None = None
    body: dict[str, Any] | None = None


class StacClient:
    """A STAC API, opened from its landing page URL."""

    def __init__(
        self, url: str, landing: dict[str, Any], http: HttpClient, conformance: list[str]
    ) -> None:
        self.url = url
        self.landing = landing
        self.http = http
        self.conformance = conformance
        self.capabilities = Capabilities.from_conformance(conformance)
        #: ``<url>/search`` and the method it answered, for a landing page without a
        #: ``search`` link (see :meth:`_probe_search`)
        self.probed_search: tuple[str, set[str]] | None = None
        #: search with GET even where the landing page offers POST (a catalog whose
        #: provider documents GET only: ESA MAAP, seed 004)
        self.get_only = False
        if is_sentinelhub_catalog(url):
            # Sentinel Hub Catalog's CQL2 knows "and" only (seed 002): its cloud limit is
            # a plain comparison (its optical items all carry eo:cloud_cover).
            self.capabilities = replace(self.capabilities, filter_or=False)

    # -- opening ----------------------------------------------------------------------

    @classmethod
    def open(
        cls, url: str, http: HttpClient | None = None, is_cancelled: IsCancelled = _never
    ) -> StacClient:
        """Read the landing page (and ``/conformance`` when the landing page has none)."""
        http = http or HttpClient()
        url = url.strip()
        if not url.endswith("/"):
            url += "/"
        try:
            landing = http.get_json(url, is_cancelled=is_cancelled)
        except InvalidResponse as exc:
            # The reason when it is not merely "not JSON" (nested too deeply, too large).
            why = "its landing page is not JSON." if "not valid JSON" in str(exc) else str(exc)
            raise NotAStacApi(f"{url} is not a STAC API: {why}", details=exc.details) from exc
        if not isinstance(landing, dict) or not isinstance(landing.get("links"), list):
            raise NotAStacApi(
                f"{url} is not a STAC API: its landing page has no links.",
                details=_preview(landing),
            )
        conformance = landing.get("conformsTo")
        if not isinstance(conformance, list):
            conformance = []
            link = find_link(landing, "conformance")
            conf_url = link["href"] if link else join_url(url, "conformance")
            try:
                document = http.get_json(conf_url, is_cancelled=is_cancelled)
                if isinstance(document, dict) and isinstance(document.get("conformsTo"), list):
                    conformance = document["conformsTo"]
            except Cancelled:
                raise
            except Exception:  # noqa: BLE001 - conformance is optional, search still works
                conformance = []
        client = cls(url, landing, http, [str(c) for c in conformance])
        if client.search_link() is None:
            client.probed_search = client._probe_search(is_cancelled)
        if client.search_link() is None:
            raise NotAStacApi(
                f"{url} is a STAC catalog but offers no item search (no 'search' link).",
                details="links: " + ", ".join(str(x.get("rel")) for x in _links(landing)),
            )
        return client

    def _probe_search(self, is_cancelled: IsCancelled) -> tuple[str, set[str]] | None:
        """``<url>/search`` when it answers an item search although no link names it.

        STAC API 1.0 asks a landing page for a ``search`` link, but Constellr documents a
        landing page with only ``self`` and ``data`` links and a conformance list without
        the core or item-search classes, while ``POST`` and ``GET /stac/search`` work
        (seed 003, "STAC API"). One search for a single item tells such an API from a
        static catalog; POST first (it carries every parameter), then GET.
        """
        href = urljoin(self.url, "search")
        for method in ("POST", "GET"):
            try:
                if method == "POST":
                    document = self.http.post_json(
                        href, {"limit": 1}, idempotent=True, is_cancelled=is_cancelled
                    )
                else:
                    document = self.http.get_json(
                        href, params={"limit": 1}, is_cancelled=is_cancelled
                    )
            except Cancelled:
                raise
            except Exception:  # noqa: BLE001 - no search there, or not with this method
                continue
            if isinstance(document, dict) and isinstance(document.get("features"), list):
                return href, {method}
        return None

    @property
    def title(self) -> str:
        return str(self.landing.get("title") or self.landing.get("id") or self.url)

    def search_link(self) -> tuple[str, set[str]] | None:
        """The search endpoint and its methods, chosen by ``rel=search`` and JSON type.

        MAAP and FedEO also list an OpenSearch description under ``rel=search``; that one
        is skipped by its media type.
        """
        href = None
        methods: set[str] = set()
        for link in _links(self.landing):
            if link.get("rel") != "search" or not _is_json_type(link.get("type")):
                continue
            candidate = (
                join_url(self.url, link["href"]) if isinstance(link.get("href"), str) else None
            )
            if candidate is None:
                continue
            if href is None:
                href = candidate
            if candidate == href:
                methods.add(str(link.get("method") or "GET").upper())
        if href is None:
            return self.probed_search
        return href, methods

    # -- collections ------------------------------------------------------------------

    def collections(
        self,
        is_cancelled: IsCancelled = _never,
        max_pages: int = 200,
        text: str = "",
        cql2_text: str = "",
    ) -> list[CollectionInfo]:
        """Every collection, following ``next`` links across pages.

        ``text`` (free-text ``q``) and ``cql2_text`` (``filter``, e.g. ``platform='BIOMASS'``)
        ask the server itself when it conforms to STAC collection search (ESA MAAP, seed
        004); ask only then (:attr:`Capabilities.collection_text` / ``collection_filter``).
        """
        link = find_link(self.landing, "data")
        url: str | None = (
            join_url(self.url, link["href"]) if link else join_url(self.url, "collections")
        )
        query = {}
        if text.strip():
            query["q"] = text.strip()
        if cql2_text.strip():
            query["filter"] = cql2_text.strip()  # as seed 004 sends it: no filter-lang
        if query and url:
            url += ("&" if "?" in url else "?") + urlencode(query)
        result: list[CollectionInfo] = []
        seen_urls: set[str] = set()
        seen_ids: set[str] = set()
        pages = 0
        while url and url not in seen_urls and pages < max_pages:
            seen_urls.add(url)
            pages += 1
            document = self.http.get_json(url, is_cancelled=is_cancelled)
            if not isinstance(document, dict) or not isinstance(document.get("collections"), list):
                raise InvalidResponse(
                    "The catalog's collection list is not in STAC form.", details=url
                )
            for data in document["collections"]:
                if isinstance(data, dict) and data.get("id") and str(data["id"]) not in seen_ids:
                    seen_ids.add(str(data["id"]))
                    result.append(CollectionInfo.from_json(data))
            nxt = find_link(document, "next")
            url = join_url(url, nxt["href"]) if nxt else None
        return result

    # -- search -----------------------------------------------------------------------

    @property
    def is_sentinelhub(self) -> bool:
        return is_sentinelhub_catalog(self.url)

    def first_request(self, request: SearchRequest) -> _Request:
        endpoint = self.search_link()
        assert endpoint is not None
        href, methods = endpoint
        request.validate(self.url)  # Sentinel Hub Catalog: refused here, nothing sent
        if self.is_sentinelhub and "POST" in methods:
            # POST with CQL2 JSON (seed 001 CatalogItemSearch); limit at most 100 (the
            # service caps a larger one, asking for it is no use).
            body = request.post_body(self.capabilities, text_filter_ok=False)
            body["limit"] = min(body["limit"], SENTINELHUB_MAX_LIMIT)
            return _Request("POST", href, body=body)
        if "POST" in methods and not (self.get_only and "GET" in methods):
            # A filter the plugin cannot put into CQL2 JSON goes as typed, by GET, where
            # the Filter extension allows CQL2 text.
            try:
                body = request.post_body(self.capabilities, text_filter_ok="GET" not in methods)
                return _Request("POST", href, body=body)
            except NotTranslated:
                pass
        return _Request("GET", href, params=request.get_params(self.capabilities))

    def search(
        self,
        request: SearchRequest,
        is_cancelled: IsCancelled = _never,
        on_request: Callable[[str, str, Any], None] | None = None,
    ) -> Iterator[SearchPage]:
        """Yield pages until there is no next page or ``max_items`` items were fetched.

        The caller counts kept items; this stops on the raw count so a catalog that keeps
        sending pages never runs forever.
        """
        current: _Request | None = self.first_request(request)
        # When the plugin filters clouds itself, raw items are not kept items: the caller
        # stops iterating once it has enough.
        stop_at = None if request.cloud_filter_is_local(self.capabilities) else request.max_items
        fetched = 0
        previous_keys: set[str] = set()
        ahead: Ahead | None = None  # the next page, asked for before this one was parsed
        try:
            for number in range(1, MAX_PAGES + 1):
                if current is None or is_cancelled():
                    return
                if on_request:
                    on_request(current.method, current.url, current.body or current.params)
                if ahead is not None and ahead.key == current:
                    response = ahead.result(is_cancelled)
                else:
                    if ahead is not None:
                        ahead.abandon()  # the guess was wrong: ask for the right page
                    response = self._fetch(current, is_cancelled)
                ahead = None
                # A page holds at most ``limit`` items, so while even a full page leaves
                # the maximum unreached the next page is needed: ask for it now, from the
                # page's tail, and let the server work while this page is parsed.
                if stop_at is not None and fetched + request.limit < stop_at:
                    ahead = self._ask_ahead(current, response.content, is_cancelled)
                document, items, texts = _read_page(current, response)
                if items:
                    key = _page_key(items)
                    if key in previous_keys:
                        return  # the server sent the same page again: stop rather than loop
                    previous_keys.add(key)
                try:
                    following, broken = self._next_request(current, document), None
                except InvalidResponse as exc:
                    following, broken = None, exc  # raised only if that page is wanted
                yield SearchPage(
                    number,
                    items,
                    _number_matched(document),
                    len(response.content),
                    texts,
                    has_next=bool(items) and (following is not None or broken is not None),
                )
                fetched += len(items)
                if not items or (stop_at is not None and fetched >= stop_at):
                    return
                if broken is not None:
                    raise broken
                current = following
        finally:
            if ahead is not None:
                ahead.abandon()

    def distinct_dates(
        self, request: SearchRequest, is_cancelled: IsCancelled = _never, max_pages: int = 100
    ) -> list[str]:
        """The dates (``YYYY-MM-DD``) with items for the request's collection, area, dates
        and filter, from Sentinel Hub Catalog's ``distinct`` (seed 002, "Distinct":
        ``"distinct": "date"``). The features of such an answer are the distinct values
        themselves; pages follow ``context.next`` as a search does.

        Raises :class:`UnsupportedRequest` for a catalog other than Sentinel Hub Catalog
        and for a request it would refuse.
        """
        if not self.is_sentinelhub:
            raise UnsupportedRequest(
                "Only Sentinel Hub Catalog lists the dates with data; search instead."
            )
        endpoint = self.search_link()
        assert endpoint is not None
        request.validate(self.url)
        body = request.post_body(self.capabilities, text_filter_ok=False)
        body.pop("fields", None)
        body.pop("sortby", None)
        body["limit"] = SENTINELHUB_MAX_LIMIT
        body["distinct"] = "date"
        current: _Request | None = _Request("POST", endpoint[0], body=body)
        dates: list[str] = []
        for _ in range(max_pages):
            if current is None or is_cancelled():
                break
            document, values, _texts = _read_page(current, self._fetch(current, is_cancelled))
            dates.extend(str(v) for v in values if isinstance(v, (str, int, float)))
            current = self._next_request(current, document) if values else None
        return sorted(set(dates))

    def _fetch(self, current: _Request, is_cancelled: IsCancelled) -> Response:
        if current.method == "POST":
            return self.http.request(
                "POST",
                current.url,
                json_body=current.body,
                params=current.params,
                idempotent=True,
                is_cancelled=is_cancelled,
            )
        return self.http.request(
            "GET", current.url, params=current.params, is_cancelled=is_cancelled
        )

    def _ask_ahead(self, current: _Request, body: bytes, is_cancelled: IsCancelled) -> Ahead | None:
        """Send the request for the page after ``body``, guessed from the members around
        its features (:func:`pagejson.skim`); ``search`` uses the answer only if the guess
        matches the request made from the whole page."""
        around = skim(body)
        try:
            guess = self._next_request(current, around) if around is not None else None
        except InvalidResponse:
            return None  # the whole page says what is wrong with it
        if guess is None or guess == current:  # a page linking to itself: see search()
            return None
        return Ahead(guess, lambda cancelled: self._fetch(guess, cancelled), is_cancelled)

    def items(
        self, request: SearchRequest, is_cancelled: IsCancelled = _never
    ) -> Iterator[dict[str, Any]]:
        """Every item of a search as a dict, at most ``request.max_items`` (for scripts).

        Like the dock, it applies the cloud limit itself when the catalog cannot.
        """
        local_cloud = (
            request.max_cloud_cover if request.cloud_filter_is_local(self.capabilities) else None
        )
        count = 0
        for page in self.search(request, is_cancelled):
            for item in page.items:
                if count >= request.max_items:
                    return
                if local_cloud is not None and _cloud_above(item, local_cloud):
                    continue
                count += 1
                yield item

    def _next_request(self, current: _Request, document: dict[str, Any]) -> _Request | None:
        link = find_link(document, "next")
        if link is not None:
            href = join_url(current.url, link["href"])
            method = str(link.get("method") or "GET").upper()
            if method == "POST":
                body = link.get("body")
                if isinstance(body, dict):
                    body = {**(current.body or {}), **body} if link.get("merge") else dict(body)
                else:
                    body = current.body
                return _Request("POST", href, body=body)
            # A GET next link carries its whole query in the href.
            return _Request("GET", href)
        context = document.get("context")
        if isinstance(context, dict) and context.get("next") is not None:
            # Sentinel Hub Catalog: send ``next`` back in the same request (seed 002).
            if current.method == "POST":
                return _Request(
                    "POST", current.url, body={**(current.body or {}), "next": context["next"]}
                )
            return _Request(
                "GET", current.url, params={**(current.params or {}), "next": context["next"]}
            )
        return None


def _read_page(
    current: _Request, response: Response
) -> tuple[dict[str, Any], list[Any], list[str] | None]:
    """The page document, its features (a list, maybe empty) and their texts."""
    with paused_gc():
        document, texts = response.page_json()
    if not isinstance(document, dict) or "features" not in document:
        shape = sorted(document)[:10] if isinstance(document, dict) else type(document).__name__
        raise InvalidResponse(
            "The catalog's search answer is not a GeoJSON FeatureCollection.",
            details=f"{current.url}: {shape}",
        )
    items = document.get("features")
    if items is None:
        return document, [], texts
    if not isinstance(items, list):
        raise InvalidResponse(
            "The catalog's search answer is malformed: its 'features' are not a list, so "
            "its results cannot be read.",
            details=f"{current.url}: features is a {type(items).__name__}",
        )
    return document, items, texts


def _preview(document: Any) -> str:
    """The start of a document for the log (a document nested too deeply: its type)."""
    try:
        return json.dumps(document)[:300] if document is not None else ""
    except (RecursionError, ValueError, TypeError):
        return type(document).__name__


def _cloud_above(item: Any, limit: float) -> bool:
    properties = item.get("properties") if isinstance(item, dict) else None
    cloud = properties.get("eo:cloud_cover") if isinstance(properties, dict) else None
    try:
        return cloud is not None and float(cloud) > limit
    except (TypeError, ValueError):
        return False


def _number_matched(document: dict[str, Any]) -> int | None:
    value = document.get("numberMatched")
    if value is None and isinstance(document.get("context"), dict):
        value = document["context"].get("matched")
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        # ASCII digits only ("²" is a digit to str.isdigit), and few enough for an int:
        # a 5,000-digit string would raise ValueError in int().
        text = value.strip()
        if not (text.isascii() and text.isdigit() and len(text) <= MAX_MATCHED_DIGITS):
            return None
        value = int(text)
    if isinstance(value, int) and 0 <= value < 10**MAX_MATCHED_DIGITS:
        return value
    return None


def _page_key(items: list[Any]) -> str:
    first = items[0].get("id") if isinstance(items[0], dict) else None
    last = items[-1].get("id") if isinstance(items[-1], dict) else None
    return f"{first}|{last}|{len(items)}"


def is_partial(item: Any) -> bool:
    """True for an item cut down by the Fields extension (:data:`footprints.
    FOOTPRINT_FIELDS`): every whole STAC item has ``stac_version`` (STAC Item spec)."""
    return isinstance(item, dict) and "stac_version" not in item


def item_url(item: dict[str, Any]) -> str | None:
    """Where the whole item is: its ``self`` link, else ``{collection link}/items/{id}``."""
    link = find_link(item, "self")
    if link is not None:
        return link["href"]
    collection = find_link(item, "collection")
    if collection is not None and item.get("id") is not None:
        base = collection["href"].rstrip("/") + "/"
        return urljoin(base, "items/" + quote(str(item["id"]), safe=""))
    return None


def whole_item(
    item: dict[str, Any], http: HttpClient, is_cancelled: IsCancelled = _never
) -> dict[str, Any]:
    """The item itself if whole, else the whole item fetched from the catalog.

    Raises :class:`InvalidResponse` when the item says nowhere where it lives, or the
    catalog sends something that is not that item.
    """
    if not is_partial(item):
        return item
    url = item_url(item)
    if url is None:
        raise InvalidResponse(
            f"Item {item.get('id')} came without its assets and has no link to fetch them."
        )
    document = http.get_json(url, is_cancelled=is_cancelled)
    if not isinstance(document, dict) or document.get("id") != item.get("id"):
        raise InvalidResponse(f"{url} did not answer with item {item.get('id')}.", details=url)
    return document
