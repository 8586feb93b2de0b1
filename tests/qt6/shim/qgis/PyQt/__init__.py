"""``qgis.PyQt`` mapped onto PyQt6, as QGIS 4 maps it (our minimal version)."""
