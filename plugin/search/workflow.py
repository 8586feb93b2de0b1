"""Catalog search inside QGIS: the work without widgets, shared by the Search dock and the
Processing algorithm "Search catalog".

:func:`search` runs one search in the calling thread (a :class:`WorkflowTask`'s worker for
the dock, Processing's own thread for the algorithm), page by page: the next page downloads
while this one is converted (look-ahead), conversion runs with the garbage collector paused,
the cloud-cover limit is applied locally where the catalog cannot filter, and the maximum
number of items stops it. It never raises for what a server sends: the outcome says.

:func:`collections` and :func:`whole_items` are the dock's other background reads.
"""

from __future__ import annotations

import json
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Optional

from qgis.core import QgsFeature

from ..api.catalogs import Catalog
from ..api.errors import Cancelled, EOExplorerError
from ..api.footprints import Rejected, convert_items
from ..api.http import HttpClient
from ..api.search import SearchRequest
from ..api.stac import CollectionInfo, StacClient, is_partial, whole_item
from ..api.threads import paused_gc, prefetched
from ..core.i18n import tr
from ..core.tasks import Progress, WorkflowTask, unexpected
from ..map.footprints import footprint_fields, to_features


@dataclass
class SearchOutcome:
    """What a search brought back, whether it finished, failed or was cancelled."""

    features: list[QgsFeature] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    pages: int = 0
    number_matched: Optional[int] = None
    filtered_locally: int = 0
    cloud_filter_local: bool = False
    cancelled: bool = False
    #: the maximum number of items stopped the search while the catalog had more
    limited: bool = False
    error: Optional[EOExplorerError] = None
    requests: list[tuple[str, str, Any]] = field(default_factory=list)
    #: footprints kept; equals ``len(features)`` unless a caller took them page by page
    kept: Optional[int] = None

    @property
    def count(self) -> int:
        return len(self.features) if self.kept is None else self.kept


@dataclass
class SearchProgress:
    """A snapshot after each page, for the dock's status line."""

    count: int
    pages: int
    number_matched: Optional[int]
    percent: float = 0.0
    #: this page's footprint features, for a search that hands them over page by page
    #: (the dock adds them to its layer as they arrive); empty otherwise
    features: list[QgsFeature] = field(default_factory=list, repr=False)
    #: their values for the results table, made here rather than read back on the main
    #: thread (see :func:`~plugin.map.footprints.to_features`)
    rows: list[tuple] = field(default_factory=list, repr=False)


def search(
    catalog: Catalog,
    request: SearchRequest,
    http: HttpClient,
    progress: Progress,
    take_features: Optional[Callable[[list[QgsFeature]], None]] = None,
    page_by_page: bool = False,
) -> SearchOutcome:
    """Search ``catalog`` and build the footprint features of the layer.

    The features stay in the outcome, unless ``take_features`` takes each page's (the
    algorithm writes them to its output as they arrive) or ``page_by_page`` sends them in
    each :class:`SearchProgress` report (the dock draws them as they arrive; nothing keeps
    them here, so a search holds one page at a time).
    """
    handed_over = take_features is not None or page_by_page
    outcome = SearchOutcome(kept=0 if handed_over else None)
    kept = 0
    try:
        request.validate(catalog.url)
        client = StacClient.open(catalog.url, http, is_cancelled=progress.is_cancelled)
        client.get_only = catalog.get_only
        outcome.cloud_filter_local = request.cloud_filter_is_local(client.capabilities)
        if outcome.cloud_filter_local:
            progress.info(
                tr(
                    "This catalog cannot filter by cloud cover; items above "
                    "the limit are dropped after download."
                )
            )
        fields = footprint_fields()
        wanted = request.max_items
        pages = client.search(
            request, progress.is_cancelled, on_request=lambda *r: outcome.requests.append(r)
        )
        # The collector stays paused for the whole search, not only while a page is
        # converted: the next page is parsed meanwhile in the look-ahead thread, and a
        # collection there walks the whole page (and QGIS's heap) with the GIL held, which
        # stalls the map that is being filled. A page's objects are freed by reference
        # counting as soon as it is converted; nothing here makes cycles.
        with paused_gc(), _gil_handed_over_sooner(page_by_page):
            for page in prefetched(pages, progress.is_cancelled):
                outcome.pages = page.number
                progress.info(tr("page {0}: {1} items").format(page.number, len(page.items)))
                if page.number_matched is not None:
                    if outcome.number_matched is None:
                        progress.info(
                            tr("The catalog matched {0} items.").format(page.number_matched)
                        )
                    outcome.number_matched = page.number_matched
                conversion = convert_items(page.items, request.max_cloud_cover, page.item_texts)
                page.items, page.item_texts = [], None  # the parsed page is not needed now
                room = wanted - kept
                rows: list[tuple] = []
                features = to_features(
                    conversion.footprints[:room], fields, rows if page_by_page else None
                )
                outcome.rejected.extend(conversion.rejected)
                outcome.filtered_locally += conversion.filtered_out
                if take_features is not None:
                    take_features(features)
                elif not page_by_page:
                    outcome.features.extend(features)
                if handed_over:
                    outcome.kept = kept + len(features)
                kept += len(features)
                if page_by_page:
                    _report(progress, outcome, wanted, features, rows)
                else:
                    _report(progress, outcome, wanted, [], [])
                del features, rows
                if kept >= wanted:
                    outcome.limited = len(conversion.footprints) > room or page.has_next
                    if outcome.number_matched is not None:
                        outcome.limited = outcome.number_matched > kept
                    break
                if progress.is_cancelled():
                    break
        outcome.cancelled = progress.is_cancelled()
    except Cancelled:
        outcome.cancelled = True
    except EOExplorerError as exc:
        outcome.error = exc
    return outcome


