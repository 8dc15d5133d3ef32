"""Before a post is sent again whose last try may have gone out.

A try that sent the post and got no answer (a timeout after the request, a server error) is
an unknown outcome: the engine looks for the post on the network and, not finding it, leaves
it for the user, never resending by itself. "Retry" then is the user's call, and the user is
told first what the app does not know: sending again may publish it twice."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from somestudio.app.studio import Studio
from somestudio.domain.posts import ScheduledEntry
from somestudio.ui.network_names import network_name
from somestudio.ui.prompts import Prompts

UNKNOWN = "unknown"  # the attempt's outcome: sent, no answer, not found afterwards


MANUAL = "manual"  # an attempt's kind: held for the user to publish by hand, nothing sent


def may_be_out(studio: Studio, delivery_id: int) -> bool:
    """Whether the delivery's last try sent it and its outcome is not known (a post held
    for publishing by hand is recorded with an unknown outcome too, but nothing was sent:
    it said "may publish it twice" of a post never sent)."""
    history = studio.history(delivery_id)
    if history is None or not history.attempts:
        return False
    last = history.attempts[-1]
    return last.outcome == UNKNOWN and last.kind != MANUAL


def retry_unless_declined(
    studio: Studio, prompts: Prompts, entry: ScheduledEntry, retry: Callable[[], None]
) -> None:
    """``retry()`` at once, or, when the last try may have published the post, after the
    user says so (Enter does not: sending twice cannot be undone)."""
    if not may_be_out(studio, entry.delivery_id):
        retry()
        return

    def answered(choice: int | None) -> None:
        if choice == 0:
            retry()

    network = network_name(entry.network)
    prompts.choose(
        QCoreApplication.translate("ResendQuestion", "Send it again?"),
        QCoreApplication.translate(
            "ResendQuestion",
            "The last try sent this post to %1 and got no answer, and Some Studio could not "
            "find it on %1 afterwards. It may be published already. Look at the account "
            "“%2” on %1 first: sending it again may publish it twice.",
        )
        .replace("%1", network)
        .replace("%2", entry.account_label),
        [QCoreApplication.translate("ResendQuestion", "Send again")],
        answered,
        default=None,
    )
