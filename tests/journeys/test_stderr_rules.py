"""The journeys' stderr rule: only the exact lines the screen-reader side causes are let
through; a traceback, an exception or any other Qt warning fails the journey."""

from __future__ import annotations

from .stderr_rules import program_problems

HARMLESS = [
    "qt.accessibility.atspi: AtSpiAdaptor::applicationInterface does not implement "
    '"GetApplicationBusAddress" "/org/a11y/atspi/accessible/root"',
    "qt.accessibility.atspi: Could not find accessible on path: "
    '"/org/a11y/atspi/accessible/2147483745"',
    "[qt warning] qt.accessibility.atspi: Could not find accessible on path: "
    '"/org/a11y/atspi/accessible/7"',
    "[qt debug] anything at debug level",
    "",
]


def test_the_screen_readers_own_questions_are_let_through() -> None:
    assert program_problems("\n".join(HARMLESS)) == []


def test_tracebacks_exceptions_and_other_qt_warnings_fail() -> None:
    bad = [
        "Traceback (most recent call last):",
        '  File "somestudio/ui/composer/media_strip.py", line 150, in choose_files',
        'RuntimeError: Failed to connect signal "filesSelected(QStringList)"',
        "qt.accessibility.atspi: Could not find accessible on path: somewhere else",
        'qt.accessibility.atspi: AtSpiAdaptor::valueInterface: Could not convert to double: "x"',
        "QWidget::setTabOrder: 'first' and 'second' are in different windows",
        "[qt warning] QObject::connect: No such signal",
    ]
    assert program_problems("\n".join([*HARMLESS, *bad])) == bad
