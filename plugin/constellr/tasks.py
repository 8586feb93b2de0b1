"""Constellr work in QgsTasks, and where the Constellr API is.

The API base URL comes from the Constellr catalog entry (Catalogs dialog): the
"Sandbox Constellr STAC" of ``make run`` when its URL ends in ``/stac/``, else the
"Constellr STAC" preset (which the user can edit), with the trailing ``stac/`` removed. A
URL that does not end in ``/stac/`` is not a Constellr API, and the default
``https://api.constellr.com/`` is used. The account is the "constellr" one (``X-Api-Key``).

A task runs one function in the worker thread and hands its result (or error) to the main
thread through ``completed``; it never touches a widget.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Optional

from qgis.core import QgsTask
from qgis.PyQt.QtCore import pyqtSignal

from ..api.catalogs import PRESETS, Catalog
from ..api.constellr import DEFAULT_BASE_URL, ConstellrClient, SubmitResult
from ..api.constellr_rules import OrderBatch, OrderInvalid
from ..api.errors import Cancelled, EOExplorerError
from ..core import settings
from ..core.tasks import unexpected

CATALOG_IDS = ("sandbox-constellr", "constellr")

IsCancelled = Callable[[], bool]


def api_catalog() -> Catalog:
    """The catalog entry whose URL locates the Constellr API (see the module doc)."""
    for catalog_id in CATALOG_IDS:
        catalog = settings.find_catalog(catalog_id)
        if catalog is not None and catalog.url.rstrip("/").endswith("/stac"):
            return catalog
    found = settings.find_catalog("constellr")
    return found or next(p for p in PRESETS if p.id == "constellr")


def api_base_url(catalog: Optional[Catalog] = None) -> str:
    url = (catalog or api_catalog()).url
    if url.rstrip("/").endswith("/stac"):
        return url.rstrip("/")[: -len("stac")]
    return DEFAULT_BASE_URL


def open_client() -> ConstellrClient:
    """A client with the Constellr account (main thread: reads the auth database).

    Raises :class:`CredentialsRequired` when the account is not set up.
    """
    from ..core.network import http_for

    catalog = api_catalog()
    return ConstellrClient(http_for(catalog), api_base_url(catalog))


@dataclass
class Outcome:
    """What a task brought back: a value, or the error to show."""

    value: Any = None
    error: Optional[Exception] = None
    cancelled: bool = False


class ConstellrTask(QgsTask):
    """Run ``work(is_cancelled)`` in the background; ``completed`` gets an :class:`Outcome`."""

    completed = pyqtSignal(object)

    def __init__(self, description: str, work: Callable[[IsCancelled], Any]) -> None:
        super().__init__(description, QgsTask.Flag.CanCancel)
        self.work = work
        self.outcome = Outcome()

    def run(self) -> bool:
        try:
            self.outcome.value = self.work(self.isCanceled)
        except Cancelled:
            self.outcome.cancelled = True
        except (EOExplorerError, OrderInvalid) as exc:
            self.outcome.error = exc
        except Exception as exc:  # noqa: BLE001 - nothing a server sends may crash QGIS
            self.outcome.error = unexpected(exc)
        return True

    def finished(self, result: bool) -> None:  # noqa: ARG002 - the outcome says it all
        self.completed.emit(self.outcome)


@dataclass
class Reference:
    """What the forms offer: the workspace's products, use cases and areas."""

    products: list[str] = field(default_factory=list)
    use_cases: list[str] = field(default_factory=list)
    areas: list = field(default_factory=list)


def load_reference(client: ConstellrClient, is_cancelled: IsCancelled) -> Reference:
    return Reference(
        products=client.products(is_cancelled),
        use_cases=client.use_cases(is_cancelled),
        areas=client.areas(is_cancelled),
    )


@dataclass
class SubmitProgress:
    """Batches placed so far; the ones not sent (after ``error``) are ``remaining``."""

    placed: list[SubmitResult] = field(default_factory=list)
    remaining: list[OrderBatch] = field(default_factory=list)
    error: Optional[EOExplorerError] = None

    @property
    def orders(self) -> list:
        return [o for result in self.placed for o in result.created]

    @property
    def recovered(self) -> bool:
        return any(result.recovered for result in self.placed)


def submit_batches(
    client: ConstellrClient, batches: list[OrderBatch], is_cancelled: IsCancelled
) -> SubmitProgress:
    """Send the batches one after the other; stop at the first that fails."""
    progress = SubmitProgress()
    for index, batch in enumerate(batches):
        try:
            progress.placed.append(client.submit(batch, is_cancelled))
        except EOExplorerError as exc:
            progress.error = exc
            progress.remaining = list(batches[index:])
            break
    return progress