#: The interpreter's switch interval while a search fills the map (Python's default: 5 ms)
GUI_SWITCH_INTERVAL_S = 0.001
_switch_lock = threading.Lock()
_switch_depth = 0
_switch_was = 0.005


@contextmanager
def _gil_handed_over_sooner(active: bool) -> Iterator[None]:
    """A shorter switch interval while the main thread fills the map page by page.

    The search thread converts pages in Python while the main thread adds them to the
    layer; every call from Qt into Python on the main thread (a timer, a slot, each value
    the results table shows) waits for the GIL, up to the switch interval each time, and
    a turn of the event loop makes dozens of them. Counted like :func:`paused_gc`, so that
    overlapping searches restore the interval only when the last one is done."""
    global _switch_depth, _switch_was
    if not active:
        yield
        return
    with _switch_lock:
        if _switch_depth == 0:
            _switch_was = sys.getswitchinterval()
            sys.setswitchinterval(min(_switch_was, GUI_SWITCH_INTERVAL_S))
        _switch_depth += 1
    try:
        yield
    finally:
        with _switch_lock:
            _switch_depth -= 1
            if _switch_depth == 0:
                sys.setswitchinterval(_switch_was)


def _report(
    progress: Progress,
    outcome: SearchOutcome,
    wanted: int,
    features: list[QgsFeature],
    rows: list[tuple],
) -> None:
    target = wanted
    if outcome.number_matched is not None:
        target = max(1, min(target, outcome.number_matched))
    percent = min(100.0, 100.0 * outcome.count / max(1, target))
    progress.percent(percent)
    progress.report(
        SearchProgress(
            outcome.count, outcome.pages, outcome.number_matched, percent, features, rows
        )
    )


def search_task(
    catalog: Catalog,
    request: SearchRequest,
    http: Optional[HttpClient] = None,
    page_by_page: bool = False,
) -> WorkflowTask:
    """:func:`search` in a task for the dock; ``http`` is built on the main thread by the
    caller (credentials come from the auth database). With ``page_by_page`` each page's
    features travel to the main thread in the ``reported`` snapshots
    (:class:`~plugin.map.footprints.FootprintsFeed` adds them to the layer) and the
    outcome keeps none."""
    client = http or HttpClient()
    return WorkflowTask(
        f"EO Explorer: search {catalog.title}",
        lambda progress: search(catalog, request, client, progress, page_by_page=page_by_page),
        failed=lambda error: (
            SearchOutcome(cancelled=True)
            if isinstance(error, Cancelled)
            else SearchOutcome(error=error)
        ),
        succeeded=lambda outcome: outcome.error is None,
    )


# -- dates with data ---------------------------------------------------------------------


@dataclass
class DatesOutcome:
    """The days (``YYYY-MM-DD``) with items for a search, or why they are not known."""

    dates: list[str] = field(default_factory=list)
    error: Optional[EOExplorerError] = None


def dates_with_data(
    catalog: Catalog, request: SearchRequest, http: HttpClient, progress: Progress
) -> DatesOutcome:
    """Sentinel Hub Catalog's ``distinct`` dates for the request (seed 002): which days
    have images, before searching them."""
    try:
        client = StacClient.open(catalog.url, http, is_cancelled=progress.is_cancelled)
        client.get_only = catalog.get_only
        return DatesOutcome(sorted(set(client.distinct_dates(request, progress.is_cancelled))))
    except Cancelled:
        return DatesOutcome()
    except EOExplorerError as exc:
        return DatesOutcome(error=exc)


