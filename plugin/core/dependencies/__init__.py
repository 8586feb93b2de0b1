"""The Python packages EO Explorer needs, and installing the missing ones from QGIS.

:mod:`.versions` says which are missing (pure Python, importable without QGIS);
:mod:`.pip` installs them into a folder of the QGIS profile; the message bar with the
Install button is :mod:`plugin.gui.common.dependency_bar`. Importing this package imports
neither QGIS nor the packages it checks.
"""

from __future__ import annotations

from .pip import (
    TARGET_FOLDER,
    InstallResult,
    activate_installed,
    activate_target_dir,
    command_text,
    companion_pins,
    default_target_dir,
    distribution_hint,
    install_command,
    python_executable,
    run_command,
    upgrade_command,
)
from .versions import (
    COMPANIONS,
    DEPENDENCIES,
    DISTRIBUTION_PACKAGES,
    Dependency,
    Requirement,
    check,
    describe,
    is_placeholder,
    missing_dependencies,
    parse_version,
    short_version,
)

__all__ = [
    "COMPANIONS",
    "DEPENDENCIES",
    "DISTRIBUTION_PACKAGES",
    "TARGET_FOLDER",
    "Dependency",
    "InstallResult",
    "Requirement",
    "activate_installed",
    "activate_target_dir",
    "check",
    "command_text",
    "companion_pins",
    "default_target_dir",
    "describe",
    "distribution_hint",
    "install_command",
    "is_placeholder",
    "missing_dependencies",
    "parse_version",
    "python_executable",
    "run_command",
    "short_version",
    "upgrade_command",
]
