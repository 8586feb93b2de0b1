"""The Process dock's "Image delivered to a bucket (Async API)" engine.

The form's request goes to Sentinel Hub's Async Process API as ONE request (up to
10000 x 10000 px, no tiling) that Sentinel Hub writes to the user's S3 bucket; the dock
follows it, copies the result from the bucket to the output folder and loads it like a
Process result. The workflow is ``sentinelhub/async_process.py``.

Options: the bucket folder (``s3://bucket/folder``, remembered), an IAM role ARN Sentinel
Hub may assume (optional, remembered: no secret leaves QGIS), a consent box that lets
Sentinel Hub use the bucket account's keys (off unless ticked, never remembered), and
"Accounts…" for the bucket's account (its keys also let QGIS read the result).
"""

from __future__ import annotations

from typing import Any, Optional

from qgis.core import QgsApplication, QgsRasterLayer
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import QFormLayout, QWidget

from ...api.accounts import s3_account
from ...api.async_process import (
    ASYNC_MAX_PIXELS,
    AsyncClient,
    Delivery,
    delivery_problem,
    folder_problem,
    role_problem,
    size_problem,
)
from ...api.errors import CredentialsRequired, EOExplorerError
from ...api.evalscripts import guess_style
from ...api.process import output_stem
from ...api.tiling import MAX_PIXELS
from ...core import log, settings
from ...sentinelhub import settings as process_settings
from ...sentinelhub.async_process import (
    POLL_FACTOR,
    POLL_FIRST,
    POLL_MAX,
    AsyncOutcome,
    Fetching,
    Following,
    async_task,
    bucket_keys,
    delivery_for,
)
from ...sentinelhub.styles import add_result
from ...sentinelhub.workflow import unique_path
from ..common.messages import account_refused
from ..common.slots import call
from .delivery import DeliveryOptions
from .engines import Engine
from .run import layer_name


def tr(text: str) -> str:
    return QCoreApplication.translate("@default", text)


class AsyncOptions(DeliveryOptions):
    """Bucket folder, IAM role ARN, the consent box for keys, and Accounts…"""

    def __init__(self, engine: AsyncEngine, parent: Optional[QWidget] = None) -> None:
        super().__init__(
            "async",
            settings.Key.ASYNC_BUCKET_FOLDER,
            settings.Key.ASYNC_IAM_ROLE,
            folder_tip=tr(
                "Where Sentinel Hub writes the image: <folder>/<request id>/<output>.tif. QGIS "
                "reads it from there with the bucket's account."
            ),
            role_tip=tr(
                "An IAM role Sentinel Hub may assume to write to the bucket: no key leaves "
                "QGIS. Sentinel Hub's documentation explains the role's policy."
            ),
            keys_tip=tr(
                "Sends the access and secret key of the bucket's account to Sentinel Hub "
                "with the request, so that it can write the result. Without an IAM role, "
                "Sentinel Hub needs them."
            ),
            on_accounts=lambda: call(engine.dock, engine.open_accounts),
            parent=parent,
        )
        self.setObjectName("asyncOptions")
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)


