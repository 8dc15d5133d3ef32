"""Problems that stop a post from going out, one line per account and problem, in the
window's language: "X · kahvila: too long (395/280 weighted characters)."."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from somestudio.app.publish_gate import AccountProblems
from somestudio.ui.i18n import ui_language
from somestudio.ui.network_names import network_name


def problem_lines(found: Iterable[AccountProblems]) -> list[tuple[bool, str]]:
    """(is it an error, the line): errors first, each account's in its order."""
    lang = ui_language()
    lines: list[tuple[bool, str]] = []
    for account in found:
        name = f"{network_name(account.network)} · {account.label}"
        for problem in account.problems:
            message = problem.message_in(lang)
            for prefix in (account.network.display_name, network_name(account.network)):
                if message.startswith(prefix + ": "):
                    message = message[len(prefix) + 2 :]
                    break
            lines.append((problem.severity.value == "error", f"{name}: {message}"))
    return sorted(lines, key=lambda line: not line[0])


def blocked_text(blocked: Iterable[AccountProblems]) -> str:
    """For a message box: why nothing went out."""
    lines = [line for is_error, line in problem_lines(blocked) if is_error]
    lead = QCoreApplication.translate(
        "Blocking", "Nothing was scheduled or sent: fix these first (or untick the account)."
    )
    return lead + "\n\n" + "\n".join(lines)
