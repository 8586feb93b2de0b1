"""EO Explorer plugin package.

Nothing here imports QGIS: ``plugin.api`` must stay usable from a plain Python script.
"""

from __future__ import annotations

import configparser
from pathlib import Path


def _read_version() -> str:
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(Path(__file__).resolve().parent.parent / "metadata.txt", encoding="utf-8")
    return parser.get("general", "version", fallback="0.0.0")


__version__ = _read_version()
