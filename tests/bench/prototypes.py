"""Speed-up prototypes, measured next to the plugin code they would replace.

Nothing here changes the plugin: these are copies with one idea each, so the lead can see
what a change to ``plugin/api/footprints.py``, ``plugin/layers.py`` or ``plugin/tasks.py``
would buy before making it.

* ``convert_items_sliced`` + ``loads_keeping_item_text``: ``item_json`` is each item's own
  text, sliced out of the page while it is parsed (same C scanner as json.loads), instead
  of re-encoding every item: re-serialising is most of ``convert_items``.
* ``convert_items_lean``: ``item_json`` re-encoded without ``geometry``, ``bbox`` and
  ``links`` (the geometry is the feature's own, ``self_href`` has its own field, and the
  details pane reads only id, properties and assets).
* ``to_features_cached``: one ``to_qdatetime`` per distinct string; ``datetime``,
  ``start_datetime`` and ``end_datetime`` are usually the same instant.
* ``PrototypeSearchTask``: SearchTask with (a) the cyclic garbage collector paused while it
  runs (a full collection holds the GIL for tens to hundreds of ms: that is the GUI
  stall), (b) the next page fetched in a helper thread while the current one is
  converted, (c) the memory layer built in the worker and moved to the GUI thread.
"""

from __future__ import annotations

import gc
import json
import queue
import re
import threading
from collections.abc import Callable, Sequence
from json.decoder import scanstring
from typing import Any

_LEAN_DROP = frozenset({"geometry", "bbox", "links"})

# --- item_json without re-encoding: slice each item's text out of the page ----------------

_WS = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()
_SCAN = _DECODER.scan_once  # the C scanner json.loads uses


class ItemList(list):
    """A page's ``features`` list that also carries each item's JSON text (``texts``)."""

    texts: list[str]


def _parse_keeping_item_text(text: str) -> dict:
    """json.loads of a FeatureCollection page, keeping each feature's exact source text.

    Walks the top-level object with the same C scanner as json.loads; values other than
    ``features`` are scanned whole. Raises ValueError on anything unexpected.
    """
    ws = _WS.match
    idx = ws(text, 0).end()
    if text[idx : idx + 1] != "{":
        raise ValueError("not an object")
    document: dict = {}
    idx = ws(text, idx + 1).end()
    if text[idx : idx + 1] == "}":
        return document
    while True:
        if text[idx : idx + 1] != '"':
            raise ValueError("expected a key")
        key, idx = scanstring(text, idx + 1)
        idx = ws(text, idx).end()
        if text[idx : idx + 1] != ":":
            raise ValueError("expected ':'")
        idx = ws(text, idx + 1).end()
        if key == "features" and text[idx : idx + 1] == "[":
            items = ItemList()
            texts: list[str] = []
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
            items.texts = texts
            value = items
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
    return document


def loads_keeping_item_text(body: bytes):
    """json.loads(body), with ``features`` an :class:`ItemList` when the page allows it."""
    try:
        text = body.decode(json.detect_encoding(body), "surrogatepass")
        if text.startswith("\ufeff"):
            text = text[1:]
        return _parse_keeping_item_text(text)
    except (ValueError, StopIteration, UnicodeDecodeError):
        return json.loads(body)  # the same errors and results as before


def page_items_keeping_text(body: bytes) -> list:
    return loads_keeping_item_text(body)["features"]


def http_keeping_item_text(catalog):
    """An http_factory whose JSON responses keep item texts (for SearchTask prototypes)."""
    from eo_explorer.plugin.api.http import HttpClient, Response

    class KeepingResponse(Response):
        def json(self):
            if b'"features"' not in self.content:
                return super().json()
            try:
                return loads_keeping_item_text(self.content)
            except ValueError:
                return super().json()  # raises the plugin's InvalidResponse

    class KeepingHttpClient(HttpClient):
        def request(self, *args, **kwargs):
            response = super().request(*args, **kwargs)
            return KeepingResponse(
                response.status, response.headers, response.content, response.url
            )

    return KeepingHttpClient()


