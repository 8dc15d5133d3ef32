"""The engine's failure reasons and attempt outcomes, in the window's language.

The engine stores its reasons as English sentences (the log and the command line show them
as they are); each known one is a pattern here with its translation. ``failure_text`` applies
them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

if TYPE_CHECKING:  # the window's first frame imports this module: no store behind it
    from somestudio.app.delivery_history import AttemptRecord

_Say = Callable[[re.Match[str]], str]


def fill(text: str, *values: str) -> str:
    # One pass, so a value holding "%2" is never filled in again.
    return re.sub(r"%(\d)", lambda m: values[int(m.group(1)) - 1], text)


class FailureText(QObject):
    """The translations (one class, so lupdate files them under one context)."""

    def known(self, nested: Callable[[str], str]) -> list[tuple[re.Pattern[str], _Say]]:
        """English reason (a pattern) → its text; ``nested`` translates a reason quoted in
        another."""

        def fixed(text: str) -> _Say:
            return lambda _match: text

        def filled(text: str, *groups: int, inner: tuple[int, ...] = ()) -> _Say:
            def say(match: re.Match[str]) -> str:
                values = [
                    nested(match.group(g) or "") if g in inner else (match.group(g) or "")
                    for g in groups
                ]
                return fill(text, *values)

            return say

        return [
            (
                re.compile(r"waiting for you to publish by hand"),
                fixed(self.tr("Waiting for you to publish it by hand.")),
            ),
            (
                re.compile(
                    r"Not published: (\d+) min overdue, past the catch-up window of (\d+) min "
                    r"\(the app was not running or the computer was asleep\)\. "
                    r"Publish it now, reschedule or skip it\."
                ),
                filled(
                    self.tr(
                        "Not published: %1 min overdue, past the catch-up window of %2 min "
                        "(the app was not running or the computer was asleep). Publish it now, "
                        "reschedule or skip it."
                    ),
                    1,
                    2,
                ),
            ),
            (
                re.compile(
                    r"The app stopped while this post was being sent, and the channel could "
                    r"not confirm whether it went out\. Check the channel, then confirm it or "
                    r"publish it again\.(?: \(Checking failed: (.*)\.\))?"
                ),
                lambda match: (
                    self.tr(
                        "Some Studio stopped while this post was being sent, and the channel could "
                        "not confirm whether it went out. Check the channel, then mark it done or "
                        "publish it again."
                    )
                    + (" " + match.group(1) if match.group(1) else "")
                ),
            ),
            (
                re.compile(
                    r"The channel did not confirm this post \((.*)\) and no post with its key "
                    r"was found\. Check the channel, then confirm it or publish it again\."
                ),
                filled(
                    self.tr(
                        "The channel did not confirm this post (%1), and no post with its key "
                        "was found. Check the channel, then mark it done or publish it again."
                    ),
                    1,
                    inner=(1,),
                ),
            ),
            (
                re.compile(r"Gave up after (\d+) tries: (.*)"),
                filled(self.tr("Gave up after %1 tries: %2"), 1, 2, inner=(2,)),
            ),
            (
                re.compile(
                    r"The channel asked to wait ([\d.]+) h, too long to keep the post waiting: "
                    r"(.*)\. Retry it or reschedule it\."
                ),
                filled(
                    self.tr(
                        "The channel asked to wait %1 h, too long to keep the post waiting: "
                        "%2. Try again or reschedule it."
                    ),
                    1,
                    2,
                    inner=(2,),
                ),
            ),
            (
                re.compile(r"Try (\d+) failed \((.*)\); trying again at (\d\d:\d\d:\d\d) UTC"),
                filled(self.tr("Try %1 failed (%2); trying again at %3 UTC."), 1, 2, 3, inner=(2,)),
            ),
            (
                re.compile(
                    r"This version cannot publish to (.*) \((.*)\); "
                    r"choose publish by hand for this account\."
                ),
                filled(
                    self.tr(
                        "This version cannot publish to %1 (%2); choose publish by hand for "
                        "this account."
                    ),
                    1,
                    2,
                ),
            ),
            (
                re.compile(r"(.+?) refused it \(HTTP 403\)(?: \((.*)\))?\. .*"),
                lambda match: (
                    self.tr(
                        "%1 refused it (HTTP 403). The sign-in may lack a permission this needs; "
                        "reconnect the account if so."
                    ).replace("%1", match.group(1))
                    + (
                        " " + self.tr("It said: %1").replace("%1", match.group(2))
                        if match.group(2)
                        else ""
                    )
                ),
            ),
            (
                re.compile(r"(.+?) refused it \(HTTP (\d+)\)(?: \((.*)\))?"),
                lambda match: (
                    fill(self.tr("%1 refused it (HTTP %2)."), match.group(1), match.group(2))
                    + (
                        " " + self.tr("It said: %1").replace("%1", match.group(3))
                        if match.group(3)
                        else ""
                    )
                ),
            ),
            (
                re.compile(
                    r"(.+?) no longer accepts this account's sign-in \(HTTP 401\)(?: \((.*)\))?"
                    r"\. Reconnect the account in Accounts, then try again\."
                ),
                filled(
                    self.tr(
                        "%1 no longer accepts this account's sign-in (HTTP 401). Reconnect the "
                        "account in Accounts, then try again."
                    ),
                    1,
                ),
            ),
            (
                re.compile(
                    r"no sign-in is stored for (.+?) \(it was never connected, or this "
                    r"computer has no secure keyring\)\. Connect the account in Accounts\."
                ),
                filled(
                    self.tr(
                        "No sign-in is stored for %1 (it was never connected, or this computer "
                        "has no secure keyring). Connect the account in Accounts."
                    ),
                    1,
                ),
            ),
            (
                re.compile(r"(.+?) rate limit reached \(HTTP 429\)(?:; .*)?"),
                filled(self.tr("%1 rate limit reached (HTTP 429)."), 1),
            ),
            (
                re.compile(r"(.+?) is unavailable for now \(HTTP (\d+)\)(?: \((.*)\))?"),
                filled(self.tr("%1 is unavailable for now (HTTP %2)."), 1, 2),
            ),
            (
                re.compile(r"(.+?) failed with HTTP (\d+) after receiving the request"),
                filled(self.tr("%1 failed with HTTP %2 after receiving the request."), 1, 2),
            ),
            (
                re.compile(r"could not connect to (.+?) \((.*)\)"),
                # The library's words in the brackets go to the log only.
                filled(self.tr("Could not connect to %1. Check the internet connection."), 1),
            ),
            (
                re.compile(r"(.+?) did not answer within ([\d.]+) s after the request was sent"),
                filled(self.tr("%1 did not answer within %2 s after the post was sent."), 1, 2),
            ),
            (
                re.compile(r"the connection to (.+?) broke after the request was sent \((.*)\)"),
                filled(self.tr("The connection to %1 broke after the post was sent."), 1),
            ),
            (
                re.compile(
                    r"the archive folder (.*) does not exist \(a removable drive\?\); "
                    r"create it or choose another folder, then retry"
                ),
                filled(
                    self.tr(
                        "The archive folder %1 does not exist (a removable drive?). Create it "
                        "or choose another folder, then try again."
                    ),
                    1,
                ),
            ),
            (  # app/shared_media.py: a file attached on another machine of a shared workspace
                re.compile(
                    r"The attached file (.*) is not in the shared workspace and not on this "
                    r"computer \(it was attached on another computer before its bytes were kept "
                    r"in the workspace\); attach it again, then publish again\."
                ),
                filled(
                    self.tr(
                        "The attached file %1 is neither in the shared workspace nor on this "
                        "computer: it was attached on another computer before such files were "
                        "kept in the workspace. Attach it again, then publish again."
                    ),
                    1,
                ),
            ),
            (
                re.compile(
                    r"The attached file (.*) could not be copied to this computer \((.*)\); "
                    r"it will be tried again\."
                ),
                filled(
                    self.tr(
                        "The attached file %1 could not be copied to this computer (%2). It "
                        "will be tried again."
                    ),
                    1,
                    2,
                ),
            ),
            (
                re.compile(r"the media file (.*) is missing; add it again, then retry"),
                filled(self.tr("The media file %1 is missing. Add it again, then try again."), 1),
            ),
            (
                re.compile(r"The network refused the post: text too long for this channel\."),
                fixed(
                    self.tr("The network refused the post: the text is too long for this channel.")
                ),
            ),
            (
                re.compile(r"No answer from the network after sending; check the post\."),
                fixed(self.tr("No answer from the network after sending; check the post.")),
            ),
            (
                re.compile(r"The computer was off at the scheduled time\."),
                fixed(self.tr("The computer was off at the scheduled time.")),
            ),
            (
                re.compile(r"skipped by the user.*"),
                fixed(self.tr("Skipped by you.")),
            ),
            (
                re.compile(r"confirmed by the user"),
                fixed(self.tr("Marked as published by you.")),
            ),
        ]

    def outcome(self, attempt: AttemptRecord) -> str:
        if attempt.kind == "manual" and attempt.outcome == "unknown":
            return self.tr("reminder")
        if attempt.kind == "manual":
            return self.tr("marked as published")
        words = {
            "published": self.tr("published"),
            "reconciled": self.tr("found published"),
            "retryable": self.tr("failed, will try again"),
            "final": self.tr("failed"),
            "unknown": self.tr("no answer"),
            "skipped": self.tr("skipped"),
        }
        return words.get(attempt.outcome, attempt.outcome)

    def retry_at(self) -> str:
        return self.tr("Try %1 failed (%2); trying again at %3.")

    def heading(self) -> str:
        return self.tr("Latest attempts:")

    def earlier(self, count: int) -> str:
        return self.tr("(%n earlier attempts not shown)", "", count)
