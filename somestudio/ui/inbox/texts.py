"""The inbox's words in the window's language: kinds, problems, answer states."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from somestudio.domain.inbox.items import InboxKind
from somestudio.domain.networks import Network
from somestudio.ui.network_names import network_name

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
        InboxKind.REPLY: QCoreApplication.translate("Inbox", "Reply"),
        InboxKind.MENTION: QCoreApplication.translate("Inbox", "Mention"),
        InboxKind.QUOTE: QCoreApplication.translate("Inbox", "Quote"),
        InboxKind.COMMENT: QCoreApplication.translate("Inbox", "Comment"),
        InboxKind.LIKE: QCoreApplication.translate("Inbox", "Like"),
        InboxKind.REPOST: QCoreApplication.translate("Inbox", "Repost"),
        InboxKind.FOLLOW: QCoreApplication.translate("Inbox", "Follow"),
    }[kind]


def kind_text(kind: InboxKind) -> str:
    return f"{KIND_SYMBOLS[kind]} {kind_word(kind)}"


def nothing_to_answer_text(kind: InboxKind) -> str:
    """Why an entry takes no answer (the Answer button's tip, the r key, the editor): a like,
    a repost or a follow has no words of theirs to answer."""
    return {
        InboxKind.LIKE: QCoreApplication.translate("Inbox", "A like has nothing to answer."),
        InboxKind.REPOST: QCoreApplication.translate("Inbox", "A repost has nothing to answer."),
        InboxKind.FOLLOW: QCoreApplication.translate("Inbox", "A follow has nothing to answer."),
    }.get(kind, QCoreApplication.translate("Inbox", "This entry has nothing to answer."))


def wordless_text(kind: InboxKind) -> str:
    """The list row's last line for an entry without words of its own (a like, a repost,
    a follow): what the person did, instead of an empty line."""
    return {
        InboxKind.LIKE: QCoreApplication.translate("Inbox", "Liked your post"),
        InboxKind.REPOST: QCoreApplication.translate("Inbox", "Reposted your post"),
        InboxKind.FOLLOW: QCoreApplication.translate("Inbox", "Started following you"),
    }.get(kind, QCoreApplication.translate("Inbox", "(no text)"))


def problem_text(code: str) -> str:
    """What went wrong reading an account's inbox, in plain words (``ReadProblem``)."""
    return {
        "inbox.sign_in": QCoreApplication.translate(
            "Inbox",
            "The sign-in has expired or was withdrawn. Reconnect the account on the Accounts page.",
        ),
        "inbox.not_connected": QCoreApplication.translate(
            "Inbox",
            "No sign-in is stored for this account on this computer (it was never connected, or "
            "there is no secure keyring). Connect it on the Accounts page.",
        ),
        "inbox.rate_limit": QCoreApplication.translate(
            "Inbox", "The network asked us to slow down. Some Studio waits and reads again later."
        ),
        "inbox.server": QCoreApplication.translate(
            "Inbox", "The network had a fault. Some Studio tries again later."
        ),
        "inbox.unreachable": QCoreApplication.translate(
            "Inbox", "The network could not be reached (offline?). Some Studio tries again later."
        ),
        "inbox.refused": QCoreApplication.translate(
            "Inbox",
            "The network refused to show the inbox (a missing permission or a removed feature).",
        ),
    }.get(
        code,
        QCoreApplication.translate(
            "Inbox", "Reading the inbox failed. Some Studio tries again later."
        ),
    )


def reply_state_text(state: str) -> str:
    return {
        "pending": QCoreApplication.translate("Inbox", "Answer waiting to be sent"),
        "sending": QCoreApplication.translate("Inbox", "Answer being sent"),
        "sent": QCoreApplication.translate("Inbox", "Answered"),
        "failed": QCoreApplication.translate("Inbox", "The answer could not be sent"),
        "needs_attention": QCoreApplication.translate(
            "Inbox", "The answer may have gone out: check on the network"
        ),
    }.get(state, "")


