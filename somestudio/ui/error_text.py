"""Errors from the layers below, told in the window's language.

``app`` and ``domain`` raise errors with English messages (they cannot use Qt's tr(), and
the command line prints them as they are). The window shows them through ``error_text``:
time errors are rebuilt from their fields (with times in the locale's format), known
sentences are matched and translated, and anything else is shown as it came.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import time

from PySide6.QtCore import QLocale, QObject

from somestudio.domain.redaction import redact
from somestudio.domain.timeplan import (
    AmbiguousLocalTimeError,
    NonexistentLocalTimeError,
    UnknownZoneError,
)
from somestudio.ui.qtdates import short_date_time, short_time
from somestudio.ui.storage_text import storage_text


class ErrorText(QObject):
    """The translations (a class, so that lupdate files them under one context)."""

    def decisions(self, count: int) -> str:
        return self.tr("%n of the times need a decision:", "", count)

    def known(self) -> list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]]:
        """English sentence (a pattern) → its text in the window's language."""

        def fixed(text: str) -> Callable[[re.Match[str]], str]:
            return lambda _match: text

        def numbered(text: str) -> Callable[[re.Match[str]], str]:
            return lambda match: text.replace("%1", match.group(1))

        return [
            (
                re.compile(r"the rule gives no dates in that range"),
                fixed(self.tr("The repeat gives no dates in that range.")),
            ),
            (
                re.compile(r"choose at least one account"),
                fixed(self.tr("Choose at least one account.")),
            ),
            (
                re.compile(
                    r"this post is already published on every account; duplicate it to post it "
                    r"again"
                ),
                fixed(
                    self.tr(
                        "This post is already published on every account. To post it again, "
                        "duplicate it (the calendar's Duplicate)."
                    )
                ),
            ),
            (
                re.compile(r"this post has no account to go to; choose one first"),
                fixed(self.tr("This post has no account to go to; choose one first.")),
            ),
            (
                re.compile(r"post (\d+) does not exist(?: or is (?:already )?deleted)?"),
                numbered(self.tr("Post %1 no longer exists.")),
            ),
            (
                re.compile(r"post (\d+) is not deleted"),
                numbered(self.tr("Post %1 is not deleted.")),
            ),
            (
                re.compile(r"account (\d+) does not exist"),
                numbered(self.tr("Account %1 no longer exists.")),
            ),
            (
                re.compile(r"the account to connect is no longer here"),
                fixed(self.tr("The account to connect is no longer here.")),
            ),
            (
                re.compile(
                    r"this sign-in is for (.+), not for (.+): sign in as \2, or add \1 as a new "
                    r"account"
                ),
                lambda match: (
                    self.tr(
                        "This sign-in is for %1, not for %2. Sign in as %2, or add %1 as a new "
                        "account."
                    )
                    .replace("%1", match.group(1))
                    .replace("%2", match.group(2))
                ),
            ),
            (
                re.compile(r"(.+) is already another account here: remove one of the two first"),
                numbered(
                    self.tr(
                        "%1 is already another account here. Remove one of the two first, "
                        "then connect again."
                    )
                ),
            ),
            (
                re.compile(r"delivery (\d+) does not exist"),
                numbered(self.tr("That post no longer exists.")),
            ),
            (
                re.compile(
                    r"(?:delivery|post) \d+ cannot be changed that way: it is being published"
                    r" right now"
                ),
                fixed(self.tr("That cannot be done now: the post is being published.")),
            ),
            (
                re.compile(
                    r"delivery \d+ cannot be changed that way: it has already been published"
                ),
                fixed(self.tr("That cannot be done: the post has already been published.")),
            ),
            (
                re.compile(r"delivery \d+ cannot be changed that way: .*"),
                fixed(self.tr("That cannot be done to a post in this state.")),
            ),
            (
                re.compile(r"this account has no posting slots; set them in Accounts"),
                fixed(self.tr("This account has no posting slots; set them in Accounts.")),
            ),
            (
                re.compile(r"no posting slots for (.+); set them in Accounts"),
                numbered(
                    self.tr("No posting slots for %1. Set them in Accounts, or choose a time here.")
                ),
            ),
            (
                re.compile(r"no free posting slot in the next year"),
                fixed(self.tr("There is no free posting slot in the next year.")),
            ),
            (
                re.compile(r"the post is empty: write some text or add media"),
                fixed(self.tr("The post is empty: write some text or add an image.")),
            ),
            (
                re.compile(r"a scheduled time needs a time zone"),
                fixed(self.tr("A scheduled time needs a time zone.")),
            ),
            (
                re.compile(r"'(.*)': write the days and then a time, e\.g\. 'Mon, Wed, Fri 09:00'"),
                lambda match: self.tr(
                    "“%1”: write the days and then a time, for example “Mon, Wed, Fri 09:00”."
                ).replace("%1", match.group(1)),
            ),
            (
                re.compile(r"'(.*)' is not a time of day: write it like 09:00 or 21:30"),
                lambda match: (
                    self.tr("“%1” is not a time of day: write it like %2 or %3.")
                    .replace("%1", match.group(1))
                    .replace("%2", short_time(time(9, 0)))
                    .replace("%3", short_time(time(21, 30)))
                ),
            ),
            (
                re.compile(r"'(.*)' is not a day name \(Mon, Tue, … or ma, ti, …\)"),
                lambda match: self.tr("“%1” is not a day name (Mon, Tue, … or ma, ti, …).").replace(
                    "%1", match.group(1)
                ),
            ),
            (
                re.compile(
                    r"No secure keyring is available \(.*\)\. Some Studio keeps sign-ins only "
                    r"in the system keyring, so it cannot connect this account\..*"
                ),
                fixed(
                    self.tr(
                        "No secure keyring is available, and Some Studio keeps sign-ins only "
                        "there, so it cannot connect this account. Set up the system keyring "
                        "(GNOME Keyring, KWallet, macOS Keychain or Windows Credential "
                        "Manager), then try again. A Local archive or a publish-by-hand account "
                        "works without one."
                    )
                ),
            ),
            (
                # secrets.py: the keyring library's own words after the colon
                re.compile(r"The system keyring refused [\w -]+: (.*)\.", re.DOTALL),
                lambda match: self.tr(
                    "The system keyring refused (it said: “%1”). If it asked for its "
                    "password, unlock it and try again."
                ).replace("%1", match.group(1)),
            ),
            (
                re.compile(r"The system keyring did not answer within [\d.]+ s while .*"),
                fixed(
                    self.tr(
                        "The system keyring did not answer. It may be locked, with a window "
                        "asking for its password: unlock it and try again."
                    )
                ),
            ),
            (
                re.compile(r"a weekly rule needs one or more weekdays.*"),
                fixed(self.tr("Choose at least one weekday.")),
            ),
            (
                re.compile(r"a link to the post starts with https:// \(or http://\)"),
                fixed(self.tr("A link to the post starts with https:// (or http://).")),
            ),
            (
                re.compile(r"the scheduler is still starting; try again"),
                fixed(self.tr("The scheduler is still starting; try again.")),
            ),
            *self.network_sentences(),
            *self.network_refusals(),
        ]

    def network_refusals(self) -> list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]]:
        """What a network refused and the user can do about it (networks/linkedin/publish.py,
        networks/pinterest/publish.py word them in English for the attempt log)."""
        return [
            (
                re.compile(
                    r"Some Studio needs an update for LinkedIn: LinkedIn no longer accepts the "
                    r"API version (\w+) it uses, so install a newer Some Studio and try again\."
                ),
                lambda match: self.tr(
                    "Some Studio needs an update for LinkedIn: LinkedIn no longer accepts the "
                    "API version %1 it uses, so install a newer Some Studio and try again."
                ).replace("%1", match.group(1)),
            ),
            (
                re.compile(
                    r"LinkedIn refused this because the access token lacks the (\w+) "
                    r"permission: make a new token with \w+ in your LinkedIn app and reconnect "
                    r"the account in Accounts\."
                ),
                lambda match: self.tr(
                    "LinkedIn refused this because the access token lacks the %1 permission: "
                    "make a new token with %1 in your LinkedIn app and reconnect the account in "
                    "Accounts."
                ).replace("%1", match.group(1)),
            ),
            (
                re.compile(
                    r"LinkedIn would not say whose token this is because it lacks the openid "
                    r"and profile permissions: add them when you make the token, or enter your "
                    r"member id or page id\."
                ),
                lambda _match: self.tr(
                    "LinkedIn would not say whose token this is because it lacks the openid "
                    "and profile permissions: add them when you make the token, or enter your "
                    "member id or page id."
                ),
            ),
            (
                re.compile(
                    r"(.+?) no longer accepts this account's sign-in \(HTTP 401\).*\. "
                    r"Reconnect the account in Accounts, then try again\."
                ),
                lambda match: self.tr(
                    "%1 no longer accepts this account's sign-in (it expired or was revoked): "
                    "reconnect the account in Accounts, then try again."
                ).replace("%1", match.group(1)),
            ),
            (
                re.compile(
                    r"(.+?) refused to renew the sign-in of (.+?) \(.*\)\. "
                    r"Reconnect the account in Accounts, then try again\."
                ),
                lambda match: (
                    self.tr(
                        "%1 refused to renew the sign-in of %2: reconnect the account in Accounts, "
                        "then try again."
                    )
                    .replace("%1", match.group(1))
                    .replace("%2", match.group(2))
                ),
            ),
            (
                re.compile(
                    r"(.+?) needs the account (.+?) reconnected \(.*\)\. "
                    r"Reconnect it in Accounts, then try again\."
                ),
                lambda match: (
                    self.tr(
                        "%1 needs the account %2 reconnected: reconnect it in Accounts, then try "
                        "again."
                    )
                    .replace("%1", match.group(1))
                    .replace("%2", match.group(2))
                ),
            ),
            (
                re.compile(r"Pinterest refused the pin because your Pinterest app has Trial .*"),
                lambda _match: self.tr(
                    "Pinterest refused the pin because your Pinterest app has Trial access, "
                    "which may only pin to the API Sandbox: make a sandbox access token in your "
                    "Pinterest app and reconnect this account in Accounts with “Use "
                    "Pinterest's API Sandbox” ticked, or ask Pinterest for Standard access."
                ),
            ),
        ]

    def network_sentences(self) -> list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]]:
        """What networks/meta/publish.py says about sign-ins and permissions, translated."""

        def two(text: str) -> Callable[[re.Match[str]], str]:
            return lambda match: text.replace("%1", match.group(1)).replace("%2", match.group(2))

        return [
            (
                re.compile(
                    r"(\S+) no longer accepts this account's sign-in \((.+)\): reconnect the "
                    r"account in Accounts\."
                ),
                two(
                    self.tr(
                        "%1 no longer accepts this account's sign-in (%2): reconnect the "
                        "account in Accounts."
                    )
                ),
            ),
            (
                re.compile(
                    r"(\S+) refused this because the sign-in lacks the (\S+) permission: "
                    r"reconnect the account in Accounts with a token that has it\."
                ),
                two(
                    self.tr(
                        "%1 refused this because the sign-in lacks the %2 permission: "
                        "reconnect the account in Accounts with a token that has it."
                    )
                ),
            ),
            (
                re.compile(
                    r"With Facebook Login, enter the id of the Facebook Page your Instagram "
                    r"account is connected to\."
                ),
                lambda _match: self.tr(
                    "With Facebook Login, enter the id of the Facebook Page your Instagram "
                    "account is connected to."
                ),
            ),
            (
                re.compile(
                    r"The Facebook Page (\S+) has no Instagram professional account connected: "
                    r"connect one to the Page in Meta Business Suite, then try again\."
                ),
                lambda match: self.tr(
                    "The Facebook Page %1 has no Instagram professional account connected: "
                    "connect one to the Page in Meta Business Suite, then try again."
                ).replace("%1", match.group(1)),
            ),
        ]

    def thread_progress(self, done: str, total: str, next_part: str) -> str:
        return (
            self.tr("Parts 1–%1 of %2 are published on Threads; a retry continues with part %3.")
            .replace("%1", done)
            .replace("%2", total)
            .replace("%3", next_part)
        )

    def time_error(self, exc: BaseException) -> str | None:
        locale = QLocale()
        if isinstance(exc, NonexistentLocalTimeError):
            return (
                self.tr(
                    "%1 does not exist in %2: the clocks jump from %3 to %4 that day. "
                    "Choose another time."
                )
                .replace("%1", short_date_time(locale, exc.wall))
                .replace("%2", exc.zone)
                .replace("%3", short_time(exc.gap_start, locale))
                .replace("%4", short_time(exc.gap_end, locale))
            )
        if isinstance(exc, AmbiguousLocalTimeError):
            return (
                self.tr(
                    "%1 happens twice in %2 (UTC%3 and then UTC%4, when the clocks go back). "
                    "Choose which one."
                )
                .replace("%1", short_date_time(locale, exc.wall))
                .replace("%2", exc.zone)
                .replace("%3", exc.offsets[0])
                .replace("%4", exc.offsets[1])
            )
        if isinstance(exc, UnknownZoneError):
            return self.tr("“%1” is not a known time zone (for example Europe/Helsinki).").replace(
                "%1", exc.name
            )
        return None


