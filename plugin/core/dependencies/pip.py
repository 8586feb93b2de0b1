"""Installing the missing packages with the pip of QGIS's own Python.

They go into a folder of the QGIS profile (``<profile>/python/eo_explorer_dependencies``),
which is *appended* to ``sys.path``: a package QGIS already has always wins over a copy in
that folder. The other side of that rule: an installed package of the wrong version
(pydantic 1) cannot be fixed by that folder; the user is told the pip command that upgrades
it in QGIS's Python. And a compiled half that the system already has (Debian's
``python3-pydantic-core`` without ``python3-pydantic``) would be imported instead of the one
pip installs, so pip is told to pick the pydantic that matches it (:data:`COMPANIONS`), and
when pip cannot, the user is told which distribution package to install instead.

QGIS is imported inside the one function that needs it (:func:`default_target_dir`).
"""

from __future__ import annotations

import importlib
import os
import re
import shlex
import subprocess
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from ..i18n import tr
from .versions import (
    COMPANIONS,
    DISTRIBUTION_PACKAGES,
    Dependency,
    Requirement,
    _find_spec,
    _installed_version,
    parse_version,
)

#: Folder name under ``<QGIS settings dir>/python``.
TARGET_FOLDER = "eo_explorer_dependencies"

_PYTHON_NAME = re.compile(r"^python(\d+(\.\d+)?)?(\.exe)?$", re.IGNORECASE)


def python_executable(
    executable: str = sys.executable,
    exec_prefix: str = sys.exec_prefix,
    is_file: Callable[[str], bool] = os.path.isfile,
    version: tuple[int, int] = (sys.version_info[0], sys.version_info[1]),
) -> Optional[str]:
    """The Python interpreter of QGIS, to run pip with.

    Inside QGIS ``sys.executable`` is often QGIS itself (``qgis-bin.exe``, ``QGIS.app``);
    the interpreter then sits in ``sys.exec_prefix`` (Windows: ``python.exe``) or in its
    ``bin`` folder (Linux, macOS).
    """
    name = re.split(r"[\\/]", executable or "")[-1]  # either separator, any platform
    if name and _PYTHON_NAME.match(name) and is_file(executable):
        return executable
    major, minor = version
    names = ["python.exe", "python3.exe", f"python{major}.{minor}", f"python{major}", "python"]
    prefix = Path(exec_prefix)
    for folder in (prefix, prefix / "bin"):
        for name in names:
            candidate = str(folder / name)
            if is_file(candidate):
                return candidate
    return None


def companion_pins(
    requirements: Sequence[Requirement],
    target_dir: str,
    find_spec: Callable[[str], Any] = _find_spec,
    version_of: Callable[[Dependency, Any], Optional[str]] = _installed_version,
) -> list[str]:
    """``pydantic-core==2.33.2`` when Python would import that copy from outside ``target_dir``."""
    pins = []
    target = os.path.normcase(os.path.abspath(target_dir))
    for requirement in requirements:
        companion = COMPANIONS.get(requirement.name)
        if companion is None:
            continue
        spec = find_spec(companion.module)
        origin = getattr(spec, "origin", None) if spec is not None else None
        if not origin:
            continue
        if os.path.normcase(os.path.abspath(origin)).startswith(target + os.sep):
            continue  # the plugin's own copy: pip may replace it
        version = version_of(companion, spec)
        if version and parse_version(version):
            pins.append(f"{companion.distribution}=={version}")
    return pins


def install_command(
    requirements: Sequence[Requirement],
    target_dir: str,
    python: Optional[str] = None,
    pins: Optional[Sequence[str]] = None,
) -> list[str]:
    """The pip command that installs ``requirements`` into ``target_dir``.

    ``pins`` default to :func:`companion_pins`, so the pydantic pip picks matches the
    pydantic-core Python will really import.
    """
    interpreter = python or python_executable()
    if interpreter is None:
        raise RuntimeError("QGIS's Python interpreter was not found")
    if pins is None:
        pins = companion_pins(requirements, target_dir)
    return [
        interpreter,
        "-m",
        "pip",
        "install",
        "--target",
        str(target_dir),
        "--upgrade-strategy",
        "only-if-needed",
        "--disable-pip-version-check",
        "--no-input",
        *[r.spec for r in requirements],
        *pins,
    ]


