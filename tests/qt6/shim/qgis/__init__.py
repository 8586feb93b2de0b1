"""Stand-in for QGIS 4's ``qgis`` package in the PyQt6 probes: only ``qgis.PyQt``.

``qgis.core`` and ``qgis.gui`` are deliberately absent, so a module that needs them fails
with ModuleNotFoundError and is reported as "needs QGIS", never as a Qt6 failure.
"""
