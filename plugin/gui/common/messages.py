"""Message-bar messages the docks share."""

from __future__ import annotations

from collections.abc import Callable

from qgis.core import Qgis
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import QPushButton

from ...core import credentials, log


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


def show_error(message_bar, error: Exception, title: str | None = None) -> None:
    """The one way a dock shows a failure: the error's sentence in the message bar (until
    the user closes it) and, in the EO Explorer message log, the sentence with its details
    (a traceback or the server's answer), when the error carries any."""
    message = str(error)
    details = getattr(error, "details", "")
    message_bar.pushMessage(title or tr("EO Explorer"), message, Qgis.MessageLevel.Critical, 0)
    log.error(message + (f"\n{details}" if details else ""))


def account_refused(error: Exception) -> bool:
    """Whether the user's account needs fixing, so the dock offers the Accounts dialog.

    The one policy of every dock: a sign-in failure (:class:`~plugin.api.auth.AuthError`)
    or a service answering 401/403 — except Sentinel Hub's 403 for an account out of
    processing units, which no key or password fixes. Anything else is a failure to report,
    not the account's fault. (An account not set up at all,
    :class:`~plugin.api.errors.CredentialsRequired`, already says "Set up your … account
    first (EO Explorer ▸ Accounts…)" where the dock signs in.)"""
    from ...api.auth import AuthError

    if isinstance(error, AuthError):
        return True
    if getattr(error, "out_of_units", False):
        return False
    return getattr(error, "status", None) in (401, 403)