def reply_error_text(code: str, detail: str = "") -> str:
    """An ``InboxError`` code from ``reply()``, said to the user."""
    text = {
        "reply.empty": QCoreApplication.translate("Inbox", "Write an answer first."),
        "reply.checks": QCoreApplication.translate(
            "Inbox", "The network would refuse this answer:"
        ),
        "reply.not_answerable": QCoreApplication.translate(
            "Inbox", "A like, repost or follow cannot be answered."
        ),
        "reply.taken": QCoreApplication.translate("Inbox", "This was already answered."),
        "reply.unknown": QCoreApplication.translate(
            "Inbox",
            "The last answer may have gone out. Check the conversation on the network before"
            " writing again.",
        ),
        "item.missing": QCoreApplication.translate(
            "Inbox", "This entry is no longer in the inbox."
        ),
    }.get(code, QCoreApplication.translate("Inbox", "The answer could not be sent."))
    return f"{text} {detail}".strip() if code == "reply.checks" else text


def hidden_elsewhere_text(network: Network | None) -> str:
    """A comment the network says is hidden, not hidden from here (``entry.hidden_elsewhere``)."""
    if network is Network.FACEBOOK:
        return QCoreApplication.translate("Inbox", "Hidden on Facebook (not by Some Studio)")
    if network is Network.INSTAGRAM:
        return QCoreApplication.translate("Inbox", "Hidden on Instagram (not by Some Studio)")
    return QCoreApplication.translate("Inbox", "Hidden on the network (not by Some Studio)")


def entry_problem_text(code: str, network: Network | None = None) -> str:
    """What happened to one entry when it was answered, liked or hidden (its ``problem``),
    or what the network said of it when read back (hidden by someone else)."""
    if code == "entry.hidden_elsewhere":
        return QCoreApplication.translate(
            "Inbox",
            "%1. Someone else who manages the account, or an automatic filter, hid it there. "
            "The entry stays here.",
        ).replace("%1", hidden_elsewhere_text(network))
    if code == "entry.gone":
        return QCoreApplication.translate(
            "Inbox",
            "Their post or comment is no longer there: it was deleted, or hidden from you. "
            "The entry stays here.",
        )
    if code == "entry.blocked":
        return QCoreApplication.translate(
            "Inbox",
            "The network refused: there is a block between this person and your account.",
        )
    said = {  # the account-wide reasons, as they touch one entry (nothing retries it)
        "inbox.rate_limit": QCoreApplication.translate(
            "Inbox", "The network asked to slow down. Try again in a while."
        ),
        "inbox.server": QCoreApplication.translate(
            "Inbox", "The network had a fault. Try again later."
        ),
        "inbox.unreachable": QCoreApplication.translate(
            "Inbox", "The network could not be reached (offline?). Try again later."
        ),
        "inbox.refused": QCoreApplication.translate(
            "Inbox", "The network refused (a missing permission, or not allowed for this entry)."
        ),
        "inbox.failed": QCoreApplication.translate("Inbox", "It did not work. Try again later."),
    }
    return said.get(code) or problem_text(code)


def entry_problem_short(code: str, network: Network | None = None) -> str:
    """The same in a word or two, for the list row."""
    if code == "entry.hidden_elsewhere":
        return hidden_elsewhere_text(network)
    return {
        "entry.gone": QCoreApplication.translate("Inbox", "Deleted"),
        "entry.blocked": QCoreApplication.translate("Inbox", "Blocked"),
        "inbox.sign_in": QCoreApplication.translate("Inbox", "Sign-in expired"),
        "inbox.not_connected": QCoreApplication.translate("Inbox", "Not connected"),
        "inbox.rate_limit": QCoreApplication.translate("Inbox", "Rate limited"),
        "inbox.server": QCoreApplication.translate("Inbox", "Network fault"),
        "inbox.unreachable": QCoreApplication.translate("Inbox", "No connection"),
        "inbox.refused": QCoreApplication.translate("Inbox", "Refused"),
    }.get(code, QCoreApplication.translate("Inbox", "Failed"))


