"""Python dates to Qt's, for locale-aware formatting."""

from __future__ import annotations

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
