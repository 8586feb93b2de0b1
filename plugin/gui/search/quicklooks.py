"""The Search dock's Quicklooks button: item previews draped on their footprints.

Checked, it fetches the quicklooks of the selected footprints of the results layer, or,
when none is selected, of those in the map view (at most ``quicklooks/max_items``, the
first in the layer's order; a sentence says so), and shows them in a "Quicklooks" group
under the footprints layer (:mod:`plugin.map.quicklooks`). Unchecked, it removes them.
The button follows the results layer: it is checked when that layer has quicklooks.
Removing a footprints layer removes its quicklooks. The same can be done for any
footprints layer from its context menu in the Layers panel (:mod:`.quicklooks_action`),
through :meth:`QuicklooksController.toggle_layer`.

Items that the Fields extension cut down are read whole first (their preview assets and
``proj:`` fields), then the assets' HTTP clients are chosen here, on the main thread, as
the thumbnail of the details pane does: credentials follow the asset's host
(:func:`plugin.assets.streaming.http_for_asset`).
"""

from __future__ import annotations

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsProject,
)
from qgis.PyQt.QtCore import QCoreApplication, QObject, pyqtSignal

from ...api.assets import Location
from ...api.errors import CredentialsRequired, EOExplorerError
from ...api.quicklooks import NoQuicklook, choose
from ...api.stac import is_partial
from ...assets import streaming
from ...core import log, settings
from ...core.network import plain_client
from ...core.tasks import WorkflowTask
from ...map import quicklooks as layers
from ...search.quicklooks import QuicklookJob, QuicklooksOutcome, quicklooks_task
from ...search.workflow import whole_items_task
from ..assets.panel import items_by_fid
from ..common.slots import guarded


def tr(text: str) -> str:
    return QCoreApplication.translate("@default", text)  # pylupdate5 files tr() here


