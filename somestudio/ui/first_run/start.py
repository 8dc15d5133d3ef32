"""Whether to welcome: once, on an empty data folder, never in the demo."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from somestudio.app.settings import SettingsStore
from somestudio.app.studio import Studio
from somestudio.domain.utc import utc_now

if TYPE_CHECKING:  # the dialog's modules load only when there is someone to welcome
    from PySide6.QtWidgets import QWidget

    from somestudio.domain.posts import Account
    from somestudio.ui.first_run.welcome_dialog import WelcomeDialog


def wants_welcome(studio: Studio, settings: SettingsStore, *, demo: bool) -> bool:
    if demo or settings.value.welcome_seen:
        return False
    # Text brought back after a crash means the person has started already.
    return not studio.accounts() and studio.post_count() == 0 and not studio.has_unsaved_draft()


def _seen(dialog: WelcomeDialog, settings: SettingsStore) -> None:
    if not dialog.restarting:
        settings.update(welcome_seen=True)


def open_welcome(
    parent: QWidget,
    studio: Studio,
    settings: SettingsStore,
    on_added: Callable[[Account], None],
    on_restart: Callable[[], None],
    *,
    now: Callable[[], datetime] = utc_now,
) -> WelcomeDialog:
    """Open the welcome (non-blocking); closing it in any way marks it seen. ``now``: the
    window's clock (when an account connected there lapses)."""
    from somestudio.app.accounts import Accounts  # noqa: PLC0415 - network clients: first run only
    from somestudio.ui.first_run.welcome_dialog import WelcomeDialog  # noqa: PLC0415
    from somestudio.ui.tasks import Tasks  # noqa: PLC0415

    dialog = WelcomeDialog(Accounts(studio.workspace, now=now), Tasks(parent), settings, parent)
    dialog.account_added.connect(on_added)
    dialog.restart_requested.connect(on_restart)
    dialog.finished.connect(lambda _result: _seen(dialog, settings))
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
