"""The selected item's thumbnail, fetched in the background and cached for the session."""

from __future__ import annotations

from qgis.core import QgsApplication, QgsTask
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QImage, QPixmap

from .. import streaming
from ..api.errors import CredentialsRequired, EOExplorerError
from ..network import plain_client

MAX_BYTES = 5 * 1024 * 1024
MAX_SIDE = 256
_cache: dict[str, bytes] = {}


class ThumbnailTask(QgsTask):
    fetched = pyqtSignal(str, bytes)

    def __init__(self, url: str, http) -> None:
        super().__init__("EO Explorer: thumbnail", QgsTask.Flag.CanCancel)
        self.url = url
        self.http = http
        self.data = b""

    def run(self) -> bool:
        try:
            response = self.http.request("GET", self.url, is_cancelled=self.isCanceled)
        except EOExplorerError:
            return False
        self.data = response.content[:MAX_BYTES]
        return True

    def finished(self, result: bool) -> None:
        if result and self.data:
            self.fetched.emit(self.url, self.data)


class ThumbnailView:
    """Shows thumbnails in a QLabel; hides it when there is none."""

    def __init__(self, label) -> None:
        self.label = label
        self.current = ""
        self.task: ThumbnailTask | None = None

    def show(self, url, catalog, catalog_http) -> None:
        url = url if isinstance(url, str) and url.startswith(("http://", "https://")) else ""
        self.current = url
        if not url:
            self.label.setVisible(False)
            return
        if url in _cache:
            self._display(url, _cache[url])
            return
        self.cancel()
        try:
            http = streaming.http_for_asset(url, catalog, catalog_http or plain_client())
        except CredentialsRequired:
            # A preview is worth asking for without the account (many are public); the
            # files themselves say which account to set up.
            http = plain_client()
        except EOExplorerError:
            self.label.setVisible(False)
            return
        task = ThumbnailTask(url, http)
        task.fetched.connect(self._fetched)
        self.task = task
        QgsApplication.taskManager().addTask(task)

    def _fetched(self, url: str, data: bytes) -> None:
        _cache[url] = data
        if url == self.current:
            self._display(url, data)

    def _display(self, url: str, data: bytes) -> None:
        image = QImage.fromData(data)
        try:
            if image.isNull():
                self.label.setVisible(False)
                return
            pixmap = QPixmap.fromImage(image).scaled(
                MAX_SIDE,
                MAX_SIDE,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            self.label.setPixmap(pixmap)
            self.label.setToolTip(url)
            self.label.setVisible(True)
        except RuntimeError:
            pass  # the dock was closed meanwhile

    def cancel(self) -> None:
        if self.task is not None:
            try:
                self.task.cancel()
            except RuntimeError:
                pass
            self.task = None
