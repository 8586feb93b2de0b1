#!/usr/bin/env bash
# Idempotent installer for the EO Explorer build/test tooling (Debian 12).
#
#  1. Debian packages (QGIS 3.22, Xvfb, Qt linguist tools, ...) -- only the
#     missing ones; `apt-get update` runs only when something must be installed.
#  2. .venv  (python3 -m venv --system-site-packages, so PyQGIS imports).
#  3. pip packages into .venv (numpy pinned < 2: Debian's GDAL bindings are
#     built against NumPy 1.x).
#  4. .venv-qt6: a separate venv with PyQt6 (no QGIS) where tests/unit/test_qt6_compat.py
#     checks the plugin against Qt6 (enums, forms, imports). It never touches .venv.
#  5. .venv-pgstac: stac-fastapi-pgstac, pypgstac and uvicorn in a venv of their own
#     (their pins never touch .venv) for the tests against the server CDSE STAC runs
#     (tests/servers/pgstac_server.py, on Debian's PostgreSQL 15 + PostGIS 3).
#
# Safe to re-run; a second run only checks and prints what is already there.
# Environment: VENV (default .venv), QT6_VENV (default .venv-qt6), PGSTAC_VENV (default
# .venv-pgstac), SKIP_APT=1 to skip the apt step.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

VENV=${VENV:-.venv}
QT6_VENV=${QT6_VENV:-.venv-qt6}
PGSTAC_VENV=${PGSTAC_VENV:-.venv-pgstac}
SYSTEM_PYTHON=/usr/bin/python3

APT_PACKAGES=(
    make
    python3-qgis qgis-providers qgis
    xvfb xauth
    python3-venv python3-pip
    gdal-bin python3-gdal
    qttools5-dev-tools # lrelease
    pyqt5-dev-tools    # pylupdate5
    imagemagick
    zip
    postgresql postgresql-postgis # stac-fastapi-pgstac test server (PostGIS of the default PostgreSQL)
)

PIP_PACKAGES=(
    "numpy<2"
    "pydantic>=2"
    "shapely>=1.8"
    requests
    pytest
    pytest-qgis
    pytest-timeout
    pystac-client
    rustac
    "moto[server]"
    # the sandbox Process API runs evalscripts (V8; py3-none wheel: Python 3.11 and 3.13)
    mini-racer
    ruff
)

log() { printf '[install] %s\n' "$*"; }
die() {
    printf '[install] ERROR: %s\n' "$*" >&2
    exit 1
}

# ---------------------------------------------------------------- 1. apt
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
    if [ "$status" != "installed" ]; then
        missing+=("$pkg")
    fi
done

if [ "${SKIP_APT:-0}" = "1" ]; then
    log "apt: skipped (SKIP_APT=1); missing: ${missing[*]:-none}"
elif [ "${#missing[@]}" -eq 0 ]; then
    log "apt: all ${#APT_PACKAGES[@]} Debian packages already installed"
else
    log "apt: installing missing packages: ${missing[*]}"
    SUDO=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || die "not root and no sudo: install ${missing[*]} manually"
        SUDO=(sudo)
    fi
    export DEBIAN_FRONTEND=noninteractive
    log "apt: apt-get update"
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
    log "apt: apt-get install"
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y \
        --no-install-recommends -o Dpkg::Options::=--force-confold "${missing[@]}" </dev/null
fi

[ -x "$SYSTEM_PYTHON" ] || die "$SYSTEM_PYTHON not found"
"$SYSTEM_PYTHON" -c 'import qgis.core' 2>/dev/null ||
    die "system python cannot import qgis.core (is python3-qgis installed?)"

# ---------------------------------------------------------------- 2. venv
venv_ok() {
    [ -x "$VENV/bin/python" ] || return 1
    grep -qiE '^include-system-site-packages *= *true' "$VENV/pyvenv.cfg" 2>/dev/null || return 1
    "$VENV/bin/python" -c 'import qgis.core' >/dev/null 2>&1 || return 1
}

if venv_ok; then
    log "venv: $VENV exists (system site packages, PyQGIS importable)"
