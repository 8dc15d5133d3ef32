"""A moment as a person wants to read it: the weekday, the date, the time in the zone the
post was planned in, and that zone's name — "Thu 3/12 12:00 (Helsinki)", "to 3.12. 12.00
(Helsinki)"."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QLocale

from somestudio.ui.qtdates import day_month, four_digit_year_format, qdate, short_time


def zone_name(zone: str) -> str:
    """The place part of an IANA name: Europe/Helsinki → Helsinki, America/New_York → New
    York; UTC stays UTC."""
    return zone.rsplit("/", 1)[-1].replace("_", " ")


def when_text(moment: datetime, zone: str, *, now: datetime) -> str:
    """``moment`` (aware, or a wall time already in ``zone``) in ``zone``; the year is
    shown when it is not the year ``now`` (aware: the window's clock) is in, there."""
    place = ZoneInfo(zone)
    wall = moment.astimezone(place) if moment.tzinfo is not None else moment
    locale = QLocale()
    weekday = locale.dayName(wall.isoweekday(), QLocale.FormatType.ShortFormat)
    year = now.astimezone(place).year
    day = (
        day_month(wall.date(), locale)
        if wall.year == year
        # Four digits: "1/2/99" read as 1999 for a post due in 2099 (a new user's finding).
        else locale.toString(qdate(wall.date()), four_digit_year_format(locale))
    )
    # "%1 %2": the day, then the time; in Finnish "la 5.12. klo 9.00", as times are written.
    moment_text = (
        QCoreApplication.translate("WhenText", "%1 %2")
        .replace("%1", f"{weekday} {day}")
        .replace("%2", short_time(wall, locale))
    )
    return f"{moment_text} ({zone_name(zone)})"
