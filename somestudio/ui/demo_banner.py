"""The band above the pages of a ``--demo`` window: its data is a throw-away copy.

The demo's folder is deleted when the window quits. Without the band, a person trying the
app wrote a post there and found it gone at the next start; the title's "demo data" alone
was not read as "nothing is kept"."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from somestudio.ui.server_banner import Band


class DemoBanner(Band):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("DemoBanner", parent)
        text = self.tr(
            "Demo: sample posts, accounts and figures to try things on. Nothing here is kept:"
            " what you write or change is deleted when you quit. Your own data is not touched."
        )
        self.label.setText(text)
        self.setAccessibleName(self.tr("Demo data"))
        self.setAccessibleDescription(text)
