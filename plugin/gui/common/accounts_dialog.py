"""Accounts: one entry per service (and per custom catalog), Save, Test, Remove."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from qgis.core import QgsApplication
from qgis.PyQt import uic
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtWidgets import QDialog, QLineEdit, QListWidgetItem

from ...api.accounts import (
    API_KEY,
    AWS_S3_ENDPOINT,
    CDSE_S3_ENDPOINT,
    CUSTOM_BASIC,
    CUSTOM_BEARER,
    CUSTOM_HEADER,
    CUSTOM_NONE,
    OAUTH_CLIENT,
    OFFLINE_TOKEN,
    PASSWORD,
    S3_KEYS,
    S3_PREFIX,
    SERVICES,
    Credentials,
)
from ...api.catalogs import Catalog
from ...api.errors import EOExplorerError
from ...core import credentials, log, settings
from ...core.account_check import AccountCheckTask
from ...core.network import plain_client
from ...core.tasks import WorkflowTask

FORM, _ = uic.loadUiType(str(Path(__file__).resolve().parents[3] / "ui" / "accounts_dialog.ui"))
SERVICE_ROLE = Qt.ItemDataRole.UserRole + 1

HELP = {
    OAUTH_CLIENT: "An OAuth client of your account (Dashboard ▸ User settings ▸ OAuth clients).",
    PASSWORD: "Your Copernicus Data Space login, used to download products.",
    API_KEY: "A workspace API key from app.constellr.com ▸ Account ▸ Workspace API keys.",
    OFFLINE_TOKEN: "Your ESA MAAP offline token (valid 90 days), from the MAAP portal.",
    S3_KEYS: "S3 access and secret keys (CDSE: eodata.dataspace.copernicus.eu ▸ S3 "
    "credentials), for assets that are only on S3.",
}
BUCKET_HELP = (
    "An S3 bucket whose objects catalogs link to as s3://bucket/… (Constellr deliveries): "
    "its endpoint (empty: AWS), region, and access and secret keys, or none for a public "
    "bucket. The keys are given only to requests for this bucket."
)
#: the list entry that adds a bucket account
NEW_BUCKET = S3_PREFIX
STYLES = (
    (CUSTOM_NONE, "None"),
    (CUSTOM_BASIC, "HTTP Basic"),
    (CUSTOM_BEARER, "Bearer token"),
    (CUSTOM_HEADER, "Header and value"),
)


def tr(text: str) -> str:
    return QCoreApplication.translate("@default", text)  # pylupdate5 files tr() here


class AccountsDialog(QDialog):
    def __init__(self, parent=None, service: str = "", catalogs: Sequence[Catalog] = ()) -> None:
        super().__init__(parent)
        self.form = FORM()
        self.form.setupUi(self)
        self.catalogs = list(catalogs)
        self.task: WorkflowTask | None = None
        f = self.form
        for key, label in STYLES:
            f.styleCombo.addItem(tr(label), key)
        for known in SERVICES.values():
            self._add(known.id, known.title)
        for catalog in self.catalogs:
            if not catalog.builtin:
                self._add(
                    f"catalog:{catalog.id}", tr("Catalog: {title}").format(title=catalog.title)
                )
        try:
            buckets = credentials.s3_accounts()
        except EOExplorerError:
            buckets = []
        for bucket in buckets:
            self._add(bucket, credentials.title(bucket))
        self._add(NEW_BUCKET, tr("New S3 bucket…"))
        f.accountList.currentItemChanged.connect(self._show)
        f.anonymousCheck.toggled.connect(self._style_changed)
        f.styleCombo.currentIndexChanged.connect(self._style_changed)
        f.showSecretCheck.toggled.connect(self._show_secret)
        f.saveButton.clicked.connect(self.save)
        f.testButton.clicked.connect(self.test)
        f.removeButton.clicked.connect(self.remove)
        f.buttonBox.rejected.connect(self.reject)
        self.select(service or "sentinelhub")

    # -- list -------------------------------------------------------------------------

    def _add(self, service: str, text: str) -> None:
        item = QListWidgetItem(text)
        item.setData(SERVICE_ROLE, service)
        self.form.accountList.addItem(item)

    def select(self, service: str) -> None:
        widget = self.form.accountList
        for row in range(widget.count()):
            if widget.item(row).data(SERVICE_ROLE) == service:
                widget.setCurrentRow(row)
                return
        widget.setCurrentRow(0)

    @property
    def service(self) -> str:
        item = self.form.accountList.currentItem()
        return item.data(SERVICE_ROLE) if item else ""

    def _marks(self) -> None:
        widget = self.form.accountList
        for row in range(widget.count()):
            item = widget.item(row)
            saved = bool(credentials.authcfg(item.data(SERVICE_ROLE)))
            text = item.text().lstrip("✓ ").strip()
            item.setText(("✓ " if saved else "") + text)

    # -- form -------------------------------------------------------------------------

    def _show(self, *_args) -> None:
        f = self.form
        service = self.service
        known = SERVICES.get(service)
        f.resultLabel.clear()
        f.titleLabel.setText(
            tr("New S3 bucket") if service == NEW_BUCKET else credentials.title(service)
        )
        f.helpLabel.setText(
            tr(HELP.get(known.kind, ""))
            if known
            else tr(BUCKET_HELP)
            if _is_bucket(service)
            else tr("How this STAC API wants requests to be authenticated.")
        )
        try:
            saved = credentials.load(service) if credentials.authcfg(service) else None
        except EOExplorerError as exc:
            f.resultLabel.setText(str(exc))
            saved = None
        saved = saved or Credentials(service=service, style=CUSTOM_NONE)
        f.styleCombo.setCurrentIndex(max(0, f.styleCombo.findData(saved.style or CUSTOM_NONE)))
        f.headerEdit.setText(saved.header)
        f.userEdit.setText(saved.username)
        f.secretEdit.setText(saved.secret)
        s3_like = _is_bucket(service) or bool(known and known.kind == S3_KEYS)
        f.tokenUrlEdit.setText(saved.endpoint if s3_like else saved.token_url)
        f.bucketEdit.setText(service[len(S3_PREFIX) :] if _is_bucket(service) else "")
        f.bucketEdit.setReadOnly(service != NEW_BUCKET)
        f.regionEdit.setText(saved.region)
        f.anonymousCheck.setChecked(saved.anonymous)
        f.requesterPaysCheck.setChecked(saved.requester_pays)
        f.removeButton.setEnabled(bool(credentials.authcfg(service)))
        self._sandbox_hint(service)
        self._layout_fields()
        self._marks()

    def _sandbox_hint(self, service: str) -> None:
        """In the sandbox of ``make run``: show the demo credentials, point at its server."""
        demo = settings.sandbox_config().get(service)
        if not isinstance(demo, dict):
            return
        f = self.form
        if service == "sentinelhub":
            text = tr("Sandbox: client id {id}, secret {secret}.").format(
                id=demo.get("client_id"), secret=demo.get("client_secret")
            )
            if not f.tokenUrlEdit.text():
                f.tokenUrlEdit.setText(str(demo.get("token_url") or ""))
        elif service == "constellr":
            text = tr("Sandbox: API key {key}.").format(key=demo.get("api_key"))
        elif _is_bucket(service):
            text = tr("Sandbox: access key {key}, secret key {secret}.").format(
                key=demo.get("access_key"), secret=demo.get("secret_key")
            )
            if not f.tokenUrlEdit.text():
                f.tokenUrlEdit.setText(str(demo.get("endpoint") or ""))
        else:
            return
        f.helpLabel.setText(f.helpLabel.text() + " " + text)

    def _style_changed(self, *_args) -> None:
        self._layout_fields()

    def _layout_fields(self) -> None:
        f = self.form
        known = SERVICES.get(self.service)
        style = f.styleCombo.currentData()
        bucket = _is_bucket(self.service)
        if bucket:  # a bucket account is shaped like the S3 keys account
            known = SERVICES["cdse-s3"]
        custom = known is None
        user_label = known.user_label if known else tr("Username")
        secret_label = (
            known.secret_label
            if known
            else {CUSTOM_BASIC: "Password", CUSTOM_BEARER: "Token", CUSTOM_HEADER: "Value"}.get(
                style, "Secret"
            )
        )
        anonymous = bucket and f.anonymousCheck.isChecked()
        shows_user = (bool(known.user_label) if known else style == CUSTOM_BASIC) and not anonymous
        shows_secret = (not custom or style != CUSTOM_NONE) and not anonymous
        for widget in (f.styleLabel, f.styleCombo):
            widget.setVisible(custom)
        for widget in (f.headerLabel, f.headerEdit):
            widget.setVisible(custom and style == CUSTOM_HEADER)
        for widget in (f.userLabel, f.userEdit):
            widget.setVisible(shows_user)
        for widget in (f.secretLabel, f.secretEdit, f.showSecretCheck):
            widget.setVisible(shows_secret)
        is_s3 = bool(known and known.kind == S3_KEYS)
        for widget in (f.tokenUrlLabel, f.tokenUrlEdit):
            widget.setVisible(bool(known and (known.token_url or is_s3)))
        f.tokenUrlLabel.setText(tr("S3 endpoint") if is_s3 else tr("Token URL"))
        if is_s3:
            f.tokenUrlEdit.setPlaceholderText(AWS_S3_ENDPOINT if bucket else CDSE_S3_ENDPOINT)
        for widget in (
            f.bucketLabel,
            f.bucketEdit,
            f.regionLabel,
            f.regionEdit,
            f.anonymousCheck,
            f.requesterPaysCheck,
        ):
            widget.setVisible(bucket)
        f.userLabel.setText(tr(user_label))
        f.secretLabel.setText(tr(secret_label))
        if known and known.token_url:
            f.tokenUrlEdit.setPlaceholderText(known.token_url)

    def _show_secret(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.form.secretEdit.setEchoMode(mode)

    def credentials_in_form(self) -> Credentials:
        f = self.form
        if _is_bucket(self.service):
            anonymous = f.anonymousCheck.isChecked()
            return Credentials(
                service=S3_PREFIX + f.bucketEdit.text().strip(),
                username="" if anonymous else f.userEdit.text().strip(),
                secret="" if anonymous else f.secretEdit.text().strip(),
                endpoint=f.tokenUrlEdit.text().strip(),
                region=f.regionEdit.text().strip(),
                anonymous=anonymous,
                requester_pays=f.requesterPaysCheck.isChecked(),
            )
        known = SERVICES.get(self.service)
        return Credentials(
            service=self.service,
            username=f.userEdit.text().strip() if f.userEdit.isVisibleTo(self) else "",
            secret=f.secretEdit.text().strip(),
            token_url=f.tokenUrlEdit.text().strip() if known and known.token_url else "",
            endpoint=f.tokenUrlEdit.text().strip() if known and known.kind == S3_KEYS else "",
            style="" if known else f.styleCombo.currentData(),
            header=f.headerEdit.text().strip() if not known else "",
        )

    # -- actions ----------------------------------------------------------------------

    def save(self) -> bool:
        entered = self.credentials_in_form()
        if entered.service == NEW_BUCKET or "/" in entered.service:
            self.form.resultLabel.setText(tr("Enter the bucket's name (without s3:// or /)."))
            return False
        if not entered.complete:
            self.form.resultLabel.setText(tr("Fill in every field first."))
            return False
        try:
            credentials.save(entered)
        except EOExplorerError as exc:
            self.form.resultLabel.setText(str(exc))
            return False
        log.info(
            f"Saved the {credentials.title(entered.service)} account "
            f"(authcfg {credentials.authcfg(entered.service)})."
        )
        if self.service == NEW_BUCKET:  # the new bucket gets its own entry
            row = self.form.accountList.count() - 1
            item = QListWidgetItem(credentials.title(entered.service))
            item.setData(SERVICE_ROLE, entered.service)
            self.form.accountList.insertItem(row, item)
            self.select(entered.service)
        self.form.resultLabel.setText(tr("Saved in the QGIS authentication database."))
        self.form.removeButton.setEnabled(True)
        self._marks()
        return True

    def remove(self) -> None:
        try:
            credentials.delete(self.service)
        except EOExplorerError as exc:
            self.form.resultLabel.setText(str(exc))
            return
        if _is_bucket(self.service) and self.service != NEW_BUCKET:
            self.form.accountList.takeItem(self.form.accountList.currentRow())
            self.select(NEW_BUCKET)
        self._show()
        self.form.resultLabel.setText(tr("Removed."))

    def probe_url(self, service: str) -> str:
        """A catalog that uses this account: the Test reads its landing page."""
        for catalog in self.catalogs:
            if (catalog.account or f"catalog:{catalog.id}") == service:
                return catalog.url
        return ""

    def test(self) -> None:
        if self.task is not None:
            return
        entered = self.credentials_in_form()
        self.form.resultLabel.setText(tr("Testing…"))
        self.form.testButton.setEnabled(False)
        task = AccountCheckTask(entered, plain_client(), self.probe_url(entered.service))
        task.completed.connect(self._tested)
        self.task = task
        QgsApplication.taskManager().addTask(task)

    def _tested(self, result) -> None:
        self.task = None
        try:
            self.form.testButton.setEnabled(True)
            prefix = "✔ " if result.ok else "✖ "
            self.form.resultLabel.setText(prefix + result.message)
        except RuntimeError:
            pass  # the dialog was closed meanwhile

    def done(self, code: int) -> None:
        if self.task is not None:
            self.task.cancel()
        super().done(code)


def _is_bucket(service: str) -> bool:
    """An ``s3:<bucket>`` account, or the entry that adds one."""
    return service.startswith(S3_PREFIX)
