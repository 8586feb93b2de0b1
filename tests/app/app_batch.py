"""The Batch Processing flow: a large-area request on the sandbox, analysed, started after
the user's yes, followed to its end and loaded as a mosaic of the bucket's COG tiles."""

from __future__ import annotations

from app_process import process_dock, thuringia_fields
from app_ui import (
    Context,
    canvas_settled,
    click,
    dock_layout,
    messages,
    screenshot,
    sentinelhub_account,
    show_extent,
    wait_for,
)
from qgis.core import QgsProject, QgsRectangle

BUCKET = "eo-explorer-results"


def bucket_account(ctx: Context) -> None:
    """The sandbox bucket's S3 account, saved as a user does in the Accounts dialog."""
    from eo_explorer.plugin.api.accounts import Credentials
    from eo_explorer.plugin.core import credentials

    demo = ctx.sandbox[f"s3:{BUCKET}"]
    credentials.save(
        Credentials(
            f"s3:{BUCKET}",
            demo["access_key"],
            demo["secret_key"],
            endpoint=demo["endpoint"],
            region=demo["region"],
        )
    )


def flow_batch_dock_picture(ctx: Context) -> dict:
    """NDVI of June 2024 over Thuringia on the UTM 20 km grid at 60 m, written by the
    sandbox's Batch API into its bucket, loaded as one mosaic; the requests table shows it
    DONE."""
    dock = process_dock(ctx)
    bucket_account(ctx)
    ctx.iface.actionPan().trigger()
    show_extent(ctx, "EPSG:4326", QgsRectangle(10.90, 50.45, 11.10, 50.57))
    click(dock.form.extentRadio)
    dock.use_engine("batch")
    engine = dock.current_engine()
    engine.poll_seconds = 1.0
    engine.choose(0, 60.0, f"s3://{BUCKET}/batch")
    asked = []
    engine.confirm_start = lambda request: asked.append(request.estimate_text()) or True
    outcomes = []
    dock.processFinished.connect(outcomes.append)
    click(dock.form.runButton)
    ctx.step("analyse clicked")
    wait_for(lambda: outcomes, 240, "the batch request's end")
    dock.processFinished.disconnect(outcomes.append)
    outcome = outcomes[0]
    layer = engine.mosaic_layer
    if layer is not None:
        ctx.canvas.setDestinationCrs(layer.crs())
        ctx.canvas.setExtent(layer.extent())
        ctx.canvas.zoomByFactor(1.1)
    ctx.iface.layerTreeView().expandAll()
    dock.form.formScroll.ensureWidgetVisible(engine.requests)
    canvas_settled(ctx)
    table = engine.requests.table
    f = dock.form
    return {
        "layout": dock_layout(dock, f.formScroll, [f.runButton, f.cancelButton]),
        "error": str(outcome.error) if outcome.error else "",
        "asked": asked,
        "status": dock.form.statusLabel.text(),
        "messages": messages(dock.message_bar),
        "layer": layer.name() if layer is not None else "",
        "layer_valid": bool(layer and layer.isValid()),
        "layer_source": layer.source() if layer is not None else "",
        "states": [table.item(r, 0).text() for r in range(table.rowCount())],
        "screenshot": screenshot(ctx, "batch"),
    }


#: the IAM role the sandbox's Sentinel Hub may assume to use its bucket
SANDBOX_ROLE = "arn:aws:iam::000000000000:role/eo-explorer-sandbox"


def flow_statistics_batch(ctx: Context) -> dict:
    """Time series of three selected fields through Batch Statistical: a bucket folder and
    the sandbox's IAM role in the Time series options, one request for all fields, the
    results read back from the bucket into the time-series window."""
    from qgis.PyQt.QtCore import QDate

    dock = process_dock(ctx)
    bucket_account(ctx)
    ctx.iface.actionPan().trigger()
    layer = thuringia_fields()
    show_extent(ctx, "EPSG:4326", QgsRectangle(10.88, 50.43, 11.12, 50.56))
    dock.use_engine("statistical")
    engine = dock.current_engine()
    f = dock.form
    dock.layer_combo.setLayer(layer)
    click(f.selectionRadio)
    f.startDate.setDate(QDate(2024, 6, 1))
    f.endDate.setDate(QDate(2024, 9, 30))
    f.resolutionSpin.setValue(100)
    engine.interval_combo.setCurrentIndex(engine.interval_combo.findData("P1M"))
    engine.delivery.bucketEdit.setText(f"s3://{BUCKET}/time-series")
    engine.delivery.roleEdit.setText(SANDBOX_ROLE)
    estimate = dock.update_estimate()
    outcomes: list = []
    dock.processFinished.connect(outcomes.append)
    try:
        click(f.runButton)
        ctx.step("batch time series asked for")
        wait_for(
            lambda: outcomes or (dock.task is None and dock.message_bar.items()),
            240,
            "the batch statistics",
        )
    finally:
        dock.processFinished.disconnect(outcomes.append)
        engine.delivery.bucketEdit.clear()  # the other flows send one request per field
        engine.delivery.roleEdit.clear()
    data: dict = {
        "estimate": estimate,
        "messages": messages(dock.message_bar),
        "status": f.statusLabel.text(),
        "layout": dock_layout(dock, f.formScroll, [f.runButton, f.cancelButton]),
    }
    if not outcomes or engine.dialog is None:
        data["error"] = " | ".join(data["messages"]) or "no time-series window"
        return data
    outcome = outcomes[0]
    chart = engine.dialog.chart
    data.update(
        error=str(outcome.error) if outcome.error else "",
        series={
            s.label: [(p.start.date().isoformat(), p.mean) for p in s.points] for s in chart.series
        },
        table_rows=len(engine.dialog.table_values()) - 1,
        screenshot=screenshot(ctx, "time-series-batch"),
    )
    engine.dialog.close()
    return data


