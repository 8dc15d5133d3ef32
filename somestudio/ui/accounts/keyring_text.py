"""Why there is no secure keyring, in the window's language (the app layer gives a code)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from somestudio.app.accounts import KeyringStatus


def keyring_reason(status: KeyringStatus) -> str:
    code = status.code
    if code == "no_service":
        return QCoreApplication.translate(
            "KeyringReason", "no keyring service is running (such as GNOME Keyring or KWallet)"
        )
    if code == "switched_off":
        return QCoreApplication.translate("KeyringReason", "the keyring is switched off")
    if code == "file_backend":
        return QCoreApplication.translate(
            "KeyringReason", "the keyring in use keeps secrets in a plain file, not protected"
        )
    if code == "no_secure_member":
        return QCoreApplication.translate("KeyringReason", "none of the keyrings found is secure")
    if code == "not_recommended":
        return QCoreApplication.translate("KeyringReason", "the keyring in use is not a secure one")
    return QCoreApplication.translate("KeyringReason", "the keyring could not be reached")
