"""Which lines on the program's stderr fail a journey: all of them, except the exact few the
screen-reader side itself causes (each with its reason)."""

from __future__ import annotations

import re

from tests.e2e.conftest import stderr_problems

# Lines the program may write to stderr in a journey, each exact, each for a reason that is
# not the program's fault:
KNOWN_HARMLESS = frozenset(
    {
        # libatspi in the test's screen-reader side (atspi_driver.py) asks every application
        # for a private peer-to-peer bus; Qt's AT-SPI bridge does not offer one and says so
        # at warning level each time it is asked. Orca triggers the same line; it is the
        # tool's question, not a fault of the program.
        "qt.accessibility.atspi: AtSpiAdaptor::applicationInterface does not implement "
        '"GetApplicationBusAddress" "/org/a11y/atspi/accessible/root"',
    }
)


# The same, for a line that names an object: the driver walks the tree while the program
# rebuilds part of it (a list refilled, a dialog closed); asked about a control that was
# deleted a moment ago, Qt's AT-SPI bridge answers "no such object" and logs this warning.
# A screen reader meets the same race; nothing in the program went wrong.
KNOWN_HARMLESS_PATTERNS = (
    re.compile(
        r"^qt\.accessibility\.atspi: Could not find accessible on path: "
        r'"/org/a11y/atspi/accessible/\d+"$'
    ),
)


def program_problems(stderr: str) -> list[str]:
    """The lines of the program's stderr that fail a journey."""
    return [
        line
        for line in stderr_problems(stderr, ignore=KNOWN_HARMLESS)
        if not any(
            p.match(re.sub(r"^\[qt \w+\] ", "", line).strip()) for p in KNOWN_HARMLESS_PATTERNS
        )
    ]
