"""The inbox's words in the window's language: kinds, problems, answer states."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from somestudio.domain.inbox.items import InboxKind


def _t(text: str) -> str:
    return QCoreApplication.translate("Inbox", text)


# A symbol beside each word: the kind reads at a glance, and never by colour alone.
KIND_SYMBOLS = {
    InboxKind.REPLY: "↩",
    InboxKind.MENTION: "@",
    InboxKind.QUOTE: "❝",
    InboxKind.COMMENT: "💬",
    InboxKind.LIKE: "♥",
    InboxKind.REPOST: "⟲",
    InboxKind.FOLLOW: "+",
}


def kind_word(kind: InboxKind) -> str:
    return {
        InboxKind.REPLY: _t("Reply"),
        InboxKind.MENTION: _t("Mention"),
        InboxKind.QUOTE: _t("Quote"),
        InboxKind.COMMENT: _t("Comment"),
        InboxKind.LIKE: _t("Like"),
        InboxKind.REPOST: _t("Repost"),
        InboxKind.FOLLOW: _t("Follow"),
    }[kind]


def kind_text(kind: InboxKind) -> str:
    return f"{KIND_SYMBOLS[kind]} {kind_word(kind)}"


def problem_text(code: str) -> str:
    """What went wrong reading an account's inbox, in plain words (``ReadProblem``)."""
    return {
        "inbox.sign_in": _t(
            "The sign-in has expired or was withdrawn. Reconnect the account on the Accounts page."
        ),
        "inbox.rate_limit": _t(
            "The network asked us to slow down. Some Studio waits and reads again later."
        ),
        "inbox.server": _t("The network had a fault. Some Studio tries again later."),
        "inbox.unreachable": _t(
            "The network could not be reached (offline?). Some Studio tries again later."
        ),
        "inbox.refused": _t(
            "The network refused to show the inbox (a missing permission or a removed feature)."
        ),
    }.get(code, _t("Reading the inbox failed. Some Studio tries again later."))


def reply_state_text(state: str) -> str:
    return {
        "pending": _t("Answer waiting to be sent"),
        "sending": _t("Answer being sent"),
        "sent": _t("Answered"),
        "failed": _t("The answer could not be sent"),
        "needs_attention": _t("The answer may have gone out: check on the network"),
    }.get(state, "")


def reply_error_text(code: str, detail: str = "") -> str:
    """An ``InboxError`` code from ``reply()``, said to the user."""
    text = {
        "reply.empty": _t("Write an answer first."),
        "reply.checks": _t("The network would refuse this answer:"),
        "reply.not_answerable": _t("A like, repost or follow cannot be answered."),
        "reply.taken": _t("This was already answered."),
        "reply.unknown": _t(
            "The last answer may have gone out. Check the conversation on the network before"
            " writing again."
        ),
        "item.missing": _t("This entry is no longer in the inbox."),
    }.get(code, _t("The answer could not be sent."))
    return f"{text} {detail}".strip() if code == "reply.checks" else text