def action_failed_text(action: str, code: str, network: Network | None = None) -> str:
    """A like or hide the network refused or never got, said as a failed answer is: the
    short reason and what did not happen ("⚠ Rate limited · The like did not go through"),
    then the reason in full (deleted post, expired sign-in, rate limit, no connection...)."""
    head = (
        QCoreApplication.translate("Inbox", "The like did not go through")
        if action == "like"
        else QCoreApplication.translate("Inbox", "The comment was not hidden")
    )
    reason = entry_problem_text(code or "inbox.failed", network)
    return f"⚠ {entry_problem_short(code, network)} · {head}\n{reason}"


# Why a network has no like or hide, as its descriptor says it in English
# (``InboxCapability.no_like`` / ``no_hide``); each text a literal here so lupdate collects
# it (a test checks every descriptor text is here). One missing is shown in English.
def _missing_action_texts() -> dict[str, str]:
    # fmt: off
    return {
        "Instagram does not let apps like comments: like it in Instagram.": QCoreApplication.translate("Inbox", "Instagram does not let apps like comments: like it in Instagram."),  # noqa: E501
        "Threads does not let apps like replies: like it in Threads.": QCoreApplication.translate("Inbox", "Threads does not let apps like replies: like it in Threads."),  # noqa: E501
        "Some Studio does not like posts on X, where every call is billed to your own app: like it on X.": QCoreApplication.translate("Inbox", "Some Studio does not like posts on X, where every call is billed to your own app: like it on X."),  # noqa: E501
        "Mastodon has no way to hide a reply under your post: mute or block the person on your server instead.": QCoreApplication.translate("Inbox", "Mastodon has no way to hide a reply under your post: mute or block the person on your server instead."),  # noqa: E501
        "Some Studio does not hide Bluesky replies: hide it in the Bluesky app, from the reply's menu.": QCoreApplication.translate("Inbox", "Some Studio does not hide Bluesky replies: hide it in the Bluesky app, from the reply's menu."),  # noqa: E501
        "Some Studio does not hide replies on X, where every call is billed to your own app: hide it on X.": QCoreApplication.translate("Inbox", "Some Studio does not hide replies on X, where every call is billed to your own app: hide it on X."),  # noqa: E501
    }
    # fmt: on


def missing_action_texts() -> dict[str, str]:
    return _missing_action_texts()


def action_unavailable_text(action: str, why: str, network: Network) -> str:
    """Why the Like or Hide button is off for this entry (``Unavailable`` codes): its kind,
    or what the network's descriptor says (a general sentence when it says nothing)."""
    like = action == "like"
    if why == "action.nested":
        return QCoreApplication.translate(
            "Inbox",
            "Threads hides only replies made to your post itself; hiding the reply this one "
            "answers hides it too.",
        )
    if why == "action.kind":
        return (
            QCoreApplication.translate(
                "Inbox", "A like, repost or follow has no post of theirs to like."
            )
            if like
            else QCoreApplication.translate(
                "Inbox", "Only comments and replies under your own posts can be hidden."
            )
        )
    capability = network.descriptor.inbox
    said = (capability.no_like if like else capability.no_hide) if capability else ""
    if said:
        return _missing_action_texts().get(said, said)
    general = (
        QCoreApplication.translate("Inbox", "Some Studio cannot like this on %1: like it there.")
        if like
        else QCoreApplication.translate(
            "Inbox", "Some Studio cannot hide this on %1: hide it there."
        )
    )
    return general.replace("%1", network_name(network))


def no_entries_text(network: Network, name: str) -> str:
    """Why the list is empty when the filters choose a network (or one account, ``name``
    being its "Network · account"): nothing from there yet, and why that may be."""
    capability = network.descriptor.inbox
    if capability is None:  # not "yet": none will come
        return QCoreApplication.translate(
            "Inbox", "No entries from %1: Some Studio reads no inbox there."
        ).replace("%1", name)
    said = QCoreApplication.translate("Inbox", "No entries from %1 yet.").replace("%1", name)
    if capability.opt_in:
        why = QCoreApplication.translate(
            "Inbox",
            "%1 bills every read, so reading it is off until you turn it on in Settings.",
        ).replace("%1", network_name(network))
    else:
        why = QCoreApplication.translate(
            "Inbox",
            "Replies and comments come in by themselves from accounts that publish through "
            "the network's own connection (not by hand).",
        )
    return f"{said} {why}"
