"""Migrate a fresh database to pgstac and load collections and items into it.

Runs under the pgstac venv's Python (``.venv-pgstac``), not the plugin's: it imports
pypgstac only. ``python pgstac_load.py DSN COLLECTIONS.ndjson ITEMS.ndjson``.
"""

import sys

import psycopg
from pypgstac.db import PgstacDB
from pypgstac.load import Loader, Methods
from pypgstac.migrate import Migrate


def main(dsn: str, collections: str, items: str) -> None:
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute("CREATE EXTENSION IF NOT EXISTS postgis")
    with PgstacDB(dsn=dsn) as db:
        Migrate(db).run_migration()
        # A deployment registers its numeric queryables; without this pgstac compares and
        # sorts eo:cloud_cover as text ("10.2" before "2.1").
        db.query_one(
            "INSERT INTO pgstac.queryables (name, definition, property_wrapper, "
            "property_index_type) VALUES ('eo:cloud_cover', "
            '\'{"type": "number", "minimum": 0, "maximum": 100}\', '
            "'to_float', 'BTREE') RETURNING name"
        )
        loader = Loader(db)
        loader.load_collections(collections, Methods.insert)
        loader.load_items(items, Methods.insert)


if __name__ == "__main__":
    main(*sys.argv[1:4])
