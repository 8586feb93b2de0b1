"""STAC API servers: rustac, stac-fastapi-pgstac, the paging server and the MAAP-shaped
catalogue.
"""
