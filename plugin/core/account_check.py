"""The Accounts dialog's Test button, off the main thread."""

from __future__ import annotations

from qgis.core import QgsTask
from qgis.PyQt.QtCore import pyqtSignal

from ..api.http import HttpClient
from .tasks import unexpected


class AccountCheckTask(QgsTask):
    """The Accounts dialog's Test button, off the main thread."""

    completed = pyqtSignal(object)  # an api.accounts.CheckResult

    def __init__(self, credentials, http: HttpClient, probe_url: str) -> None:
        super().__init__("EO Explorer: test account", QgsTask.Flag.CanCancel)
        self.credentials = credentials
        self.http = http
        self.probe_url = probe_url
        self.result = None

    def run(self) -> bool:
        from ..api.accounts import CheckResult, check_account

        try:
            if self.credentials.service == "cdse-s3" or self.credentials.service.startswith("s3:"):
                from ..assets import s3

                bucket = (
                    self.credentials.service[3:]
                    if self.credentials.service != "cdse-s3"
                    else "eodata"
                )
                ok, message = s3.check(self.credentials, bucket)
                self.result = CheckResult(ok, message, "" if ok else "bad_secret")
                return True
            self.result = check_account(
                self.credentials, self.http, self.probe_url, self.isCanceled
            )
        except Exception as exc:  # noqa: BLE001 - a Test never crashes QGIS
            error = unexpected(exc)
            self.result = CheckResult(False, error.message, "unexpected")
        return True

    def finished(self, result: bool) -> None:  # noqa: ARG002
        self.completed.emit(self.result)
        self.http.close()
