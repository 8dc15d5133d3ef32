"""The words for roles and for the member and approval errors, in the window's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from somestudio.domain.members import Role


def role_name(role: Role) -> str:
    names = {
        Role.OWNER: QCoreApplication.translate("Team", "Owner"),
        Role.EDITOR: QCoreApplication.translate("Team", "Editor"),
        Role.CONTRIBUTOR: QCoreApplication.translate("Team", "Contributor"),
    }
    return names[role]


def role_hint(role: Role) -> str:
    hints = {
        Role.OWNER: QCoreApplication.translate(
            "Team", "manages the members, approves and schedules"
        ),
        Role.EDITOR: QCoreApplication.translate("Team", "approves and schedules posts"),
        Role.CONTRIBUTOR: QCoreApplication.translate("Team", "writes posts and asks for approval"),
    }
    return hints[role]


def team_error_text(exc: BaseException) -> str | None:
    """The message for a member or approval error's code; None for other errors."""
    code = getattr(exc, "code", None)
    texts = {
        "members.empty_name": QCoreApplication.translate("Team", "Type the member's name."),
        "members.name_taken": QCoreApplication.translate("Team", "A member already has that name."),
        "members.last_owner": QCoreApplication.translate(
            "Team", "The workspace needs at least one owner: make someone else an owner first."
        ),
        "members.unknown": QCoreApplication.translate(
            "Team", "That member is no longer in the workspace."
        ),
        "members.not_owner": QCoreApplication.translate(
            "Team", "Only an owner can change the members."
        ),
        "approval.needed": QCoreApplication.translate(
            "Team", "As a contributor, you ask for approval: an editor schedules the post."
        ),
        "approval.awaiting": QCoreApplication.translate(
            "Team", "This post is waiting for approval: approve it (or return it) first."
        ),
        "approval.not_editor": QCoreApplication.translate(
            "Team", "Only an editor or an owner can approve or return posts."
        ),
        "approval.not_waiting": QCoreApplication.translate(
            "Team", "This post is not waiting for approval any more."
        ),
        "approval.empty_comment": QCoreApplication.translate(
            "Team", "Say what should change, so the writer knows."
        ),
        "approval.time_passed": QCoreApplication.translate(
            "Team",
            "The time asked for has passed. Move the post to a new time on the calendar, "
            "then approve it.",
        ),
        "approval.no_accounts": QCoreApplication.translate(
            "Team", "This post has no account to go to; choose one first."
        ),
        "approval.no_repeat": QCoreApplication.translate(
            "Team", "A repeating post cannot be asked for approval yet."
        ),
    }
    return texts.get(code) if isinstance(code, str) else None
