"""The people of a workspace (issue 17, point 5): who uses this computer, the members and
their roles. A workspace without members is a solo one: whoever uses it is the owner and
nothing asks who they are."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from somestudio.app.workspace import Workspace
from somestudio.domain.members import Member, MemberRuleError, Role, check_owners_left, clean_name
from somestudio.domain.utc import utc_now
from somestudio.store import members as member_rows
from somestudio.store.database import transaction


def workspace_key(workspace: Workspace) -> str:
    """The settings' name for the workspace: its URL as shown, "" for the data folder's own."""
    return workspace.url.display() if workspace.url is not None else ""


class Team:
    """Members and the person at this computer. ``admin`` (the CLI, run by whoever holds the
    workspace's keys) may manage members without being an owner."""

    def __init__(
        self,
        workspace: Workspace,
        *,
        admin: bool = False,
        now: Callable[[], datetime] = utc_now,
    ) -> None:
        self.workspace = workspace
        self._admin = admin
        self._now = now

    def members(self) -> list[Member]:
        return member_rows.list_members(self.workspace.connection())

    def me(self) -> Member | None:
        """The member using this computer (None: no members, or not chosen yet)."""
        chosen = self.workspace.settings.value.member_here.get(workspace_key(self.workspace))
        if chosen is None:
            return None
        return next((m for m in self.members() if m.id == chosen), None)

    def role(self) -> Role:
        """What the person here may do: the owner where there are no members; a contributor
        where there are members but this computer has not said who it is."""
        members = self.members()
        if not members:
            return Role.OWNER
        chosen = self.workspace.settings.value.member_here.get(workspace_key(self.workspace))
        found = next((m for m in members if m.id == chosen), None)
        return found.role if found is not None else Role.CONTRIBUTOR

    def needs_to_identify(self) -> bool:
        """Whether the window should ask who uses this computer."""
        return bool(self.members()) and self.me() is None

    def choose_me(self, member_id: int) -> Member:
        found = next((m for m in self.members() if m.id == member_id), None)
        if found is None:
            raise MemberRuleError("members.unknown", f"no member {member_id}")
        here = dict(self.workspace.settings.value.member_here)
        here[workspace_key(self.workspace)] = member_id
        self.workspace.settings.update(member_here=here)
        return found

    def add_member(self, name: str, role: Role) -> Member:
        """A new member; the first one is always an owner and, in the window, the person at
        this computer (the one who set the team up)."""
        clean = clean_name(name)
        conn = self.workspace.writable_connection()
        with transaction(conn):
            members = member_rows.list_members(conn)
            if members:
                self._require_owner(members)
            else:
                role = Role.OWNER
            if any(m.name.casefold() == clean.casefold() for m in members):
                raise MemberRuleError("members.name_taken", f"a member is already called {clean}")
            member_id = member_rows.add_member(conn, clean, role, self._now())
        member = Member(member_id, clean, role)
        if not members and not self._admin:
            self.choose_me(member_id)
        return member

    def set_role(self, member_id: int, role: Role) -> None:
        conn = self.workspace.writable_connection()
        with transaction(conn):
            members = member_rows.list_members(conn)
            self._require_owner(members)
            self._require_member(members, member_id)
            check_owners_left(members, member_id, role)
            member_rows.set_role(conn, member_id, role)

    def remove_member(self, member_id: int) -> None:
        conn = self.workspace.writable_connection()
        with transaction(conn):
            members = member_rows.list_members(conn)
            self._require_owner(members)
            self._require_member(members, member_id)
            check_owners_left(members, member_id, None)
            member_rows.remove_member(conn, member_id)

    def find(self, name: str) -> Member:
        """The member called ``name`` (any case)."""
        wanted = " ".join(name.split()).casefold()
        found = next((m for m in self.members() if m.name.casefold() == wanted), None)
        if found is None:
            raise MemberRuleError("members.unknown", f"no member is called {name}")
        return found

    def _require_owner(self, members: list[Member]) -> None:
        if self._admin or not members:
            return
        chosen = self.workspace.settings.value.member_here.get(workspace_key(self.workspace))
        me = next((m for m in members if m.id == chosen), None)
        if me is None or not me.role.manages_members:
            raise MemberRuleError("members.not_owner", "only an owner can change the members")

    @staticmethod
    def _require_member(members: list[Member], member_id: int) -> None:
        if not any(m.id == member_id for m in members):
            raise MemberRuleError("members.unknown", f"no member {member_id}")
