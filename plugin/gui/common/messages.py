"""Message-bar messages the docks share."""

from __future__ import annotations

from collections.abc import Callable

from qgis.core import Qgis
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import QPushButton

from ...core import credentials


def tr(text: str) -> str:
    return QCoreApplication.translate("@default", text)  # pylupdate5 files tr() here


def offer_accounts(message_bar, service: str, open_accounts: Callable[[], None], title=None):
    """ "Check the <account> account." with a button that opens the Accounts dialog (a
    refused key or token, HTTP 401/403). Stays until the user closes it."""
    item = message_bar.createMessage(
        title or tr("EO Explorer"),
        tr("Check the {title} account.").format(title=credentials.title(service)),
    )
    button = QPushButton(tr("Accounts…"), item)
    button.clicked.connect(lambda *_: open_accounts())
    item.layout().addWidget(button)
    message_bar.pushWidget(item, Qgis.MessageLevel.Warning, 0)
    return item
