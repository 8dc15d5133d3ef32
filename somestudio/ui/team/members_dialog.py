"""Members and roles: the owner adds people, changes their role and removes them; anyone can
say which member they are on this computer. On a workspace without members the first one
added is the person here, as the owner."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from somestudio.app.team import Team
from somestudio.domain.members import Member, MemberRuleError, Role
from somestudio.ui.error_text import error_text
from somestudio.ui.team.texts import role_hint, role_name

MemberIdRole = Qt.ItemDataRole.UserRole


class MembersDialog(QDialog):
    changed = Signal()  # a member was added, changed or removed, or "this is me" chosen

    def __init__(self, team: Team, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MembersDialog")
        self.setWindowTitle(self.tr("Members and roles"))
        self._team = team
        self.intro = QLabel()
        self.intro.setObjectName("MembersIntro")
        self.intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("MembersList")
        self.list.setAccessibleName(self.tr("Members"))
        self.list.currentItemChanged.connect(lambda *_: self._sync())
        self._build_selected()
        self._build_adding()
        self.problem = QLabel()
        self.problem.setObjectName("MembersProblem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        if close is not None:
            close.setAccessibleName(close.text().replace("&", ""))
            close.setAutoDefault(False)
        chosen = QGroupBox(self.tr("Chosen member"))
        chosen.setLayout(self.selected_row)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(chosen)
        layout.addWidget(self.adding)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(560, 460)
        # Enter in the name field adds the member, and nothing else: no button is the
        # dialog's default (it would also press "This is me" or "Remove").
        for button in (self.remove_button, self.me_button, self.add_button):
            button.setAutoDefault(False)
            button.setDefault(False)
        self.reload()

    def _role_combo(self, name: str, accessible: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setAccessibleName(accessible)
        for role in Role:
            combo.addItem(f"{role_name(role)} — {role_hint(role)}", role.value)
        return combo

    def _build_selected(self) -> None:
        self.role = self._role_combo("MemberRole", self.tr("Role of the chosen member"))
        self.role.activated.connect(lambda _i: self._set_role())
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName("RemoveMember")
        self.remove_button.setAccessibleName(self.tr("Remove member"))
        self.remove_button.clicked.connect(self._remove)
        self.me_button = QPushButton(self.tr("This is me"))
        self.me_button.setObjectName("ThisIsMe")
        self.me_button.setAccessibleName(self.tr("This is me on this computer"))
        self.me_button.clicked.connect(self._choose_me)
        row = QHBoxLayout()
        caption = QLabel(self.tr("Role:"))
        caption.setBuddy(self.role)
        row.addWidget(caption)
        row.addWidget(self.role, 1)
        row.addWidget(self.me_button)
        row.addWidget(self.remove_button)
        self.selected_row = row

    def _build_adding(self) -> None:
        self.adding = QGroupBox(self.tr("Add a member"))
        self.name = QLineEdit()
        self.name.setObjectName("NewMemberName")
        self.name.setAccessibleName(self.tr("New member's name"))
        self.name.setPlaceholderText(self.tr("Name"))
        self.name.returnPressed.connect(self._add)
        self.new_role = self._role_combo("NewMemberRole", self.tr("New member's role"))
        self.new_role.setCurrentIndex(self.new_role.findData(Role.CONTRIBUTOR.value))
        self.add_button = QPushButton(self.tr("Add member"))
        self.add_button.setObjectName("AddMember")
        self.add_button.clicked.connect(self._add)
        form = QFormLayout(self.adding)
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Role:"), self.new_role)
        form.addRow("", self.add_button)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.add_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)

    # -- what is shown
    def reload(self, select: int | None = None) -> None:
        members = self._team.members()
        me = self._team.me()
        chosen = select if select is not None else self._current_id()
        self.list.clear()
        for member in members:
            text = f"{member.name} — {role_name(member.role)}"
            if me is not None and me.id == member.id:
                text += " " + self.tr("(you)")
            item = QListWidgetItem(text)
            item.setData(MemberIdRole, member.id)
            self.list.addItem(item)
            if member.id == chosen:
                self.list.setCurrentItem(item)
        self._members = members
        owner = self._team.role() is Role.OWNER
        if not members:
            self.intro.setText(
                self.tr(
                    "No members yet: you are the owner. Add yourself first (as the owner), "
                    "then the people who share this workspace."
                )
            )
            self.new_role.setCurrentIndex(self.new_role.findData(Role.OWNER.value))
        elif owner:
            if self.new_role.currentData() == Role.OWNER.value:  # the first one was the owner
                self.new_role.setCurrentIndex(self.new_role.findData(Role.CONTRIBUTOR.value))
            self.intro.setText(
                self.tr(
                    "Owners manage the members; editors approve and schedule; contributors "
                    "write posts that wait for approval."
                )
            )
        else:
            self.intro.setText(self.tr("Only an owner can change the members."))
        self.new_role.setEnabled(bool(members) and owner)
        self.adding.setEnabled(owner)
        self._sync()

    def _current_id(self) -> int | None:
        item = self.list.currentItem()
        return int(item.data(MemberIdRole)) if item is not None else None

    def _current(self) -> Member | None:
        chosen = self._current_id()
        return next((m for m in self._members if m.id == chosen), None)

    def _sync(self) -> None:
        member = self._current()
        owner = self._team.role() is Role.OWNER
        self.role.setEnabled(member is not None and owner)
        self.remove_button.setEnabled(member is not None and owner)
        self.me_button.setEnabled(member is not None)
        if member is not None:
            self.role.setCurrentIndex(self.role.findData(member.role.value))

    # -- changes
    def _run(self, change: object) -> bool:
        try:
            assert callable(change)
            change()
        except MemberRuleError as exc:
            self.problem.setText(error_text(exc))
            self.problem.show()
            self.reload()
            return False
        self.problem.hide()
        self.changed.emit()
        return True

    def _add(self) -> None:
        role = Role(str(self.new_role.currentData()))
        added: list[Member] = []
        if self._run(lambda: added.append(self._team.add_member(self.name.text(), role))):
            self.name.clear()
            self.reload(select=added[0].id)

    def _set_role(self) -> None:
        member = self._current()
        if member is None:
            return
        role = Role(str(self.role.currentData()))
        if role is not member.role and self._run(lambda: self._team.set_role(member.id, role)):
            self.reload(select=member.id)

    def _remove(self) -> None:
        member = self._current()
        if member is not None and self._run(lambda: self._team.remove_member(member.id)):
            self.reload()

    def _choose_me(self) -> None:
        member = self._current()
        if member is not None and self._run(lambda: self._team.choose_me(member.id)):
            self.reload(select=member.id)
