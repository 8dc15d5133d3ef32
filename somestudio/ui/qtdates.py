"""Python dates to Qt's, for locale-aware formatting."""

from __future__ import annotations

import re
from datetime import date, datetime, time

from PySide6.QtCore import QDate, QLocale, QTime


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def qtime(moment: time) -> QTime:
    return QTime(moment.hour, moment.minute, moment.second)


def short_date_time(locale: QLocale, moment: datetime) -> str:
    """A wall time (already in the zone to show) in the locale's short date and time format."""
    date_text = locale.toString(qdate(moment.date()), QLocale.FormatType.ShortFormat)
    time_text = locale.toString(qtime(moment.time()), QLocale.FormatType.ShortFormat)
    return f"{date_text} {time_text}"


def short_time(moment: time | datetime, locale: QLocale | None = None) -> str:
    """A wall time in the locale's short format: 9.05 (fi), 09:05 (en_GB), 9:05 AM (en_US)."""
    wall = moment.time() if isinstance(moment, datetime) else moment
    return (locale or QLocale()).toString(qtime(wall), QLocale.FormatType.ShortFormat)


def day_month_format(locale: QLocale) -> str:
    """The locale's short date format without the year: d.M. (fi), dd/MM (en_GB), M/d (en_US)."""
    pattern = locale.dateFormat(QLocale.FormatType.ShortFormat)
    without = re.sub(
        r"[^dMy]*y+[^dMy]*", lambda m: "." if m.group().startswith(".") else "", pattern
    )
    return without.strip(" ,/-") or "d.M."


def day_month(day: date, locale: QLocale | None = None) -> str:
    locale = locale or QLocale()
    return locale.toString(qdate(day), day_month_format(locale))


def day_range(first: date, last: date, locale: QLocale | None = None) -> str:
    """Two days as a range in the locale's short style: 1.–6.12. (fi, the month once when
    both days share it), 01/12–06/12 (en_GB), 12/1–12/6 (en_US)."""
    locale = locale or QLocale()
    if locale.language() == QLocale.Language.Finnish and (first.year, first.month) == (
        last.year,
        last.month,
    ):
        return f"{first.day}.–{day_month(last, locale)}"
    return f"{day_month(first, locale)}–{day_month(last, locale)}"


def four_digit_year_format(locale: QLocale) -> str:
    """The locale's short date format with the year in four digits: M/d/yyyy, d.M.yyyy."""
    pattern = locale.dateFormat(QLocale.FormatType.ShortFormat)
    return pattern if "yyyy" in pattern else pattern.replace("yy", "yyyy")
