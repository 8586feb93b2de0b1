"""The missing-dependencies message bar and the install task, with a real QgsMessageBar."""

from __future__ import annotations

import sys
import time

import pytest
from qgis.core import QgsApplication, QgsTask
from qgis.gui import QgsMessageBar
from qgis.PyQt.QtWidgets import QPushButton

from eo_explorer.plugin.core.dependencies import Requirement
from eo_explorer.plugin.gui.common import dependency_bar as bar

MISSING = [Requirement("shapely", "shapely>=1.8,<3", "not installed")]
WRONG = [
    Requirement("pydantic", "pydantic>=2,<3", "version 1.10 is installed, 2.x needed", "1.10.13")
]


class FakeIface:
    def __init__(self) -> None:
        self.bar = QgsMessageBar()

    def messageBar(self) -> QgsMessageBar:
        return self.bar


def wait_for(app, condition, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        app.processEvents()
        time.sleep(0.01)


def buttons(item) -> list[QPushButton]:
    return item.findChildren(QPushButton)


def install_buttons(item) -> list[QPushButton]:
    return [b for b in buttons(item) if b.text() == "Install"]


def test_missing_package_offers_install(qgis_app):
    iface = FakeIface()
    item = bar.notify_missing(iface, MISSING, target_dir="/tmp/unused")
    assert iface.bar.currentItem() is item
    assert "shapely (not installed)" in item.text()
    assert len(install_buttons(item)) == 1


def test_wrong_version_tells_the_upgrade_command_without_install(qgis_app):
    iface = FakeIface()
    item = bar.notify_missing(iface, WRONG + MISSING, target_dir="/tmp/unused")
    assert "pydantic (version 1.10 is installed, 2.x needed)" in item.text()
    assert "-m pip install --upgrade" in item.text()
    assert install_buttons(item) == []


def test_install_button_runs_pip_and_reports_success(qgis_app, tmp_path, monkeypatch):
    commands = []

    def fake_install_command(requirements, target_dir, python=None):
        commands.append((list(requirements), target_dir))
        return [sys.executable, "-c", "print('Successfully installed shapely')"]

    monkeypatch.setattr(bar, "install_command", fake_install_command)
    monkeypatch.setattr(sys, "path", list(sys.path))
    installed = []
    iface = FakeIface()
    item = bar.notify_missing(
        iface, MISSING, lambda: installed.append(True), target_dir=str(tmp_path / "deps")
    )
    install_buttons(item)[0].click()
    wait_for(qgis_app, lambda: installed)
    assert commands == [(MISSING, str(tmp_path / "deps"))]
    assert sys.path[-1] == str(tmp_path / "deps")  # appended, never in front
    assert "Installed shapely>=1.8,<3" in iface.bar.currentItem().text()


def test_failed_install_is_reported(qgis_app, tmp_path, monkeypatch):
    monkeypatch.setattr(
        bar,
        "install_command",
        lambda r, t, python=None: [
            sys.executable,
            "-c",
            "import sys; print('ERROR: no network'); sys.exit(1)",
        ],
    )
    iface = FakeIface()
    installed = []
    bar.notify_missing(
        iface, MISSING, lambda: installed.append(True), target_dir=str(tmp_path / "deps")
    )
    install_buttons(iface.bar.currentItem())[0].click()
    wait_for(qgis_app, lambda: "could not be installed" in iface.bar.currentItem().text())
    assert not installed


@pytest.mark.timeout(60)
def test_install_task_can_be_cancelled(qgis_app, tmp_path):
    task = bar.DependencyInstallTask(
        MISSING, str(tmp_path), command=[sys.executable, "-c", "import time; time.sleep(60)"]
    )
    results = []
    task.completed.connect(results.append)
    QgsApplication.taskManager().addTask(task)
    wait_for(qgis_app, lambda: task.status() == QgsTask.TaskStatus.Running)
    task.cancel()
    wait_for(qgis_app, lambda: results)
    assert results[0].cancelled and not results[0].ok


def test_the_install_task_starts_where_pydantic_and_requests_are_missing(tmp_path):
    """The Install button runs exactly when the plugin's dependencies are missing: its task
    (the one task idiom, plugin.core.tasks) must not need them."""
    import subprocess
    from pathlib import Path

    repo = Path(__file__).resolve().parents[3]
    code = f"""
import builtins, sys
sys.path.insert(0, {str(repo)!r})
real = builtins.__import__
def without(name, *args, **kwargs):
    if name.split(".")[0] in ("pydantic", "requests"):
        raise ImportError("No module named " + name)
    return real(name, *args, **kwargs)
builtins.__import__ = without
from qgis.core import QgsApplication
app = QgsApplication([], False)
app.initQgis()
from plugin.gui.common import dependency_bar as bar
from plugin.core.dependencies import Requirement
task = bar.DependencyInstallTask([Requirement("x", "x", "missing")], {str(tmp_path)!r})
assert task.description()
assert not [m for m in sys.modules if m.split(".")[0] in ("pydantic", "requests")]
print("ok")
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "ok" in done.stdout, done.stderr[-2000:]
