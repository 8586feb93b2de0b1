"""Attribute fields for the plugin's layers, built the way the running QGIS wants.

``QgsField(name, QVariant.Type)`` is deprecated since QGIS 3.38 (a warning on every call);
``QgsField(name, QMetaType.Type)`` does not exist before it. :func:`field` picks the one
that fits; a kind is named by a word, so callers need neither enum.
"""

from __future__ import annotations

from qgis.core import Qgis, QgsField

#: kind -> (QMetaType.Type name, QVariant.Type name)
_KINDS = {
    "string": ("QString", "String"),
    "double": ("Double", "Double"),
    "int": ("Int", "Int"),
    "datetime": ("QDateTime", "DateTime"),
}

USES_QMETATYPE = Qgis.QGIS_VERSION_INT >= 33800


def field_type(kind: str):
    """The type for ``QgsField`` of ``kind`` (``string``, ``double``, ``int``, ``datetime``)."""
    metatype, variant = _KINDS[kind]
    if USES_QMETATYPE:
        from qgis.PyQt.QtCore import QMetaType

        return getattr(QMetaType.Type, metatype)
    from qgis.PyQt.QtCore import QVariant

    return getattr(QVariant, variant)


def field(name: str, kind: str) -> QgsField:
    """A ``QgsField`` called ``name`` holding ``kind`` values."""
    return QgsField(name, field_type(kind))
