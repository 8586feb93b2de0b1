"""The bucket a Sentinel Hub request delivers to: folder, IAM role ARN, consent for keys.

The Async engine and the Statistical engine's Batch Statistical path ask the same three
things: the ``s3://bucket/folder`` Sentinel Hub writes to (remembered), an IAM role ARN it
may assume (optional, remembered: no secret leaves QGIS), and a box that lets it use the
bucket account's keys (off unless ticked, never remembered). :class:`DeliveryOptions`
holds them once; each engine gives its object-name prefix, its settings keys and its own
tooltips (what Sentinel Hub does with the bucket differs).

The Batch Processing engine's folder is not one of these: Sentinel Hub writes there
through the bucket's policy, so it has neither role nor keys.
"""

from __future__ import annotations

from typing import Callable, Optional

from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from ...core import settings

FOLDER_PLACEHOLDER = "s3://bucket/folder"


def tr(text: str) -> str:
    return QCoreApplication.translate("@default", text)


class DeliveryOptions(QWidget):
    """Bucket folder (with "Accounts…" when ``on_accounts`` is given), IAM role ARN and
    the consent box for keys, in a form of their own.

    Widgets are named ``<prefix>BucketEdit``, ``<prefix>RoleEdit``, ``<prefix>KeysCheck``
    and ``<prefix>AccountsButton``. ``optional_folder`` says so in the folder's
    placeholder; ``keys_full_width`` gives the consent box the whole width of the form
    (its text is long for a laptop's dock) instead of the field column.
    """

    def __init__(
        self,
        prefix: str,
        folder_key: str,
        role_key: str,
        *,
        folder_tip: str,
        role_tip: str,
        keys_tip: str,
        optional_folder: bool = False,
        keys_full_width: bool = False,
        on_accounts: Optional[Callable[[], None]] = None,
        parent: Optional[QWidget] = None,
    ) -> None:
        super().__init__(parent)
        self.folder_key, self.role_key = folder_key, role_key
        self.form = layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.bucketEdit = QLineEdit(settings.get(folder_key), self)
        self.bucketEdit.setObjectName(f"{prefix}BucketEdit")
        self.bucketEdit.setPlaceholderText(
            tr("optional: s3://bucket/folder") if optional_folder else FOLDER_PLACEHOLDER
        )
        self.bucketEdit.setToolTip(folder_tip)
        self.accountsButton: Optional[QPushButton] = None
        if on_accounts is None:
            layout.addRow(tr("Bucket folder"), self.bucketEdit)
        else:
            self.accountsButton = QPushButton(tr("Accounts…"), self)
            self.accountsButton.setObjectName(f"{prefix}AccountsButton")
            self.accountsButton.setToolTip(
                tr("Set up the bucket's account (endpoint, region, keys).")
            )
            row = QHBoxLayout()
            row.addWidget(self.bucketEdit, 1)
            row.addWidget(self.accountsButton)
            layout.addRow(tr("Bucket folder"), row)
            self.accountsButton.clicked.connect(lambda *_a: on_accounts())
        self.roleEdit = QLineEdit(settings.get(role_key), self)
        self.roleEdit.setObjectName(f"{prefix}RoleEdit")
        self.roleEdit.setPlaceholderText(tr("optional: arn:aws:iam::123456789012:role/name"))
        self.roleEdit.setToolTip(role_tip)
        layout.addRow(tr("IAM role ARN"), self.roleEdit)
        self.keysCheck = QCheckBox(tr("Let Sentinel Hub use this bucket's keys"), self)
        self.keysCheck.setObjectName(f"{prefix}KeysCheck")
        self.keysCheck.setToolTip(keys_tip)
        if keys_full_width:
            layout.addRow(self.keysCheck)
        else:
            layout.addRow("", self.keysCheck)

    def folder(self) -> str:
        return self.bucketEdit.text().strip()

    def role(self) -> str:
        return self.roleEdit.text().strip()

    def share_keys(self) -> bool:
        """The user ticked the box: the bucket account's keys go with the request."""
        return self.keysCheck.isChecked()

    def remember(self) -> None:
        """Keep the folder and the role for next time (never the consent)."""
        settings.set(self.folder_key, self.folder())
        settings.set(self.role_key, self.role())
