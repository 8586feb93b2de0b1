"""``--only pgstac``: the plugin's search on stac-fastapi-pgstac, the server CDSE runs.

10,000 CDSE-like Sentinel-2 L2A items (:mod:`tests.servers.stac.pgstac_items`: copies of the
recorded CDSE items, ~65 kB each, 43 assets) are loaded into a throwaway pgstac database
(:class:`tests.servers.stac.pgstac_server.PgstacServer`). Every request goes through a
:class:`.relay.Relay`, which counts the answers' bytes as they were sent (compressed:
the server uses brotli, which requests asks for).

1. Whole search: the plugin's worker loop as ``search.workflow.search`` has it (``StacClient.open``,
   ``search`` with the footprint ``fields`` include set and the largest page the plugin
   asks for, ``prefetched`` pages, ``convert_items`` and ``to_features`` per page) against
   pystac-client (``limit=100``, whole items, ``items_as_dicts``), runs interleaved.
2. Bytes on the wire per item: the plugin's search (``fields``) against pystac-client's
   (whole items), both measured by the relay during part 1.
3. Time to the first footprints: the same plugin loop behind a relay that holds each
   search request back for a random 0.5-1.5 s (a remote catalog's latency), timed up to
   the first page's features, against that page's own latency and the whole search; with
   pages of 1,000 (the largest the plugin asks for) and of 100 (the dock's default).
   Footprints are not yet drawn page by page in the dock: this is what the API layer
   gives (the first page parsed into features), not what the user sees.
"""

from __future__ import annotations

import gc
import json
import random
import statistics
import time
from dataclasses import dataclass, field

from .data import BenchError
from .relay import Exchange, Relay

PYSTAC_LIMIT = 100
#: stac-fastapi crops ``limit`` to 10,000 (``stac_fastapi.types.search.Limit``)
SERVER_MAX_LIMIT = 10_000
LATENCY = (0.5, 1.5)
WARMUP = 300
#: section 7's page sizes: the largest the plugin asks for, and the dock's default
#: (``settings.Key.PAGE_SIZE``)
LATENCY_PAGES = (1000, 100)


@dataclass
class PluginSearch:
    seconds: float = 0.0  # StacClient.open -> every page's features built
    first_features: float = 0.0  # StacClient.open -> the first page's features built
    pages: int = 0
    limit: int = 0  # the limit the plugin sent
    fields: bool = False  # a fields member was sent
    decoded_bytes: int = 0  # the pages' bodies as parsed (after decompression)
    ids: list[str] = field(default_factory=list, repr=False)


@dataclass
class Wire:
    """What the relay saw during one search."""

    requests: int = 0
    search_requests: int = 0
    bytes: int = 0  # every answer, headers included
    search_bytes: int = 0
    first_search_latency: float = 0.0  # request arrived -> last byte of its answer
    first_search_delay: float = 0.0  # of which held back by the relay

    @classmethod
    def of(cls, exchanges: list[Exchange]) -> Wire:
        searches = [e for e in exchanges if e.is_search]
        first = min(searches, key=lambda e: e.arrived, default=None)
        return cls(
            requests=len(exchanges),
            search_requests=len(searches),
            bytes=sum(e.response_bytes for e in exchanges),
            search_bytes=sum(e.response_bytes for e in searches),
            first_search_latency=first.latency if first else 0.0,
            first_search_delay=first.delay if first else 0.0,
        )


@dataclass
class PgstacResults:
    items: int
    runs: int
    page_size: int = SERVER_MAX_LIMIT  # asked for
    generated_size: float = 0.0  # mean serialised item size as loaded, bytes
    load_seconds: float = 0.0  # initdb + postgres + migrations + load + uvicorn
    versions: str = ""
    plugin: list[PluginSearch] = field(default_factory=list)
    peer: list[float] = field(default_factory=list)
    plugin_wire: list[Wire] = field(default_factory=list)
    peer_wire: list[Wire] = field(default_factory=list)
    #: page size -> (run, what the relay saw), with the added latency
    latency: dict[int, list[tuple[PluginSearch, Wire]]] = field(default_factory=dict)
    warmup: tuple[float, float] = (0.0, 0.0)
    hydrate: str = "api"  # where whole items are rebuilt from pgstac's rows: api or db


