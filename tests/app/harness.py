"""Start the real ``qgis`` desktop application with the packaged plugin and a start-up
script (``qgis --code``), as QGIS's own test runner does, and read what the script wrote.

The plugin is installed as a user installs it: the zip from ``.ci/package.py build`` is
unpacked into a fresh profile's ``python/plugins`` and enabled in the profile's
``QGIS/QGIS3.ini``; the venv's site-packages come first on ``PYTHONPATH`` (that is where
users' pip puts pydantic and shapely; ``make run`` does the same).

The start-up script (``inside_qgis.py``) runs the flows it is given one after the other
and rewrites the results file after each step, so when QGIS dies the flow that was running
is known: :func:`run_flows` then records the crash against that flow and starts QGIS again
for the flows after it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
PROFILE = "eo-app"
#: the X screen QGIS runs on: a 1366x768 laptop unless EO_APP_SCREEN says otherwise
SCREEN = os.environ.get("EO_APP_SCREEN", "1366x768x24")
#: the screenshots the README shows; ``EO_APP_SCREENSHOTS=<folder>`` (``make screenshots``)
#: copies them there as ``<name>-<width>x<height>.png``, reduced to 256 colours
README_SHOTS = (
    "search-dock",
    "search-quicklooks",
    "process-dock",
    "constellr-areas",
    "constellr-orders",
    "time-series",
    "async-dock",
    "batch",
)


def required(name: str) -> str:
    """The executable ``name`` from PATH; a missing one fails the tier (never a skip)."""
    found = shutil.which(name)
    if not found:
        raise AssertionError(
            f"{name!r} is not on PATH: the application tier needs the QGIS desktop "
            "application, qgis_process and Xvfb (apt-get install qgis xvfb imagemagick)."
        )
    return found


def build_zip(dist: Path) -> Path:
    """``.ci/package.py build --dist dist``: the zip a user installs."""
    done = subprocess.run(
        [sys.executable, str(REPO / ".ci" / "package.py"), "build", "--dist", str(dist)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    zips = sorted(dist.glob("eo_explorer-*.zip"))
    assert zips, f"no plugin zip in {dist}: {done.stdout}"
    return zips[-1]


def make_profile(profiles: Path, plugin_zip: Path, name: str = PROFILE) -> Path:
    """A fresh QGIS profile under ``qgis --profiles-path profiles`` (which keeps its
    profiles in ``profiles/profiles/<name>``) with the plugin unpacked and enabled."""
    profile = profiles / "profiles" / name
    plugins = profile / "python" / "plugins"
    plugins.mkdir(parents=True)
    with zipfile.ZipFile(plugin_zip) as archive:
        archive.extractall(plugins)
    assert (plugins / "eo_explorer" / "metadata.txt").exists()
    ini = profile / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True)
    ini.write_text(
        "[PythonPlugins]\neo_explorer=true\n\n"
        # no news feed, no version check, no tips: nothing that needs the internet or a click
        "[core]\nNewsFeed\\httpsfeedqgisorg\\disabled=true\n\n"
        "[qgis]\ncheckVersion=false\nshowTips=false\n\n"
        # quitting with the footprint layers (memory layers) asks nothing
        "[app]\naskToSaveMemoryLayers=false\n",
        encoding="utf-8",
    )
    return profile


def qgis_environment(extra: dict[str, str]) -> dict[str, str]:
    """The environment of the ``qgis`` child: no offscreen platform (the desktop
    application crashes with it), the venv's site-packages first on PYTHONPATH."""
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)
    env.pop("PYTHONPATH", None)
    site = sysconfig.get_paths()["purelib"]
    env["PYTHONPATH"] = site
    env["PYTHONFAULTHANDLER"] = "1"
    env["PYTHONUNBUFFERED"] = "1"
    env.update(extra)
    return env


@dataclass
class FlowResult:
    """What a flow reported from inside QGIS, or how QGIS ended while it ran."""

    name: str
    status: str = "not run"  # passed, error, crashed, not run
    data: dict = field(default_factory=dict)
    error: str = ""
    steps: list = field(default_factory=list)

    def check(self) -> dict:
        """The flow's data; fails with what happened inside QGIS otherwise."""
        if self.status != "passed":
            raise AssertionError(
                f"flow {self.name!r} {self.status} inside QGIS "
                f"(last steps: {self.steps[-5:]}):\n{self.error}"
            )
        return self.data


@dataclass
class AppRun:
    """The results of the flows of one or more QGIS runs."""

    flows: dict[str, FlowResult]
    runs: list[dict]
    screenshots: dict[str, str]
    #: QGIS did not quit cleanly after all its flows finished (checked at module teardown)
    exit_problems: list[str] = field(default_factory=list)

    def __getitem__(self, name: str) -> FlowResult:
        return self.flows[name]


