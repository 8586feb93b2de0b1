"""What each sandbox sensor's STAC metadata looks like: ids, properties, assets, summaries.

Kinds: "optical" (Sentinel-2 L2A), "sar" (Sentinel-1 GRD, no ``eo:cloud_cover``) and
"lst" (Constellr-like land surface temperature on small areas of interest). Property names
follow the STAC extensions listed in ``EXTENSIONS`` (eo 1.1, projection 1.1 = ``proj:epsg``,
sat 1.0, sar 1.0, view 1.0, file 2.1).
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone
from typing import Any, NamedTuple

from tests.servers.sandbox.layout import fmt_dt

COG = "image/tiff; application=geotiff; profile=cloud-optimized"
EXTENSIONS = {
    "eo": "https://stac-extensions.github.io/eo/v1.1.0/schema.json",
    "proj": "https://stac-extensions.github.io/projection/v1.1.0/schema.json",
    "file": "https://stac-extensions.github.io/file/v2.1.0/schema.json",
    "sat": "https://stac-extensions.github.io/sat/v1.0.0/schema.json",
    "sar": "https://stac-extensions.github.io/sar/v1.0.0/schema.json",
    "view": "https://stac-extensions.github.io/view/v1.0.0/schema.json",
    "item_assets": "https://stac-extensions.github.io/item-assets/v1.0.0/schema.json",
}


class Kind(NamedTuple):
    platforms: tuple[str, ...]
    constellation: str
    instruments: list[str]
    gsd: int
    solar_hour: float  # local solar time of the (descending) overpass
    extensions: tuple[str, ...]
    size: float  # footprint height in degrees


KINDS = {
    "optical": Kind(
        ("sentinel-2a", "sentinel-2b"),
        "sentinel-2",
        ["msi"],
        10,
        10.5,
        ("eo", "proj", "file", "sat", "view"),
        1.0,
    ),
    "sar": Kind(
        ("sentinel-1a",), "sentinel-1", ["c-sar"], 10, 6.0, ("sar", "sat", "proj", "file"), 1.6
    ),
    "lst": Kind(("skybee-1",), "hive", ["tir"], 30, 11.0, ("proj", "file", "view"), 0.12),
}

# (asset key, file name, media type, roles, title, min size, max size) per kind
_ASSETS = {
    "optical": [("visual", "visual.tif", COG, ["visual"], "True colour image", 8e7, 2.4e8)],
    "sar": [
        ("visual", "visual.tif", COG, ["visual"], "VV/VH false colour composite", 8e7, 2.4e8),
        ("vv", "vv.tif", COG, ["data"], "VV backscatter", 3e8, 6e8),
        ("vh", "vh.tif", COG, ["data"], "VH backscatter", 3e8, 6e8),
    ],
    "lst": [
        ("visual", "visual.tif", COG, ["visual"], "LST colour composite", 2e5, 9e5),
        ("lst", "lst.tif", COG, ["data"], "Land surface temperature (K)", 3e5, 2e6),
    ],
}
_S2_BANDS = (
    "B01 coastal 0.443, B02 blue 0.49, B03 green 0.56, B04 red 0.665, B05 rededge 0.704, "
    "B06 rededge 0.74, B07 rededge 0.783, B08 nir 0.842, B8A nir08 0.865, B09 nir09 0.945, "
    "B11 swir16 1.61, B12 swir22 2.19"
)
_SAR_CONSTANTS = {
    "sar:instrument_mode": "IW",
    "sar:frequency_band": "C",
    "sar:center_frequency": 5.405,
    "sar:polarizations": ["VV", "VH"],
    "sar:product_type": "GRD",
    "sar:resolution_range": 20.0,
    "sar:resolution_azimuth": 22.0,
    "sar:pixel_spacing_range": 10.0,
    "sar:pixel_spacing_azimuth": 10.0,
    "sar:looks_range": 5,
    "sar:looks_azimuth": 1,
    "sar:observation_direction": "right",
}


def assets(rng: random.Random, kind: str, base: str) -> dict:
    """``thumbnail`` (PNG) + ``visual`` (COG) + the kind's data assets, under href ``base``."""
    specs = [("thumbnail", "thumbnail.png", "image/png", ["thumbnail"], "Thumbnail", 2e4, 9e4)]
    out = {}
    for key, name, media_type, roles, title, low, high in specs + _ASSETS[kind]:
        out[key] = {"href": f"{base}/{name}", "type": media_type, "roles": roles, "title": title}
        out[key]["file:size"] = rng.randint(int(low), int(high))
    return out


