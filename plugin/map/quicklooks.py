"""Quicklook layers: a "Quicklooks" group right under its footprints layer.

The group belongs to one footprints layer (its id in the group's custom property), sits
just below it in the layer tree, so the footprint outlines are drawn over the pictures,
and holds one raster layer per item, named after the item.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsLayerTreeGroup, QgsLayerTreeLayer, QgsProject, QgsRasterLayer

GROUP_NAME = "Quicklooks"
# Custom properties: the group's ``eo_explorer/quicklooks_of`` is its footprints layer's id,
# a quicklook layer's ``eo_explorer/quicklook_fid`` the id of its footprint.


def _groups(node: QgsLayerTreeGroup):
    for child in node.children():
        if isinstance(child, QgsLayerTreeGroup):
            yield child
            yield from _groups(child)


def find_group(layer_id: str, project: QgsProject | None = None) -> QgsLayerTreeGroup | None:
    root = (project or QgsProject.instance()).layerTreeRoot()
    for group in _groups(root):
        if group.customProperty("eo_explorer/quicklooks_of") == layer_id:
            return group
    return None


def quicklooks_group(footprints, project: QgsProject | None = None) -> QgsLayerTreeGroup:
    """The footprints layer's group, made right under it when it has none yet."""
    project = project or QgsProject.instance()
    group = find_group(footprints.id(), project)
    if group is not None:
        return group
    root = project.layerTreeRoot()
    node = root.findLayer(footprints.id())
    parent = node.parent() if node is not None else None
    if not isinstance(parent, QgsLayerTreeGroup):
        parent = root
    index = parent.children().index(node) + 1 if node in parent.children() else 0
    group = parent.insertGroup(index, GROUP_NAME)
    group.setCustomProperty("eo_explorer/quicklooks_of", footprints.id())
    return group


def shown_fids(group: QgsLayerTreeGroup | None) -> set[int]:
    """The footprints whose quicklook is in the group."""
    if group is None:
        return set()
    found = set()
    for node in group.findLayers():
        value = (
            node.layer().customProperty("eo_explorer/quicklook_fid")
            if node.layer() is not None
            else None
        )
        if value is not None:
            found.add(int(value))
    return found


def add_quicklook(
    group: QgsLayerTreeGroup, fid: int, item_id: str, path: Path, project: QgsProject | None = None
) -> QgsRasterLayer | None:
    """A raster layer of the quicklook at ``path`` in ``group`` (None: GDAL cannot open it)."""
    project = project or QgsProject.instance()
    layer = QgsRasterLayer(str(path), item_id, "gdal")
    if not layer.isValid():
        return None
    layer.setCustomProperty("eo_explorer/kind", "quicklook")
    layer.setCustomProperty("eo_explorer/quicklook_fid", int(fid))
    project.addMapLayer(layer, False)
    node: QgsLayerTreeLayer = group.addLayer(layer)
    node.setExpanded(False)  # three band legends per picture would fill the tree
    return layer


def remove_group(layer_id: str, project: QgsProject | None = None) -> bool:
    """Remove the quicklooks of a footprints layer (their files stay in the folder)."""
    project = project or QgsProject.instance()
    group = find_group(layer_id, project)
    if group is None:
        return False
    ids = [node.layerId() for node in group.findLayers()]
    if ids:
        project.removeMapLayers(ids)
    parent = group.parent()
    if parent is not None:
        parent.removeChildNode(group)
    return True
