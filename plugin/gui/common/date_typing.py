"""Typing a whole date into a QDateEdit, as people do: ``2024-06-01`` over the selected text.

Out of the box, QDateEdit treats the first digit typed over its whole (selected) text as the
whole text, keeps the old year, and, after a section fills and moves on by itself, takes the
``-`` typed next as "skip a section": ``2024-06-01`` became ``2026-06-01`` or
``2024-11-06``. :class:`DateTyping` starts such typing in the year and swallows a separator
that follows a section that moved on by itself.
"""

from __future__ import annotations

from qgis.PyQt.QtCore import QEvent, QObject
from qgis.PyQt.QtWidgets import QDateTimeEdit

SEPARATORS = "-/. "


class DateTyping(QObject):
    """An event filter for any number of QDateEdits (install with :meth:`watch`)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._advanced: set[int] = set()  # ids of editors whose section moved by itself

    def watch(self, *editors: QDateTimeEdit) -> None:
        for editor in editors:
            editor.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt name)
        if event.type() != QEvent.Type.KeyPress or not isinstance(obj, QDateTimeEdit):
            return False
        text = event.text()[:1]
        key = id(obj)
        if text and text in SEPARATORS:
            if key in self._advanced:
                self._advanced.discard(key)
                return True  # the section already moved on: this '-' is no second move
            return False
        self._advanced.discard(key)
        if not text.isdigit():
            return False
        line = obj.lineEdit()
        if line.hasSelectedText() and line.selectedText() == line.text():
            obj.setSelectedSection(obj.sectionAt(0))  # typing over everything: the year first
        before = obj.currentSection()
        obj.event(event)  # let the editor take the digit now, to see if the section moved
        if obj.currentSection() != before:
            self._advanced.add(key)
            obj.setSelectedSection(obj.currentSection())  # the next digits replace it
        return True