def flow_processing_sentinelhub(ctx: Context) -> dict:
    """The toolbox's Sentinel Hub algorithms run in the application, as a user runs them
    from the Processing toolbox or the Python console: time series of two fields, an image
    delivered to the bucket and copied to disk, and Batch Statistical for the same fields."""
    import processing

    sentinelhub_account(ctx)
    bucket_account(ctx)
    layer = thuringia_fields()
    folder = ctx.work / "toolbox"
    folder.mkdir(exist_ok=True)
    common = {
        "ENDPOINT": "sandbox",
        "COLLECTION": "sentinel-2-l2a",
        "START": "2024-06-01",
        "END": "2024-08-31",
    }
    data: dict = {}
    series = processing.run(
        "eo_explorer:sentinelhub_statistics",
        dict(
            common,
            AREA=layer.id(),
            EVALSCRIPT="ndvi_statistics",
            INTERVAL="P1M",
            RESOLUTION=100,
            OUTPUT="memory:",
            CSV=str(folder / "series.csv"),
        ),
    )
    table = series["OUTPUT"]
    if isinstance(table, str):
        table = QgsProject.instance().mapLayer(table)
    data["statistics"] = {
        "requests": series["REQUESTS"],
        "rows": [
            (f["polygon"], str(f["interval_from"].toString("yyyy-MM"))) for f in table.getFeatures()
        ],
        "csv": (folder / "series.csv").read_text(encoding="utf-8").splitlines()[0],
    }
    ctx.step("statistics algorithm")
    delivered = processing.run(
        "eo_explorer:sentinelhub_async_process",
        dict(
            common,
            END="2024-06-30",
            EXTENT="10.95,11.00,50.47,50.50 [EPSG:4326]",
            EVALSCRIPT="ndvi",
            RESOLUTION=60,
            BUCKET_FOLDER=f"s3://{BUCKET}/toolbox",
            IAM_ROLE=SANDBOX_ROLE,
            OUTPUT=str(folder / "ndvi.tif"),
        ),
    )
    data["async"] = {
        "request_id": delivered["REQUEST_ID"],
        "result_url": delivered["RESULT_URL"],
        "output": delivered["OUTPUT"],
    }
    ctx.step("async algorithm")
    batch = processing.run(
        "eo_explorer:sentinelhub_batch_statistics",
        dict(
            common,
            INPUT=layer.id(),
            INTERVAL="P1M",
            EVALSCRIPT="ndvi_statistics",
            RESOLUTION=100,
            FOLDER=f"s3://{BUCKET}/toolbox-fields",
            IAM_ROLE=SANDBOX_ROLE,
            POLL_SECONDS=1,
            OUTPUT="memory:",
        ),
    )
    joined = batch["OUTPUT"]
    if isinstance(joined, str):
        joined = QgsProject.instance().mapLayer(joined)
    data["batch_statistics"] = {
        "features": joined.featureCount(),
        "names": sorted({f["name"] for f in joined.getFeatures()}),
        "geometries": all(f.hasGeometry() for f in joined.getFeatures()),
    }
    return data


def flow_processing_batch_process(ctx: Context) -> dict:
    """The toolbox's "Sentinel Hub batch process" in the application: NDVI of June 2024
    over Thuringia on the UTM 20 km grid at 60 m, analysed, started (the box checked),
    followed to DONE and gathered in a VRT of the bucket's tiles."""
    import processing

    from eo_explorer.plugin.processing.batch_process_algorithm import SentinelHubBatchAlgorithm

    sentinelhub_account(ctx)
    bucket_account(ctx)
    folder = ctx.work / "toolbox-batch"
    folder.mkdir(exist_ok=True)
    SentinelHubBatchAlgorithm.poll_seconds = 1.0
    result = processing.run(
        "eo_explorer:sentinelhub_batch_process",
        {
            "ENDPOINT": "sandbox",
            "COLLECTION": "sentinel-2-l2a",
            "START": "2024-06-01",
            "END": "2024-06-30",
            "EXTENT": "10.95,11.00,50.47,50.50 [EPSG:4326]",
            "EVALSCRIPT": "ndvi",
            "GRID": 3,  # UTM 20 km grid, 60 m
            "BUCKET_FOLDER": f"s3://{BUCKET}/toolbox-batch",
            "START_PROCESSING": True,
            "MOSAIC": str(folder / "mosaic.vrt"),
        },
    )
    ctx.step(f"batch process algorithm: {result.get('STATUS')}")
    return {key: result.get(key) for key in ("REQUEST_ID", "STATUS", "TILES", "ESTIMATE", "MOSAIC")}
