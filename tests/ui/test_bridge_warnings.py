"""Qt's AT-SPI bridge warns whenever a screen reader asks what it cannot answer (313 lines in
20 minutes of Orca, on stderr and in the log at WARNING). Those known-harmless lines go to the
log quietly; every other Qt warning is still one, on stderr too."""

from __future__ import annotations

import logging
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QtMsgType

from somestudio.ui import launch

VALUE = 'AtSpiAdaptor::valueInterface: Could not convert to double: "GetCurrentValue"'
BUS = (
    'AtSpiAdaptor::applicationInterface does not implement "GetApplicationBusAddress" '
    '"/org/a11y/atspi/accessible/root"'
)


def _say(category: str, message: str) -> None:
    context = SimpleNamespace(category=category)
    launch._qt_message(QtMsgType.QtWarningMsg, context, message)  # type: ignore[arg-type]


def test_the_bridges_known_warnings_are_logged_quietly(
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(launch, "_atspi_said", set())
    caplog.set_level(logging.DEBUG, logger="qt")
    for _ in range(3):
        _say("qt.accessibility.atspi", VALUE)
        _say("qt.accessibility.atspi", BUS)
    levels = [r.levelno for r in caplog.records]
    assert levels == [logging.INFO, logging.INFO] + [logging.DEBUG] * 4
    assert capsys.readouterr().err == ""


def test_other_qt_warnings_stay_warnings(
    caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    caplog.set_level(logging.DEBUG, logger="qt")
    _say("qt.accessibility.atspi", "AtSpiAdaptor::something new went wrong")
    _say("default", "QWidget::setLayout: Attempting to set QLayout")
    _say("qt.qpa.xcb", VALUE)  # the same words from elsewhere are not the bridge's
    assert [r.levelno for r in caplog.records] == [logging.WARNING] * 3
    assert capsys.readouterr().err.count("\n") == 3
