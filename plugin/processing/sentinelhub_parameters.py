"""The parameters every Sentinel Hub algorithm shares, declared once.

"Sentinel Hub Process", "Sentinel Hub statistics (time series)" and "Sentinel Hub batch
statistics" ask for the same endpoint, collection, dates, evalscript, scene filter and
resolution (the Async and Batch Processing algorithms inherit the Process algorithm's).
Each function adds one group to an algorithm, so that an algorithm declares only its own
parameters between them and keeps its order as users see it. The parameters' names are
this module's constants (the algorithms' class constants of the same names).
"""

from __future__ import annotations

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..api.evalscripts import load_presets
from ..api.process import ORDERS_3
from ..core.i18n import tr
from ..sentinelhub import settings as process_settings

DEFAULT = "default"

ENDPOINT, COLLECTION = "ENDPOINT", "COLLECTION"
START, END = "START", "END"
EVALSCRIPT, EVALSCRIPT_FILE = "EVALSCRIPT", "EVALSCRIPT_FILE"
MOSAICKING, MAX_CLOUD = "MOSAICKING", "MAX_CLOUD"
RESOLUTION = "RESOLUTION"


def enum_parameter(
    name: str, label: str, options: list[str], default: str
) -> QgsProcessingParameterEnum:
    """A choice whose values are the strings themselves: stable for scripts."""
    parameter = QgsProcessingParameterEnum(name, label, options, defaultValue=default)
    parameter.setUsesStaticStrings(True)
    return parameter


def add_endpoint(algorithm: QgsProcessingAlgorithm) -> None:
    """The Sentinel Hub endpoint, the dock's current one by default."""
    endpoints = [e.id for e in process_settings.endpoints()]
    current = process_settings.current_endpoint().id
    algorithm.addParameter(enum_parameter(ENDPOINT, tr("Endpoint"), endpoints, current))


def add_collection(algorithm: QgsProcessingAlgorithm) -> None:
    algorithm.addParameter(
        QgsProcessingParameterString(
            COLLECTION, tr("Data collection"), defaultValue="sentinel-2-l2a"
        )
    )


def add_dates(algorithm: QgsProcessingAlgorithm) -> None:
    """Start and end dates, both optional (the dock's defaults)."""
    for name, label in ((START, tr("Start date")), (END, tr("End date"))):
        algorithm.addParameter(
            QgsProcessingParameterDateTime(
                name, label, QgsProcessingParameterDateTime.Type.Date, optional=True
            )
        )


def add_evalscript(algorithm: QgsProcessingAlgorithm, preset: str) -> None:
    """A preset (``preset`` by default), and a script file that wins over it."""
    presets = [p.id for p in load_presets()]
    algorithm.addParameter(enum_parameter(EVALSCRIPT, tr("Evalscript preset"), presets, preset))
    algorithm.addParameter(
        QgsProcessingParameterFile(
            EVALSCRIPT_FILE,
            tr("Evalscript file (instead of the preset)"),
            QgsProcessingParameterFile.Behavior.File,
            "js",
            optional=True,
        )
    )


def add_scene_filter(algorithm: QgsProcessingAlgorithm) -> None:
    """Mosaicking order and maximum cloud cover."""
    algorithm.addParameter(
        enum_parameter(MOSAICKING, tr("Mosaicking order"), [DEFAULT, *ORDERS_3], DEFAULT)
    )
    algorithm.addParameter(
        QgsProcessingParameterNumber(
            MAX_CLOUD,
            tr("Maximum cloud cover (%)"),
            QgsProcessingParameterNumber.Type.Double,
            optional=True,
            minValue=0.0,
            maxValue=100.0,
        )
    )


def add_resolution(algorithm: QgsProcessingAlgorithm) -> None:
    """The resolution in metres, 10 by default."""
    algorithm.addParameter(
        QgsProcessingParameterNumber(
            RESOLUTION,
            tr("Resolution (m)"),
            QgsProcessingParameterNumber.Type.Double,
            defaultValue=10.0,
            minValue=0.01,
        )
    )
