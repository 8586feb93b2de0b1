"""Fixtures of the application tier: the sandbox servers, the plugin zip in a fresh
profile, and one QGIS run per test module for the flows its tests ask for.

A test names its flow with ``@pytest.mark.flow("name")``; the module's ``app_run``
fixture runs the flows of the selected tests of that module, in order, in one QGIS
(``pytest tests/app -k drawn`` runs one flow). Nothing here skips: without ``qgis``,
``xvfb-run`` or ``import`` the tier fails.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.servers.sandbox.services import SERVICES, SandboxContext

from .harness import AppRun, build_zip, export_screenshots, make_profile, required, run_flows

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config, items):
    for item in items:
        if HERE in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.app)
            # QGIS start-up and the flows of the module run in the first test's setup
            item.add_marker(pytest.mark.timeout(170))


@pytest.fixture(scope="session")
def tools() -> dict[str, str]:
    found = {name: required(name) for name in ("qgis", "qgis_process", "xvfb-run", "import")}
    # Debian's /usr/bin/qgis_process wrapper adds $QGIS_OPTS from /etc/default/qgis
    # (--noversioncheck), which qgis_process refuses: run the binary behind it.
    found["qgis_process"] = shutil.which("qgis_process.bin") or found["qgis_process"]
    return found


@pytest.fixture(scope="session")
def sandbox(tmp_path_factory) -> Iterator[dict]:
    """The sandbox of ``make run`` (asset server, rustac, accounts), on free ports, in
    this process so the tests can read the requests the servers received."""
    workdir = tmp_path_factory.mktemp("sandbox")
    context = SandboxContext(workdir, options=argparse.Namespace(assets_rate=0))
    with contextlib.ExitStack() as stack:
        for service in SERVICES:
            server = service.factory(0, context)
            server.start()
            stack.callback(server.stop)
            context.servers[service.name] = server
        config: dict = {"stac": context.servers["stac"].url}
        for server in context.servers.values():
            if hasattr(server, "config"):
                config.update(server.config())
        path = workdir / "sandbox.json"
        path.write_text(json.dumps(config, indent=2))
        yield {"config": config, "config_path": path, "servers": context.servers}


@pytest.fixture(scope="session")
def plugin_zip(tmp_path_factory) -> Path:
    return build_zip(tmp_path_factory.mktemp("dist"))


def _flows(request) -> list[str]:
    names: list[str] = []
    for item in request.session.items:
        if item.module is not request.module:
            continue
        marker = item.get_closest_marker("flow")
        for name in marker.args if marker else ():
            if name not in names:
                names.append(name)
    return names


@pytest.fixture(scope="module")
def app_run(request, tools, sandbox, plugin_zip, tmp_path_factory) -> Iterator[AppRun]:
    """QGIS started once for the module's flows (again after a crash, for the rest)."""
    workdir = tmp_path_factory.mktemp(request.module.__name__.rsplit(".", 1)[-1])
    profiles = workdir / "profiles"
    make_profile(profiles, plugin_zip)
    env = {
        "EO_EXPLORER_SANDBOX_URL": sandbox["config"]["stac"],
        "EO_EXPLORER_SANDBOX_CONFIG": str(sandbox["config_path"]),
    }
    run = run_flows(workdir, profiles, _flows(request), env)
    print(json.dumps([{k: v for k, v in r.items() if k != "tail"} for r in run.runs]))
    if os.environ.get("EO_APP_SCREENSHOTS"):
        written = export_screenshots(run.screenshots, Path(os.environ["EO_APP_SCREENSHOTS"]))
        print("screenshots:", *[str(path) for path in written])
    yield run
    if run.exit_problems:
        pytest.fail("\n".join(run.exit_problems), pytrace=False)