def upgrade_command(requirements: Sequence[Requirement], python: Optional[str] = None) -> list[str]:
    """The pip command that upgrades packages in QGIS's Python itself."""
    interpreter = python or python_executable() or "python3"
    return [interpreter, "-m", "pip", "install", "--upgrade", *[r.spec for r in requirements]]


def command_text(command: Sequence[str]) -> str:
    """A command as the user types it in a shell (OSGeo4W Shell on Windows)."""
    if os.name == "nt":
        return subprocess.list2cmdline(list(command))
    return shlex.join(list(command))


def default_target_dir() -> str:
    """``<QGIS settings dir>/python/eo_explorer_dependencies``."""
    from qgis.core import QgsApplication

    return str(Path(QgsApplication.qgisSettingsDirPath()) / "python" / TARGET_FOLDER)


def activate_target_dir(target_dir: str, path: Optional[list[str]] = None) -> bool:
    """Append ``target_dir`` to ``sys.path`` (never in front of QGIS's own packages).

    Returns True when it was added now; a missing folder is not added.
    """
    search_path = sys.path if path is None else path
    folder = str(target_dir)
    if not os.path.isdir(folder):
        return False
    importlib.invalidate_caches()  # packages pip just wrote into a folder already listed
    normalized = os.path.normcase(os.path.abspath(folder))
    if any(os.path.normcase(os.path.abspath(p)) == normalized for p in search_path if p):
        return False
    search_path.append(folder)
    return True


def activate_installed() -> bool:
    """Append the plugin's dependency folder of this QGIS profile to ``sys.path``.

    Call it before :func:`missing_dependencies` when the plugin (or its Processing
    provider, e.g. under ``qgis_process``) starts.
    """
    return activate_target_dir(default_target_dir())


@dataclass
class InstallResult:
    ok: bool
    cancelled: bool
    returncode: Optional[int]
    output: str
    command: list[str]


def run_command(
    command: Sequence[str], is_cancelled: Callable[[], bool], poll: float = 0.2
) -> InstallResult:
    """Run ``command`` (no shell), collect its output, terminate it when cancelled."""
    lines: list[str] = []
    kwargs: dict[str, Any] = {}
    if os.name == "nt":
        kwargs["creationflags"] = getattr(subprocess, "CREATE_NO_WINDOW", 0)
    env = dict(os.environ, PIP_DISABLE_PIP_VERSION_CHECK="1", PYTHONIOENCODING="utf-8")
    try:
        process = subprocess.Popen(
            list(command),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env=env,
            **kwargs,
        )
    except OSError as exc:
        return InstallResult(False, False, None, str(exc), list(command))

    def read() -> None:
        assert process.stdout is not None
        for raw in iter(process.stdout.readline, b""):
            lines.append(raw.decode("utf-8", errors="replace").rstrip("\r\n"))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    cancelled = False
    while True:
        try:
            process.wait(timeout=poll)
            break
        except subprocess.TimeoutExpired:
            if is_cancelled():
                cancelled = True
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
                break
    reader.join(timeout=5)
    if process.stdout is not None and not reader.is_alive():
        process.stdout.close()  # else "ResourceWarning: unclosed file" when it is collected
    ok = not cancelled and process.returncode == 0
    return InstallResult(ok, cancelled, process.returncode, "\n".join(lines), list(command))


def distribution_hint(missing: Sequence[Requirement], target_dir: str) -> str:
    """What to do when pip cannot match a companion the system package manager installed."""
    pins = companion_pins(missing, target_dir)
    packages = [
        DISTRIBUTION_PACKAGES[r.name]
        for r in missing
        if r.name in DISTRIBUTION_PACKAGES and r.name in COMPANIONS
    ]
    if not pins or not packages:
        return ""
    return tr(
        "Your system's package manager installed {0}, which Python loads before any copy "
        "pip installs; install the matching package from the same source instead (Debian, "
        "Ubuntu: sudo apt install {1}), then restart QGIS."
    ).format(", ".join(pins), " ".join(packages))
