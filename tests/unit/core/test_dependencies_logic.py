"""Dependency checks and pip commands, without QGIS and without importing the packages."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from eo_explorer.plugin.core import dependencies as deps
from eo_explorer.plugin.core.dependencies import (
    DEPENDENCIES,
    Dependency,
    Requirement,
    activate_target_dir,
    check,
    install_command,
    missing_dependencies,
    parse_version,
    python_executable,
    short_version,
    upgrade_command,
)
from eo_explorer.plugin.core.dependencies import pip as deps_pip
from eo_explorer.plugin.core.dependencies import versions as deps_versions
from eo_explorer.plugin.gui.common import dependency_bar

BY_NAME = {d.module: d for d in DEPENDENCIES}
#: Not a dependency inside QGIS any more; a dependency with a range and a minimum.
SHAPELY = Dependency("shapely", "shapely", (1, 8), (3,), "1.8 or 2.x")
FOUND = SimpleNamespace(origin="/somewhere/pkg/__init__.py", submodule_search_locations=None)


def versions(**installed: str | None):
    """find_spec / version_of fakes: name -> version, None = not installed, "?" = no metadata."""

    def find_spec(module: str):
        return FOUND if installed.get(module, "absent") not in ("absent", None) else None

    def version_of(dependency: Dependency, spec) -> str | None:
        value = installed[dependency.module]
        return None if value == "?" else value

    return find_spec, version_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2.14.3", (2, 14, 3)),
        ("1.10.13", (1, 10, 13)),
        ("2.0b3", (2, 0)),
        ("2.0.0rc1", (2, 0, 0)),
        ("1.8.5.post1", (1, 8, 5)),
        ("v3.1", (3, 1)),
        ("2024.1.0+local", (2024, 1, 0)),
        ("", ()),
        ("unknown", ()),
    ],
)
def test_parse_version(text, expected):
    assert parse_version(text) == expected


def test_short_version():
    assert short_version("1.10.13") == "1.10"
    assert short_version("2") == "2"
    assert short_version("odd") == "odd"


def test_specs_are_pip_requirements():
    assert BY_NAME["pydantic"].spec == "pydantic>=2,<3"
    assert SHAPELY.spec == "shapely>=1.8,<3"
    assert BY_NAME["requests"].spec == "requests"


@pytest.mark.parametrize(
    ("module", "version", "ok"),
    [
        ("pydantic", "2.0", True),
        ("pydantic", "2.14.3", True),
        ("pydantic", "2.0b3", True),  # pre-releases of 2 count as 2
        ("pydantic", "1.10.13", False),
        ("pydantic", "3.0.0", False),
        ("shapely", "1.7.1", False),
        ("shapely", "1.8.0", True),
        ("shapely", "1.8.5.post1", True),
        ("shapely", "2.2.0", True),
        ("shapely", "3.0", False),
        ("requests", "0.1", True),
    ],
)
def test_accepted_versions(module, version, ok):
    assert {**BY_NAME, "shapely": SHAPELY}[module].accepts(parse_version(version)) is ok


def test_shapely_is_not_needed_inside_qgis():
    """Inside QGIS polygons go through QGIS's GEOS; a shapely wheel there crashes QGIS."""
    assert "shapely" not in BY_NAME


def _package(root: Path, name: str, dist: str, version: str, module_version: str | None):
    package = root / name
    package.mkdir()
    text = f"__version__ = {module_version!r}\n" if module_version else ""
    (package / "__init__.py").write_text(text)
    info = root / f"{dist}-{version}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: {version}\n")
    return SimpleNamespace(
        origin=str(package / "__init__.py"), submodule_search_locations=[str(package)]
    )


@pytest.mark.parametrize("placeholder", ["0+unknown", "0.0.0", "0"])
def test_a_placeholder_version_is_read_from_the_module(tmp_path, monkeypatch, placeholder):
    """Debian sid's python3-shapely metadata says 0+unknown; its module says 2.0.6."""
    name = "eo_explorer_distro_pkg"
    spec = _package(tmp_path, name, name, placeholder, "2.0.6")
    monkeypatch.syspath_prepend(str(tmp_path))
    dependency = Dependency(name, name, (1, 8), (3,), "1.8 or 2.x")
    assert deps_versions._installed_version(dependency, spec) == "2.0.6"
    assert check(dependency, find_spec=lambda _m: spec) is None


def test_a_placeholder_version_without_module_version_is_given_the_benefit(tmp_path, monkeypatch):
    name = "eo_explorer_distro_pkg2"
    spec = _package(tmp_path, name, name, "0+unknown", None)
    monkeypatch.syspath_prepend(str(tmp_path))
    dependency = Dependency(name, name, (2,), (3,), "2.x")
    assert deps_versions._installed_version(dependency, spec) is None
    assert check(dependency, find_spec=lambda _m: spec) is None


