"""Constellr inside QGIS: orders, deliveries and their layers."""
