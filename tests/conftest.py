"""Make the repository importable as the package ``eo_explorer``, as QGIS installs it.

The repository folder may have any name; a symlink named ``eo_explorer`` in a private
folder on ``sys.path`` gives the tests the same import path users have.
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"

_REPO_KEY = hashlib.sha1(str(REPO).encode()).hexdigest()[:12]
_link_dir = Path(tempfile.gettempdir()) / f"eo-explorer-import-{os.getuid()}-{_REPO_KEY}"
_link_dir.mkdir(exist_ok=True)
_link = _link_dir / "eo_explorer"
if not _link.exists():
    try:
        _link.symlink_to(REPO, target_is_directory=True)
    except FileExistsError:
        pass
if str(_link_dir) not in sys.path:
    sys.path.insert(0, str(_link_dir))
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))  # for ``tests.servers``


@pytest.fixture(scope="session")
def pgstac():
    """stac-fastapi-pgstac (tests/servers/pgstac_server.py) with the items of
    :func:`tests.servers.stac.pgstac_items.make_items` loaded (``.items``); one per session,
    stopped and its cluster deleted at the end. Fails, never skips, when PostgreSQL, PostGIS
    or the pgstac venv is missing (``bash .ci/install.sh`` installs them)."""
    from tests.servers.stac.pgstac_items import collection, make_items
    from tests.servers.stac.pgstac_server import PgstacServer, missing

    reason = missing()
    if reason:
        pytest.fail(f"stac-fastapi-pgstac test server unavailable: {reason}")
    items = make_items()
    with PgstacServer(items, [collection()]) as server:
        yield server
