"""Thumbnails are decoded and fitted to the details' box in the task: the GUI thread only
makes a pixmap of the small image, in the format a pixmap takes without conversion."""

from __future__ import annotations

from qgis.PyQt.QtCore import QBuffer, QByteArray, QIODevice
from qgis.PyQt.QtGui import QColor, QImage

from plugin.gui.search.thumbnails import decode


def _png(width: int, height: int) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(30, 120, 60))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def test_a_large_thumbnail_is_fitted_in_the_box(qgis_app):
    image = decode(_png(1024, 512), 256)
    assert (image.width(), image.height()) == (256, 128)
    assert image.format() == QImage.Format.Format_ARGB32_Premultiplied
    assert image.pixelColor(10, 10).green() == 120


def test_a_small_thumbnail_keeps_its_size(qgis_app):
    image = decode(_png(120, 90), 256)
    assert (image.width(), image.height()) == (120, 90)


def test_what_is_not_a_picture_is_no_preview(qgis_app):
    assert decode(b"<html>not found</html>", 256).isNull()
    assert decode(b"", 256).isNull()
