"""The Python packages EO Explorer needs, and installing the missing ones from QGIS.

Inside QGIS the plugin needs ``requests`` and ``pydantic``. It does not use shapely there:
polygons go through QGIS's own GEOS (see :mod:`.geos_engine`), because a shapely wheel
carries another GEOS that crashes the ``qgis`` executable on Linux. So the Install button
never installs shapely, whatever the user has.

Checking does not import the packages: it finds them with :func:`importlib.util.find_spec`
and reads their version from the package metadata, so the plugin can load, check and offer
an install before anything imports them. Only when the metadata carries a placeholder
version (Debian's ``python3-shapely`` says ``0+unknown``) is the module's own
``__version__`` read.

Missing packages are installed with the pip of QGIS's own Python into a folder of the
QGIS profile (``<profile>/python/eo_explorer_dependencies``), which is *appended* to
``sys.path``: a package QGIS already has always wins over a copy in that folder. The other
side of that rule: an installed package of the wrong version (pydantic 1) cannot be fixed
by that folder; the user is told the pip command that upgrades it in QGIS's Python. And a
compiled half that the system already has (Debian's ``python3-pydantic-core`` without
``python3-pydantic``) would be imported instead of the one pip installs, so pip is told to
pick the pydantic that matches it (:data:`COMPANIONS`).

QGIS is imported inside the functions that need it, so the pure logic is unit-testable.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import importlib.util
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

from .i18n import tr

#: Folder name under ``<QGIS settings dir>/python``.
TARGET_FOLDER = "eo_explorer_dependencies"


@dataclass(frozen=True)
class Dependency:
    """A package the plugin needs: import name, pip name and accepted versions."""

    module: str
    distribution: str
    minimum: tuple[int, ...] = ()
    below: tuple[int, ...] = ()  # first version that is no longer accepted
    needed: str = ""  # the accepted versions in words, e.g. "2.x"

    @property
    def spec(self) -> str:
        """The pip requirement, e.g. ``pydantic>=2,<3``."""
        parts = []
        if self.minimum:
            parts.append(">=" + _dotted(self.minimum))
        if self.below:
            parts.append("<" + _dotted(self.below))
        return self.distribution + ",".join(parts)

    def accepts(self, version: tuple[int, ...]) -> bool:
        if self.minimum and _pad(version) < _pad(self.minimum):
            return False
        return not (self.below and _pad(version) >= _pad(self.below))


DEPENDENCIES: tuple[Dependency, ...] = (
    Dependency("requests", "requests"),
    Dependency("pydantic", "pydantic", (2,), (3,), "2.x"),
)

#: Compiled packages that must match a dependency exactly: pydantic 2.x requires one exact
#: pydantic-core. When Python finds such a package outside the plugin's folder (a
#: distribution package, earlier on ``sys.path``), pip is asked for the version that
#: matches it rather than for a copy that would never be imported.
COMPANIONS: dict[str, Dependency] = {
    "pydantic": Dependency("pydantic_core", "pydantic-core"),
}

#: Distribution packages to suggest when pip cannot match a system companion.
DISTRIBUTION_PACKAGES: dict[str, str] = {"pydantic": "python3-pydantic"}


@dataclass(frozen=True)
class Requirement:
    """A dependency that is not usable, and why."""

    name: str
    spec: str
    reason: str
    installed_version: Optional[str] = None  # set when the wrong version is importable

    @property
    def wrong_version(self) -> bool:
        return self.installed_version is not None

    def __str__(self) -> str:
        return f"{self.name} ({self.reason})"


def _dotted(version: tuple[int, ...]) -> str:
    return ".".join(str(v) for v in version)


def _pad(version: tuple[int, ...], length: int = 4) -> tuple[int, ...]:
    return tuple(version[:length]) + (0,) * max(0, length - len(version))


def parse_version(text: str) -> tuple[int, ...]:
    """The leading numeric release of a version: ``"2.0b3"`` -> ``(2, 0)``.

    Pre-release and local suffixes are cut (``1.8.5.post1`` -> ``(1, 8, 5)``); a text
    without a leading number gives ``()``.
    """
    match = re.match(r"\s*v?(\d+(?:\.\d+)*)", text or "")
    if not match:
        return ()
    return tuple(int(part) for part in match.group(1).split("."))


def short_version(text: str) -> str:
    """``"1.10.13"`` -> ``"1.10"``: what the user needs to read."""
    version = parse_version(text)
    return _dotted(version[:2]) if version else text


def _find_spec(module: str) -> Any:
    try:
        return importlib.util.find_spec(module)
    except (ImportError, ValueError):  # a broken package, or a module without __spec__
        return None


def _installed_version(dependency: Dependency, spec: Any) -> Optional[str]:
    """The version of the copy that ``import`` would load, from its metadata.

    With several copies on ``sys.path`` (QGIS's own and the plugin's folder), the metadata
    next to the found package is the one that counts.
    """
    locations = list(getattr(spec, "submodule_search_locations", None) or [])
    origin = getattr(spec, "origin", None)
    roots = [str(Path(p).parent) for p in locations]
    if not roots and origin:
        roots = [str(Path(origin).parent)]
    version: Optional[str] = None
    for root in roots:
        try:
            for dist in importlib.metadata.distributions(path=[root]):
                name = (dist.metadata.get("Name") or "").lower().replace("_", "-")
                if name == dependency.distribution.lower().replace("_", "-"):
                    version = dist.version
                    break
        except Exception:  # noqa: BLE001 - odd metadata must not break the check
            continue
        if version is not None:
            break
    if version is None:
        try:
            version = importlib.metadata.version(dependency.distribution)
        except importlib.metadata.PackageNotFoundError:
            return None
    if is_placeholder(version):
        return _module_version(dependency.module)
    return version


def is_placeholder(version: Optional[str]) -> bool:
    """A version that says nothing: ``0+unknown`` (Debian builds without git), ``0.0.0``."""
    text = (version or "").strip()
    return not text or text.lower() == "unknown" or parse_version(text) in ((0,), (0, 0), (0, 0, 0))


def _module_version(module: str) -> Optional[str]:
    """The module's own ``__version__`` (None when it has none or cannot be imported)."""
    try:
        imported = importlib.import_module(module)
    except Exception:  # noqa: BLE001 - a broken package: let the import error speak later
        return None
    value = getattr(imported, "__version__", None) or getattr(imported, "VERSION", None)
    return str(value) if value and not is_placeholder(str(value)) else None


