"""An account's sign-in health in words: a short label for the table, a sentence for details."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from somestudio.app.accounts import Health


def health_label(health: Health | None) -> str:
    if health is None:
        return QCoreApplication.translate("AccountHealth", "Checking…")
    return {
        "ok": QCoreApplication.translate("AccountHealth", "Connected"),
        "expiring": QCoreApplication.translate("AccountHealth", "⚠ Expires soon"),
        "reconnect": QCoreApplication.translate("AccountHealth", "⚠ Reconnect"),
        "not_connected": QCoreApplication.translate("AccountHealth", "⚠ Not connected"),
        "no_secure_storage": QCoreApplication.translate("AccountHealth", "⚠ No secure storage"),
        "by_hand": QCoreApplication.translate("AccountHealth", "By hand"),
        "folder": QCoreApplication.translate("AccountHealth", "Folder"),
        "folder_missing": QCoreApplication.translate("AccountHealth", "⚠ Folder missing"),
        "folder_read_only": QCoreApplication.translate("AccountHealth", "⚠ Folder read-only"),
    }.get(health.state, QCoreApplication.translate("AccountHealth", "Keyring did not answer"))


def days_left(health: Health, now: datetime) -> int | None:
    """Whole days until the sign-in lapses, ``now`` being the window's clock."""
    if health.expires_at is None:
        return None
    return max(0, int((health.expires_at - now).total_seconds() // 86400))


def _plain_sentence(state: str) -> str | None:
    """The sentence of a state that says nothing more ("%1": a Local archive's folder)."""
    sentences = {
        "reconnect": QCoreApplication.translate(
            "AccountHealth",
            "Reconnect needed: the network no longer accepts the sign-in and renewing it "
            "failed. Posts to this account fail until you reconnect.",
        ),
        "not_connected": QCoreApplication.translate(
            "AccountHealth", "Not connected: no sign-in is stored. Connect it to publish."
        ),
        "no_secure_storage": QCoreApplication.translate(
            "AccountHealth",
            "No secure storage: this computer has no working system keyring, so no sign-in "
            "is stored and nothing can be published to this account. Set up the keyring, "
            "then connect again.",
        ),
        "by_hand": QCoreApplication.translate(
            "AccountHealth", "You publish this one by hand; Some Studio reminds you at the time."
        ),
        "folder": QCoreApplication.translate(
            "AccountHealth", "Each post is written into its own folder in %1."
        ),
        "folder_missing": QCoreApplication.translate(
            "AccountHealth",
            "The archive folder %1 is not there (a drive not connected?). Posts to this "
            "account fail until it is back.",
        ),
        "folder_read_only": QCoreApplication.translate(
            "AccountHealth",
            "Some Studio may not write into the archive folder %1. Posts to this account "
            "fail until it may (check the folder's permissions).",
        ),
    }
    return sentences.get(state)


def health_sentence(health: Health, now: datetime) -> str:
    days = days_left(health, now)
    state = health.state
    plain = _plain_sentence(state)
    if state == "ok" and days is not None:
        text = QCoreApplication.translate(
            "AccountHealth", "Connected. The sign-in lasts %1 more days."
        ).replace("%1", str(days))
    elif state == "ok":
        text = QCoreApplication.translate("AccountHealth", "Connected.")
    elif state == "expiring":
        text = QCoreApplication.translate(
            "AccountHealth",
            "The sign-in lapses in %1 days. Reconnect with a new token before then.",
        ).replace("%1", str(max(1, days or 0)))
    elif state == "folder" and not health.where:
        text = QCoreApplication.translate(
            "AccountHealth", "Each post is written into its own folder."
        )
    elif plain is not None:
        text = plain.replace("%1", health.where or "–")
    else:
        text = health.message
    if state in ("reconnect", "unknown") and health.message and text != health.message:
        text += " (" + health.message + ")"
    if health.note:
        text += "\n" + QCoreApplication.translate(
            "AccountHealth",
            "Images: no public image folder address is set, so posts with images will not "
            "go out (the network fetches images from the web). Set one with Reconnect.",
        )
    return text
