"""QGIS entry point of the EO Explorer plugin."""


def classFactory(iface):  # noqa: N802 (name required by QGIS)
    """Called by QGIS when the plugin is loaded."""
    from .plugin.main import EOExplorerPlugin

    return EOExplorerPlugin(iface)
