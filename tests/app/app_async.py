"""The Process dock's Async engine inside QGIS: one request delivered by the sandbox's
Sentinel Hub into its bucket, followed, copied and loaded."""

from __future__ import annotations

from app_process import process_dock
from app_ui import (
    Context,
    canvas_settled,
    click,
    dock_layout,
    layer_names,
    messages,
    screenshot,
    show_extent,
    wait_for,
)
from qgis.core import QgsRectangle

BUCKET = "eo-explorer-results"
ROLE = "arn:aws:iam::000000000000:role/eo-explorer-sandbox"


def bucket_account(ctx: Context) -> None:
    """The sandbox bucket's account as the Accounts dialog shows it, saved."""
    from eo_explorer.plugin.api.accounts import Credentials
    from eo_explorer.plugin.core import credentials

    shown = ctx.sandbox["s3:" + BUCKET]
    credentials.save(
        Credentials(
            "s3:" + BUCKET,
            shown["access_key"],
            shown["secret_key"],
            endpoint=shown["endpoint"],
            region=shown.get("region", ""),
        )
    )


def flow_async_dock_picture(ctx: Context) -> dict:
    """NDVI of June 2024 over Thuringia, delivered to s3://eo-explorer-results/async with
    the sandbox's IAM role, then on the map."""
    dock = process_dock(ctx)
    bucket_account(ctx)
    dock.use_engine("async")
    engine = dock.current_engine()
    options = engine.options
    options.bucketEdit.setText(f"s3://{BUCKET}/async")
    options.roleEdit.setText(ROLE)
    ctx.iface.actionPan().trigger()
    show_extent(ctx, "EPSG:4326", QgsRectangle(10.90, 50.45, 11.10, 50.57))
    click(dock.form.extentRadio)
    estimate = dock.update_estimate()
    outcomes: list = []
    dock.processFinished.connect(outcomes.append)
    click(dock.form.runButton)
    ctx.step("async request sent")
    wait_for(
        lambda: outcomes or (dock.task is None and dock.message_bar.items()),
        120,
        "the Async outcome",
    )
    dock.processFinished.disconnect(outcomes.append)
    if not outcomes:
        return {"error": " | ".join(messages(dock.message_bar)), "layers": layer_names()}
    outcome = outcomes[0]
    layer = dock.result_layer if outcome.error is None else None
    ctx.canvas.zoomByFactor(1.25)
    ctx.iface.layerTreeView().expandAll()
    canvas_settled(ctx)
    f = dock.form
    f.formScroll.ensureWidgetVisible(options)  # the engine's options, at the form's end
    return {
        "error": str(outcome.error) if outcome.error else "",
        "messages": messages(dock.message_bar),
        "estimate": estimate,
        "request_id": outcome.request_id,
        "result_url": outcome.result_url,
        "checks": outcome.checks,
        "path": str(outcome.path) if outcome.path else "",
        "layer": layer.name() if layer is not None else "",
        "layer_source": layer.source() if layer is not None else "",
        "layer_valid": bool(layer and layer.isValid()),
        "layers": layer_names(),
        "status": f.statusLabel.text(),
        "layout": dock_layout(dock, f.formScroll, [f.runButton, f.cancelButton]),
        "screenshot": screenshot(ctx, "async-dock"),
    }