def test_pip_is_pinned_to_the_pydantic_core_python_will_import(tmp_path):
    """A distribution's pydantic-core earlier on sys.path wins over pip's: match it."""
    system = tmp_path / "dist-packages"
    system.mkdir()
    spec = _package(system, "pydantic_core", "pydantic_core", "2.33.2", None)
    missing = [Requirement("pydantic", "pydantic>=2,<3", "not installed")]
    target = str(tmp_path / "plugin-folder")
    pins = deps.companion_pins(missing, target, find_spec=lambda _m: spec)
    assert pins == ["pydantic-core==2.33.2"]
    command = install_command(missing, target, python="/usr/bin/python3", pins=pins)
    assert command[-2:] == ["pydantic>=2,<3", "pydantic-core==2.33.2"]
    # The plugin's own copy is no reason to pin: pip may replace it.
    own = tmp_path / "plugin-folder"
    own.mkdir()
    own_spec = _package(own, "pydantic_core", "pydantic_core", "2.10.0", None)
    assert deps.companion_pins(missing, target, find_spec=lambda _m: own_spec) == []
    # Nothing to match when pydantic-core is absent, or for other packages.
    assert deps.companion_pins(missing, target, find_spec=lambda _m: None) == []
    other = [Requirement("requests", "requests", "not installed")]
    assert deps.companion_pins(other, target, find_spec=lambda _m: spec) == []


def test_nothing_missing():
    find_spec, version_of = versions(requests="2.31.0", pydantic="2.5.0", shapely="2.0.1")
    assert missing_dependencies(find_spec=find_spec, version_of=version_of) == []


def test_not_installed_and_wrong_version_are_named():
    find_spec, version_of = versions(requests=None, pydantic="1.10.13", shapely="1.7.1")
    missing = missing_dependencies(find_spec=find_spec, version_of=version_of)
    assert missing == [
        Requirement("requests", "requests", "not installed"),
        Requirement(
            "pydantic",
            "pydantic>=2,<3",
            "version 1.10 is installed, 2.x needed",
            installed_version="1.10.13",
        ),
    ]
    assert not missing[0].wrong_version and missing[1].wrong_version
    assert deps.describe(missing).startswith(
        "requests (not installed), pydantic (version 1.10 is installed, 2.x needed)"
    )


def test_unknown_version_is_accepted():
    """Importable without metadata (a vendored copy): trust it rather than nag."""
    find_spec, version_of = versions(requests="?", pydantic="?", shapely="?")
    assert missing_dependencies(find_spec=find_spec, version_of=version_of) == []


def test_check_never_imports(monkeypatch):
    name = "eo_explorer_fake_dependency"
    assert check(Dependency(name, name)) == Requirement(name, name, "not installed")
    # Real packages: found and versioned from metadata, not imported.
    for module in ("pydantic", "shapely"):
        monkeypatch.delitem(sys.modules, module, raising=False)
    assert check(BY_NAME["pydantic"]) is None
    assert check(SHAPELY) is None
    assert "pydantic" not in sys.modules and "shapely" not in sys.modules


def test_installed_version_reads_the_copy_that_is_found(tmp_path):
    """With two copies on sys.path, the version comes from the one import would load."""
    package = tmp_path / "pydantic"
    package.mkdir()
    (package / "__init__.py").write_text("")
    info = tmp_path / "pydantic-1.10.13.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: pydantic\nVersion: 1.10.13\n")
    spec = SimpleNamespace(
        origin=str(package / "__init__.py"), submodule_search_locations=[str(package)]
    )
    assert deps_versions._installed_version(BY_NAME["pydantic"], spec) == "1.10.13"


def test_python_executable_is_sys_executable_when_it_is_python():
    assert python_executable("/usr/bin/python3.11", "/usr", lambda p: True) == "/usr/bin/python3.11"
    assert python_executable(r"C:\Py\python.exe", r"C:\Py", lambda p: True) == r"C:\Py\python.exe"


def test_python_executable_next_to_exec_prefix_on_windows():
    prefix = r"C:\OSGeo4W\apps\Python39"
    found = str(Path(prefix) / "python.exe")
    assert (
        python_executable(r"C:\OSGeo4W\bin\qgis-bin.exe", prefix, lambda p: p == found, (3, 9))
        == found
    )


def test_python_executable_in_exec_prefix_bin_on_macos():
    prefix = "/Applications/QGIS.app/Contents/Frameworks"
    found = f"{prefix}/bin/python3.9"
    assert (
        python_executable(
            "/Applications/QGIS.app/Contents/MacOS/QGIS", prefix, lambda p: p == found, (3, 9)
        )
        == found
    )


def test_python_executable_not_found():
    assert python_executable("/usr/bin/qgis", "/nowhere", lambda p: False) is None


