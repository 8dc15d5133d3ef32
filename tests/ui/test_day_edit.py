"""Typing a whole date into a day field gives that day (Qt's sectioned date edit turned
3/31/27 into 12/31/27 and 11/25/26 into 11/3/25); text that is no day, or a day out of range,
is named and the dialog refuses to save instead of keeping another day."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QEvent, QLocale, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from somestudio.app.studio import Studio
from somestudio.app.workspace import open_workspace
from somestudio.ui.day_edit import DayEdit
from somestudio.ui.metrics.actions_tab import ActionDialog
from somestudio.ui.qtdates import four_digit_year_format

US = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
FI = QLocale(QLocale.Language.Finnish, QLocale.Country.Finland)


@pytest.fixture
def us_locale() -> Iterator[None]:
    QLocale.setDefault(US)
    yield
    QLocale.setDefault(QLocale.c())


def typed(qtbot: QtBot, edit: DayEdit, text: str, *, select: bool = True) -> None:
    edit.show()
    if select:
        edit.lineEdit().selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_the_year_is_shown_in_four_digits() -> None:
    assert four_digit_year_format(US) == "M/d/yyyy"
    assert four_digit_year_format(FI) == "d.M.yyyy"


def test_focus_selects_the_whole_day(qtbot: QtBot, us_locale: None) -> None:
    edit = DayEdit(QDate(2026, 11, 15))
    qtbot.addWidget(edit)
    edit.show()
    edit.lineEdit().deselect()
    QApplication.sendEvent(edit, QFocusEvent(QEvent.Type.FocusIn, Qt.FocusReason.TabFocusReason))
    assert edit.lineEdit().selectedText() == "11/15/2026"
    typed(qtbot, edit, "3/31/27", select=False)
    assert edit.date().toPython() == date(2027, 3, 31)


@pytest.mark.parametrize(
    ("text", "select", "expected"),
    [
        ("3/31/27", True, date(2027, 3, 31)),
        ("11/25/26", True, date(2026, 11, 25)),
        ("3/31/2027", True, date(2027, 3, 31)),
    ],
)
def test_a_whole_date_typed_is_that_day(
    qtbot: QtBot, us_locale: None, text: str, select: bool, expected: date
) -> None:
    edit = DayEdit(QDate(2026, 11, 15))
    qtbot.addWidget(edit)
    typed(qtbot, edit, text, select=select)
    assert edit.date().toPython() == expected
    assert edit.typed_problem() is None


def test_finnish_dates_are_typed_day_first(qtbot: QtBot) -> None:
    QLocale.setDefault(FI)
    try:
        edit = DayEdit(QDate(2026, 11, 15))
        qtbot.addWidget(edit)
        typed(qtbot, edit, "31.3.2027")
        assert edit.date().toPython() == date(2027, 3, 31)
        assert edit.text() == "31.3.2027"
    finally:
        QLocale.setDefault(QLocale.c())


def test_no_day_is_refused_by_name_and_nothing_is_saved(
    qtbot: QtBot, us_locale: None, tmp_path: Path
) -> None:
    workspace = open_workspace(tmp_path)
    try:
        dialog = ActionDialog(Studio(workspace), [], date(2026, 12, 3))
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.note.setText("job fair")
        typed(qtbot, dialog.day, "13/45/2026")
        dialog.note.setFocus()  # Qt puts the previous day back as the field loses focus
        assert dialog.day.date().toPython() == date(2026, 12, 3)
        dialog.save()
        assert dialog.problem.text() == (
            "“13/45/2026” is not a day: write it like 12/3/2026. Nothing was saved."
        )
        assert Studio(workspace).timeline().user_actions(date(2000, 1, 1), date(2100, 1, 1)) == []
        typed(qtbot, dialog.day, "11/25/26")  # Enter saves the dialog
        assert not dialog.isVisible()
        (kept,) = Studio(workspace).timeline().user_actions(date(2000, 1, 1), date(2100, 1, 1))
        assert kept.day == date(2026, 11, 25)
    finally:
        workspace.close()


def test_a_day_out_of_range_is_named_not_clamped(qtbot: QtBot, us_locale: None) -> None:
    edit = DayEdit(QDate(2026, 11, 15))
    qtbot.addWidget(edit)
    typed(qtbot, edit, "3/31/1999")  # 3/31/19 on the way is never taken either
    assert edit.date().toPython() == date(2026, 11, 15)
    assert edit.typed_problem() == (
        "The day 3/31/1999 is outside the years 2000–2099. Nothing was saved."
    )


@pytest.mark.parametrize(
    ("locale", "text", "said"),
    [
        (US, "2/31/2027", "“2/31/2027” is not a day: there are 28 days in February 2027."),
        (US, "2/30/28", "“2/30/28” is not a day: there are 29 days in February 2028."),
        (FI, "31.4.2027", "“31.4.2027” is not a day: there are 30 days in April 2027."),
        (US, "13/45/2026", "“13/45/2026” is not a day: write it like 12/3/2026."),
    ],
)
def test_a_day_past_its_months_end_says_how_long_the_month_is(
    qtbot: QtBot, locale: QLocale, text: str, said: str
) -> None:
    """A day "31.2.2027" was answered "write it like 5.12.2026", written just so: the month's
    length is what is wrong (a new user's finding). (The sentence in English here: the
    widget tests load no catalogue; the month's name is the locale's.)"""
    QLocale.setDefault(locale)
    try:
        edit = DayEdit(QDate(2026, 12, 3))
        qtbot.addWidget(edit)
        typed(qtbot, edit, text)
        assert edit.typed_problem(saving=False) == said
    finally:
        QLocale.setDefault(QLocale.c())


def test_enter_on_a_day_that_is_no_day_keeps_the_words_in_view(
    qtbot: QtBot, us_locale: None
) -> None:
    """Enter (not Tab) on "2/31/2027" put the day before back in the field beside "is not
    a day" (a helper's finding, in the Move and Put-on-a-day dialogs)."""
    edit = DayEdit(QDate(2026, 12, 6))
    qtbot.addWidget(edit)
    typed(qtbot, edit, "2/31/2027")  # ends with Enter
    assert edit.text() == "2/31/2027"
    assert edit.date() == QDate(2026, 12, 6)  # nothing else taken for it
    assert edit.typed_problem(saving=False) == (
        "“2/31/2027” is not a day: there are 28 days in February 2027."
    )


