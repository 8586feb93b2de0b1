"""The plugin's layers on the map: footprints, search areas, raster styling."""
