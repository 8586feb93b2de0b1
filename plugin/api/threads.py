"""Threading helpers: a sleep that Cancel interrupts, and for the search, page prefetch,
requests sent ahead and short garbage-collector pauses."""

from __future__ import annotations

import gc
import queue
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from .errors import Cancelled

T = TypeVar("T")

#: Polled by long work: true once the user pressed Cancel (or the task was abandoned).
IsCancelled = Callable[[], bool]


def _never() -> bool:
    return False


def sleep_unless_cancelled(seconds: float, is_cancelled: IsCancelled, step: float = 0.1) -> None:
    """Wait ``seconds`` in steps of at most ``step``, raising :class:`Cancelled` as soon as
    ``is_cancelled()`` turns true, so Cancel is honoured within one step of a retry pause."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if is_cancelled():
            raise Cancelled()
        time.sleep(min(step, max(0.0, deadline - time.monotonic())))


_gc_lock = threading.Lock()
_gc_depth = 0
_gc_was_enabled = False


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while a page is parsed and converted.

    Parsing a page allocates thousands of dicts; each allocation burst triggers full
    collections over the whole QGIS heap, which hold the GIL for tens of milliseconds and
    stall the map. The pause is per page (short), counted so that overlapping tasks
    resume collection only when the last one is done.
    """
    global _gc_depth, _gc_was_enabled
    with _gc_lock:
        if _gc_depth == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_depth += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_depth -= 1
            if _gc_depth == 0 and _gc_was_enabled:
                gc.enable()


_DONE = object()


def prefetched(items: Iterable[T], is_cancelled: IsCancelled = _never) -> Iterator[T]:
    """Iterate ``items`` one step ahead in a helper thread.

    Used for search pages: the next page downloads while the current one is converted.
    Exceptions are raised in the consumer, in order. When the consumer stops early (or is
    cancelled), the helper stops after the page it is on.
    """
    slots: queue.Queue[Any] = queue.Queue(maxsize=1)
    stop = threading.Event()

    def put(value: Any) -> bool:
        while not stop.is_set():
            try:
                slots.put(value, timeout=0.1)
                return True
            except queue.Full:
                if is_cancelled():
                    return False
        return False

    def produce() -> None:
        try:
            for item in items:
                if not put((item, None)) or stop.is_set():
                    return
        except BaseException as exc:  # noqa: BLE001 - handed to the consumer
            put((_DONE, exc))
            return
        put((_DONE, None))

    thread = threading.Thread(target=produce, name="eo-explorer-prefetch", daemon=True)
    thread.start()
    try:
        while True:
            try:
                item, error = slots.get(timeout=0.1)
            except queue.Empty:
                if is_cancelled():
                    return
                if not thread.is_alive() and slots.empty():
                    raise RuntimeError("the page prefetch thread ended unexpectedly") from None
                continue
            if item is _DONE:
                if error is not None:
                    raise error
                return
            yield item
    finally:
        stop.set()


class Ahead:
    """A call started early in a helper thread; :meth:`result` waits for it.

    Used to send the next search request while the current page is still being parsed.
    ``call(is_cancelled)`` gets a cancel check that also turns true once the caller
    :meth:`abandon`\\ s it (a guess that proved wrong, or a search that stopped).
    """

    def __init__(self, key: Any, call: Any, is_cancelled: IsCancelled = _never) -> None:
        self.key = key
        self._done = threading.Event()
        self._abandoned = threading.Event()
        self._outcome: dict[str, Any] = {}

        def cancelled() -> bool:
            return self._abandoned.is_set() or is_cancelled()

        def run() -> None:
            try:
                self._outcome["value"] = call(cancelled)
            except BaseException as exc:  # noqa: BLE001 - handed to result()
                self._outcome["error"] = exc
            finally:
                self._done.set()

        threading.Thread(target=run, name="eo-explorer-ahead", daemon=True).start()

    def result(self, is_cancelled: IsCancelled = _never) -> Any:
        """The call's value (or its exception, raised here), once it is done."""
        while not self._done.wait(0.05):
            if is_cancelled():
                self.abandon()
                raise Cancelled()
        if "error" in self._outcome:
            raise self._outcome["error"]
        return self._outcome["value"]

    def abandon(self) -> None:
        self._abandoned.set()
