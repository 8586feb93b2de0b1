"""Constellr API documents (seed 003) as pydantic models: what the API answers (areas of
interest, orders, tags, geometry information) and the orders the plugin sends.

Models tolerate the extra fields real answers carry (``product_options`` ...) and reject
what would break the plugin, naming the field. Dates without a zone (AOI ``created``) are
UTC. The rules an order must follow are in :mod:`constellr_rules`.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .errors import InvalidResponse

STATES = ("initial_state", "pending_validation", "accepted", "rejected", "delivered")
DELETABLE_STATES = ("pending_validation", "rejected")
STATE_WORDS = {
    "initial_state": "received",
    "pending_validation": "waiting for validation",
    "accepted": "accepted",
    "rejected": "rejected",
    "delivered": "delivered",
}


def _utc(value: Optional[datetime]) -> Optional[datetime]:
    if value is None:
        return None
    return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value


def utc(value: datetime) -> datetime:
    return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value


class AreaRef(BaseModel):
    """An area of interest as far as the rules care: its name and bounding box size."""

    model_config = ConfigDict(extra="ignore")

    id: str
    name: str = ""
    bbox_width: float
    bbox_height: float


class Tag(BaseModel):
    model_config = ConfigDict(extra="allow")

    name: str
    id: Optional[str] = None


class AreaOfInterest(BaseModel):
    """An AOI as the API lists it (``created`` has no zone: it is UTC)."""

    model_config = ConfigDict(extra="allow")

    id: str
    name: str
    description: Optional[str] = None
    geojson: dict[str, Any]
    bbox_width: float
    bbox_height: float
    created: Optional[datetime] = None

    @field_validator("created")
    @classmethod
    def _created_utc(cls, value: Optional[datetime]) -> Optional[datetime]:
        return _utc(value)

    @property
    def geometry(self) -> dict[str, Any]:
        """The polygon, whether stored as a Feature, a FeatureCollection or a geometry."""
        doc = self.geojson
        if doc.get("type") == "FeatureCollection" and doc.get("features"):
            doc = doc["features"][0]
        if doc.get("type") == "Feature":
            doc = doc.get("geometry") or {}
        return doc

    def ref(self) -> AreaRef:
        return AreaRef(
            id=self.id, name=self.name, bbox_width=self.bbox_width, bbox_height=self.bbox_height
        )


class Order(BaseModel):
    model_config = ConfigDict(extra="allow")

    id: str
    area_of_interest_id: str
    product_name: str
    start_date: datetime
    end_date: datetime
    frequency: str
    state: str
    created: Optional[datetime] = None
    comment: Optional[str] = None
    rejection_reason: Optional[str] = None
    tags: list[Tag] = Field(default_factory=list)
    illumination_constraint: Optional[str] = None
    maximum_number_of_images: Optional[int] = None

    @field_validator("start_date", "end_date", "created")
    @classmethod
    def _dates_utc(cls, value: Optional[datetime]) -> Optional[datetime]:
        return _utc(value)

    @property
    def tag_names(self) -> list[str]:
        return [t.name for t in self.tags]

    @property
    def deletable(self) -> bool:
        return self.state in DELETABLE_STATES

    @property
    def state_text(self) -> str:
        return STATE_WORDS.get(self.state, self.state)

    def fingerprint(self) -> tuple:
        return (
            self.area_of_interest_id,
            self.product_name,
            self.start_date,
            self.end_date,
            self.frequency,
            tuple(sorted(self.tag_names)),
            self.comment or None,
            self.illumination_constraint or None,
            self.maximum_number_of_images,
        )


class GeometryInfo(BaseModel):
    model_config = ConfigDict(extra="allow")

    bbox_width: float
    bbox_height: float
    area: float


def iso_z(value: datetime) -> str:
    """``2025-09-27T10:30:08.004000Z``, as the documented requests write dates."""
    return utc(value).astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class BatchOrder(BaseModel):
    """One order of a ``POST /orders/batch`` body."""

    area_of_interest_id: str
    start_date: datetime
    end_date: datetime
    frequency: str
    product_name: str
    comment: Optional[str] = None
    tags: list[str] = Field(default_factory=list)
    illumination_constraint: Optional[str] = None
    maximum_number_of_images: Optional[int] = None

    def payload(self) -> dict[str, Any]:
        data = self.model_dump()
        data["start_date"] = iso_z(self.start_date)
        data["end_date"] = iso_z(self.end_date)
        return data


def read_model(model: type[BaseModel], data: Any, what: str) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ()))
        raise InvalidResponse(
            f"The Constellr API sent {what} EO Explorer cannot read ({where}: {first['msg']}).",
            details=str(exc)[:1000],
        ) from None