def _convert(items: Any, max_cloud_cover: float | None, texts: list[str] | None):
    from eo_explorer.plugin.api import footprints as fp

    dumps = fp._dumps
    number, text, when = fp._number, fp._text, fp._datetime_text
    footprints: list = []
    rejected: list = []
    filtered = 0
    if not isinstance(items, list):
        return fp.Conversion([], [fp.Rejected("(page)", "its 'features' is not a list")])
    for index, item in enumerate(items):
        try:
            if not isinstance(item, dict):
                raise fp.NotAFootprint("it is not a JSON object")
            identifier = item.get("id")
            if identifier is None or identifier == "":
                raise fp.NotAFootprint("it has no id")
            wkb = fp.geometry_wkb(item.get("geometry"))
        except fp.NotAFootprint as exc:
            rejected.append(fp.Rejected(fp.item_id(item), str(exc)))
            continue
        props = item.get("properties")
        if not isinstance(props, dict):
            props = {}
        values = [
            str(identifier),
            text(item.get("collection")),
            when(props.get("datetime")),
            when(props.get("start_datetime")),
            when(props.get("end_datetime")),
            number(props.get("eo:cloud_cover")),
            text(props.get("platform")),
            text(props.get("constellation")),
            number(props.get("gsd")),
            fp.thumbnail_href(item.get("assets")),
            fp.self_href(item.get("links")),
            texts[index]
            if texts is not None
            else dumps({k: v for k, v in item.items() if k not in _LEAN_DROP}),
        ]
        if max_cloud_cover is not None and values[5] is not None and values[5] > max_cloud_cover:
            filtered += 1
            continue
        footprints.append(fp.Footprint(values, wkb))
    return fp.Conversion(footprints, rejected, filtered)


def convert_items_lean(items: Any, max_cloud_cover: float | None = None):
    """footprints.convert_items with a smaller, re-encoded ``item_json``."""
    return _convert(items, max_cloud_cover, None)


def convert_items_sliced(items: Any, max_cloud_cover: float | None = None):
    """footprints.convert_items taking ``item_json`` from the page text when it is there.

    Falls back to :func:`convert_items_lean` for a plain list.
    """
    texts = getattr(items, "texts", None)
    if texts is not None and len(texts) != len(items):
        texts = None
    return _convert(items, max_cloud_cover, texts)


def to_features_cached(footprints: Sequence[Any], fields) -> list:
    """layers.to_features parsing each distinct datetime string once."""
    from qgis.core import QgsFeature, QgsGeometry

    from eo_explorer.plugin.api.footprints import DATETIME_FIELDS
    from eo_explorer.plugin.layers import to_qdatetime

    cache: dict[Any, Any] = {None: None}
    features = []
    append = features.append
    for footprint in footprints:
        feature = QgsFeature(fields)
        geometry = QgsGeometry()
        geometry.fromWkb(footprint.wkb)
        feature.setGeometry(geometry)
        values = list(footprint.values)
        for index in DATETIME_FIELDS:
            text = values[index]
            try:
                values[index] = cache[text]
            except KeyError:
                values[index] = cache[text] = to_qdatetime(text)
        feature.setAttributes(values)
        append(feature)
    return features


class _QuietGc:
    """Pause the cyclic GC while any prototype task runs (process-wide, so counted)."""

    _lock = threading.Lock()
    _depth = 0
    _was_enabled = True

    def __enter__(self) -> None:
        with _QuietGc._lock:
            if _QuietGc._depth == 0:
                _QuietGc._was_enabled = gc.isenabled()
                gc.disable()
            _QuietGc._depth += 1

    def __exit__(self, *exc: object) -> None:
        with _QuietGc._lock:
            _QuietGc._depth -= 1
            if _QuietGc._depth == 0 and _QuietGc._was_enabled:
                gc.enable()


_END = object()


