"""The selected item's thumbnail, fetched, decoded and scaled in the background, and
cached for the session.

The GUI thread only turns the small decoded image into a pixmap. Decoding and scaling
there used Qt's shared thread pool, where QGIS's map drawing threads run: with a style
whose drawing waits on the GUI thread, QGIS hung for good.
"""

from __future__ import annotations

from collections import OrderedDict

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtGui import QImage, QPixmap

from ...api.errors import CredentialsRequired, EOExplorerError
from ...assets import streaming
from ...core.network import plain_client
from ...core.tasks import Progress, WorkflowTask

MAX_BYTES = 5 * 1024 * 1024
MAX_SIDE = 256
#: the thumbnails seen this session, newest last (256 x 256 px: 256 kB each, 50 MB at most)
_cache: OrderedDict[tuple[str, int], QImage] = OrderedDict()
CACHE_SIZE = 200


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


def decode(data: bytes, side: int) -> QImage:
    """The picture in ``data`` fitted in ``side`` x ``side`` px, in the format a pixmap is
    made from without conversion; a null image when ``data`` is not a picture."""
    image = QImage.fromData(data) if data else QImage()
    if image.isNull():
        return QImage()
    if image.width() > side or image.height() > side:
        image = image.scaled(
            side,
            side,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    return image.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)


def ThumbnailTask(url: str, http, own_http=None, side: int = MAX_SIDE) -> WorkflowTask:  # noqa: N802 - reads as the task it makes
    """``completed(QImage)``: also when it failed (a null image), so the view says "No
    preview"."""
    return WorkflowTask(
        "EO Explorer: thumbnail",
        lambda progress: decode(fetch(url, http, own_http, progress), side),
        failed=lambda _error: QImage(),
        succeeded=lambda image: not image.isNull(),
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
        side = max(1, min(MAX_SIDE, self.label.width(), self.label.height()))
        if (url, side) in _cache:
            _cache.move_to_end((url, side))
            self._display(url, _cache[(url, side)])
            return
        self.cancel()
        own = None if catalog_http is not None else plain_client()
        try:
            http = streaming.http_for_asset(url, catalog, own if own is not None else catalog_http)
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
        task = ThumbnailTask(url, http, own, side)
        task.completed.connect(lambda image, url=url, side=side: self._fetched(url, side, image))
        self.task = task
        QgsApplication.taskManager().addTask(task)

    def _fetched(self, url: str, side: int, image: QImage) -> None:
        if not image.isNull():
            _cache[(url, side)] = image
            while len(_cache) > CACHE_SIZE:
                _cache.popitem(last=False)
        if url == self.current:
            self._display(url, image)

    def _display(self, url: str, image: QImage) -> None:
        try:
            if image.isNull():
                self._placeholder(tr("No preview"))
                return
            self.label.setPixmap(QPixmap.fromImage(image))
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
