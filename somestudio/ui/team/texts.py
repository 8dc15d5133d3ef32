"""The words for roles and for the member and approval errors, in the window's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from somestudio.domain.members import Role


def _tr(text: str) -> str:
    return QCoreApplication.translate("Team", text)


def role_name(role: Role) -> str:
    names = {
        Role.OWNER: _tr("Owner"),
        Role.EDITOR: _tr("Editor"),
        Role.CONTRIBUTOR: _tr("Contributor"),
    }
    return names[role]


def role_hint(role: Role) -> str:
    hints = {
        Role.OWNER: _tr("manages the members, approves and schedules"),
        Role.EDITOR: _tr("approves and schedules posts"),
        Role.CONTRIBUTOR: _tr("writes posts and asks for approval"),
    }
    return hints[role]


def team_error_text(exc: BaseException) -> str | None:
    """The message for a member or approval error's code; None for other errors."""
    code = getattr(exc, "code", None)
    texts = {
        "members.empty_name": _tr("Type the member's name."),
        "members.name_taken": _tr("A member already has that name."),
        "members.last_owner": _tr(
            "The workspace needs at least one owner: make someone else an owner first."
        ),
        "members.unknown": _tr("That member is no longer in the workspace."),
        "members.not_owner": _tr("Only an owner can change the members."),
        "approval.needed": _tr(
            "As a contributor, you ask for approval: an editor schedules the post."
        ),
        "approval.awaiting": _tr(
            "This post is waiting for approval: approve it (or return it) first."
        ),
        "approval.not_editor": _tr("Only an editor or an owner can approve or return posts."),
        "approval.not_waiting": _tr("This post is not waiting for approval any more."),
        "approval.empty_comment": _tr("Say what should change, so the writer knows."),
        "approval.time_passed": _tr(
            "The time asked for has passed. Move the post to a new time on the calendar, "
            "then approve it."
        ),
        "approval.no_accounts": _tr("This post has no account to go to; choose one first."),
        "approval.no_repeat": _tr("A repeating post cannot be asked for approval yet."),
    }
    return texts.get(code) if isinstance(code, str) else None
