"""The Accounts dialog's Test button: the account tried against its service, off the main
thread, in the one task idiom."""

from __future__ import annotations

from typing import Any

from ..api.accounts import CheckResult, check_account
from ..api.http import HttpClient
from .tasks import Progress, WorkflowTask


def check(credentials: Any, http: HttpClient, probe_url: str, progress: Progress) -> CheckResult:
    """Sign in (or list an S3 bucket) with ``credentials``; what the service said."""
    try:
        service = credentials.service
        if service == "cdse-s3" or service.startswith("s3:"):
            from ..assets import s3

            bucket = service[3:] if service != "cdse-s3" else "eodata"
            ok, message = s3.check(credentials, bucket)
            return CheckResult(ok, message, "" if ok else "bad_secret")
        return check_account(credentials, http, probe_url, progress.is_cancelled)
    finally:
        http.close()  # the test's own client


def AccountCheckTask(credentials: Any, http: HttpClient, probe_url: str) -> WorkflowTask:  # noqa: N802 - reads as the task it makes
    """The Test button's task: ``completed(CheckResult)`` on the main thread."""
    return WorkflowTask(
        "EO Explorer: test account",
        lambda progress: check(credentials, http, probe_url, progress),
        failed=lambda error: CheckResult(False, error.message, "unexpected"),
    )