@pytest.mark.parametrize(
    ("locale", "ahead", "text", "expected"),
    [
        (FI, False, "9.12.", date(2026, 12, 9)),  # the year shown
        (FI, False, "9.12", date(2026, 12, 9)),
        (FI, False, "1.3.", date(2026, 3, 1)),  # a report's past day: the year shown
        (FI, True, "9.12.", date(2026, 12, 9)),  # ahead, later this year
        (FI, True, "5.1.", date(2027, 1, 5)),  # ahead, past this year: the next one
        (US, True, "1/5", date(2027, 1, 5)),  # month first, as the locale writes it
        (FI, True, "29.2.", date(2028, 2, 29)),  # ahead: the next leap year's
    ],
)
def test_a_day_and_month_without_a_year_is_read_in_the_fields_year_or_ahead(
    qtbot: QtBot, locale: QLocale, ahead: bool, text: str, expected: date
) -> None:
    """Finns write a day of this year "9.12.": it was refused ("write it like
    5.12.2026"), in the Schedule dialog too (a new user's finding). A field for days ahead
    takes the next such day from today (the test's today: 5 December 2026)."""
    QLocale.setDefault(locale)
    try:
        edit = DayEdit(QDate(2026, 11, 15), ahead=ahead)
        edit.today = lambda: QDate(2026, 12, 5)
        qtbot.addWidget(edit)
        typed(qtbot, edit, text)
        assert edit.date().toPython() == expected
        assert edit.typed_problem() is None
        assert edit.text() == QLocale().toString(edit.date(), edit.displayFormat())
    finally:
        QLocale.setDefault(QLocale.c())


def test_a_day_past_its_months_end_without_a_year_names_the_month_it_was_read_in(
    qtbot: QtBot,
) -> None:
    QLocale.setDefault(FI)
    try:
        edit = DayEdit(QDate(2026, 12, 6), ahead=True)
        edit.today = lambda: QDate(2026, 12, 5)
        qtbot.addWidget(edit)
        typed(qtbot, edit, "31.2.")  # February next: 2027
        assert edit.typed_problem(saving=False) == (
            "“31.2.” is not a day: there are 28 days in February 2027."
        )
        assert edit.date() == QDate(2026, 12, 6)
    finally:
        QLocale.setDefault(QLocale.c())


def test_the_months_length_reads_as_finnish_says_it(qtbot: QtBot) -> None:
    """ "kuukaudessa helmikuu 2026 on 28 päivää" read as a machine's Finnish (a new user's
    finding): the month is said inflected, "helmikuussa"."""
    from somestudio.ui.i18n import install_language  # noqa: PLC0415

    installed = install_language("fi")
    QLocale.setDefault(FI)
    try:
        edit = DayEdit(QDate(2026, 12, 6), ahead=True)
        edit.today = lambda: QDate(2026, 12, 5)
        qtbot.addWidget(edit)
        typed(qtbot, edit, "31.2.2026")
        assert edit.typed_problem(saving=False) == (
            "”31.2.2026” ei ole päivämäärä: helmikuussa 2026 on 28 päivää."
        )
        typed(qtbot, edit, "31.4.")  # ahead: April 2027
        assert edit.typed_problem(saving=False) == (
            "”31.4.” ei ole päivämäärä: huhtikuussa 2027 on 30 päivää."
        )
    finally:
        installed.remove()
        QLocale.setDefault(QLocale.c())
