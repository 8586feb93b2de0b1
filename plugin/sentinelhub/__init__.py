"""Sentinel Hub inside QGIS: Process jobs, their areas, mosaics and styles."""