def plugin_search(url: str, collections: list[str], page_size: int, max_items: int):
    """The loop of ``search.workflow.search`` on this thread (no QgsTask, no layer), timed."""
    from eo_explorer.plugin.api.footprints import FOOTPRINT_FIELDS, convert_items
    from eo_explorer.plugin.api.http import HttpClient
    from eo_explorer.plugin.api.search import SearchRequest
    from eo_explorer.plugin.api.stac import StacClient
    from eo_explorer.plugin.api.threads import paused_gc, prefetched
    from eo_explorer.plugin.map.footprints import footprint_fields, to_features

    result = PluginSearch()
    request = SearchRequest(
        collections=list(collections),
        page_size=page_size,
        max_items=max_items,
        include_fields=list(FOOTPRINT_FIELDS),
    )
    request.validate()
    result.limit = request.limit
    features = []
    with HttpClient() as http:
        start = time.perf_counter()
        client = StacClient.open(url, http)
        result.fields = request.fields(client.capabilities) is not None
        qgis_fields = footprint_fields()
        for page in prefetched(client.search(request)):
            with paused_gc():
                conversion = convert_items(page.items, None, page.item_texts)
                room = max_items - len(features)
                features.extend(to_features(conversion.footprints[:room], qgis_fields))
            if conversion.rejected:
                raise BenchError(f"the plugin rejected {len(conversion.rejected)} items")
            result.pages = page.number
            result.decoded_bytes += page.size_bytes
            if not result.first_features:
                result.first_features = time.perf_counter() - start
            if len(features) >= max_items:
                break
        result.seconds = time.perf_counter() - start
    index = qgis_fields.indexOf("id")
    result.ids = [f.attribute(index) for f in features]
    return result


def _check(who: str, ids: list[str], expected: int) -> None:
    if len(ids) != expected or len(set(ids)) != expected:
        raise BenchError(
            f"{who} returned {len(ids)} items ({len(set(ids))} unique), not {expected}"
        )


def _mean_size(sample: int = 60) -> float:
    from tests.servers.stac.pgstac_items import iter_items

    sizes = [len(json.dumps(i, separators=(",", ":"))) for i in iter_items(sample)]
    return statistics.mean(sizes)


def _pgstac_versions() -> str:
    from tests.servers.stac.pgstac_server import VENV

    found = []
    for name in ("stac_fastapi.pgstac", "pypgstac"):
        dist = name.replace(".", "_").replace("_", "-")
        for path in (VENV / "lib").glob(f"python*/site-packages/{name.replace('.', '_')}-*"):
            found.append(f"{dist} {path.name.split('-')[1].removesuffix('.dist')}")
            break
    return ", ".join(found)


def measure(items: int, runs: int, progress, hydrate: str = "api") -> PgstacResults:
    from tests.servers.stac.pgstac_items import COLLECTION_ID, collection, iter_items
    from tests.servers.stac.pgstac_server import PgstacServer, missing

    from .fetch import pystac_client_search

    reason = missing()
    if reason:
        raise BenchError(f"stac-fastapi-pgstac cannot start here: {reason}")
    res = PgstacResults(items=items, runs=max(1, runs))
    res.generated_size = _mean_size()
    res.versions = _pgstac_versions()
    collections = [COLLECTION_ID]
    progress(f"pgstac: generating and loading {items:,} CDSE-like items (about a minute)")
    env = {"USE_API_HYDRATE": "true" if hydrate == "api" else "false"}
    res.hydrate = hydrate
    server = PgstacServer(iter_items(items), [collection()], env=env, startup_timeout=900)
    with server:
        res.load_seconds = server.timings.get("total", 0.0)
        with Relay(server.url) as relay:
            progress(f"pgstac: warm-up, {WARMUP} items each (not counted)")
            warm = plugin_search(relay.url, collections, res.page_size, WARMUP)
            _check("the plugin (warm-up)", warm.ids, WARMUP)
            seconds, ids = pystac_client_search(relay.url, collections, PYSTAC_LIMIT, WARMUP)
            _check("pystac-client (warm-up)", ids, WARMUP)
            res.warmup = (warm.seconds, seconds)
            relay.take()
            for i in range(res.runs):
                progress(f"pgstac run {i + 1}/{res.runs}: plugin")
                gc.collect()
                run = plugin_search(relay.url, collections, res.page_size, items)
                _check("the plugin", run.ids, items)
                run.ids = []
                res.plugin.append(run)
                res.plugin_wire.append(Wire.of(relay.take()))
                progress(f"pgstac run {i + 1}/{res.runs}: pystac-client (whole items, slow)")
                gc.collect()
                seconds, ids = pystac_client_search(relay.url, collections, PYSTAC_LIMIT, items)
                _check("pystac-client", ids, items)
                del ids
                res.peer.append(seconds)
                res.peer_wire.append(Wire.of(relay.take()))
        for page_size in LATENCY_PAGES:
            for i in range(res.runs):
                rng = random.Random(1000 + i)
                with Relay(server.url, delay=lambda rng=rng: rng.uniform(*LATENCY)) as slow:
                    progress(
                        f"pgstac run {i + 1}/{res.runs}: plugin, pages of {page_size:,}, "
                        f"{LATENCY[0]}-{LATENCY[1]} s a page"
                    )
                    gc.collect()
                    run = plugin_search(slow.url, collections, page_size, items)
                    _check("the plugin (latency)", run.ids, items)
                    run.ids = []
                    res.latency.setdefault(page_size, []).append((run, Wire.of(slow.take())))
    return res


