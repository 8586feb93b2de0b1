"""Search benchmark: EO Explorer against pystac-client and ``json.loads`` on 10,000 items.

Run with ``make bench`` (or ``QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.bench``).
Sections, chosen with ``--only`` (``make bench BENCH_ARGS="--only pgstac,memory"``):

- ``search`` (default): 10,000 items from ``rustac serve``, the plugin end to end against
  pystac-client and ``json.loads`` (:mod:`.run`, :mod:`.tables`);
- ``download`` (default): a 1 GiB file, the plugin against curl (:mod:`.download`);
- ``pgstac``: stac-fastapi-pgstac with 10,000 CDSE-like items: whole search against
  pystac-client, bytes per item with and without ``fields``, time to the first footprints
  behind a per-page latency (:mod:`.pgstac`; ~9 minutes, not in the default run);
- ``memory``: 100,000 items the way the Search dock fills its layer page by page: peak
  memory per item and the longest GUI stall; then the time to the first footprints on the
  canvas behind a 0.5-1.5 s page latency, against the first page's own latency and
  against the layer built at the end (:mod:`.memory`; ~3 minutes, not in the default run).

Timings are printed, not asserted: the exit code is 0 whatever they are, and non-zero
only when the benchmark itself breaks (no server, wrong item count, a search error).
"""
