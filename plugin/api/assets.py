"""STAC assets: what they are, where their bytes really are, and where they go on disk.

Href rules: ``http(s)`` is used as is; ``s3://`` uses the asset's ``alternate`` https href
when there is one (CDSE items carry ``alternate.https``), otherwise GDAL's ``/vsis3/``
with the user's S3 keys; anything else is reported, never guessed. File names come from
the href, are sanitised, and always stay inside ``<folder>/<collection>/<item id>/``;
``file:local_path`` (MAAP) is a hint that is sanitised like any other name.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote, urlsplit

RASTER_TYPES = ("image/tiff", "image/jp2", "image/vnd.stac.geotiff")
RASTER_SUFFIXES = (".tif", ".tiff", ".jp2", ".vrt", ".img", ".nc")
_RESERVED = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
_WINDOWS_NAMES = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{i}" for i in range(1, 10)),
    *(f"LPT{i}" for i in range(1, 10)),
}


class AssetProblem(ValueError):
    """An asset that cannot be fetched as it is described (said in words)."""


@dataclass(frozen=True)
class Location:
    """Where an asset's bytes are: an https URL or a GDAL ``/vsis3/`` path."""

    kind: str  # "https" or "s3"
    url: str  # https URL, or s3://bucket/key for kind "s3"

    @property
    def gdal_path(self) -> str:
        if self.kind == "s3":
            return "/vsis3/" + self.url[len("s3://") :]
        return "/vsicurl/" + self.url

    @property
    def host(self) -> str:
        return urlsplit(self.url).netloc


@dataclass
class Asset:
    """One asset of one item, with what the Assets pane shows."""

    item_id: str
    collection: str
    key: str
    href: str
    title: str = ""
    media_type: str = ""
    roles: tuple[str, ...] = ()
    size: int | None = None
    checksum: str = ""
    local_path: str = ""
    alternates: dict[str, str] = field(default_factory=dict)
    #: when the data was acquired (ISO 8601 text as the item gives it; "" when unknown):
    #: ``start_datetime``/``end_datetime``, or ``datetime`` for both
    start: str = ""
    end: str = ""

    @property
    def is_raster(self) -> bool:
        """Whether QGIS can open it as a raster layer (GeoTIFF/COG, JPEG 2000, …)."""
        media = self.media_type.lower()
        if any(media.startswith(t) for t in RASTER_TYPES):
            return True
        path = urlsplit(self.href).path.lower()
        return path.endswith(RASTER_SUFFIXES) and "thumbnail" not in self.roles

    @property
    def is_cog(self) -> bool:
        media = self.media_type.lower().replace(" ", "")
        return "profile=cloud-optimized" in media or (self.is_raster and "cog" in self.href.lower())

    def location(self) -> Location:
        """Where to fetch it; raises :class:`AssetProblem` for what cannot be fetched."""
        scheme = urlsplit(self.href).scheme.lower()
        if scheme in ("http", "https"):
            return Location("https", self.href)
        if scheme == "s3":
            for href in self.alternates.values():
                if urlsplit(href).scheme.lower() in ("http", "https"):
                    return Location("https", href)
            return Location("s3", self.href)
        if not scheme and self.href.startswith("/eodata/"):
            # The older CDSE catalogue wrote S3 keys without a scheme.
            return Location("s3", "s3://eodata/" + self.href[len("/eodata/") :])
        raise AssetProblem(
            f"The asset {self.key!r} of {self.item_id} points to {self.href!r}, which EO "
            "Explorer cannot download (only https and s3 are supported)."
        )

    def file_name(self) -> str:
        """A safe file name: from ``file:local_path`` (as a hint) or the href."""
        candidates = []
        if self.local_path:
            candidates.append(PurePosixPath(self.local_path.replace("\\", "/")).name)
        path = unquote(urlsplit(self.href).path)
        name = PurePosixPath(path).name
        if name in ("$value", "") or "(" in name:
            # OData hrefs end in .../Nodes(<file>)/$value: take the node's name.
            nodes = re.findall(r"Nodes\(([^)]*)\)", path)
            name = nodes[-1] if nodes else ""
        candidates.append(name)
        for candidate in candidates:
            safe = safe_file_name(candidate)
            if safe:
                return safe
        suffix = ".tif" if self.is_raster else ""
        return safe_file_name(self.key + suffix) or "asset"


