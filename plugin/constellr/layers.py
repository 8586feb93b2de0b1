"""Constellr on the map: AOI polygons from QGIS geometries, the AOI layer, delivery
footprints, and delivered LST rasters with the temperature ramp."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Optional

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsGeometry,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QCoreApplication

from ..api.assets import Asset, assets_of
from ..api.catalogs import Catalog
from ..api.footprints import convert_items
from ..api.http import HttpClient
from ..assets import streaming
from ..map import footprints as layers
from ..map import rasters
from ..map.areas import extent_area, geometries_area, geometry_from_geojson
from ..map.fields import field

AREAS_LAYER_KIND = "constellr_areas"
AREA_FIELDS = (
    ("id", "string"),
    ("name", "string"),
    ("description", "string"),
    ("bbox_width_m", "double"),
    ("bbox_height_m", "double"),
    ("created", "string"),
)


def tr(text: str) -> str:
    return QCoreApplication.translate("@default", text)  # pylupdate5 files tr() here


def _feature(polygon: dict[str, Any]) -> dict[str, Any]:
    return {"type": "Feature", "properties": {}, "geometry": polygon}


def geometry_geojson(
    geometry: QgsGeometry, crs: QgsCoordinateReferenceSystem, project: QgsProject
) -> dict[str, Any]:
    """One polygon (drawn or selected) as a GeoJSON Feature in EPSG:4326.

    Constellr takes exactly one polygon per area of interest: several parts, or a polygon
    that has to be cut at the antimeridian, raise ValueError with the explanation.
    """
    if geometry is None or geometry.isEmpty():
        raise ValueError(tr("There is no polygon."))
    if geometry.type() != QgsWkbTypes.GeometryType.PolygonGeometry:
        raise ValueError(tr("An area of interest must be a polygon."))
    parts = geometry.constGet().numGeometries() if geometry.isMultipart() else 1
    if parts > 1:
        raise ValueError(
            tr(
                "This feature has {n} parts, but a Constellr area of interest is one polygon. "
                "Split it (Vector ▸ Geometry Tools ▸ Multipart to Singleparts) and create "
                "one area per part."
            ).format(n=parts)
        )
    area = geometries_area([geometry], crs, project.transformContext())
    if area.geometry is None or area.geometry.get("type") != "Polygon":
        raise ValueError(
            tr(
                "This polygon crosses the antimeridian (180°), so it would become two "
                "polygons; Constellr takes one per area of interest. Draw one on each side."
            )
        )
    return _feature(area.geometry)


def extent_geojson(
    extent: QgsRectangle, crs: QgsCoordinateReferenceSystem, project: QgsProject
) -> dict[str, Any]:
    """The map extent as one polygon Feature in EPSG:4326."""
    area = extent_area(extent, crs, project.transformContext())
    if len(area.bboxes) != 1:
        raise ValueError(
            tr(
                "The map extent crosses the antimeridian (180°), so it would become two "
                "polygons; Constellr takes one per area of interest. Pan to one side."
            )
        )
    return _feature(area.as_intersects() or {})


def selection_geojson(layer: Optional[QgsVectorLayer], project: QgsProject) -> dict[str, Any]:
    """The one selected polygon of a layer (several selected features are explained)."""
    if layer is None or layer.selectedFeatureCount() == 0:
        raise ValueError(tr("Select one polygon in a layer first."))
    count = layer.selectedFeatureCount()
    if count > 1:
        raise ValueError(
            tr(
                "{n} features are selected, but an area of interest is one polygon. Select "
                "one, or create orders for every feature with the Processing algorithm "
                "'Create Constellr orders'."
            ).format(n=count)
        )
    feature = next(layer.getSelectedFeatures())
    return geometry_geojson(feature.geometry(), layer.crs(), project)


def fill_areas_layer(layer: QgsVectorLayer, areas: Sequence[Any]) -> None:
    """Replace the features of the AOI layer with ``areas`` (AreaOfInterest objects)."""
    provider = layer.dataProvider()
    provider.truncate()
    features = []
    for area in areas:
        feature = QgsFeature(layer.fields())
        try:
            feature.setGeometry(geometry_from_geojson(area.geometry))
        except Exception:  # noqa: BLE001 - an AOI the API stored oddly is listed, not drawn
            pass
        created = area.created.strftime("%Y-%m-%d %H:%M") if area.created else ""
        feature.setAttributes(
            [area.id, area.name, area.description or "", area.bbox_width, area.bbox_height, created]
        )
        features.append(feature)
    provider.addFeatures(features)
    layer.updateExtents()
    layer.triggerRepaint()


def existing_areas_layer(project: Optional[QgsProject] = None) -> Optional[QgsVectorLayer]:
    """The "Constellr areas of interest" layer if the project has it."""
    project = project or QgsProject.instance()
    for layer in project.mapLayers().values():
        if layer.customProperty("eo_explorer/kind") == AREAS_LAYER_KIND:
            return layer
    return None


def areas_layer(areas: Sequence[Any], project: Optional[QgsProject] = None) -> QgsVectorLayer:
    """The one "Constellr areas of interest" layer, created or updated."""
    project = project or QgsProject.instance()
    layer = existing_areas_layer(project)
    if layer is not None:
        fill_areas_layer(layer, areas)
        return layer
    layer = QgsVectorLayer("Polygon?crs=EPSG:4326", tr("Constellr areas of interest"), "memory")
    layer.dataProvider().addAttributes([field(name, kind) for name, kind in AREA_FIELDS])
    layer.updateFields()
    layer.setCustomProperty("eo_explorer/kind", AREAS_LAYER_KIND)
    symbol = layer.renderer().symbol() if layer.renderer() else None
    if symbol is not None:
        from qgis.PyQt.QtGui import QColor

        symbol.setColor(QColor(230, 110, 0, 60))
        symbol.symbolLayer(0).setStrokeColor(QColor(200, 80, 0))
    fill_areas_layer(layer, areas)
    layers.add_to_project(layer, project)
    return layer


def deliveries_layer(items: list[dict], name: str) -> Optional[QgsVectorLayer]:
    """The delivered items' footprints as a layer in the EO Explorer group."""
    conversion = convert_items(items)
    if not conversion.footprints:
        return None
    features = layers.to_features(conversion.footprints, layers.footprint_fields())
    layer = layers.create_footprints_layer(name, features)
    layers.add_to_project(layer)
    return layer


def lst_assets(items: list[dict]) -> list[Asset]:
    """The LST rasters of delivered items (asset ``lst``, else any raster asset)."""
    found = []
    for item in items:
        assets = [a for a in assets_of(item) if a.is_raster]
        chosen = [a for a in assets if a.key == "lst"] or assets[:1]
        found.extend(chosen)
    return found


def add_lst(source: str, asset: Asset):
    """A delivered raster (file or GDAL path) as a layer with the temperature ramp, its
    legend in the unit of the data (°C, or K)."""
    layer = rasters.add_raster(source, asset)
    if layer.bandCount() == 1 and rasters.style_kind(asset, 1) != "lst":
        rasters.apply_style(layer, "lst")  # a Constellr delivery is land-surface temperature
        node = QgsProject.instance().layerTreeRoot().findLayer(layer.id())
        if node is not None:
            rasters.show_legend(node, "lst")
    return layer


def stream_lst(asset: Asset, catalog: Catalog, http: HttpClient):
    """Open a delivered LST raster through GDAL with the workspace key, styled with its unit.

    The key goes only to the API's own host (see :func:`streaming.http_for_asset`).
    """
    return add_lst(streaming.stream_source(asset, catalog, http), asset)