def check(
    dependency: Dependency,
    find_spec: Callable[[str], Any] = _find_spec,
    version_of: Callable[[Dependency, Any], Optional[str]] = _installed_version,
) -> Optional[Requirement]:
    """None when the dependency is usable, else what is wrong with it."""
    spec = find_spec(dependency.module)
    if spec is None:
        return Requirement(dependency.module, dependency.spec, tr("not installed"))
    version = version_of(dependency, spec)
    if version is None:
        return None  # importable, version unknown (no metadata): give it the benefit
    parsed = parse_version(version)
    if not parsed or dependency.accepts(parsed):
        return None
    return Requirement(
        dependency.module,
        dependency.spec,
        tr("version {0} is installed, {1} needed").format(
            short_version(version), dependency.needed
        ),
        installed_version=version,
    )


def missing_dependencies(
    dependencies: Sequence[Dependency] = DEPENDENCIES,
    find_spec: Callable[[str], Any] = _find_spec,
    version_of: Callable[[Dependency, Any], Optional[str]] = _installed_version,
) -> list[Requirement]:
    """Every dependency that is not installed or not in an accepted version."""
    result = []
    for dependency in dependencies:
        problem = check(dependency, find_spec, version_of)
        if problem is not None:
            result.append(problem)
    return result


def describe(missing: Sequence[Requirement]) -> str:
    """``"pydantic (not installed), shapely (version 1.7 is installed, 1.8 or 2.x needed)"``"""
    return ", ".join(str(r) for r in missing)


# -- installing ---------------------------------------------------------------------------

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


_TASK_CLASS: Optional[type] = None


def _task_class() -> type:
    """``DependencyInstallTask``, built on first use so this module imports without QGIS."""
    global _TASK_CLASS
    if _TASK_CLASS is not None:
        return _TASK_CLASS
    from qgis.core import QgsTask
    from qgis.PyQt.QtCore import pyqtSignal

    class DependencyInstallTask(QgsTask):
        """Run pip in the background; ``completed(InstallResult)`` on the main thread."""

        completed = pyqtSignal(object)

        def __init__(
            self,
            requirements: Sequence[Requirement],
            target_dir: str,
            command: Optional[Sequence[str]] = None,
        ) -> None:
            super().__init__(tr("EO Explorer: install Python packages"), QgsTask.Flag.CanCancel)
            self.requirements = list(requirements)
            self.target_dir = target_dir
            self.command = list(command) if command else None
            self.result: Optional[InstallResult] = None

        def run(self) -> bool:
            try:
                command = self.command or install_command(self.requirements, self.target_dir)
                if self.command is None:
                    os.makedirs(self.target_dir, exist_ok=True)
                self.result = run_command(command, self.isCanceled)
            except Exception as exc:  # noqa: BLE001 - reported, never raised into QGIS
                self.result = InstallResult(False, False, None, str(exc), self.command or [])
            return self.result.ok

        def finished(self, result: bool) -> None:  # noqa: ARG002 - the result says it all
            self.completed.emit(self.result)

    _TASK_CLASS = DependencyInstallTask
    return DependencyInstallTask