class QuicklooksController(QObject):
    """Drives the checkable Quicklooks button of the Search dock."""

    #: the QuicklooksOutcome of each run (failures before the task included), for tests
    finished = pyqtSignal(object)
    #: a footprints layer's quicklooks were shown or removed (its id)
    changed = pyqtSignal(str)

    def __init__(self, dock, button) -> None:
        super().__init__(dock)
        self.dock = dock
        self.button = button
        self.task: WorkflowTask | None = None
        #: the clients made for a run (closed when it ends), by footprints layer id
        self._own_http: dict = {}
        #: ids of the footprints layers whose quicklooks are asked for (shown or coming)
        self._wanted: set[str] = set()
        #: the catalog each footprints layer came from (for the preview's credentials)
        self._catalogs: dict[str, object] = {}
        button.setCheckable(True)
        button.setEnabled(False)
        button.toggled.connect(self._toggled)
        QgsProject.instance().layersRemoved.connect(self._layers_removed)

    # -- the button -----------------------------------------------------------------------

    def set_layer(self, layer) -> None:
        """A new results layer: the button says whether it has quicklooks."""
        self.cancel()
        if layer is not None:
            self._catalogs[layer.id()] = self.dock.results_catalog
        self._check(layer is not None and layers.find_group(layer.id()) is not None)
        self.button.setEnabled(layer is not None)

    def _check(self, on: bool) -> None:
        blocked = self.button.blockSignals(True)
        try:
            self.button.setChecked(on)
        finally:
            self.button.blockSignals(blocked)

    @guarded
    def _toggled(self, on: bool) -> None:
        layer = self.dock.results_layer
        if layer is None:
            self._check(False)
            return
        if on:
            self.show(layer)
        else:
            self.hide(layer)

    def toggle_layer(self, layer) -> bool:
        """Show the quicklooks of any footprints layer, or remove them when it has some
        True when they are now asked for."""
        if layers.find_group(layer.id()) is not None:
            self.hide(layer)
            on = False
        else:
            on = self.show(layer)
        if self._is_current(layer):
            self._check(on)
        return on

    def hide(self, layer) -> None:
        self._wanted.discard(layer.id())
        self.cancel()
        layers.remove_group(layer.id())
        self.changed.emit(layer.id())

    def _is_current(self, layer) -> bool:
        return layer is self.dock.results_layer

    def _say(self, text: str, level=Qgis.MessageLevel.Info, seconds: int = 8) -> None:
        self.dock.message_bar.pushMessage(tr("EO Explorer"), text, level, seconds)

    # -- which footprints ------------------------------------------------------------------

    def scope(self, layer) -> tuple[list[int], str]:
        """The footprints to show (capped) and a sentence when the cap cut them."""
        cap = max(1, int(settings.get(settings.Key.QUICKLOOKS_MAX)))
        selected = sorted(layer.selectedFeatureIds())
        if selected:
            fids, which = selected, tr("selected footprints")
        else:
            fids, which = self._in_view(layer), tr("footprints in the map view")
        note = ""
        if len(fids) > cap:
            note = tr(
                "Quicklooks of the first {cap} of {n} {which}: at most {cap} are fetched at once."
            ).format(cap=cap, n=len(fids), which=which)
            fids = fids[:cap]
        return fids, note

    def _in_view(self, layer) -> list[int]:
        canvas = self.dock.canvas
        try:
            transform = QgsCoordinateTransform(
                canvas.mapSettings().destinationCrs(), layer.crs(), QgsProject.instance()
            )
            extent = transform.transformBoundingBox(canvas.extent())
        except Exception:  # noqa: BLE001 - a view outside the layer CRS's domain
            extent = layer.extent()
        request = QgsFeatureRequest().setFilterRect(extent).setNoAttributes()
        request.setFlags(QgsFeatureRequest.Flag.ExactIntersect)
        # The footprints layer is a memory layer filled in the catalog's order: its feature
        # ids follow that order.
        return sorted(f.id() for f in layer.getFeatures(request))

    # -- fetching ---------------------------------------------------------------------------

    def show(self, layer) -> bool:
        """Fetch the quicklooks of ``layer``'s footprints; False when there are none."""
        fids, note = self.scope(layer)
        if not fids:
            if self._is_current(layer):
                self._check(False)
            self._say(tr("No footprint is selected or in the map view: nothing to show."))
            return False
        self._wanted.add(layer.id())
        shown = layers.shown_fids(layers.find_group(layer.id()))
        wanted = [fid for fid in fids if fid not in shown]
        if note:
            self._say(note, seconds=10)
        if not wanted:
            return True
        self.cancel()
        items = items_by_fid(layer, wanted)
        partial = {fid: item for fid, item in items.items() if is_partial(item)}
        if partial:
            http = self._client(layer)
            task = whole_items_task(partial, http)
            task.completed.connect(
                lambda outcome, t=task: self._items_read(t, layer, items, outcome)
            )
            self.task = task
            QgsApplication.taskManager().addTask(task)
            return True
        self._fetch(layer, items, [])
        return True

    @guarded
    def _items_read(self, task, layer, items: dict, outcome) -> None:
        if task is not self.task:
            return
        self.task = None
        try:
            index = layer.fields().indexOf("item_json")
            if outcome.items and index >= 0:
                changes = {fid: {index: text} for fid, (_, text) in outcome.items.items()}
                layer.dataProvider().changeAttributeValues(changes)
        except RuntimeError:  # the layer was removed meanwhile
            return
        for fid, (whole, _text) in outcome.items.items():
            items[fid] = whole
        self._fetch(layer, items, list(outcome.errors))

    def _fetch(self, layer, items: dict, failed: list[str]) -> None:
        jobs = []
        for fid, item in items.items():
            try:
                jobs.append(self._job(layer, fid, item))
            except NoQuicklook as exc:
                failed.append(str(exc))
            except EOExplorerError as exc:
                failed.append(f"{item.get('id')}: {exc}")
        if not jobs:
            self._finish(layer, QuicklooksOutcome(failed=failed))
            return
        task = quicklooks_task(jobs, settings.quicklook_folder(), tr("EO Explorer: quicklooks"))
        task.completed.connect(lambda outcome, t=task: self._fetched(t, layer, outcome, failed))
        self.task = task
        QgsApplication.taskManager().addTask(task)
        self._say(tr("Fetching {n} quicklook(s)…").format(n=len(jobs)), seconds=4)

    def _client(self, layer):
        """The dock's search client for its results layer; a client of our own for an
        older footprints layer (its search's client was closed): with its catalog's
        account when that is known and set up, else without credentials."""
        if self._is_current(layer) and self.dock.results_http is not None:
            return self.dock.results_http
        if self._own_http.get(layer.id()) is not None:
            return self._own_http[layer.id()]  # one client for all the items of a run
        catalog = None if self._is_current(layer) else self._catalog(layer)
        http = None
        if catalog is not None:
            try:
                http = self.dock.http_factory(catalog)
            except EOExplorerError:
                http = None  # previews are worth asking for without the account
        if http is None:
            http = plain_client()
        self._own_http[layer.id()] = http
        return http

    def _catalog(self, layer):
        """The catalog ``layer``'s footprints came from (the dock's for its results)."""
        if self._is_current(layer):
            return self.dock.results_catalog
        return self._catalogs.get(layer.id())

    def _job(self, layer, fid: int, item: dict) -> QuicklookJob:
        """The job of one item, with the credentials its preview's host gets."""
        look = choose(item)
        catalog, http = self._catalog(layer), self._client(layer)
        try:
            client = streaming.http_for_asset(look.href, catalog, http)
        except CredentialsRequired:
            # Previews are worth asking for without the account (many are public).
            client = http.with_auth(None)
        if not look.georeferenced:
            return QuicklookJob(fid, look, http=client)
        # GDAL reads it (/vsicurl with the account's header file); the redirects are
        # followed in the task, not here on the main thread.
        account = streaming.asset_account(look.href, catalog) if client.auth else None
        location = Location("https", look.href)
        return QuicklookJob(
            fid,
            look,
            http=client,
            source=lambda: streaming.gdal_source(location, client.auth, account, client),
        )

    @guarded
    def _fetched(self, task, layer, outcome: QuicklooksOutcome, failed: list[str]) -> None:
        if task is not self.task:
            return
        self.task = None
        outcome.failed[:0] = failed
        self._finish(layer, outcome)

    def _finish(self, layer, outcome: QuicklooksOutcome) -> None:
        for client in self._own_http.values():
            client.close()
        self._own_http = {}
        try:
            layer_id = layer.id()
        except RuntimeError:  # the footprints layer was removed meanwhile
            self.finished.emit(outcome)
            return
        wanted = layer_id in self._wanted
        added = 0
        if wanted and outcome.made:
            group = layers.quicklooks_group(layer)
            shown = layers.shown_fids(group)
            for fid, item_id, path in outcome.made:
                if fid in shown:
                    continue
                if layers.add_quicklook(group, fid, item_id, path) is None:
                    outcome.failed.append(f"{item_id}: QGIS cannot open its quicklook {path}.")
                else:
                    added += 1
        for text in outcome.failed:
            log.warning(f"Quicklook not shown: {text}")
        if outcome.error is not None:
            self._say(str(outcome.error), Qgis.MessageLevel.Warning, 10)
        elif wanted:
            self._report(layer_id, added, outcome)
        self.changed.emit(layer_id)
        self.finished.emit(outcome)

    def _report(self, _layer_id: str, added: int, outcome: QuicklooksOutcome) -> None:
        text = tr("{n} quicklook(s) on the map.").format(n=added)
        if outcome.cancelled:
            text = tr("Cancelled: {n} quicklook(s) on the map.").format(n=added)
        if outcome.failed:
            text += " " + tr(
                "{n} could not be shown ({first}); the others are in the EO Explorer message log."
            ).format(n=len(outcome.failed), first=outcome.failed[0])
        level = Qgis.MessageLevel.Warning if outcome.failed else Qgis.MessageLevel.Info
        self._say(text, level)

    # -- lifetime ---------------------------------------------------------------------------

    def _layers_removed(self, ids) -> None:
        for layer_id in ids:
            layers.remove_group(layer_id)
            self._wanted.discard(layer_id)
            self._catalogs.pop(layer_id, None)
        if self.dock.results_layer is None:  # the dock's footprints went too
            self.cancel()
            self._check(False)
            self.button.setEnabled(False)

    def cancel(self) -> None:
        if self.task is not None:
            try:
                self.task.cancel()
            except RuntimeError:
                pass  # already finished and deleted by the task manager
            self.task = None

    def shutdown(self) -> None:
        self.cancel()
        try:
            QgsProject.instance().layersRemoved.disconnect(self._layers_removed)
        except TypeError:
            pass
