"""In-process: json.loads of the captured pages against the plugin's whole parsing chain.

The chain is what the plugin does per page, with the plugin's own functions:
``loads_page`` under ``paused_gc()`` (``StacClient.search``), then ``convert_items`` with
the page's item texts and ``to_features`` under one ``paused_gc()`` (``search.workflow``),
and finally the memory layer's ``addFeatures`` (the heart of ``create_footprints_layer``,
which is also timed as a whole, style included). The reference is plain ``json.loads``
of every page with the garbage collector as it is.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .data import BenchError


@dataclass
class PipelineRun:
    json_loads: float = 0.0  # the reference: json.loads of every page
    loads: float = 0.0  # loads_page inside the chain
    convert: float = 0.0
    features: float = 0.0
    add_features: float = 0.0
    create_layer: float = 0.0  # create_footprints_layer as a whole (incl. style)
    count: int = 0
    unsliced_pages: int = 0  # pages loads_page could not slice (json.loads fallback)
    ids: set[str] = field(default_factory=set, repr=False)

    @property
    def chain(self) -> float:
        return self.loads + self.convert + self.features + self.add_features


def time_json_loads(bodies: Sequence[bytes]) -> tuple[float, int]:
    start = time.perf_counter()
    count = 0
    for body in bodies:
        count += len(json.loads(body)["features"])
    return time.perf_counter() - start, count


def empty_layer():
    from qgis.core import QgsVectorLayer

    from eo_explorer.plugin.map.footprints import footprint_fields

    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4326", "bench", "memory")
    layer.dataProvider().addAttributes(footprint_fields().toList())
    layer.updateFields()
    return layer


def run_chain(bodies: Sequence[bytes]) -> PipelineRun:
    """One pass over the pages: the reference, then the plugin's chain."""
    from eo_explorer.plugin.map import footprints as layers

    result = PipelineRun()
    result.json_loads, _ = time_json_loads(bodies)
    features = _chain(bodies, result)

    layer = empty_layer()
    t0 = time.perf_counter()
    ok, _ = layer.dataProvider().addFeatures(features)
    result.add_features = time.perf_counter() - t0
    if not ok:
        raise BenchError("addFeatures failed")
    index = layer.fields().indexOf("id")
    result.ids = {f.attribute(index) for f in layer.getFeatures()}
    result.count = layer.featureCount()
    del layer

    t0 = time.perf_counter()
    layers.create_footprints_layer("bench", features)
    result.create_layer = time.perf_counter() - t0
    return result


def _chain(bodies: Sequence[bytes], result: PipelineRun) -> list[Any]:
    """Per page as in StacClient.search and search.workflow.search; returns the features."""
    from eo_explorer.plugin.api.footprints import convert_items
    from eo_explorer.plugin.api.pagejson import loads_page
    from eo_explorer.plugin.api.threads import paused_gc
    from eo_explorer.plugin.map.footprints import footprint_fields, to_features

    fields = footprint_fields()
    features: list[Any] = []
    perf = time.perf_counter
    for body in bodies:
        t0 = perf()
        with paused_gc():
            document, texts = loads_page(body)
        t1 = perf()
        if texts is None:
            result.unsliced_pages += 1
        with paused_gc():
            conversion = convert_items(document["features"], None, texts)
            t2 = perf()
            page_features = to_features(conversion.footprints, fields)
        t3 = perf()
        features.extend(page_features)
        result.loads += t1 - t0
        result.convert += t2 - t1
        result.features += t3 - t2
        if conversion.rejected:
            raise BenchError(f"{len(conversion.rejected)} items rejected: {conversion.rejected[0]}")
    return features