def __getattr__(name: str) -> Any:
    # ``from .dependencies import DependencyInstallTask`` works, QGIS is imported lazily.
    if name == "DependencyInstallTask":
        return _task_class()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# -- telling the user ---------------------------------------------------------------------

#: Tasks being run, so Python keeps them alive until they finish.
_RUNNING: list[Any] = []


def missing_message(missing: Sequence[Requirement]) -> str:
    """The message bar text: exactly what is missing, and what to do about it."""
    names = describe(missing)
    wrong = [r for r in missing if r.wrong_version]
    if not wrong:
        return tr(
            "EO Explorer needs Python packages that QGIS does not have: {0}. "
            "Click Install to install them for your QGIS profile."
        ).format(names)
    return tr(
        "EO Explorer needs other Python packages: {0}. A package of the wrong version "
        "cannot be replaced by an install for the plugin alone; upgrade it in QGIS's "
        "Python (on Windows in the OSGeo4W Shell, on Linux possibly with the system "
        "package manager), then restart QGIS: {1}"
    ).format(names, command_text(upgrade_command(missing)))


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


def notify_missing(
    iface: Any,
    missing: Sequence[Requirement],
    on_installed: Optional[Callable[[], None]] = None,
    target_dir: Optional[str] = None,
) -> Any:
    """Warn in the message bar about ``missing``, with an Install button when it can help.

    Returns the message bar item. ``on_installed`` is called once everything is usable.
    """
    from qgis.core import Qgis, QgsApplication
    from qgis.PyQt.QtWidgets import QPushButton

    from . import log

    bar = iface.messageBar()
    title = tr("EO Explorer")
    text = missing_message(missing)
    log.warning(text)
    item = bar.createMessage(title, text)
    if any(r.wrong_version for r in missing):
        bar.pushWidget(item, Qgis.MessageLevel.Warning)
        return item

    folder = target_dir or default_target_dir()
    names = ", ".join(r.spec for r in missing)
    button = QPushButton(tr("Install"), item)
    item.layout().addWidget(button)

    def failed(message: str) -> None:
        log.error(message)
        bar.pushMessage(title, message, Qgis.MessageLevel.Critical, 0)

    def done(task: Any, result: Optional[InstallResult]) -> None:
        if task in _RUNNING:
            _RUNNING.remove(task)
        try:
            bar.popWidget(item)
        except RuntimeError:  # the user closed the message already
            pass
        if result is not None and result.output:
            log.info(result.output)
        if result is None or not result.ok:
            if result is not None and result.cancelled:
                failed(tr("The install of {0} was cancelled.").format(names))
            elif python_executable() is None:
                failed(
                    tr(
                        "QGIS's Python interpreter was not found, so {0} could not be "
                        "installed. Install them into QGIS's Python yourself."
                    ).format(names)
                )
            else:
                command = install_command(missing, folder)
                message = tr(
                    "{0} could not be installed; pip's output is in the EO Explorer "
                    "message log. You can run the install yourself: {1}"
                ).format(names, command_text(command))
                hint = distribution_hint(missing, folder)
                failed(f"{message} {hint}" if hint else message)
            return
        activate_target_dir(folder)
        still = missing_dependencies()
        if still:
            failed(
                tr(
                    "pip finished, but these packages are still not usable: {0}. "
                    "Restart QGIS and try again."
                ).format(describe(still))
            )
            return
        message = tr("Installed {0}. EO Explorer is ready.").format(names)
        log.info(message)
        bar.pushMessage(title, message, Qgis.MessageLevel.Success, 10)
        if on_installed is not None:
            on_installed()

    def start() -> None:
        button.setEnabled(False)
        button.setText(tr("Installing…"))
        log.info(tr("Installing {0} into {1}").format(names, folder))
        task = _task_class()(missing, folder)
        task.completed.connect(lambda result: done(task, result))
        _RUNNING.append(task)
        QgsApplication.taskManager().addTask(task)

    button.clicked.connect(start)
    bar.pushWidget(item, Qgis.MessageLevel.Warning)
    return item
