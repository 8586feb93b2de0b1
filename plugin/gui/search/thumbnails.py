"""The selected item's thumbnail, fetched in the background and cached for the session."""

from __future__ import annotations

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtGui import QImage, QPixmap

from ...api.errors import CredentialsRequired, EOExplorerError
from ...assets import streaming
from ...core.network import plain_client
from ...core.tasks import Progress, WorkflowTask

MAX_BYTES = 5 * 1024 * 1024
MAX_SIDE = 256
_cache: dict[str, bytes] = {}


def fetch(url: str, http, own_http, progress: Progress) -> bytes:
    """The thumbnail's bytes (at most ``MAX_BYTES``), or b"" when it cannot be had."""
    try:
        response = http.request("GET", url, is_cancelled=progress.is_cancelled)
        return response.content[:MAX_BYTES]
    except EOExplorerError:
        return b""
    finally:
        if own_http is not None:
            own_http.close()  # a client made for this thumbnail only


def ThumbnailTask(url: str, http, own_http=None) -> WorkflowTask:  # noqa: N802 - reads as the task it makes
    """``completed(bytes)``: also when it failed (b""), so the view says "No preview"."""
    return WorkflowTask(
        "EO Explorer: thumbnail",
        lambda progress: fetch(url, http, own_http, progress),
        failed=lambda _error: b"",
        succeeded=bool,
    )


def tr(text: str) -> str:
    return QCoreApplication.translate("@default", text)


class ThumbnailView:
    """Shows thumbnails in a QLabel of a fixed size (the layout never moves when another
    item is selected); the label says "No preview" when an item has none."""

    def __init__(self, label) -> None:
        self.label = label
        self.current = ""
        self.task: WorkflowTask | None = None

    def show(self, url, catalog, catalog_http) -> None:
        url = url if isinstance(url, str) and url.startswith(("http://", "https://")) else ""
        self.current = url
        if not url:
            self._placeholder(tr("No preview"))
            return
        if url in _cache:
            self._display(url, _cache[url])
            return
        self.cancel()
        own = None if catalog_http is not None else plain_client()
        try:
            http = streaming.http_for_asset(url, catalog, catalog_http or own)
        except CredentialsRequired:
            # A preview is worth asking for without the account (many are public); the
            # files themselves say which account to set up.
            if own is None:
                own = plain_client()
            http = own
        except EOExplorerError:
            if own is not None:
                own.close()
            self._placeholder(tr("No preview"))
            return
        self._placeholder(tr("Loading…"))
        task = ThumbnailTask(url, http, own)
        task.completed.connect(lambda data, url=url: self._fetched(url, data))
        self.task = task
        QgsApplication.taskManager().addTask(task)

    def _fetched(self, url: str, data: bytes) -> None:
        if data:
            _cache[url] = data
        if url == self.current:
            self._display(url, data)

    def _display(self, url: str, data: bytes) -> None:
        image = QImage.fromData(data)
        try:
            if image.isNull():
                self._placeholder(tr("No preview"))
                return
            side = min(MAX_SIDE, self.label.width(), self.label.height())
            pixmap = QPixmap.fromImage(image).scaled(
                side,
                side,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            self.label.setPixmap(pixmap)
            self.label.setToolTip(url)
        except RuntimeError:
            pass  # the dock was closed meanwhile

    def clear(self) -> None:
        """Nothing selected: an empty area of the same size."""
        self.current = ""
        self._placeholder("")

    def _placeholder(self, text: str) -> None:
        try:
            self.label.clear()
            self.label.setText(text)
            self.label.setToolTip("")
        except RuntimeError:
            pass  # the dock was closed meanwhile

    def cancel(self) -> None:
        if self.task is not None:
            try:
                self.task.cancel()
            except RuntimeError:
                pass
            self.task = None
