"""The guideline ("someohjeistus") editor: rules checked in the composer, example posts, and
the shared file to import or export."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from somestudio.app.plan_library import PlanLibrary
from somestudio.domain.guidelines import Discouraged, ExamplePost, Rulebook, RulebookError
from somestudio.ui.file_folders import DOCUMENTS, as_kind, start_in
from somestudio.ui.storage_text import storage_text
from somestudio.ui.tasks import Tasks

NO_LIMIT = -1


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class GuidelinesView(QWidget):
    changed = Signal()

    def __init__(
        self, library: PlanLibrary, parent: QWidget | None = None, *, tasks: Tasks | None = None
    ) -> None:
        """``tasks``: where the guidelines are read (the Plan page's worker); without it, at
        once on this thread. The form is disabled until they are back, so nothing typed
        meanwhile is overwritten."""
        super().__init__(parent)
        self._library = library
        self._tasks = tasks or Tasks(self, synchronous=True)
        self.name = QLineEdit()
        self.banned = QPlainTextEdit()
        self.banned.setPlaceholderText(self.tr("one word a line; halp* matches any ending"))
        self.discouraged = QPlainTextEdit()
        self.discouraged.setPlaceholderText(self.tr("one a line: word => what to say instead"))
        self.disclosure = QLineEdit()
        self.max_hashtags = self._limit_box()
        self.max_emoji = self._limit_box()
        self.alt_text = QCheckBox(self.tr("Every image needs an alt text"))
        self.utm = QPlainTextEdit()
        self.utm.setPlaceholderText(
            self.tr("one channel a line: mastodon: utm_source=mastodon&utm_medium=social")
        )
        self.examples = QPlainTextEdit()
        self.examples.setPlaceholderText(
            self.tr("example posts, separated by a line with three dashes (---)")
        )
        for box in (self.banned, self.discouraged, self.utm):
            box.setMaximumHeight(self.fontMetrics().lineSpacing() * 4)
        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Banned words:"), self.banned)
        form.addRow(self.tr("Words to avoid:"), self.discouraged)
        form.addRow(self.tr("Paid collaboration tags:"), self.disclosure)
        form.addRow(self.tr("Most hashtags:"), self.max_hashtags)
        form.addRow(self.tr("Most emoji:"), self.max_emoji)
        form.addRow("", self.alt_text)
        form.addRow(self.tr("UTM tags per channel:"), self.utm)
        form.addRow(self.tr("Example posts:"), self.examples)
        save = QPushButton(self.tr("Save guidelines"))
        save.clicked.connect(self.save)
        import_button = QPushButton(self.tr("Import file…"))
        import_button.clicked.connect(self._choose_import)
        export_button = QPushButton(self.tr("Export file…"))
        export_button.clicked.connect(self._choose_export)
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(save)
        buttons.addWidget(import_button)
        buttons.addWidget(export_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Your team's social media guideline. The composer checks every post against "
                "it as you write; share it as a file so everyone uses the same one."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(form, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.feedback)
        self.setEnabled(False)
        self._saved: Rulebook | None = None  # as stored: what is typed over it is kept
        self._tasks.run(library.rulebook, self._loaded, self._not_loaded)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.save_if_changed)

    def _loaded(self, book: Rulebook) -> None:
        self.show_rulebook(book)
        self._saved = self.rulebook()  # the form's reading of it, to compare with
        self.setEnabled(True)

    def hideEvent(self, event: QHideEvent) -> None:
        # Leaving the tab or the page (or quitting) keeps what was typed: words added and
        # not saved with the button were gone at the next start, without a word.
        self.save_if_changed()
        super().hideEvent(event)

    def save_if_changed(self) -> None:
        if self._saved is not None and self.rulebook() != self._saved:
            self.save()
            # Said as such: the button's "saved" line, or none, left the user guessing.
            self.feedback.setText(
                self.tr("Your changes to the guidelines were saved when you left them.")
            )

    def _not_loaded(self, error: BaseException) -> None:
        self.setEnabled(True)
        self.feedback.setText(
            self.tr("The guidelines could not be read: %1").replace("%1", str(error))
        )

    def _limit_box(self) -> QSpinBox:
        box = QSpinBox()
        box.setRange(NO_LIMIT, 99)
        box.setSpecialValueText(self.tr("no limit"))
        box.setValue(NO_LIMIT)
        return box

    def show_rulebook(self, book: Rulebook) -> None:
        self.name.setText(book.name)
        self.banned.setPlainText("\n".join(book.banned_words))
        self.discouraged.setPlainText(
            "\n".join(
                f"{d.word} => {d.instead}" if d.instead else d.word for d in book.discouraged_words
            )
        )
        self.disclosure.setText(" ".join(book.disclosure_tags))
        self.max_hashtags.setValue(NO_LIMIT if book.max_hashtags is None else book.max_hashtags)
        self.max_emoji.setValue(NO_LIMIT if book.max_emoji is None else book.max_emoji)
        self.alt_text.setChecked(book.require_alt_text)
        self.utm.setPlainText(
            "\n".join(
                f"{channel}: " + "&".join(f"{k}={v}" for k, v in params.items())
                for channel, params in book.utm.items()
            )
        )
        self.examples.setPlainText("\n---\n".join(e.text for e in book.examples))

    def rulebook(self) -> Rulebook:
        discouraged = []
        for line in _lines(self.discouraged.toPlainText()):
            word, _, instead = line.partition("=>")
            discouraged.append(Discouraged(word.strip(), instead.strip()))
        utm: dict[str, dict[str, str]] = {}
        for line in _lines(self.utm.toPlainText()):
            channel, _, query = line.partition(":")
            pairs = [p.partition("=") for p in query.strip().split("&") if "=" in p]
            utm[channel.strip().lower()] = {k.strip(): v.strip() for k, _, v in pairs}
        examples = [
            ExamplePost(part.strip().splitlines()[0][:60], part.strip())
            for part in self.examples.toPlainText().split("\n---\n")
            if part.strip()
        ]
        return Rulebook(
            name=self.name.text().strip(),
            banned_words=tuple(_lines(self.banned.toPlainText())),
            discouraged_words=tuple(discouraged),
            disclosure_tags=tuple(self.disclosure.text().replace(",", " ").split()),
            max_hashtags=None
            if self.max_hashtags.value() == NO_LIMIT
            else self.max_hashtags.value(),
            max_emoji=None if self.max_emoji.value() == NO_LIMIT else self.max_emoji.value(),
            require_alt_text=self.alt_text.isChecked(),
            utm=utm,
            examples=tuple(examples),
        )

    def save(self) -> None:
        book = self.rulebook()
        self._library.save_rulebook(book)
        self._saved = book
        self.feedback.setText(self.tr("Guidelines saved; the composer checks them now."))
        self.changed.emit()

    def import_file(self, path: Path) -> None:
        try:
            book = self._library.import_rulebook(path)
        except RulebookError as exc:
            self.feedback.setText(self.tr("Could not use that file: %1").replace("%1", str(exc)))
            return
        self.show_rulebook(book)
        self._saved = self.rulebook()
        self.feedback.setText(self.tr("Guidelines imported from %1.").replace("%1", path.name))
        self.changed.emit()

    def export_file(self, path: Path) -> None:
        self.save()
        try:
            self._library.export_rulebook(path)
        except OSError as exc:
            text = storage_text(exc)  # a refusal (inside the data folder) in our words
            self.feedback.setText(self.tr("Could not write the file: %1").replace("%1", text))
            return
        self.feedback.setText(self.tr("Guidelines exported to %1.").replace("%1", path.name))

    def _choose_import(self) -> None:
        dialog = QFileDialog(self, self.tr("Import guidelines"))
        dialog.setNameFilter(self.tr("Guideline files (*.json)"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        start_in(dialog, DOCUMENTS)
        dialog.fileSelected.connect(lambda name: self.import_file(Path(name)))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _choose_export(self) -> None:
        dialog = QFileDialog(self, self.tr("Export guidelines"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("json")
        start_in(dialog, DOCUMENTS)
        # A file name in the user's language ("someohjeistus" in Finnish).
        dialog.selectFile(self.tr("social-media-guidelines") + ".json")
        dialog.fileSelected.connect(lambda name: self.export_file(as_kind(name, "json")))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
