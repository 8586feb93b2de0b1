from PyQt6.QtGui import QAction, QActionGroup, QShortcut  # noqa: F401  (QGIS offers them here)
from PyQt6.QtWidgets import *  # noqa: F403
