"""Start-up script of the application tier: ``qgis --code tests/app/inside_qgis.py``.

Runs inside the real QGIS application (after ``iface.initializationCompleted``, as QGIS's
own test runner does), drives the plugin's docks through their widgets, writes
``$EO_APP_RESULTS`` after every step and quits QGIS. Environment:

    EO_APP_DIR      this folder (the flows are imported from it)
    EO_APP_FLOWS    comma-separated flow names (see app_flows.FLOWS), run in that order
    EO_APP_RESULTS  the JSON file written as the flows go
    EO_APP_WORK     a folder for downloads, screenshots and outputs

The checks are made by the pytest side on the results; a flow only reports.
"""

import importlib
import os
import sys
import traceback

from qgis.PyQt.QtCore import QTimer
from qgis.utils import iface

sys.path.insert(0, os.environ["EO_APP_DIR"])
app_flows = importlib.import_module("app_flows")

_started = []


def _start() -> None:
    if _started:
        return
    _started.append(True)
    try:
        app_flows.main(iface)
    except Exception:  # noqa: BLE001 - report and quit, never leave QGIS open
        sys.__stderr__.write(traceback.format_exc())
        app_flows.quit_qgis(iface)


iface.initializationCompleted.connect(_start)
# Should the signal have been sent before this script ran, start anyway.
QTimer.singleShot(30000, _start)
