"""The time the map shows, as the dates of a search.

QGIS keeps two times: the Temporal Controller's current range (when it is on, the map
shows only what falls inside it) and the project's own time range (Project ▸ Properties ▸
Temporal). A search that takes "the project's time" uses the first when the map is
temporal, else the second.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Optional

from qgis.core import QgsDateTimeRange, QgsProject


def map_time_range(canvas, project: Optional[QgsProject] = None) -> Optional[tuple[date, date]]:
    """``(first day, last day)`` the map shows, or None when neither time is set."""
    if canvas is not None and canvas.mapSettings().isTemporal():
        days = _days(canvas.temporalRange())
        if days is not None:
            return days
    project = project or QgsProject.instance()
    return _days(project.timeSettings().temporalRange())


def _days(range_: QgsDateTimeRange) -> Optional[tuple[date, date]]:
    begin, end = range_.begin(), range_.end()
    if not (begin.isValid() and end.isValid()):
        return None
    first, last = begin.date().toPyDate(), end.date().toPyDate()
    # a frame of one day is [00:00, next 00:00): its last day is the day before
    if not range_.includeEnd() and end.time().msecsSinceStartOfDay() == 0 and last > first:
        last -= timedelta(days=1)
    return (first, last) if first <= last else (last, first)
