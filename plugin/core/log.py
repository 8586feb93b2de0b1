"""Messages for the "EO Explorer" tab of the QGIS message log."""

from __future__ import annotations

from qgis.core import Qgis, QgsMessageLog

TAG = "EO Explorer"


def info(message: str) -> None:
    QgsMessageLog.logMessage(message, TAG, Qgis.MessageLevel.Info)


def warning(message: str) -> None:
    QgsMessageLog.logMessage(message, TAG, Qgis.MessageLevel.Warning)


def error(message: str) -> None:
    QgsMessageLog.logMessage(message, TAG, Qgis.MessageLevel.Critical)
