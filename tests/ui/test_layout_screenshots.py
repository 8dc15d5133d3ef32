"""Layout checks: the main views in Finnish, English and pseudo-translation (every string
about 40 % longer), light and dark, at 1024 × 700, 1280 × 800 and 1920 × 1080 (pseudo at
1280 × 800 only): no label, button, tab or column heading is clipped. The screenshots stay
in artifacts/screenshots/layout/ for people to look at.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from somestudio.ui.i18n import install_language
from somestudio.ui.theme import apply_scheme, is_dark
from tests.conftest import FIXED_DAY

from .conftest import clock_on
from .layout_views import SIZES, make_window, take_shots

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(os.environ.get("SOMESTUDIO_ARTIFACTS", REPO / "artifacts"))
SHOTS = ARTIFACTS / "screenshots" / "layout"


@pytest.fixture
def scheme(request: pytest.FixtureRequest) -> Iterator[Qt.ColorScheme]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    wanted = Qt.ColorScheme.Dark if request.param == "dark" else Qt.ColorScheme.Light
    apply_scheme(app, wanted)
    yield wanted
    apply_scheme(app, Qt.ColorScheme.Light)


# Finnish and English at every size; the pseudo-translation (its strings ~40 % longer than
# English, standing in for languages still to come) at the usual size only.
CASES = [
    *((language, size) for language in ("fi", "en") for size in SIZES),
    ("pseudo", "1280x800"),
]


@pytest.mark.parametrize("scheme", ["light", "dark"], indirect=True)
@pytest.mark.parametrize(("language", "size"), CASES)
def test_main_views_have_no_clipped_text(
    qtbot: QtBot, demo_home: Path, language: str, scheme: Qt.ColorScheme, size: str
) -> None:
    installed = install_language(
        "en" if language == "pseudo" else language, pseudo=language == "pseudo"
    )
    try:
        window = make_window(demo_home, SIZES[size], now=clock_on(FIXED_DAY))
        qtbot.addWidget(window)
        assert is_dark(window.palette()) == (scheme == Qt.ColorScheme.Dark)
        theme = "dark" if scheme == Qt.ColorScheme.Dark else "light"
        shots = take_shots(window, SHOTS, f"{language}-{theme}-{size}", SIZES[size])
        if language == "fi":
            assert window.windowTitle() == "Some Studio"
            assert window.menuBar().actions()[0].text() == "&Tiedosto"
        if language == "pseudo":
            assert window.menuBar().actions()[0].text().startswith("[&")
        problems = [f"{shot.name}: {problem}" for shot in shots for problem in shot.clipped]
        assert problems == [], (
            "clipped text (see the PNGs in " + str(SHOTS) + "):\n" + "\n".join(problems)
        )
        window.close()
    finally:
        installed.remove()
        QLocale.setDefault(QLocale.c())
