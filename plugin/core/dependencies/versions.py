"""Which of the Python packages EO Explorer needs are usable, in pure Python.

Inside QGIS the plugin needs ``requests`` and ``pydantic``. It does not use shapely there:
polygons go through QGIS's own GEOS (see :mod:`..geos_engine`), because a shapely wheel
carries another GEOS that crashes the ``qgis`` executable on Linux. So the Install button
never installs shapely, whatever the user has.

Checking does not import the packages: it finds them with :func:`importlib.util.find_spec`
and reads their version from the package metadata, so the plugin can load, check and offer
an install before anything imports them. Only when the metadata carries a placeholder
version (Debian's ``python3-shapely`` says ``0+unknown``) is the module's own
``__version__`` read.

Imports neither QGIS nor the packages it checks (tests/unit/core/test_dependencies_logic.py).
"""

from __future__ import annotations

import importlib
import importlib.metadata
import importlib.util
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from email.message import Message
from pathlib import Path
from typing import Any, Optional, cast

from ..i18n import tr


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


def _metadata(dist: importlib.metadata.Distribution) -> Message:
    """A distribution's metadata: an email Message on every Python (typeshed only
    promises the narrower PackageMetadata protocol, without ``get``)."""
    return cast(Message, dist.metadata)


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
                name = (_metadata(dist).get("Name") or "").lower().replace("_", "-")
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