def test_install_command():
    missing = [
        Requirement("pydantic", "pydantic>=2,<3", "not installed"),
        Requirement("shapely", "shapely>=1.8,<3", "not installed"),
    ]
    command = install_command(
        missing,
        "/home/me/QGIS3/profiles/default/python/eo_deps",
        python="/usr/bin/python3",
        pins=["pydantic-core==2.33.2"],
    )
    assert command == [
        "/usr/bin/python3",
        "-m",
        "pip",
        "install",
        "--target",
        "/home/me/QGIS3/profiles/default/python/eo_deps",
        "--upgrade-strategy",
        "only-if-needed",
        "--disable-pip-version-check",
        "--no-input",
        "pydantic>=2,<3",
        "shapely>=1.8,<3",
        "pydantic-core==2.33.2",
    ]


def test_install_command_defaults_to_the_running_python():
    command = install_command([Requirement("requests", "requests", "not installed")], "/t")
    assert command[0] == sys.executable
    assert command[1:4] == ["-m", "pip", "install"]


def test_upgrade_command_and_its_text():
    wrong = [
        Requirement(
            "pydantic", "pydantic>=2,<3", "version 1.10 is installed, 2.x needed", "1.10.13"
        )
    ]
    command = upgrade_command(wrong, python="/usr/bin/python3")
    assert command == ["/usr/bin/python3", "-m", "pip", "install", "--upgrade", "pydantic>=2,<3"]
    if sys.platform != "win32":
        assert deps.command_text(command) == (
            "/usr/bin/python3 -m pip install --upgrade 'pydantic>=2,<3'"
        )


def test_activate_target_dir_appends(tmp_path):
    path = ["/first", "/qgis/python"]
    assert activate_target_dir(str(tmp_path), path) is True
    assert path == ["/first", "/qgis/python", str(tmp_path)]
    # Twice is once.
    assert activate_target_dir(str(tmp_path), path) is False
    assert path.count(str(tmp_path)) == 1


def test_activate_target_dir_skips_a_missing_folder(tmp_path):
    path = ["/first"]
    assert activate_target_dir(str(tmp_path / "not-there"), path) is False
    assert path == ["/first"]


def test_activated_folder_never_shadows_an_installed_package(tmp_path, monkeypatch):
    """A copy in the plugin's folder loses against the one already on sys.path."""
    (tmp_path / "json").mkdir()
    (tmp_path / "json" / "__init__.py").write_text("SHADOW = True\n")
    (tmp_path / "eo_explorer_only_here.py").write_text("")
    monkeypatch.setattr(sys, "path", list(sys.path))
    assert activate_target_dir(str(tmp_path)) is True
    assert sys.path[-1] == str(tmp_path)
    assert Path(importlib.util.find_spec("json").origin).parent.parent != tmp_path
    assert importlib.util.find_spec("eo_explorer_only_here").origin == str(
        tmp_path / "eo_explorer_only_here.py"
    )


def test_wrong_version_message_gives_the_upgrade_command(monkeypatch):
    monkeypatch.setattr(dependency_bar, "tr", lambda text: text)
    monkeypatch.setattr(deps_pip, "python_executable", lambda: "/usr/bin/python3")
    wrong = [
        Requirement(
            "pydantic", "pydantic>=2,<3", "version 1.10 is installed, 2.x needed", "1.10.13"
        )
    ]
    text = dependency_bar.missing_message(wrong)
    assert "pydantic (version 1.10 is installed, 2.x needed)" in text
    assert "cannot be replaced" in text
    assert "/usr/bin/python3 -m pip install --upgrade" in text
    plain = dependency_bar.missing_message(
        [Requirement("shapely", "shapely>=1.8,<3", "not installed")]
    )
    assert "shapely (not installed)" in plain and "Install" in plain


def test_run_command_collects_output():
    result = deps.run_command([sys.executable, "-c", "print('hello'); print('pip')"], lambda: False)
    assert result.ok and result.returncode == 0
    assert result.output.splitlines() == ["hello", "pip"]


def test_run_command_reports_failure():
    result = deps.run_command([sys.executable, "-c", "import sys; sys.exit('no')"], lambda: False)
    assert not result.ok and result.returncode == 1 and "no" in result.output


def test_run_command_missing_program():
    result = deps.run_command(["/nonexistent/python"], lambda: False)
    assert not result.ok and result.returncode is None


def test_run_command_cancel_terminates():
    started = time.monotonic()
    result = deps.run_command(
        [sys.executable, "-c", "import time; time.sleep(60)"],
        lambda: time.monotonic() - started > 0.5,
        poll=0.05,
    )
    assert result.cancelled and not result.ok
    assert time.monotonic() - started < 20


def test_module_import_does_not_import_qgis_or_the_dependencies():
    root = str(Path(deps.__file__).resolve().parents[3])
    code = (
        f"import sys; sys.path[:0] = [{root!r}]\n"
        "import plugin.core.dependencies\n"
        "import plugin.core.dependencies.versions\n"
        "import plugin.core.dependencies.pip\n"
        "import plugin.gui.common.dependency_bar\n"
        "bad = [m for m in ('qgis', 'pydantic', 'shapely', 'requests') if m in sys.modules]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
