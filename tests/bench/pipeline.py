"""In-process: json.loads of the captured pages against the plugin's whole parsing chain.

The chain is what SearchTask and the dock do per search: json.loads of every page,
``convert_items``, ``to_features``, then the memory layer's ``addFeatures`` (the heart of
``create_footprints_layer``; the whole function, style included, is timed separately).
"""

from __future__ import annotations

import gc
import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .data import BenchError


@dataclass
class PipelineRun:
    json_loads: float = 0.0  # the reference: json.loads of every page
    loads: float = 0.0  # json.loads inside the chain (same work, measured again)
    convert: float = 0.0
    features: float = 0.0
    add_features: float = 0.0
    create_layer: float = 0.0  # create_footprints_layer as a whole (incl. style)
    count: int = 0
    ids: set[str] = field(default_factory=set, repr=False)
    layer: Any = field(default=None, repr=False)

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

    from eo_explorer.plugin.layers import footprint_fields

    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4326", "bench", "memory")
    layer.dataProvider().addAttributes(footprint_fields().toList())
    layer.updateFields()
    return layer


def run_chain(
    bodies: Sequence[bytes],
    convert: Callable[[Any], Any] | None = None,
    to_features: Callable[[Any, Any], list] | None = None,
    quiet_gc: bool = False,
    page_items: Callable[[bytes], Any] | None = None,
) -> PipelineRun:
    """One pass over the pages; the keyword arguments swap in prototypes.

    The reference ``json.loads`` always runs with the garbage collector as it is.
    """
    from eo_explorer.plugin import layers
    from eo_explorer.plugin.api import footprints

    convert = convert or footprints.convert_items
    page_items = page_items or _page_items
    to_features = to_features or layers.to_features
    fields = layers.footprint_fields()
    result = PipelineRun()
    result.json_loads, _ = time_json_loads(bodies)

    features: list = []
    perf = time.perf_counter
    gc_was_enabled = gc.isenabled()
    if quiet_gc:
        gc.disable()
    try:
        _chain(bodies, page_items, convert, to_features, fields, features, result)
    finally:
        if quiet_gc and gc_was_enabled:
            gc.enable()
    index = result.layer.fields().indexOf("id")
    result.ids = {f.attribute(index) for f in result.layer.getFeatures()}
    result.count = result.layer.featureCount()
    result.layer = None

    t0 = perf()
    layers.create_footprints_layer("bench", features)
    result.create_layer = perf() - t0
    return result


def _page_items(body: bytes) -> Any:
    return json.loads(body)["features"]


def _chain(
    bodies, page_items, convert, to_features, fields, features: list, result: PipelineRun
) -> None:
    perf = time.perf_counter
    for body in bodies:
        t0 = perf()
        items = page_items(body)
        t1 = perf()
        conversion = convert(items)
        t2 = perf()
        features.extend(to_features(conversion.footprints, fields))
        t3 = perf()
        result.loads += t1 - t0
        result.convert += t2 - t1
        result.features += t3 - t2
        if conversion.rejected:
            raise BenchError(f"{len(conversion.rejected)} items rejected: {conversion.rejected[0]}")

    layer = empty_layer()
    t0 = perf()
    ok, _ = layer.dataProvider().addFeatures(features)
    result.add_features = perf() - t0
    if not ok:
        raise BenchError("addFeatures failed")
    result.layer = layer