def _read(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def run_qgis(
    workdir: Path, profiles: Path, flows: list[str], env: dict[str, str], timeout: float
) -> tuple[int, str, dict]:
    """One QGIS run of ``flows``; returns (exit code, tail of its output, results)."""
    qgis = required("qgis")
    xvfb = required("xvfb-run")
    results = workdir / "results.json"
    results.unlink(missing_ok=True)
    log = workdir / "qgis.log"
    command = [
        xvfb,
        "-a",
        "-s",
        f"-screen 0 {SCREEN}",
        qgis,
        "--profiles-path",
        str(profiles),
        "--profile",
        PROFILE,
        "--nologo",
        "--noversioncheck",
        "--code",
        str(HERE / "inside_qgis.py"),
    ]
    child_env = qgis_environment(
        {
            **env,
            "EO_APP_DIR": str(HERE),
            "EO_APP_FLOWS": ",".join(flows),
            "EO_APP_RESULTS": str(results),
            "EO_APP_WORK": str(workdir),
            "EO_APP_TIMEOUT": f"{timeout:.0f}",
        }
    )
    with open(log, "wb") as out:
        child = subprocess.Popen(
            command,
            env=child_env,
            cwd=workdir,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: xvfb-run, Xvfb and qgis
        )
        try:
            code = child.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, 15)
            try:
                child.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(child.pid, 9)
                child.wait()
            code = -1
    output = log.read_text(encoding="utf-8", errors="replace")
    tail = "\n".join(output.splitlines()[-40:])
    if code == -1:
        # the stacks faulthandler wrote before the stop are longer than 40 lines
        tail = "\n".join(output.splitlines()[-150:])
        tail = f"QGIS did not finish within {timeout:.0f} s and was stopped.\n{tail}"
    return code, tail, _read(results)


def run_flows(
    workdir: Path, profiles: Path, flows: list[str], env: dict[str, str], budget: float = 160
) -> AppRun:
    """Run ``flows`` in QGIS; after a crash, start QGIS again for the flows not yet run,
    all within ``budget`` seconds (below pytest's faulthandler_timeout of 180 s)."""
    deadline = time.monotonic() + budget
    results = {name: FlowResult(name) for name in flows}
    runs: list[dict] = []
    screenshots: dict[str, str] = {}
    exit_problems: list[str] = []
    todo = list(flows)
    attempt = 0
    while todo:
        timeout = deadline - time.monotonic()
        if timeout < 20:
            for name in todo:
                results[name].error = f"no time left in the tier's {budget:.0f} s to run it"
            break
        attempt += 1
        rundir = workdir / f"run{attempt}"
        rundir.mkdir(parents=True, exist_ok=True)
        started = time.monotonic()
        code, tail, report = run_qgis(rundir, profiles, todo, env, timeout)
        runs.append(
            {
                "flows": list(todo),
                "exit_code": code,
                "seconds": round(time.monotonic() - started, 1),
                "tail": tail,
                "qgis": report.get("qgis", ""),
            }
        )
        screenshots.update(report.get("screenshots", {}))
        reported = report.get("flows", {})
        if not reported:
            # QGIS never reached the flows (start-up, plugin loading): no retry helps.
            for name in todo:
                result = results[name]
                result.status = "crashed"
                result.error = f"QGIS exited with code {code} before running any flow:\n{tail}"
            break
        crashed_at = None
        for name in todo:
            entry = reported.get(name)
            if entry is None:
                continue
            result = results[name]
            result.data = entry.get("data", {})
            result.steps = entry.get("steps", [])
            result.error = entry.get("error", "")
            result.status = entry.get("status", "started")
            if result.status == "started":
                crashed_at = name
        clean = code == 0 and report.get("finished")
        if crashed_at is None and not clean:
            # Died between two flows: blame the first one not finished. When all had
            # finished, QGIS failed to quit: reported at the module's teardown.
            unfinished = [n for n in todo if results[n].status in ("not run", "started")]
            crashed_at = unfinished[0] if unfinished else None
            if crashed_at is None:
                hang = report.get("quit_hang")
                exit_problems.append(
                    f"QGIS exited with code {code} after the flows {todo} had finished"
                    + (f"; windows still open: {hang}" if hang is not None else "")
                    + f"\n{tail}"
                )
                break
        if crashed_at is None:
            break
        result = results[crashed_at]
        result.status = "crashed"
        result.error = f"QGIS exited with code {code} during this flow:\n{tail}"
        todo = todo[todo.index(crashed_at) + 1 :]
    return AppRun(results, runs, screenshots, exit_problems)


def export_screenshots(screenshots: dict[str, str], folder: Path) -> list[Path]:
    """The README's screenshots among ``screenshots`` written into ``folder``, named after
    the screen, as palette PNGs (a tenth of the size; dialogs and maps keep their look)."""
    from PIL import Image, features

    width, height, _depth = SCREEN.split("x")
    method = (
        Image.Quantize.LIBIMAGEQUANT
        if features.check("libimagequant")
        else Image.Quantize.MEDIANCUT
    )
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in README_SHOTS:
        source = screenshots.get(name)
        if not source or not Path(source).exists():
            continue
        target = folder / f"{name}-{width}x{height}.png"
        with Image.open(source) as image:
            image.convert("RGB").quantize(colors=256, method=method).save(target, optimize=True)
        written.append(target)
    return written
