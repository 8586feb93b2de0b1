#!/usr/bin/env bash
# Idempotent installer for the EO Explorer build/test tooling (Debian 12 and newer:
# also run inside the trixie and sid chroots of .ci/chroot.sh).
#
#  1. Debian packages (QGIS, Xvfb, Qt linguist tools, NumPy, ...) -- only the
#     missing ones; `apt-get update` runs only when something must be installed.
#  2. .venv  (python3 -m venv --system-site-packages, so PyQGIS imports).
#  3. pip packages into .venv. NumPy is never pip-installed: Debian's GDAL bindings
#     are built against Debian's python3-numpy (1.x on Debian 12, 2.x on trixie and
#     sid), so pip is held to that version and a pip copy in the venv is removed.
#  4. .venv-qt6: a separate venv with PyQt6 (no QGIS) where tests/unit/core/test_qt6_compat.py
#     checks the plugin against Qt6 (enums, forms, imports). It never touches .venv.
#  5. .venv-pgstac: stac-fastapi-pgstac, pypgstac and uvicorn in a venv of their own
#     (their pins never touch .venv) for the tests against the server CDSE STAC runs
#     (tests/servers/stac/pgstac_server.py, on Debian's PostgreSQL 15 + PostGIS 3).
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
    gdal-bin python3-gdal python3-numpy
    imagemagick
    zip
    postgresql postgresql-postgis # stac-fastapi-pgstac test server (PostGIS of the default PostgreSQL)
)
# Installed when the Debian release has them; a warning otherwise.
OPTIONAL_APT_PACKAGES=(
    qttools5-dev-tools # lrelease
    pyqt5-dev-tools    # pylupdate5
)

PIP_PACKAGES=(
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
    # linters, pinned so `make lint` judges the same everywhere (mypy: pure-Python wheel
    # where no compiled one exists, e.g. Python 3.14)
    "ruff==0.17.6"
    "mypy==1.15.0"
)

log() { printf '[install] %s\n' "$*"; }
die() {
    printf '[install] ERROR: %s\n' "$*" >&2
    exit 1
}

# ---------------------------------------------------------------- 1. apt
installed() { [ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null || true)" = installed ]; }
known() { [ -n "$(apt-cache policy "$1" 2>/dev/null | sed -n 's/^ *Candidate: *//p' | grep -v '(none)')" ]; }

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
    installed "$pkg" || missing+=("$pkg")
done
missing_optional=()
for pkg in "${OPTIONAL_APT_PACKAGES[@]}"; do
    installed "$pkg" || missing_optional+=("$pkg")
done
if [ "${#missing[@]}" -eq 0 ] && [ "${#missing_optional[@]}" -gt 0 ]; then
    # Only optional ones are missing: install those this release has, without an update.
    for pkg in "${missing_optional[@]}"; do
        if known "$pkg"; then missing+=("$pkg"); fi
    done
    missing_optional=()
fi

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
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 update
    for pkg in "${missing_optional[@]}"; do
        if known "$pkg"; then
            missing+=("$pkg")
        else
            log "WARNING: Debian package '$pkg' does not exist in this release: skipped"
        fi
    done
    log "apt: apt-get install ${missing[*]}"
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y \
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
# NumPy comes from Debian (python3-numpy), the one Debian's GDAL is built against. A
# pip copy in the venv would shadow it: remove it. pip is then held to Debian's version,
# so no package can pull another NumPy in.
if [ -n "$(find "$VENV"/lib/python3*/site-packages -maxdepth 1 -iname 'numpy-*.dist-info' 2>/dev/null)" ]; then
    log "pip: removing the venv's own numpy (Debian's python3-numpy is used)"
    PIP_DISABLE_PIP_VERSION_CHECK=1 "$VENV/bin/python" -m pip uninstall --quiet --yes numpy
fi
numpy_version=$("$SYSTEM_PYTHON" -c 'import numpy; print(numpy.__version__)') ||
    die "system python cannot import numpy (is python3-numpy installed?)"
constraints=$(mktemp "${TMPDIR:-/tmp}/eo-constraints.XXXXXX")
trap 'rm -f "$constraints"' EXIT
echo "numpy==$numpy_version" >"$constraints"

# pip does not touch the network when every requirement is already satisfied.
log "pip: ensuring ${PIP_PACKAGES[*]} (numpy held at Debian's $numpy_version)"
PIP_DISABLE_PIP_VERSION_CHECK=1 "$VENV/bin/python" -m pip install --quiet \
    --constraint "$constraints" "${PIP_PACKAGES[@]}"

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
from osgeo import gdal, gdal_array  # gdal_array breaks with a NumPy GDAL was not built for

import pydantic
import pytest_qgis  # noqa: F401
import shapely
from qgis.core import Qgis

if not numpy.__file__.startswith("/usr/lib/python3/"):
    sys.exit(f"numpy from {numpy.__file__}: expected Debian's python3-numpy")
gdal_array.OpenArray(numpy.zeros((2, 2), dtype=numpy.uint8))  # raises on an ABI mismatch
if int(pydantic.VERSION.split(".")[0]) < 2:
    sys.exit(f"pydantic {pydantic.VERSION} found, need >= 2")
print(
    f"[install] ok: python {sys.version.split()[0]}, QGIS {Qgis.QGIS_VERSION}, "
    f"GDAL {gdal.__version__}, numpy {numpy.__version__}, "
    f"pydantic {pydantic.VERSION}, shapely {shapely.__version__}"
)
PY
for tool in "$VENV/bin/ruff" "$VENV/bin/mypy" "$VENV/bin/rustac" "$VENV/bin/moto_server" \
    "$PGSTAC_VENV/bin/uvicorn"; do
    [ -x "$tool" ] || die "$tool missing after pip install"
done
for tool in lrelease pylupdate5 xvfb-run qgis; do
    command -v "$tool" >/dev/null || log "WARNING: '$tool' not on PATH"
done
log "done"
