"""Assets inside QGIS: downloads, streamed rasters and the credentials each asset gets."""
