"""The plugin's one ``tr()``: what it translates is what ``make translations`` extracts.

``pylupdate5`` files the text of a plain ``tr("...")`` call under the context
``@default`` (a module-level function called inside a class too), so that is the context
looked up here; a call through any other name (``_tr``) or another context is never
extracted, and its text stays English. Import it as ``tr`` and call it with a literal.

Without Qt (plain Python scripts, unit tests of pure logic) the text comes back as is.
"""

from __future__ import annotations

CONTEXT = "@default"


def tr(text: str) -> str:
    # Qt is imported here, not at module import: plugin.core.dependencies uses tr() and must
    # import without QGIS (it runs before anything else of the plugin is known to work).
    try:
        from qgis.PyQt.QtCore import QCoreApplication
    except ImportError:  # plain Python: English
        return text
    return QCoreApplication.translate(CONTEXT, text)
