from PyQt6.QtCore import *  # noqa: F403
from PyQt6.QtCore import QMetaType, QVariant

# PyQGIS 4 keeps the PyQt5 type constants on QVariant, mapped onto QMetaType.Type.
for _old, _new in {
    "Bool": "Bool",
    "Date": "QDate",
    "DateTime": "QDateTime",
    "Double": "Double",
    "Int": "Int",
    "LongLong": "LongLong",
    "String": "QString",
    "StringList": "QStringList",
    "Time": "QTime",
    "UInt": "UInt",
    "ULongLong": "ULongLong",
}.items():
    setattr(QVariant, _old, getattr(QMetaType.Type, _new))

NULL = None