def safe_file_name(name: str, max_length: int = 150) -> str:
    """No separators, no ``..``, no reserved characters or Windows device names."""
    name = unicodedata.normalize("NFC", name or "")
    name = _RESERVED.sub("_", name).strip().strip(".")
    name = name.replace("..", "_")
    stem = name.split(".")[0].upper()
    if stem in _WINDOWS_NAMES:
        name = "_" + name
    if len(name) > max_length:
        head, dot, tail = name.rpartition(".")
        name = (
            (head[: max_length - len(tail) - 1] + dot + tail)
            if dot and len(tail) < 10
            else name[:max_length]
        )
    return name


def target_path(folder: Path, asset: Asset) -> Path:
    """``<folder>/<collection>/<item id>/<file>``, guaranteed to stay inside ``folder``."""
    root = Path(folder).resolve()
    parts = [
        safe_file_name(asset.collection) or "items",
        safe_file_name(asset.item_id) or "item",
        asset.file_name(),
    ]
    path = root.joinpath(*parts).resolve()
    if root not in path.parents:
        raise AssetProblem(f"The file name of {asset.key!r} would leave the download folder.")
    return path


def assets_of(item: dict[str, Any]) -> list[Asset]:
    """The assets of a STAC item (tolerant of odd fields, like the footprints)."""
    if not isinstance(item, dict) or not isinstance(item.get("assets"), dict):
        return []
    found = []
    item_start, item_end = acquisition_time(item.get("properties"))
    for key, data in item["assets"].items():
        if not isinstance(data, dict) or not isinstance(data.get("href"), str):
            continue
        roles = data.get("roles")
        alternates = {}
        if isinstance(data.get("alternate"), dict):
            for name, alternate in data["alternate"].items():
                if isinstance(alternate, dict) and isinstance(alternate.get("href"), str):
                    alternates[str(name)] = alternate["href"]
        size = data.get("file:size")
        found.append(
            Asset(
                item_id=str(item.get("id")),
                collection=str(item.get("collection") or ""),
                key=str(key),
                href=data["href"],
                title=str(data.get("title") or ""),
                media_type=str(data.get("type") or ""),
                roles=tuple(str(r) for r in roles) if isinstance(roles, list) else (),
                size=int(size) if isinstance(size, (int, float)) and size >= 0 else None,
                checksum=str(data.get("file:checksum") or ""),
                local_path=str(data.get("file:local_path") or ""),
                alternates=alternates,
                # an asset may carry its own time (STAC common metadata on assets)
                start=acquisition_time(data)[0] or item_start,
                end=acquisition_time(data)[1] or item_end,
            )
        )
    return found


def acquisition_time(properties: Any) -> tuple[str, str]:
    """``(start, end)`` of STAC common metadata: ``start_datetime``/``end_datetime`` when
    both are there, else ``datetime`` for both; ``("", "")`` when neither is a string."""
    if not isinstance(properties, dict):
        return "", ""
    start, end = properties.get("start_datetime"), properties.get("end_datetime")
    if isinstance(start, str) and isinstance(end, str) and start and end:
        return start, end
    instant = properties.get("datetime")
    if isinstance(instant, str) and instant:
        return instant, instant
    return "", ""


# --- file:checksum (multihash) -----------------------------------------------------------

_MULTIHASH = {
    0x11: "sha1",
    0x12: "sha256",
    0x13: "sha512",
    0xD5: "md5",
    0x14: "sha3_512",
    0x16: "sha3_256",
}


@dataclass(frozen=True)
class Checksum:
    algorithm: str
    digest: bytes

    def hasher(self):
        return hashlib.new(self.algorithm)


def parse_multihash(value: str) -> Checksum | None:
    """A ``file:checksum`` value (hex multihash: code, length, digest) or None."""
    try:
        raw = bytes.fromhex(value.strip())
    except ValueError:
        return None
    if len(raw) < 3:
        return None
    code, length, digest = raw[0], raw[1], raw[2:]
    if code == 0xD5 and raw[1] == 0x01:  # md5 is a two-byte varint (0xd5 0x01)
        length, digest = raw[2], raw[3:]
    algorithm = _MULTIHASH.get(code)
    if algorithm is None or len(digest) != length:
        return None
    return Checksum(algorithm, digest)
