"""What every feature shares inside QGIS: settings (every key), accounts, network, tasks,
translation, log, dependencies.
"""