class AsyncEngine(Engine):
    """One Async Process request delivered to a bucket, followed and loaded."""

    key = "async"
    #: pauses between status checks (first, factor, longest), lower in tests
    poll: tuple[float, float, float] = (POLL_FIRST, POLL_FACTOR, POLL_MAX)

    def title(self) -> str:
        return tr("Image delivered to a bucket (Async API)")

    def run_text(self) -> str:
        return tr("Send to Sentinel Hub")

    def make_options(self, parent: QWidget) -> Optional[QWidget]:
        return AsyncOptions(self, parent)

    @property
    def options(self) -> AsyncOptions:
        widget = self.options_widget()
        assert isinstance(widget, AsyncOptions)
        return widget

    def estimate(self, job: Any) -> Optional[str]:
        width, height = job.grid.width, job.grid.height
        problem = size_problem(width, height)
        if problem:
            return tr(problem)
        return tr(
            "Async API: one request of {w} x {h} px (up to {a} x {a} px; the synchronous "
            "API takes {s} x {s} px per request), written to the bucket, then loaded."
        ).format(w=width, h=height, a=ASYNC_MAX_PIXELS, s=MAX_PIXELS)

    def estimate_text(self) -> Optional[str]:
        """Async's own line: one request for the whole image (the Process plan's request
        count and its limit of requests do not apply)."""
        job = self.dock.build_job(ASYNC_MAX_PIXELS)
        grid = job.grid
        size = tr("{w} × {h} px of {pixel} in EPSG:{epsg}").format(
            w=grid.width, h=grid.height, pixel=job.pixel_size_text(), epsg=grid.epsg
        )
        return size + "\n" + (self.estimate(job) or "")

    def open_accounts(self) -> None:
        folder = self.options.folder()
        bucket = Delivery(folder).bucket if folder.startswith("s3://") else ""
        self.dock.open_accounts(s3_account(bucket) if bucket else "")

    def start(self) -> None:
        dock, options = self.dock, self.options
        request = dock.run_request()
        folder = options.folder()
        role = options.role()
        problem = folder_problem(folder) or role_problem(role)
        if problem:
            raise ValueError(problem)
        options.remember()
        try:
            keys = bucket_keys(folder)
        except CredentialsRequired as exc:
            bucket = Delivery(folder).bucket
            dock.show_error(
                CredentialsRequired(
                    tr(
                        "Set up the account of the bucket {bucket} under Accounts… (endpoint, "
                        "region and keys): QGIS reads the result from there."
                    ).format(bucket=bucket),
                    details=exc.details,
                )
            )
            dock.offer_accounts(s3_account(bucket))
            return
        delivery = delivery_for(folder, role, keys if options.share_keys() else None)
        problem = delivery_problem(delivery)
        if problem:
            raise ValueError(problem)
        endpoint = request.endpoint
        try:
            http = dock.sign_in(endpoint)
        except EOExplorerError as exc:
            dock.show_error(exc)
            dock.offer_accounts(endpoint.account)
            return
        process_settings.set_output_folder(str(request.folder))
        job, info = request.job, request.job.info
        o = job.options
        out_path = unique_path(
            request.folder, output_stem(o.collection, request.script, o.start, o.end)
        )
        styles = {
            i: request.style if i == job.output_ids[0] else guess_style(info.output(i))
            for i in job.output_ids
        }
        name = layer_name(o.collection, request.script, o.start, o.end)
        client = AsyncClient(http, endpoint.url)
        task = async_task(job, delivery, client, out_path, self.poll)
        task.reported.connect(lambda payload: call(dock, self._reported, payload))
        task.completed.connect(
            lambda outcome, t=task: call(
                dock, self._completed, t, outcome, styles, name, endpoint.account
            )
        )
        dock.task = task
        dock.set_running(
            True, tr("Sending one request to the Async API of {host}…").format(host=endpoint.title)
        )
        QgsApplication.taskManager().addTask(task)

    def _reported(self, payload: Any) -> None:
        dock = self.dock
        if isinstance(payload, Following):
            dock.show_status(
                tr(
                    "Request {id} is running on Sentinel Hub ({n} check(s)); next look in {s} s…"
                ).format(id=payload.id, n=payload.checks, s=f"{payload.wait:.0f}")
            )
        elif isinstance(payload, Fetching):
            dock.show_progress(
                90, tr("Done on Sentinel Hub: copying {url}…").format(url=payload.url)
            )

    def _completed(
        self, task, outcome: AsyncOutcome, styles: dict, name: str, account: str
    ) -> None:
        dock = self.dock
        if task is not dock.task:
            return
        dock.task = None
        layers: Optional[list[QgsRasterLayer]] = None
        if outcome.cancelled:
            dock.set_running(False, tr("Stopped following the request."))
            if outcome.request_id:
                dock.show_warning(tr(outcome.stopped_text))
        elif outcome.error is not None:
            dock.set_running(False, tr("The Async request failed."))
            dock.show_error(outcome.error)
            if account_refused(outcome.error):
                dock.offer_accounts(account)
        else:
            dock.set_running(False, None)
            layers = []
            several = len(outcome.outputs) > 1
            for result in reversed(outcome.outputs):
                title = f"{name} · {result.id}" if several else name
                style = styles.get(result.id, "grey")
                layers.insert(
                    0, add_result(result.path, title, style, acquired=(outcome.start, outcome.end))
                )
            dock.show_status(
                tr("Saved {file}, delivered by request {id}.").format(
                    file=outcome.path.name if outcome.path else "", id=outcome.request_id
                )
            )
            log.info(f"Async Process result {outcome.path} from {outcome.result_url}")
        dock.job_finished(outcome, layers)
