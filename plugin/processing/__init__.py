"""Processing provider and algorithms of EO Explorer (Toolbox, models, qgis_process)."""