def item_assets(kind: str) -> dict:
    """Collection ``item_assets``: the item assets without href and size."""
    return {
        key: {f: v for f, v in asset.items() if f not in ("href", "file:size")}
        for key, asset in assets(random.Random(0), kind, "").items()
    }


def cloud_cover(rng: random.Random) -> float:
    """Mostly clear or mostly cloudy, like real Sentinel-2 statistics; sometimes exactly 0/100."""
    r = rng.random()
    if r < 0.05:
        return 0.0
    if r < 0.12:
        return 100.0
    return round(rng.betavariate(0.55, 0.8) * 100, 2)


def id_and_properties(
    rng: random.Random, kind: str, tile: dict, dt: datetime, platform: str
) -> tuple[str, dict[str, Any]]:
    """Item id (real naming scheme of the product) and kind-specific properties."""
    stamp = dt.strftime("%Y%m%dT%H%M%S")
    if kind == "optical":
        proc = dt + timedelta(minutes=rng.randint(40, 180))
        item_id = (
            f"S2{platform[-1].upper()}_MSIL2A_{stamp}_N0511_R{tile['orbit']:03d}"
            f"_T{tile['name']}_{proc:%Y%m%dT%H%M%S}"
        )
        return item_id, {
            "eo:cloud_cover": cloud_cover(rng),
            "grid:code": f"MGRS-{tile['name']}",
            "sat:orbit_state": "descending",
            "sat:relative_orbit": tile["orbit"],
            "view:sun_elevation": round(rng.uniform(15, 65), 2),
            "view:sun_azimuth": round(rng.uniform(140, 175), 2),
        }
    if kind == "sar":
        stop = dt + timedelta(seconds=25)
        absolute = 51_800 + (dt - datetime(2024, 1, 1, tzinfo=timezone.utc)).days * 175 // 12
        item_id = (
            f"S1A_IW_GRDH_1SDV_{stamp}_{stop:%Y%m%dT%H%M%S}_{absolute:06d}"
            f"_{rng.randrange(16**6):06X}_{rng.randrange(16**4):04X}_COG"
        )
        return item_id, {
            "end_datetime": fmt_dt(stop),
            "proj:epsg": 4326,  # GRD COGs are delivered in geographic coordinates here
            **_SAR_CONSTANTS,
            "sat:orbit_state": "ascending" if tile["asc"] else "descending",
            "sat:relative_orbit": tile["orbit"],
            "sat:absolute_orbit": absolute,
        }
    return f"LSTfusion_AOI{tile['n']:02d}_{stamp}", {
        "view:sun_elevation": round(rng.uniform(15, 65), 2)
    }


def summaries(kind: str) -> tuple[list[str], dict[str, Any]]:
    """Collection extensions and ``summaries``; ``eo:cloud_cover`` only for "optical"."""
    k = KINDS[kind]
    out: dict[str, Any] = {
        "platform": list(k.platforms),
        "constellation": [k.constellation],
        "instruments": k.instruments,
        "gsd": [k.gsd],
    }
    if kind == "optical":
        bands = [band.split() for band in _S2_BANDS.split(", ")]
        out["gsd"] = [10, 20, 60]
        out["eo:cloud_cover"] = {"minimum": 0, "maximum": 100}
        out["eo:bands"] = [
            {"name": n, "common_name": c, "center_wavelength": float(w)} for n, c, w in bands
        ]
        return ["item_assets", "eo"], out
    if kind == "sar":
        for key in ("instrument_mode", "frequency_band", "center_frequency", "product_type"):
            out[f"sar:{key}"] = [_SAR_CONSTANTS[f"sar:{key}"]]
        out["sar:polarizations"] = ["VV", "VH"]
        out["sat:orbit_state"] = ["ascending", "descending"]
        return ["item_assets", "sar"], out
    return ["item_assets"], out