else
    if [ -e "$VENV" ]; then
        log "venv: $VENV is unusable (missing python, no system site packages or no PyQGIS): recreating"
        rm -rf "$VENV"
    fi
    log "venv: creating $VENV with $SYSTEM_PYTHON -m venv --system-site-packages"
    "$SYSTEM_PYTHON" -m venv --system-site-packages "$VENV"
    venv_ok || die "fresh venv $VENV cannot import qgis.core"
fi

# ---------------------------------------------------------------- 3. pip
# pip does not touch the network when every requirement is already satisfied.
log "pip: ensuring ${PIP_PACKAGES[*]}"
PIP_DISABLE_PIP_VERSION_CHECK=1 "$VENV/bin/python" -m pip install --quiet "${PIP_PACKAGES[@]}"

# ---------------------------------------------------------------- 4. PyQt6 venv
# PyQt6 wheels bundle Qt 6; pydantic, requests and shapely let the plugin's modules import.
QT6_PIP_PACKAGES=(PyQt6 pytest "pydantic>=2" requests "shapely>=1.8")
if [ ! -x "$QT6_VENV/bin/python" ]; then
    log "qt6 venv: creating $QT6_VENV with $SYSTEM_PYTHON -m venv"
    "$SYSTEM_PYTHON" -m venv "$QT6_VENV"
fi
log "qt6 venv: ensuring ${QT6_PIP_PACKAGES[*]}"
PIP_DISABLE_PIP_VERSION_CHECK=1 "$QT6_VENV/bin/python" -m pip install --quiet "${QT6_PIP_PACKAGES[@]}"
QT_QPA_PLATFORM=offscreen "$QT6_VENV/bin/python" -c '
import pydantic, requests, shapely
from PyQt6 import QtWidgets, uic
from PyQt6.QtCore import PYQT_VERSION_STR
print(f"[install] ok: PyQt6 {PYQT_VERSION_STR} in the Qt6 check venv")
' || die "$QT6_VENV cannot import PyQt6"

# ---------------------------------------------------------------- 5. pgstac venv
PGSTAC_PACKAGES=("stac-fastapi-pgstac>=6" "pypgstac[psycopg]" uvicorn)
if [ ! -x "$PGSTAC_VENV/bin/python" ]; then
    log "pgstac venv: creating $PGSTAC_VENV"
    "$SYSTEM_PYTHON" -m venv "$PGSTAC_VENV"
fi
log "pip (pgstac venv): ensuring ${PGSTAC_PACKAGES[*]}"
PIP_DISABLE_PIP_VERSION_CHECK=1 "$PGSTAC_VENV/bin/python" -m pip install --quiet \
    "${PGSTAC_PACKAGES[@]}"

# ---------------------------------------------------------------- checks
log "checking the environment"
QT_QPA_PLATFORM=offscreen "$VENV/bin/python" - <<'PY'
import sys

import numpy
from osgeo import gdal, gdal_array  # noqa: F401  (gdal_array breaks with NumPy 2)

import pydantic
import pytest_qgis  # noqa: F401
import shapely
from qgis.core import Qgis

major = int(numpy.__version__.split(".")[0])
if major >= 2:
    sys.exit(f"numpy {numpy.__version__} in the venv: Debian GDAL needs numpy<2")
if int(pydantic.VERSION.split(".")[0]) < 2:
    sys.exit(f"pydantic {pydantic.VERSION} found, need >= 2")
print(
    f"[install] ok: python {sys.version.split()[0]}, QGIS {Qgis.QGIS_VERSION}, "
    f"GDAL {gdal.__version__}, numpy {numpy.__version__}, "
    f"pydantic {pydantic.VERSION}, shapely {shapely.__version__}"
)
PY
for tool in "$VENV/bin/ruff" "$VENV/bin/rustac" "$VENV/bin/moto_server" \
    "$PGSTAC_VENV/bin/uvicorn"; do
    [ -x "$tool" ] || die "$tool missing after pip install"
done
for tool in lrelease pylupdate5 xvfb-run qgis; do
    command -v "$tool" >/dev/null || log "WARNING: '$tool' not on PATH"
done
log "done"
