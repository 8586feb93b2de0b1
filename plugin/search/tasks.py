"""Catalog searches, whole items and collection lists in QgsTasks.

A task fetches and parses in its worker thread and hands plain results (and ready
QgsFeatures, which are not QObjects) to the main thread through ``finished``; it never
touches a widget or the project.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from qgis.core import QgsFeature, QgsTask
from qgis.PyQt.QtCore import pyqtSignal

from ..api.catalogs import Catalog
from ..api.errors import Cancelled, EOExplorerError
from ..api.footprints import Rejected, convert_items
from ..api.http import HttpClient
from ..api.search import SearchRequest
from ..api.stac import CollectionInfo, StacClient, is_partial, whole_item
from ..api.threads import paused_gc, prefetched
from ..core.tasks import unexpected
from ..map.footprints import footprint_fields, to_features


@dataclass
class SearchOutcome:
    """What a search brought back, whether it finished, failed or was cancelled."""

    features: list[QgsFeature] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    pages: int = 0
    number_matched: int | None = None
    filtered_locally: int = 0
    cloud_filter_local: bool = False
    cancelled: bool = False
    #: the maximum number of items stopped the search while the catalog had more
    limited: bool = False
    error: EOExplorerError | None = None
    requests: list[tuple[str, str, Any]] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.features)


class SearchTask(QgsTask):
    """Search one catalog, page by page, and build the features for the layer."""

    #: items kept so far, pages fetched, number matched (-1 when unknown)
    progressed = pyqtSignal(int, int, int)
    #: emitted on the main thread when the task ends, whatever the outcome
    completed = pyqtSignal(object)

    def __init__(
        self, catalog: Catalog, request: SearchRequest, http: HttpClient | None = None
    ) -> None:
        super().__init__(f"EO Explorer: search {catalog.title}", QgsTask.Flag.CanCancel)
        self.catalog = catalog
        self.request = request
        #: built on the main thread by the caller (credentials come from the auth database)
        self.http = http or HttpClient()
        self.outcome = SearchOutcome()

    def run(self) -> bool:
        outcome = self.outcome
        try:
            self.request.validate()
            client = StacClient.open(self.catalog.url, self.http, is_cancelled=self.isCanceled)
            client.get_only = self.catalog.get_only
            caps = client.capabilities
            outcome.cloud_filter_local = self.request.cloud_filter_is_local(caps)
            local_cloud = self.request.max_cloud_cover
            fields = footprint_fields()
            wanted = self.request.max_items
            pages = client.search(
                self.request, self.isCanceled, on_request=lambda *r: outcome.requests.append(r)
            )
            # The next page downloads while this one is converted.
            for page in prefetched(pages, self.isCanceled):
                outcome.pages = page.number
                if page.number_matched is not None:
                    outcome.number_matched = page.number_matched
                with paused_gc():
                    conversion = convert_items(page.items, local_cloud, page.item_texts)
                    room = wanted - len(outcome.features)
                    features = to_features(conversion.footprints[:room], fields)
                outcome.rejected.extend(conversion.rejected)
                outcome.filtered_locally += conversion.filtered_out
                outcome.features.extend(features)
                self._report_progress()
                if len(outcome.features) >= wanted:
                    left_on_page = len(conversion.footprints) > room
                    outcome.limited = left_on_page or page.has_next
                    if outcome.number_matched is not None:
                        outcome.limited = outcome.number_matched > len(outcome.features)
                    break
                if self.isCanceled():
                    break
            outcome.cancelled = self.isCanceled()
            return True
        except Cancelled:
            outcome.cancelled = True
            return True
        except EOExplorerError as exc:
            outcome.error = exc
            return False
        except Exception as exc:  # noqa: BLE001 - nothing a server sends may crash QGIS
            outcome.error = unexpected(exc)
            return False

    def _report_progress(self) -> None:
        outcome = self.outcome
        target = self.request.max_items
        if outcome.number_matched is not None:
            target = max(1, min(target, outcome.number_matched))
        self.setProgress(min(100.0, 100.0 * outcome.count / max(1, target)))
        matched = -1 if outcome.number_matched is None else outcome.number_matched
        self.progressed.emit(outcome.count, outcome.pages, matched)

    def finished(self, result: bool) -> None:  # noqa: ARG002 - the outcome says it all
        self.completed.emit(self.outcome)


@dataclass
class WholeItemsOutcome:
    #: feature id -> the whole item and its JSON text
    items: dict[int, tuple[dict, str]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)


class WholeItemsTask(QgsTask):
    """Fetch the whole STAC items of footprints whose ``item_json`` the Fields extension
    cut down (:func:`api.stac.whole_item`): the Assets panel and the details need them."""

    completed = pyqtSignal(object)

    def __init__(self, items: dict[int, dict], http: HttpClient) -> None:
        super().__init__("EO Explorer: read items", QgsTask.Flag.CanCancel)
        self.items = {fid: item for fid, item in items.items() if is_partial(item)}
        self.http = http
        self.outcome = WholeItemsOutcome()

    def run(self) -> bool:
        for fid, item in self.items.items():
            if self.isCanceled():
                return True
            try:
                whole = whole_item(item, self.http, self.isCanceled)
                self.outcome.items[fid] = (whole, json.dumps(whole, ensure_ascii=False))
            except Cancelled:
                return True
            except EOExplorerError as exc:
                self.outcome.errors.append(f"{item.get('id')}: {exc}")
            except Exception as exc:  # noqa: BLE001 - nothing a server sends may crash QGIS
                self.outcome.errors.append(f"{item.get('id')}: {unexpected(exc)}")
        return True

    def finished(self, result: bool) -> None:  # noqa: ARG002
        self.completed.emit(self.outcome)


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
    error: EOExplorerError | None = None


class CollectionsTask(QgsTask):
    """Open a catalog and read all its collections (every page)."""

    completed = pyqtSignal(object)

    def __init__(self, catalog: Catalog, http: HttpClient | None = None, text: str = "") -> None:
        super().__init__(f"EO Explorer: collections of {catalog.title}", QgsTask.Flag.CanCancel)
        self.catalog = catalog
        #: built on the main thread by the caller (credentials come from the auth database)
        self.http = http or HttpClient()
        self.outcome = CollectionsOutcome(text=text)
        self.text = text

    def run(self) -> bool:
        try:
            client = StacClient.open(self.catalog.url, self.http, is_cancelled=self.isCanceled)
            client.get_only = self.catalog.get_only
            self.outcome.title = client.title
            self.outcome.filter_supported = client.capabilities.filter
            self.outcome.sort_supported = client.capabilities.sort
            found = self._read(client)
            self.outcome.collections = sorted(found, key=lambda c: c.id.lower())
            return True
        except Cancelled:
            return True
        except EOExplorerError as exc:
            self.outcome.error = exc
            return False
        except Exception as exc:  # noqa: BLE001
            self.outcome.error = unexpected(exc)
            return False

    def _read(self, client: StacClient) -> list:
        """Every page; or, where the catalog searches its collections itself (STAC
        collection search: ESA MAAP), its first page and then the answers to ``text``."""
        caps = client.capabilities
        if not caps.collection_text and not caps.collection_filter:
            return client.collections(is_cancelled=self.isCanceled)
        self.outcome.server_search = True
        text = self.text.strip()
        if not text:
            return client.collections(is_cancelled=self.isCanceled, max_pages=1)
        if caps.collection_filter and looks_like_cql2(text):
            return client.collections(is_cancelled=self.isCanceled, max_pages=5, cql2_text=text)
        return client.collections(is_cancelled=self.isCanceled, max_pages=5, text=text)

    def finished(self, result: bool) -> None:  # noqa: ARG002
        self.completed.emit(self.outcome)
        self.http.close()  # this task's own client: nothing reads with it afterwards


def looks_like_cql2(text: str) -> bool:
    """``platform='BIOMASS'``: a comparison rather than words to look for."""
    return "=" in text and "'" in text
