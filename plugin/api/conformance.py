"""What a STAC API says it can do, read from its conformance classes.

Class URIs vary by release (``v1.0.0-rc.2/item-search#filter``, OGC Features Part 3,
CQL2 text), so each capability is matched by the fragments that identify it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


def _has(classes: Iterable[str], *fragments: str) -> bool:
    return any(any(f in c for f in fragments) for c in classes)


@dataclass(frozen=True)
class Capabilities:
    item_search: bool = True
    filter: bool = False
    query: bool = False
    sort: bool = False
    fields: bool = False
    #: STAC collection search (OGC API Features Part 4): free text ``q`` and ``filter`` on
    #: ``/collections`` (ESA MAAP, seed 004)
    collection_text: bool = False
    collection_filter: bool = False
    #: CQL2 encodings the server names; a server naming neither gets JSON in POST and
    #: text in GET, as the STAC API Filter extension asks.
    cql2_text: bool = False
    cql2_json: bool = False
    #: False where the catalog's CQL2 knows ``and`` only (Sentinel Hub Catalog, seed 002)
    filter_or: bool = True

    @property
    def post_filter_json(self) -> bool:
        """Whether a POST body carries the filter as CQL2 JSON (else as text)."""
        return self.cql2_json or not self.cql2_text

    @classmethod
    def from_conformance(cls, classes: Iterable[str]) -> Capabilities:
        classes = [str(c) for c in classes or ()]
        return cls(
            item_search=_has(classes, "/item-search"),
            # CQL2 text must be understood for the form's free filter (STAC API Filter
            # extension; OGC API Features Part 3 with CQL2 text).
            filter=_has(classes, "item-search#filter", "ogcapi-features#filter")
            or (_has(classes, "features-3/1.0/conf/filter") and _has(classes, "cql2-text"))
            or _has(classes, "cql2/1.0/conf/cql2-text"),
            query=_has(classes, "item-search#query"),
            sort=_has(classes, "item-search#sort"),
            fields=_has(classes, "item-search#fields"),
            collection_text=_has(classes, "collection-search#free-text"),
            collection_filter=_has(classes, "collection-search#filter"),
            cql2_text=_has(classes, "cql2/1.0/conf/cql2-text"),
            cql2_json=_has(classes, "cql2/1.0/conf/cql2-json"),
        )
