"""``python -m tests.bench``: see :mod:`tests.bench`."""

from __future__ import annotations

import os
import sys

# Before anything imports Qt: no display is needed (``make bench`` sets it too).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import tests.conftest  # noqa: F401 - makes the repository importable as eo_explorer

from .run import main

if __name__ == "__main__":
    sys.exit(main())
