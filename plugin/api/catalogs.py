"""Catalog presets: the catalogs the plugin knows, and the user's own.

Presets are data, validated with pydantic when read back from the user's settings so a
hand-edited or outdated entry is reported instead of breaking the dock.
"""

from __future__ import annotations

from typing import Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

#: Which account a catalog needs; None means anonymous search works.
ACCOUNT_LABELS = {
    "sentinelhub": "a Sentinel Hub account (OAuth client id and secret)",
    "sentinelhub-cdse": "a Copernicus Data Space Sentinel Hub account (OAuth client id and secret)",
    "constellr": "a Constellr workspace API key",
}


class Catalog(BaseModel):
    """A searchable catalog: a STAC API landing page and the account it needs."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    id: str = Field(min_length=1)
    title: str = Field(min_length=1)
    url: str
    account: Optional[str] = None  # pydantic evaluates this on Python 3.9
    #: The account that the files on the catalog's own host need when searching needs
    #: none (ESA MAAP: public search, downloads with the MAAP bearer token).
    data_account: Optional[str] = None
    #: Item search by GET only, where the provider documents no POST (ESA MAAP, seed 004).
    get_only: bool = False
    builtin: bool = False

    @field_validator("url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        value = value.strip()
        if not value.lower().startswith(("http://", "https://")):
            raise ValueError("the catalog URL must start with http:// or https://")
        return value if value.endswith("/") else value + "/"

    @property
    def needs_account(self) -> bool:
        return self.account is not None

    def account_text(self) -> str:
        return ACCOUNT_LABELS.get(self.account or "", "an account")


PRESETS: tuple[Catalog, ...] = (
    Catalog(
        id="cdse",
        title="Copernicus Data Space (CDSE) STAC",
        url="https://stac.dataspace.copernicus.eu/v1/",
        builtin=True,
    ),
    Catalog(
        id="sentinelhub",
        title="Sentinel Hub Catalog",
        url="https://services.sentinel-hub.com/api/v1/catalog/1.0.0/",
        account="sentinelhub",
        builtin=True,
    ),
    Catalog(
        id="sentinelhub-uswest2",
        title="Sentinel Hub Catalog (US West)",
        url="https://services-uswest2.sentinel-hub.com/api/v1/catalog/1.0.0/",
        account="sentinelhub",
        builtin=True,
    ),
    Catalog(
        id="sentinelhub-cdse",
        title="Sentinel Hub Catalog on CDSE",
        url="https://sh.dataspace.copernicus.eu/api/v1/catalog/1.0.0/",
        account="sentinelhub-cdse",
        builtin=True,
    ),
    Catalog(
        id="constellr",
        title="Constellr STAC",
        url="https://api.constellr.com/stac/",
        account="constellr",
        builtin=True,
    ),
    Catalog(
        id="maap",
        title="ESA MAAP (BIOMASS)",
        url="https://catalog.maap.eo.esa.int/catalogue/",
        data_account="maap",
        get_only=True,
        builtin=True,
    ),
)


def sandbox_catalog(url: str) -> Catalog:
    return Catalog(id="sandbox", title="Sandbox (local test catalog)", url=url, builtin=True)


def parse_catalogs(entries: object) -> tuple[list[Catalog], list[str]]:
    """Catalogs from stored settings data; bad entries are skipped and described."""
    catalogs: list[Catalog] = []
    problems: list[str] = []
    if not isinstance(entries, list):
        return catalogs, ["the saved catalog list is not a list"] if entries else []
    for index, entry in enumerate(entries):
        try:
            catalogs.append(Catalog.model_validate(entry))
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first.get("loc", ()))
            problems.append(f"saved catalog #{index + 1}: {where}: {first.get('msg')}")
    return catalogs, problems


def sandbox_account_catalogs(config: dict) -> list[Catalog]:
    """The sandbox's catalogs that need an account (see ``make run``)."""
    found = []
    sentinelhub = config.get("sentinelhub") if isinstance(config, dict) else None
    if isinstance(sentinelhub, dict) and sentinelhub.get("catalog"):
        found.append(
            Catalog(
                id="sandbox-sentinelhub",
                title="Sandbox Sentinel Hub Catalog",
                url=sentinelhub["catalog"],
                account="sentinelhub",
                builtin=True,
            )
        )
    constellr = config.get("constellr") if isinstance(config, dict) else None
    if isinstance(constellr, dict) and constellr.get("stac"):
        found.append(
            Catalog(
                id="sandbox-constellr",
                title="Sandbox Constellr STAC",
                url=constellr["stac"],
                account="constellr",
                builtin=True,
            )
        )
    return found


def merge_catalogs(
    saved: list[Catalog], sandbox_url: str = "", sandbox: list[Catalog] | None = None
) -> list[Catalog]:
    """Sandbox catalogs first (when ``make run`` started them), then the presets (a saved
    entry with the same id replaces its preset), then the user's own."""
    by_id = {c.id: c for c in saved}
    result = [_inherit(by_id.pop(p.id), p) if p.id in by_id else p for p in PRESETS]
    result.extend(by_id.values())
    extra = list(sandbox or [])
    if sandbox_url:
        extra.insert(0, sandbox_catalog(sandbox_url))
    taken = {c.id for c in result}
    return [c for c in extra if c.id not in taken] + result


def _inherit(saved: Catalog, preset: Catalog) -> Catalog:
    """An edited preset saved before a preset field existed keeps the preset's value."""
    missing = {
        name: getattr(preset, name)
        for name in ("data_account", "get_only")
        if name not in saved.model_fields_set
    }
    return saved.model_copy(update=missing) if missing else saved


def new_catalog_id(title: str, taken: set[str]) -> str:
    base = "".join(ch if ch.isalnum() else "-" for ch in title.lower()).strip("-") or "catalog"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate
