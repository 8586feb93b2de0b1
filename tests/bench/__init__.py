"""Search benchmark: EO Explorer against pystac-client and ``json.loads`` on 10,000 items.

Run with ``make bench`` (or ``QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.bench``).
Timings are printed, not asserted: the exit code is 0 whatever they are, and non-zero
only when the benchmark itself breaks (no server, wrong item count, a search error).
"""
