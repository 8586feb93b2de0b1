"""``qgis_process run eo_explorer:search_catalog`` with a polygon AREA: the packaged plugin
in a fresh profile, pydantic and shapely from pip on PYTHONPATH (as a user has them).
qgis_process links GEOS into the process as the desktop application does."""

from __future__ import annotations

import json
import os
import subprocess
import zipfile

from osgeo import ogr

from .expected import JUNE, S2, expected_ids, polygon
from .harness import qgis_environment

#: a polygon over the Alps and the south of Germany (lon/lat)
AREA = [(8.0, 45.5), (13.0, 46.0), (12.5, 49.0), (8.5, 48.5)]


def footprint_ids(path) -> list[str]:
    source = ogr.Open(str(path))
    assert source is not None, f"{path} is not a vector file"
    layer = source.GetLayer(0)
    return [feature.GetField("id") for feature in layer]


def test_qgis_process_searches_a_polygon_area(tools, sandbox, plugin_zip, tmp_path):
    config = tmp_path / "config"
    plugins = config / "profiles" / "default" / "python" / "plugins"
    plugins.mkdir(parents=True)
    with zipfile.ZipFile(plugin_zip) as archive:
        archive.extractall(plugins)
    area = tmp_path / "area.geojson"
    ring = [list(p) for p in AREA + AREA[:1]]
    area.write_text(
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    {
                        "type": "Feature",
                        "properties": {"name": "alps"},
                        "geometry": {"type": "Polygon", "coordinates": [ring]},
                    }
                ],
            }
        )
    )
    (tmp_path / "xdg").mkdir(mode=0o700)
    env = qgis_environment(
        {
            "QGIS_CUSTOM_CONFIG_PATH": str(config),
            "QT_QPA_PLATFORM": "offscreen",  # qgis_process has no window
            "XDG_RUNTIME_DIR": str(tmp_path / "xdg"),
        }
    )

    def qgis_process(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [tools["qgis_process"], *args],
            env=env,
            cwd=tmp_path,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    enabled = qgis_process("plugins", "enable", "eo_explorer")
    assert enabled.returncode == 0, enabled.stdout + enabled.stderr
    output = tmp_path / "footprints.gpkg"
    done = qgis_process(
        "--json",
        "run",
        "eo_explorer:search_catalog",
        "--",
        f"CATALOG={sandbox['config']['stac']}",
        f"COLLECTIONS={S2}",
        f"AREA={area}",
        "START=2024-06-01",
        "END=2024-06-30",
        f"OUTPUT={output}",
    )
    code, tail = done.returncode, "\n".join((done.stdout + done.stderr).splitlines()[-40:])
    assert code == 0, f"qgis_process exited with code {code}:\n{tail}"
    answer = json.loads(done.stdout[done.stdout.index("{") :])
    expected = expected_ids(polygon(AREA), JUNE)
    assert expected, "the area was chosen to hold sandbox items"
    assert answer["results"]["COUNT"] == len(expected)
    assert sorted(footprint_ids(output)) == sorted(expected)
    assert os.path.getsize(output) > 0
