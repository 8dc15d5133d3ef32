"""The composer's planning tools, attached to the Compose page from outside it: a template,
a hashtag group, a channel's signature or call to action with one click, links tagged per
channel, a paid-collaboration box and labels — and the guideline findings, added to the
page's findings list after each check."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QCheckBox,
    QInputDialog,
    QMenu,
    QPushButton,
    QWidget,
)

from somestudio.app.plan_library import PlanLibrary, with_signature
from somestudio.app.studio import Studio
from somestudio.domain.findings import Severity
from somestudio.domain.guidelines import fill, tag_links
from somestudio.ui.composer.findings_list import Entry, Place
from somestudio.ui.composer.flow_layout import FlowLayout
from somestudio.ui.network_names import network_name
from somestudio.ui.theme import SPACE, network_icon
from somestudio.ui.theme.campaigns import campaign_colours, swatch


class ComposerTools(QWidget):
    def __init__(
        self,
        page: Any,
        studio: Studio,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        """``today``: today in the window's zone, by its clock (a template's {date})."""
        super().__init__(parent)
        self.setObjectName("ComposerTools")
        self._page = page
        self._today = today
        self._library = PlanLibrary(studio.workspace)
        self._collabs = studio.collabs()
        self._loaded: int | None = None
        self.labels: list[str] = []
        self.template_button = self._menu_button(self.tr("Template"), self._fill_templates)
        self.hashtag_button = self._menu_button(self.tr("Hashtags"), self._fill_hashtags)
        self.signature_button = self._menu_button(
            self.tr("Signature / call to action"), self._fill_signatures
        )
        self.labels_button = self._menu_button(self.tr("Labels"), self._fill_labels)
        self.tag_button = QPushButton(self.tr("Tag links"))
        self.tag_button.setToolTip(self.tr("Add each channel's UTM tags to the links"))
        self.tag_button.clicked.connect(self.tag_links)
        self.paid = QCheckBox(self.tr("Paid collaboration"))
        self.paid.setObjectName("PaidCollaboration")
        self.paid.toggled.connect(lambda _: page.run_checks())
        # A narrow window (1024 px with the Drafts panel open) wraps the row onto a second
        # line rather than cutting the buttons' words.
        layout = FlowLayout(self, spacing=SPACE.s)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (
            self.template_button,
            self.hashtag_button,
            self.signature_button,
            self.tag_button,
            self.labels_button,
            self.paid,
        ):
            layout.addWidget(widget)
        page.checked.connect(self._after_check)
        page.draft_saved.connect(self._saved)

    def set_text_tools_enabled(self, enabled: bool) -> None:
        """The tools that change the text (a template, hashtags, a signature, link tags);
        the labels and the paid-collaboration box stay."""
        for button in (
            self.template_button,
            self.hashtag_button,
            self.signature_button,
            self.tag_button,
        ):
            button.setEnabled(enabled)

    def _menu_button(self, text: str, fill_menu: Any) -> QPushButton:
        # A push button with a menu: its arrow has a place of its own beside the words (a
        # tool button's was drawn over the last letter).
        button = QPushButton(text)
        menu = QMenu(button)
        menu.aboutToShow.connect(lambda: fill_menu(menu))
        button.setMenu(menu)
        return button

    # -- inserting
    def insert_template(self, body: str) -> None:
        today = self._today()
        values = {
            "date": f"{today.day}.{today.month}.{today.year}",
            "weekday": QLocale().dayName(today.isoweekday()),
        }
        editor = self._page.editor
        editor.insertPlainText(fill(body, values))
        editor.setFocus()

    def insert_at_end(self, addition: str) -> None:
        editor = self._page.editor
        editor.set_text(with_signature(editor.text(), addition))
        self._page.run_checks()

    def add_to_account(self, account_id: int, addition: str) -> None:
        panel = self._page.panel(account_id)
        if panel is None:
            return
        current = panel.variant_text()
        base = self._page.editor.text() if current is None else current
        panel.set_variant(with_signature(base, addition))
        self._page.run_checks()

    def tag_links(self) -> None:
        utm = self._library.rulebook().utm
        for account_id in self._page.checked_account_ids():
            panel = self._page.panel(account_id)
            params = utm.get(panel.target.network.value) if panel is not None else None
            if panel is None or not params:
                continue
            current = panel.variant_text()
            text = self._page.editor.text() if current is None else current
            tagged = tag_links(text, params)
            if tagged != text:
                panel.set_variant(tagged)
        self._page.run_checks()

    # -- menus
    def _fill_templates(self, menu: QMenu) -> None:
        menu.clear()
        for template in self._library.templates():
            action = menu.addAction(template.name)
            action.setToolTip(template.body)
            action.triggered.connect(lambda _=False, b=template.body: self.insert_template(b))
        if menu.actions():
            menu.addSeparator()
        menu.addAction(self.tr("Save this text as a template…")).triggered.connect(
            self._save_template
        )

    def _fill_hashtags(self, menu: QMenu) -> None:
        menu.clear()
        for group in self._library.hashtag_groups():
            action = menu.addAction(f"{group.name}: {group.tags}")
            action.triggered.connect(lambda _=False, t=group.tags: self.insert_at_end(t))
        if menu.actions():
            menu.addSeparator()
        menu.addAction(self.tr("New hashtag group…")).triggered.connect(self._new_group)

    def _fill_signatures(self, menu: QMenu) -> None:
        menu.clear()
        defaults = self._library.channel_defaults()
        for account_id in self._page.checked_account_ids():
            panel = self._page.panel(account_id)
            if panel is None:
                continue
            network = panel.target.network
            signature, action_text = defaults.get(network.value, ("", ""))
            name = f"{network_name(network)} · {panel.target.label}"
            for label, text in (
                (self.tr("Signature"), signature),
                (self.tr("Call to action"), action_text),
            ):
                if text:
                    action = menu.addAction(network_icon(network), f"{name}: {label}")
                    action.setToolTip(text)
                    action.triggered.connect(
                        lambda _=False, a=account_id, t=text: self.add_to_account(a, t)
                    )
        if not menu.actions():
            menu.addAction(self.tr("Tick an account that has a signature set")).setEnabled(False)
        menu.addSeparator()
        menu.addAction(self.tr("Set a channel's signature…")).triggered.connect(self._set_signature)

    def _fill_labels(self, menu: QMenu) -> None:
        menu.clear()
        labels = self._library.labels()
        shown = campaign_colours(labels)  # in the scheme of the moment the menu opens
        for name, _colour in labels:
            action = menu.addAction(swatch(shown[name]), name)
            action.setCheckable(True)
            action.setChecked(name in self.labels)
            action.toggled.connect(lambda on, n=name: self._toggle_label(n, on))
        if not menu.actions():
            menu.addAction(self.tr("No labels yet: add them on the Plan page")).setEnabled(False)

    def _toggle_label(self, name: str, on: bool) -> None:
        self.labels = [n for n in self.labels if n != name] + ([name] if on else [])
        self._show_labels()

    def _show_labels(self) -> None:
        text = self.tr("Labels")
        self.labels_button.setText(f"{text}: {', '.join(self.labels)}" if self.labels else text)

    # -- small questions
    def _save_template(self) -> None:
        body = self._page.editor.text()
        if not body.strip():
            return
        self._ask(self.tr("Template name:"), lambda name: self._library.save_template(name, body))

    def _new_group(self) -> None:
        def named(name: str) -> None:
            self._ask(
                self.tr("Hashtags:"), lambda tags: self._library.save_hashtag_group(name, tags)
            )

        self._ask(self.tr("Group name:"), named)

    def _set_signature(self) -> None:
        ids = self._page.checked_account_ids()
        panel = self._page.panel(ids[0]) if ids else None
        if panel is None:
            return
        network = panel.target.network.value
        current = self._library.channel_defaults().get(network, ("", ""))

        def signed(signature: str) -> None:
            def acted(call: str) -> None:
                self._library.set_channel_defaults(network, signature, call)

            self._ask(self.tr("Call to action:"), acted, current[1])

        self._ask(
            self.tr("Signature for %1:").replace("%1", network_name(panel.target.network)),
            signed,
            current[0],
        )

    def _ask(self, label: str, then: Any, text: str = "") -> None:
        dialog = QInputDialog(self)
        dialog.setLabelText(label)
        dialog.setTextValue(text)
        dialog.textValueSelected.connect(
            lambda value: then(value.strip()) if value.strip() else None
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    @property
    def loaded_post(self) -> int | None:
        """The post whose flags the boxes show."""
        return self._loaded

    # -- the page's lifecycle
    def _after_check(self) -> None:
        editing = self._page.editing
        recovered = self._page.take_recovered_extras()
        if recovered is not None:  # unsaved work brought back: its box and labels, as left
            self._loaded = editing
            saved_paid, saved_labels = (
                self._library.post_extras(editing) if editing else (False, [])
            )
            paid, labels = recovered
            self._show_extras(
                saved_paid if paid is None else paid,
                saved_labels if labels is None else list(labels),
            )
        elif editing != self._loaded:
            self._loaded = editing
            self._show_extras(*(self._library.post_extras(editing) if editing else (False, [])))
        self.show_guidelines()

    def _show_extras(self, paid: bool, labels: list[str]) -> None:
        self.paid.blockSignals(True)
        self.paid.setChecked(paid)
        self.paid.blockSignals(False)
        self.labels = labels
        self._show_labels()

    def show_guidelines(self) -> None:
        report = self._page.report
        if report is None:
            return
        draft = self._page.current_draft()
        targets = [r.target for r in report.targets.values()]
        lang = QLocale().name()
        found = self._library.check_draft(draft, targets, paid=self.paid.isChecked(), lang=lang)
        entries: list[Entry] = []
        for account in found:
            for f in account.findings:
                if f.index >= 0:
                    place = Place("media", account.account_id, f.index)
                elif account.own:
                    place = Place("variant", account.account_id, 0, f.start, f.end)
                else:
                    place = Place("base", 0, 0, f.start, f.end)
                # In an account's own text: said whose (the same words twice, nothing to
                # tell the main text's finding from Mastodon's own).
                message = f"{account.label}: {f.message}" if account.own else f.message
                entries.append(Entry(f.severity, message, place, account.label))
        entries += self._disclosure_entries(report, draft, lang)
        if not entries:
            return
        unique = {(e.message, e.place): e for e in entries}
        existing = [e for e in self._page.findings.entries()]
        combined = existing + [
            e
            for k, e in unique.items()
            if (k[0], k[1]) not in {(x.message, x.place) for x in existing}
        ]
        combined.sort(key=lambda e: (e.severity is not Severity.ERROR, e.place.start))
        self._page.findings.show_entries(combined)

    def _disclosure_entries(self, report: Any, draft: Any, lang: str) -> list[Entry]:
        """A paid collaboration's post must open with the marking and the partner, before
        each network's fold (the same rule the publish gate holds it to)."""
        post_id = self._page.editing
        paid = self.paid.isChecked()
        if not paid and (not post_id or self._collabs.partner_of_post(post_id) is None):
            return []
        entries: list[Entry] = []
        for target_report in report.targets.values():
            target = target_report.target
            if target.channel is None:
                continue
            own = target.account_id in draft.variants
            text = target_report.thread[0] if target_report.thread else target_report.text
            found = self._collabs.disclosure(
                post_id,
                text,
                target.channel,
                channel_name=network_name(target.network),
                lang=lang,
                paid=paid,
            )
            for f in found:
                if own:
                    place = Place("variant", target.account_id, 0, f.start, f.end)
                else:
                    place = Place("base", 0, 0, f.start, f.end)
                entries.append(Entry(f.severity, f.message, place, target.label))
        return entries

    def _saved(self, post_id: int) -> None:
        if post_id:
            self._library.set_post_extras(post_id, paid=self.paid.isChecked(), labels=self.labels)
            # The boxes now show that post's flags: when the composer empties after it (a new
            # post scheduled), the next check sees another post and clears them.
            self._loaded = post_id
        if self._page.editing is None:  # a new post was saved: the composer is empty again
            self._loaded = None
            self.paid.setChecked(False)
            self.labels = []
            self._show_labels()


def attach_composer_tools(
    page: Any, studio: Studio, today: Callable[[], date] = date.today
) -> ComposerTools:
    """Put the tools above the Compose page's editor (``today``: the window's day)."""
    tools = ComposerTools(page, studio, page, today=today)
    layout = page.layout()
    layout.insertWidget(1, tools)
    page.composer_tools = tools
    return tools