def _prefetched(pages, stop: threading.Event, depth: int = 2):
    """Iterate ``pages`` (a generator doing HTTP) in a helper thread, ``depth`` ahead."""
    box: queue.Queue = queue.Queue(maxsize=depth)

    def produce() -> None:
        try:
            for page in pages:
                while not stop.is_set():
                    try:
                        box.put(page, timeout=0.1)
                        break
                    except queue.Full:
                        continue
                if stop.is_set():
                    return
            box.put(_END)
        except BaseException as exc:  # noqa: BLE001 - handed to the consumer
            box.put(exc)

    thread = threading.Thread(target=produce, name="eo-explorer-prefetch", daemon=True)
    thread.start()
    try:
        while True:
            page = box.get()
            if page is _END:
                return
            if isinstance(page, BaseException):
                raise page
            yield page
    finally:
        stop.set()
        thread.join(timeout=5)


def prototype_task_class():
    """SearchTask subclass with switchable prototypes (built late: needs qgis imported)."""
    from qgis.core import QgsApplication

    from eo_explorer.plugin import layers
    from eo_explorer.plugin.api.errors import Cancelled, EOExplorerError
    from eo_explorer.plugin.api.footprints import convert_items
    from eo_explorer.plugin.api.stac import StacClient
    from eo_explorer.plugin.tasks import SearchTask, unexpected

    class PrototypeSearchTask(SearchTask):
        def __init__(
            self,
            catalog,
            request,
            *,
            quiet_gc: bool = False,
            prefetch: bool = False,
            lean: bool = False,
            sliced: bool = False,
            cached_dates: bool = False,
            layer_in_worker: bool = False,
        ) -> None:
            super().__init__(
                catalog, request, **({"http_factory": http_keeping_item_text} if sliced else {})
            )
            self.quiet_gc = quiet_gc
            self.prefetch = prefetch
            self.convert: Callable = (
                convert_items_sliced if sliced else convert_items_lean if lean else convert_items
            )
            self.to_features: Callable = to_features_cached if cached_dates else layers.to_features
            self.layer_in_worker = layer_in_worker
            self.outcome.layer = None  # set when the worker builds the layer

        def run(self) -> bool:
            if self.quiet_gc:
                with _QuietGc():
                    return self._run()
            return self._run()

        def _run(self) -> bool:
            # SearchTask.run with the conversion functions and the page source swappable.
            outcome = self.outcome
            stop = threading.Event()
            try:
                self.request.validate()
                client = StacClient.open(
                    self.catalog.url, self.http_factory(self.catalog), is_cancelled=self.isCanceled
                )
                outcome.cloud_filter_local = self.request.cloud_filter_is_local(client.capabilities)
                fields = layers.footprint_fields()
                wanted = self.request.max_items
                pages = client.search(
                    self.request,
                    lambda: self.isCanceled() or stop.is_set(),
                    on_request=lambda *r: outcome.requests.append(r),
                )
                if self.prefetch:
                    pages = _prefetched(pages, stop)
                for page in pages:
                    outcome.pages = page.number
                    if page.number_matched is not None:
                        outcome.number_matched = page.number_matched
                    conversion = self.convert(page.items, self.request.max_cloud_cover)
                    outcome.rejected.extend(conversion.rejected)
                    outcome.filtered_locally += conversion.filtered_out
                    room = wanted - len(outcome.features)
                    outcome.features.extend(self.to_features(conversion.footprints[:room], fields))
                    self._report_progress()
                    if len(outcome.features) >= wanted or self.isCanceled():
                        break
                stop.set()
                outcome.cancelled = self.isCanceled()
                if self.layer_in_worker and outcome.features and not outcome.cancelled:
                    layer = layers.create_footprints_layer("search results", outcome.features)
                    layer.moveToThread(QgsApplication.instance().thread())
                    outcome.layer = layer
                return True
            except Cancelled:
                outcome.cancelled = True
                return True
            except EOExplorerError as exc:
                outcome.error = exc
                return False
            except Exception as exc:  # noqa: BLE001
                outcome.error = unexpected(exc)
                return False
            finally:
                stop.set()

    return PrototypeSearchTask
