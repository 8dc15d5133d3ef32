"""A day field that takes a whole date typed at once.

Qt's QDateEdit edits one section at a time: typing "3/31/27" over a selected "11/15/26" is
refused, and typing without selecting lands digits in whichever section the cursor is in
(3/31/27 became 12/31/27, 11/25/26 became 11/3/25). Here the field shows the locale's short
format with a four-digit year and reads anything typed in it as a whole date — the shown
format, or the same with a two-digit year (27 is 2027), or a day and month alone ("9.12.",
as Finns write a day of this year; "12/9" in the US): the year is the one shown in the field,
or, in a field for days ahead (``ahead``: scheduling, moving a post), the next such day from
today ("5.1." in December is next January). Text that is not a day, or a day outside the
field's range, is never swapped silently for another: ``typed_problem()`` names it so the
dialog can refuse to save.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, Qt, QTime, QTimer
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence, QMouseEvent, QValidator
from PySide6.QtWidgets import QDateEdit, QWidget

from somestudio.ui.qtdates import four_digit_year_format

_TYPING = re.compile(r"[0-9./\- ]*")
# A day and a month without a year: two numbers, one separator between, one may follow.
_NO_YEAR = re.compile(r"\s*(\d{1,2})\s*([./\-])\s*(\d{1,2})\s*(?:\2\s*)?")


def month_phrase(month: int, year: int) -> str:
    """ "in February 2027", as a sentence of ``DayEdit`` says it (Finnish inflects the
    month: "helmikuussa 2027")."""
    phrases = (
        QCoreApplication.translate("DayEdit", "in January %1"),
        QCoreApplication.translate("DayEdit", "in February %1"),
        QCoreApplication.translate("DayEdit", "in March %1"),
        QCoreApplication.translate("DayEdit", "in April %1"),
        QCoreApplication.translate("DayEdit", "in May %1"),
        QCoreApplication.translate("DayEdit", "in June %1"),
        QCoreApplication.translate("DayEdit", "in July %1"),
        QCoreApplication.translate("DayEdit", "in August %1"),
        QCoreApplication.translate("DayEdit", "in September %1"),
        QCoreApplication.translate("DayEdit", "in October %1"),
        QCoreApplication.translate("DayEdit", "in November %1"),
        QCoreApplication.translate("DayEdit", "in December %1"),
    )
    return phrases[month - 1].replace("%1", str(year))


class DayEdit(QDateEdit):
    def __init__(
        self,
        day: QDate | None = None,
        parent: QWidget | None = None,
        *,
        ahead: bool = False,
        today: Callable[[], QDate] = QDate.currentDate,
    ) -> None:
        """``today``: the day a field for days ahead counts from, on the window's clock and
        in its zone (the computer's own day is only for a field built alone)."""
        super().__init__(parent)
        self.ahead = ahead  # a day typed without its year is the next one from today
        self.today = today
        self.setDisplayFormat(four_digit_year_format(QLocale()))
        self.setCalendarPopup(True)
        self.setKeyboardTracking(False)  # no half-typed day (3/31/19…) is ever taken
        self.setMinimumDate(QDate(2000, 1, 1))
        self.setMaximumDate(QDate(2099, 12, 31))
        if day is not None:
            self.setDate(day)
        self._refused: str | None = None
        self.dateChanged.connect(self._forget_refused)

    def _forget_refused(self) -> None:
        self._refused = None

    def parse(self, text: str) -> QDate:
        """The day ``text`` names in the shown format (or with a two-digit year, or none),
        or an invalid QDate."""
        shown = self.displayFormat()
        locale = QLocale()
        for pattern in (shown, shown.replace("yyyy", "yy")):
            day = locale.toDate(text.strip(), pattern)
            if day.isValid():
                if "yyyy" not in pattern and day.year() < 2000:
                    day = day.addYears(100)  # Qt reads 27 as 1927
                return day
        found = self._without_year(text)
        if found is None:
            return QDate()
        day_number, month, year = found
        day = QDate(year, month, day_number)
        if self.ahead and not (day.isValid() and day >= self.today()):
            # the next such day from today: next year's, and 29.2. the next leap year's
            for later in range(year + 1, year + 5):
                candidate = QDate(later, month, day_number)
                if candidate.isValid():
                    return candidate
        return day

    def _without_year(self, text: str) -> tuple[int, int, int] | None:
        """(day, month, the year it is read in) when ``text`` is a day and a month alone,
        in the order the shown format has them; None otherwise."""
        found = _NO_YEAR.fullmatch(text)
        order = [s[0] for s in re.findall(r"d+|M+", self.displayFormat())]
        if found is None or sorted(order) != ["M", "d"]:
            return None
        numbers = dict(zip(order, (int(found[1]), int(found[3])), strict=True))
        year = self.today().year() if self.ahead else self.date().year()
        return numbers["d"], numbers["M"], year

    def _past_months_end(self, text: str) -> tuple[int, int, int] | None:
        """(year, month, its length) when ``text`` is written as the field writes a day but
        its day is past its month's end ("31.2.2027"); None otherwise."""
        without = self._without_year(text)
        if without is not None:
            day, month, year = without
            if self.ahead and 1 <= month <= 12:  # the year ``parse`` would have read it in
                first = QDate(year, month, 1)
                if first.addDays(first.daysInMonth() - 1) < self.today():
                    year += 1
        else:
            numbers = [int(n) for n in re.findall(r"\d+", text)]
            sections = re.findall(r"d+|M+|y+", self.displayFormat())
            if (
                len(numbers) != 3
                or len(sections) != 3
                or [len(s) > 2 for s in sections if s[0] == "M"] != [False]
            ):
                return None  # not three numbers, or a month written in words
            parts = {s[0]: number for s, number in zip(sections, numbers, strict=True)}
            day, month, year = parts.get("d", 0), parts.get("M", 0), parts.get("y", 0)
            year += 2000 if year < 100 else 0
        if (
            not 1 <= month <= 12
            or not self.minimumDate().year() <= year <= self.maximumDate().year()
        ):
            return None
        length = QDate(year, month, 1).daysInMonth()
        return (year, month, length) if length < day <= 31 else None

    def _in_range(self, day: QDate) -> bool:
        return self.minimumDate() <= day <= self.maximumDate()

    def validate(self, text: str, pos: int) -> object:  # type: ignore[override]
        day = self.parse(text)
        if day.isValid() and self._in_range(day):
            return QValidator.State.Acceptable, text, pos
        if _TYPING.fullmatch(text):
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Invalid, text, pos

    def dateTimeFromText(self, text: str) -> QDateTime:
        day = self.parse(text)
        if day.isValid() and self._in_range(day):
            # In the field's own zone (a QDateEdit keeps UTC): a local midnight handed to it
            # became the day before east of Greenwich, so in Finland 3/31 gave 3/30.
            current = self.dateTime()
            return QDateTime(day, QTime(0, 0), current.timeZone())
        return self.dateTime()

    def typed_date(self) -> QDate:
        """The day the field's text names while it is typed (Qt takes it only when the
        field is left or Enter pressed); the day it holds when the text is no day."""
        day = self.parse(self.lineEdit().text())
        return day if day.isValid() and self._in_range(day) else self.date()

    def reads_a_day(self) -> bool:
        """Whether the text in the field, typed or not, names a day."""
        return self._readable(self.lineEdit().text())

    def _readable(self, text: str) -> bool:
        day = self.parse(text)
        return day.isValid() and self._in_range(day)

    def _select_all(self) -> None:
        self.lineEdit().selectAll()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        had_focus = self.hasFocus()
        super().mousePressEvent(event)
        if not had_focus:  # the first click selects the whole day, as Tab does
            QTimer.singleShot(0, self, self._select_all)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.SelectAll):
            self.lineEdit().selectAll()  # the whole day, not one section
            return
        # Enter or leaving the field puts the previous day back when the text is no day:
        # remember what was typed so the dialog names it instead of saving another day.
        before = self.lineEdit().text()
        super().keyPressEvent(event)
        if event.key() in {Qt.Key.Key_Return, Qt.Key.Key_Enter}:
            self._refused = None if self._readable(before) else before
            if self._refused is not None and before.strip():
                self.lineEdit().setText(before)  # in view beside the reason, as on leaving
        else:
            after = self.lineEdit().text()
            self._refused = None if self._readable(after) else after

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        # The whole day selected (not one section): what is typed replaces it all.
        self.lineEdit().selectAll()
        QTimer.singleShot(0, self, self._select_all)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        text = self.lineEdit().text()
        readable = self._readable(text)
        if not readable:
            self._refused = text
        super().focusOutEvent(event)
        if not readable and text.strip():
            # Qt put the previous day back; the words typed stay in view beside the reason
            # the dialog gives (a valid-looking day beside "is not a day" and a disabled
            # button read as the app's fault: a new user's finding). ``date()`` stays the
            # previous day, and nothing is saved while ``typed_problem`` names the text.
            self.lineEdit().setText(text)

    def typed_problem(self, *, saving: bool = True) -> str | None:
        """What is wrong with the text typed in the field (now or before Qt put the previous
        day back), in the user's language; None when it is the day shown. ``saving``: the
        user asked to save, and the sentence says nothing was (a dialog that checks as the
        user types, and saves nothing until then, leaves that out)."""
        text = self._refused
        if text is None or self._readable(text):
            return None
        day = self.parse(text)
        if day.isValid() and self._in_range(day):
            return None
        example = QLocale().toString(self.date(), self.displayFormat())
        if day.isValid():
            problem = (
                QCoreApplication.translate("DayEdit", "The day %1 is outside the years %2–%3.")
                .replace("%1", text.strip())
                .replace("%2", str(self.minimumDate().year()))
                .replace("%3", str(self.maximumDate().year()))
            )
        elif (past := self._past_months_end(text)) is not None:
            year, month, length = past
            problem = (
                # %2: "in February 2027" (month_phrase), %3: how many days it has
                QCoreApplication.translate("DayEdit", "“%1” is not a day: there are %3 days %2.")
                .replace("%1", text.strip())
                .replace("%2", month_phrase(month, year))
                .replace("%3", str(length))
            )
        else:
            problem = (
                QCoreApplication.translate("DayEdit", "“%1” is not a day: write it like %2.")
                .replace("%1", text.strip())
                .replace("%2", example)
            )
        if not saving:
            return problem
        unsaved = QCoreApplication.translate("DayEdit", "Nothing was saved.")
        return f"{problem} {unsaved}"
