"""The QGIS project ``make run`` opens: country outlines and where the sandbox has data.

    python -m tests.servers.sandbox.project OUTDIR

writes ``OUTDIR/sandbox-basemap.gpkg`` and ``OUTDIR/sandbox.qgs`` (existing files are
replaced) and prints the project's path. Nothing is downloaded: the outlines are the
``countries`` layer of the world map QGIS ships (``resources/data/world_map.gpkg`` of its
install), copied with their names only. A second layer outlines the areas the sandbox
catalogs cover (:data:`COVERAGE`), labelled, so a new user sees where to search. The map
opens in Web Mercator on the dense Sentinel-2 area over central Europe
(:data:`START_EXTENT`). The project is a file in ``OUTDIR``: the user's own projects and
profile are not touched.

Runs PyQGIS without a display (``QT_QPA_PLATFORM=offscreen`` is set for this process
only; the desktop QGIS that opens the project is started separately).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

__all__ = ["COVERAGE", "START_EXTENT", "write_project"]

#: Lon/lat boxes of the sandbox data (see tests/servers/README.md), with their labels.
COVERAGE = (
    ("Sentinel-2 L2A: 50 tiles, Constellr LST: 8 areas", (4.0, 44.0, 16.0, 52.0)),
    ("Sentinel-1 GRD: 30 frames", (0.0, 43.0, 18.0, 55.0)),
    ("Sentinel-2 L2A over Fiji (antimeridian)", (176.0, -21.0, 180.0, -15.0)),
)
#: Where the map opens (lon/lat): the Sentinel-2 and Sentinel-1 areas with a margin.
START_EXTENT = (-1.5, 42.0, 19.5, 56.0)
PROJECT_CRS = "EPSG:3857"


def _world_map() -> Path:
    from qgis.core import QgsApplication

    path = Path(QgsApplication.pkgDataPath()) / "resources" / "data" / "world_map.gpkg"
    if not path.is_file():
        raise FileNotFoundError(f"QGIS's world map is not at {path}")
    return path


def _write_layers(gpkg: Path) -> None:
    from osgeo import gdal, ogr, osr

    gdal.UseExceptions()
    if gpkg.exists():
        gpkg.unlink()
    gdal.VectorTranslate(
        str(gpkg),
        str(_world_map()),
        options=gdal.VectorTranslateOptions(
            format="GPKG",
            SQLStatement="SELECT geom, NAME AS name FROM countries",
            layerName="countries",
        ),
    )
    data = ogr.Open(str(gpkg), 1)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    layer = data.CreateLayer("sandbox_coverage", srs, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("name", ogr.OFTString))
    for name, (w, s, e, n) in COVERAGE:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("name", name)
        feature.SetGeometry(
            ogr.CreateGeometryFromWkt(f"POLYGON(({w} {s},{e} {s},{e} {n},{w} {n},{w} {s}))")
        )
        layer.CreateFeature(feature)
    data = None


def _text_format(size: float, colour: tuple):
    """A label format in a font this system has (the offscreen platform's own default,
    "DejaVu LGC Sans", is often not installed, and the desktop would warn about it)."""
    from qgis.core import QgsTextFormat
    from qgis.PyQt.QtGui import QColor, QFont, QFontDatabase

    families = set(QFontDatabase().families())
    family = next(
        (f for f in ("DejaVu Sans", "Noto Sans", "Liberation Sans", "Arial") if f in families),
        QFont().defaultFamily(),
    )
    text = QgsTextFormat()
    text.setFont(QFont(family))
    text.setSize(size)
    text.setColor(QColor(*colour))
    return text


def _style_countries(layer) -> None:
    from qgis.core import QgsFillSymbol, QgsPalLayerSettings, QgsVectorLayerSimpleLabeling

    layer.renderer().setSymbol(
        QgsFillSymbol.createSimple(
            {"color": "242,239,233", "outline_color": "150,150,150", "outline_width": "0.3"}
        )
    )
    labels = QgsPalLayerSettings()
    labels.fieldName = "name"
    labels.setFormat(_text_format(8, (110, 110, 110)))
    layer.setLabeling(QgsVectorLayerSimpleLabeling(labels))
    layer.setLabelsEnabled(True)


#: where the sandbox has data, outlined and labelled in this colour
COVERAGE_RGB = "106,61,154"


def _style_coverage(layer) -> None:
    from qgis.core import (
        QgsFillSymbol,
        QgsPalLayerSettings,
        QgsProperty,
        QgsVectorLayerSimpleLabeling,
    )

    layer.renderer().setSymbol(
        QgsFillSymbol.createSimple(
            {
                # dotted purple: neither the dashed blue of a drawn search area nor the
                # orange of footprints, so the three never read as one another
                "color": "0,0,0,0",
                "outline_color": COVERAGE_RGB,
                "outline_width": "0.5",
                "outline_style": "dot",
            }
        )
    )
    labels = QgsPalLayerSettings()
    labels.fieldName = "name"
    # in the top left corner of each box, so the labels of nested boxes do not pile up
    labels.placement = QgsPalLayerSettings.Placement.OverPoint
    props = labels.dataDefinedProperties()
    props.setProperty(QgsPalLayerSettings.PositionX, QgsProperty.fromExpression("x_min($geometry)"))
    props.setProperty(QgsPalLayerSettings.PositionY, QgsProperty.fromExpression("y_max($geometry)"))
    props.setProperty(QgsPalLayerSettings.Hali, QgsProperty.fromValue("Left"))
    props.setProperty(QgsPalLayerSettings.Vali, QgsProperty.fromValue("Bottom"))
    labels.setDataDefinedProperties(props)
    labels.displayAll = True  # never hidden behind a country name
    labels.priority = 10
    labels.setFormat(_text_format(10, tuple(int(v) for v in COVERAGE_RGB.split(","))))
    layer.setLabeling(QgsVectorLayerSimpleLabeling(labels))
    layer.setLabelsEnabled(True)


def write_project(outdir: os.PathLike | str) -> Path:
    """Write the basemap and the project into ``outdir``; return the project's path.
    Needs a running QgsApplication."""
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransform,
        QgsProject,
        QgsRectangle,
        QgsReferencedRectangle,
        QgsVectorLayer,
    )

    out = Path(outdir).resolve()
    out.mkdir(parents=True, exist_ok=True)
    gpkg = out / "sandbox-basemap.gpkg"
    _write_layers(gpkg)
    project = QgsProject()
    crs = QgsCoordinateReferenceSystem(PROJECT_CRS)
    project.setCrs(crs)
    project.setTitle("EO Explorer sandbox")
    coverage = QgsVectorLayer(
        f"{gpkg}|layername=sandbox_coverage", "Where the sandbox has data", "ogr"
    )
    countries = QgsVectorLayer(f"{gpkg}|layername=countries", "Countries", "ogr")
    for layer in (coverage, countries):
        if not layer.isValid():
            raise RuntimeError(f"cannot open {layer.source()}")
    _style_coverage(coverage)
    _style_countries(countries)
    project.addMapLayers([coverage, countries])  # first is on top
    transform = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:4326"), crs, project.transformContext()
    )
    extent = transform.transformBoundingBox(QgsRectangle(*START_EXTENT))
    project.viewSettings().setDefaultViewExtent(QgsReferencedRectangle(extent, crs))
    project.viewSettings().setPresetFullExtent(QgsReferencedRectangle(extent, crs))
    path = out / "sandbox.qgs"
    project.setFileName(str(path))
    if not project.write():
        raise RuntimeError(f"cannot write {path}: {project.error()}")
    _set_canvas_extent(path, extent)
    return path


def _set_canvas_extent(path: Path, extent) -> None:
    """A project written without a canvas has no ``<mapcanvas>``: add one whose extent
    QGIS restores when it opens the project (the default view extent is only used when
    that element is missing on some versions)."""
    import xml.etree.ElementTree as ET

    tree = ET.parse(path)
    root = tree.getroot()
    for old in root.findall("mapcanvas"):
        root.remove(old)
    canvas = ET.SubElement(root, "mapcanvas", {"name": "theMapCanvas", "annotationsVisible": "1"})
    ET.SubElement(canvas, "units").text = "meters"
    box = ET.SubElement(canvas, "extent")
    for tag, value in (
        ("xmin", extent.xMinimum()),
        ("ymin", extent.yMinimum()),
        ("xmax", extent.xMaximum()),
        ("ymax", extent.yMaximum()),
    ):
        ET.SubElement(box, tag).text = repr(value)
    ET.SubElement(canvas, "rotation").text = "0"
    dest = ET.SubElement(canvas, "destinationsrs")
    srs = ET.SubElement(dest, "spatialrefsys")
    ET.SubElement(srs, "authid").text = PROJECT_CRS
    tree.write(path, encoding="utf-8", xml_declaration=False)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m tests.servers.sandbox.project OUTDIR", file=sys.stderr)
        return 2
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    try:
        print(write_project(args[0]))
    finally:
        app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