def dates_task(catalog: Catalog, request: SearchRequest, http: HttpClient) -> WorkflowTask:
    return WorkflowTask(
        f"EO Explorer: dates with data in {catalog.title}",
        lambda progress: dates_with_data(catalog, request, http, progress),
        failed=lambda error: DatesOutcome(error=None if isinstance(error, Cancelled) else error),
        succeeded=lambda outcome: outcome.error is None,
    )


# -- whole items -------------------------------------------------------------------------


@dataclass
class WholeItemsOutcome:
    #: feature id -> the whole item and its JSON text
    items: dict[int, tuple[dict, str]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)


def whole_items(items: dict[int, dict], http: HttpClient, progress: Progress) -> WholeItemsOutcome:
    """The whole STAC items of footprints whose ``item_json`` the Fields extension cut down
    (:func:`api.stac.whole_item`): the Assets panel and the details need them."""
    outcome = WholeItemsOutcome()
    for fid, item in items.items():
        if not is_partial(item):
            continue
        if progress.is_cancelled():
            break
        try:
            whole = whole_item(item, http, progress.is_cancelled)
            outcome.items[fid] = (whole, json.dumps(whole, ensure_ascii=False))
        except Cancelled:
            break
        except EOExplorerError as exc:
            outcome.errors.append(f"{item.get('id')}: {exc}")
        except Exception as exc:  # noqa: BLE001 - nothing a server sends may crash QGIS
            outcome.errors.append(f"{item.get('id')}: {unexpected(exc)}")
    return outcome


def whole_items_task(items: dict[int, dict], http: HttpClient) -> WorkflowTask:
    return WorkflowTask(
        "EO Explorer: read items",
        lambda progress: whole_items(items, http, progress),
        failed=lambda error: WholeItemsOutcome(
            errors=[] if isinstance(error, Cancelled) else [str(error)]
        ),
    )


# -- collections -------------------------------------------------------------------------


@dataclass
class CollectionsOutcome:
    collections: list[CollectionInfo] = field(default_factory=list)
    title: str = ""
    filter_supported: bool = False
    #: the catalog searches its collections itself (free text ``q``, ``filter``): the
    #: dock sends what the user types instead of reading every page
    server_search: bool = False
    #: the query this answer is for ("" for the first page)
    text: str = ""
    sort_supported: bool = False
    error: Optional[EOExplorerError] = None


def collections(
    catalog: Catalog, http: HttpClient, progress: Progress, text: str = ""
) -> CollectionsOutcome:
    """Open a catalog and read its collections (every page; or, where the catalog searches
    its collections itself, the first page and then the answers to ``text``)."""
    outcome = CollectionsOutcome(text=text)
    try:
        client = StacClient.open(catalog.url, http, is_cancelled=progress.is_cancelled)
        client.get_only = catalog.get_only
        outcome.title = client.title
        outcome.filter_supported = client.capabilities.filter
        outcome.sort_supported = client.capabilities.sort
        found = _read_collections(client, outcome, text, progress.is_cancelled)
        outcome.collections = sorted(found, key=lambda c: c.id.lower())
    except Cancelled:
        pass
    except EOExplorerError as exc:
        outcome.error = exc
    finally:
        http.close()  # the task's own client: nothing reads with it afterwards
    return outcome


def _read_collections(client: StacClient, outcome: CollectionsOutcome, text: str, cancelled):
    caps = client.capabilities
    if not caps.collection_text and not caps.collection_filter:
        return client.collections(is_cancelled=cancelled)
    outcome.server_search = True
    text = text.strip()
    if not text:
        return client.collections(is_cancelled=cancelled, max_pages=1)
    if caps.collection_filter and looks_like_cql2(text):
        return client.collections(is_cancelled=cancelled, max_pages=5, cql2_text=text)
    return client.collections(is_cancelled=cancelled, max_pages=5, text=text)


def collections_task(catalog: Catalog, http: Optional[HttpClient] = None, text: str = ""):
    client = http or HttpClient()
    return WorkflowTask(
        f"EO Explorer: collections of {catalog.title}",
        lambda progress: collections(catalog, client, progress, text),
        failed=lambda error: CollectionsOutcome(
            text=text, error=None if isinstance(error, Cancelled) else error
        ),
        succeeded=lambda outcome: outcome.error is None,
    )


def looks_like_cql2(text: str) -> bool:
    """``platform='BIOMASS'``: a comparison rather than words to look for."""
    return "=" in text and "'" in text
