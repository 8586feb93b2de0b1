"""The cancellable sleep, and page prefetch and garbage-collector pauses used by the
search task."""

from __future__ import annotations

import gc
import threading
import time

import pytest

from eo_explorer.plugin.api.errors import Cancelled
from eo_explorer.plugin.api.threads import paused_gc, prefetched, sleep_unless_cancelled


def test_sleep_waits_the_whole_time_when_not_cancelled():
    began = time.monotonic()
    sleep_unless_cancelled(0.25, lambda: False, step=0.05)
    assert 0.25 <= time.monotonic() - began < 1.0


def test_sleep_returns_promptly_after_cancel():
    cancel = threading.Event()
    threading.Timer(0.1, cancel.set).start()
    began = time.monotonic()
    with pytest.raises(Cancelled):
        sleep_unless_cancelled(30.0, cancel.is_set, step=0.05)
    assert time.monotonic() - began < 1.0


def test_sleep_already_cancelled_raises_at_once():
    began = time.monotonic()
    with pytest.raises(Cancelled):
        sleep_unless_cancelled(30.0, lambda: True)
    assert time.monotonic() - began < 0.05


def test_sleep_of_nothing_returns_without_asking():
    asked = []
    sleep_unless_cancelled(0, lambda: asked.append(1) or True)
    sleep_unless_cancelled(-1, lambda: asked.append(1) or True)
    assert asked == []


def test_prefetch_keeps_order_and_runs_one_step_ahead():
    produced = []

    def pages():
        for n in range(5):
            produced.append(n)
            yield n

    seen = []
    for page in prefetched(pages()):
        time.sleep(0.05)  # "converting" this page
        seen.append((page, len(produced)))
    assert [p for p, _ in seen] == [0, 1, 2, 3, 4]
    # While page 0 was converted, page 1 (and at most one more) was already fetched.
    assert seen[0][1] >= 2


def test_prefetch_raises_the_producer_error_after_earlier_pages():
    def pages():
        yield 1
        raise ValueError("server sent nonsense")

    got = []
    with pytest.raises(ValueError, match="nonsense"):
        for page in prefetched(pages()):
            got.append(page)
    assert got == [1]


def test_stopping_early_stops_the_producer():
    produced = []

    def pages():
        for n in range(1000):
            produced.append(n)
            yield n

    for page in prefetched(pages()):
        if page == 2:
            break
    time.sleep(0.3)
    assert len(produced) <= 5


def test_cancel_returns_while_the_producer_is_stuck():
    cancelled = threading.Event()
    release = threading.Event()

    def pages():
        yield 1
        release.wait(5)  # a page that takes long to arrive
        yield 2

    got = []
    started = time.monotonic()
    for page in prefetched(pages(), cancelled.is_set):
        got.append(page)
        cancelled.set()
    release.set()
    assert got == [1]
    assert time.monotonic() - started < 1.0


def test_gc_pauses_nest_and_restore_the_previous_state():
    assert gc.isenabled()
    with paused_gc():
        assert not gc.isenabled()
        with paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()  # it was off before: it stays off
    finally:
        gc.enable()