_THREAD_PROGRESS = re.compile(
    r"(.*) Parts 1–(\d+) of (\d+) are published on Threads; a retry continues with part "
    r"(\d+)\."
)


def message_text(message: str) -> str:
    """A stored outcome message (a failed delivery's reason), in the window's language where
    it is known: each sentence that is known is translated, the rest shown as it came."""
    texts = ErrorText()
    progress = _THREAD_PROGRESS.fullmatch(message)
    if progress is not None:
        head, done, total, next_part = progress.groups()
        return message_text(head) + " " + texts.thread_progress(done, total, next_part)
    for pattern, say in texts.known():
        match = pattern.fullmatch(message)
        if match is not None:
            return say(match)
    return message


def error_text(exc: BaseException) -> str:
    """``exc``'s message for the user, in the window's language where it is known."""
    blocked = getattr(exc, "blocked", None)
    if isinstance(blocked, tuple) and blocked:
        from somestudio.ui.composer.blocking import blocked_text  # noqa: PLC0415

        return blocked_text(blocked)
    problems = getattr(exc, "problems", None)
    if isinstance(problems, tuple) and problems:
        lead = ErrorText().decisions(len(problems))
        return lead + " " + "; ".join(error_text(problem) for problem in problems)
    from somestudio.ui.team.texts import team_error_text  # noqa: PLC0415

    team = team_error_text(exc)  # a member or approval rule (issue 17)
    if team is not None:
        return team
    stored = storage_text(exc)  # a storage error's code in the window's language
    if stored != str(exc):
        return redact(stored)
    texts = ErrorText()
    own = texts.time_error(exc)
    if own is not None:
        return own
    message = str(exc)
    said = message_text(message)
    if said != message:
        return said
    cause = exc.__cause__
    if cause is not None and str(cause) == message:
        return error_text(cause)  # a PlanningError that only passes its cause's words on
    return redact(message)  # the one redaction step, before a person sees it
