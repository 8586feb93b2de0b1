"""The message bar that tells the user which Python packages are missing: the text, the
Install button and the background task that runs pip.

QGIS is imported inside the functions that need it, so the messages are unit-testable and
the module imports under plain Python (the task is made on first use).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import Any, Optional

from ...core.dependencies.pip import (
    InstallResult,
    activate_target_dir,
    command_text,
    default_target_dir,
    distribution_hint,
    install_command,
    python_executable,
    run_command,
    upgrade_command,
)
from ...core.dependencies.versions import Requirement, describe, missing_dependencies
from ...core.i18n import tr


def install(
    requirements: Sequence[Requirement],
    target_dir: str,
    command: Optional[Sequence[str]],
    progress: Any,
) -> InstallResult:
    """Run pip in the calling thread (a task's worker); never raises."""
    try:
        argv = list(command) if command else install_command(requirements, target_dir)
        if not command:
            os.makedirs(target_dir, exist_ok=True)
        return run_command(argv, progress.is_cancelled)
    except Exception as exc:  # noqa: BLE001 - reported, never raised into QGIS
        return InstallResult(False, False, None, str(exc), list(command or []))


def DependencyInstallTask(  # noqa: N802 - reads as the task it makes
    requirements: Sequence[Requirement],
    target_dir: str,
    command: Optional[Sequence[str]] = None,
):
    """pip in a :class:`~plugin.core.tasks.WorkflowTask`; ``completed(InstallResult)`` on
    the main thread. QGIS is imported here, on first use."""
    from ...core.tasks import WorkflowTask

    return WorkflowTask(
        tr("EO Explorer: install Python packages"),
        lambda progress: install(requirements, target_dir, command, progress),
        failed=lambda error: InstallResult(False, False, None, str(error), list(command or [])),
        succeeded=lambda result: result.ok,
    )


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

    from ...core import log

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
        task = DependencyInstallTask(missing, folder)
        task.completed.connect(lambda result: done(task, result))
        _RUNNING.append(task)
        QgsApplication.taskManager().addTask(task)

    button.clicked.connect(start)
    bar.pushWidget(item, Qgis.MessageLevel.Warning)
    return item
