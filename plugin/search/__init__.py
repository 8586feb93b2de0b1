"""Catalog search inside QGIS: the work without widgets, used by the Search dock and the
Processing algorithm.
"""