def report(res: PgstacResults, out) -> None:
    """Sections 5-7 of the report (``out`` is a :class:`.report.Report`)."""
    from .report import Target, ratios

    n = res.items
    plugin, peer = res.plugin, res.peer
    sent = plugin[0].limit if plugin else 0
    out.title(f"5. stac-fastapi-pgstac, {n:,} CDSE-like items: the plugin against pystac-client")
    out.note(
        f"{res.versions}; items {res.generated_size / 1000:.1f} kB each as loaded (copies of "
        f"recorded CDSE Sentinel-2 L2A items); server started and loaded in "
        f"{res.load_seconds:.0f} s; items hydrated by "
        + ("stac-fastapi (USE_API_HYDRATE=true)" if res.hydrate == "api" else "the database")
    )
    fields = "include" if plugin and plugin[0].fields else "NOT SENT"
    out.note(
        f"plugin: StacClient.open + search(fields={fields}"
        f" footprint set, page_size={res.page_size:,} -> limit={sent:,} sent) + prefetched "
        "+ convert_items + to_features (the search workflow's loop, no layer)"
    )
    out.note(
        f"pystac-client: Client.open + search(limit={PYSTAC_LIMIT}, POST) + items_as_dicts "
        "(whole items); runs interleaved, through the counting relay"
    )
    out.header()
    out.row("plugin: whole search -> QgsFeatures", [r.seconds for r in plugin], "s")
    out.row("pystac-client: whole search -> item dicts", peer, "s")
    out.row(
        "ratio plugin / pystac-client",
        ratios([r.seconds for r in plugin], peer),
        "x",
        Target(0.7, "x"),
        "5. pgstac: plugin / pystac-client",
    )
    out.note(
        f"(warm-up, {WARMUP} items, not counted: plugin {res.warmup[0]:.2f} s, "
        f"pystac-client {res.warmup[1]:.2f} s)"
    )

    out.title("6. Bytes on the wire per item (answers as sent: headers + brotli bodies)")
    out.header()
    with_fields = [w.search_bytes / n for w in res.plugin_wire]
    whole = [w.search_bytes / n for w in res.peer_wire]
    out.row(
        f"with fields (plugin, {plugin[0].pages if plugin else 0} search pages)", with_fields, "B"
    )
    out.row(
        f"without fields (pystac-client, {res.peer_wire[0].search_requests if res.peer_wire else 0}"
        " search pages)",
        whole,
        "B",
    )
    out.row("with fields / without", [100 * r for r in ratios(with_fields, whole)], "%")
    out.row(
        "with fields, decompressed (bytes parsed by the plugin)",
        [r.decoded_bytes / n for r in plugin],
        "B",
    )
    out.row("without fields, as generated (uncompressed JSON)", [res.generated_size], "B")
    if res.plugin_wire:
        w = res.plugin_wire[0]
        out.note(
            f"(plugin, whole run: {w.bytes / 1e6:.2f} MB in {w.requests} answers; pystac-client: "
            f"{res.peer_wire[0].bytes / 1e6:.1f} MB in {res.peer_wire[0].requests} answers)"
        )

    out.title(
        f"7. Time to the first footprints, {LATENCY[0]}-{LATENCY[1]} s added to each search page"
    )
    out.note(
        "The dock does not yet draw footprints page by page: this is the API layer's first "
        "page parsed into QgsFeatures (the search workflow's loop), from StacClient.open."
    )
    for page_size, measured in res.latency.items():
        _latency(out, page_size, measured)


def _latency(out, page_size: int, measured: list[tuple[PluginSearch, Wire]]) -> None:
    from .report import ratios

    runs = [r for r, _ in measured]
    wires = [w for _, w in measured]
    default = " (the dock's default)" if page_size == 100 else ""
    out.note(f"\npages of {page_size:,}{default}, {runs[0].pages} pages:")
    out.header()
    first = out.row("first page's features built", [r.first_features for r in runs], "s")
    own = out.row(
        "  the first page's own latency (request in -> answered)",
        [w.first_search_latency for w in wires],
        "s",
    )
    out.row("    of which added delay", [w.first_search_delay for w in wires], "s")
    whole = out.row("whole search waited out", [r.seconds for r in runs], "s")
    out.row(
        "ratio first features / first page's latency",
        ratios([r.first_features for r in runs], [w.first_search_latency for w in wires]),
        "x",
    )
    out.row(
        "ratio first features / whole search",
        ratios([r.first_features for r in runs], [r.seconds for r in runs]),
        "x",
    )
    out.note(
        f"(the first footprints are ready {first - own:.2f} s after the first page's answer "
        f"and {whole - first:.1f} s before the whole search)"
    )
