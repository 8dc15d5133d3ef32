"""An opened post of a repeating series says so ("Post 2 of 4 in a repeating series"), and
saving a changed text asks where it goes: this post only, or this and the later posts of
the series not yet sent (one save, app/series.py). Enter keeps the narrow choice."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QLocale, Qt, QTime
from PySide6.QtWidgets import QLabel, QWidget

from somestudio.app.series import PostSeries
from somestudio.domain.recurrence import WeeklyRule


class SeriesNote(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ComposeSeries")
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.series: PostSeries | None = None
        self.hide()

    def show_series(self, series: PostSeries | None) -> None:
        """The opened post's series (None: a post of its own, or a new one)."""
        self.series = series
        if series is None:
            self.clear()
            self.hide()
            return
        line = (
            self.tr("Post %1 of %2 in a repeating series")
            .replace("%1", str(series.position))
            .replace("%2", str(series.total))
        )
        rule = self._rule_words(series)
        self.setText(f"{line} ({rule})" if rule else line)
        self.show()

    def _rule_words(self, series: PostSeries) -> str:
        rule = series.rule
        locale = QLocale()
        if rule is None:
            return ""
        at = locale.toString(QTime(rule.at.hour, rule.at.minute), QLocale.FormatType.ShortFormat)
        if isinstance(rule, WeeklyRule):
            days = ", ".join(
                locale.dayName(d + 1, QLocale.FormatType.LongFormat) for d in sorted(rule.weekdays)
            )
            if rule.interval == 1:
                return self.tr("every week on %1 at %2").replace("%1", days).replace("%2", at)
            return (
                self.tr("every %n weeks on %1 at %2", "", rule.interval)
                .replace("%1", days)
                .replace("%2", at)
            )
        if rule.day == -1:
            if rule.interval == 1:
                return self.tr("on the last day of every month at %1").replace("%1", at)
            return self.tr("on the last day of every %n months at %1", "", rule.interval).replace(
                "%1", at
            )
        if rule.interval == 1:
            return (
                self.tr("every month on day %1 at %2")
                .replace("%1", str(rule.day))
                .replace("%2", at)
            )
        return (
            self.tr("every %n months on day %1 at %2", "", rule.interval)
            .replace("%1", str(rule.day))
            .replace("%2", at)
        )

    def later_count(self) -> int:
        """How many later posts of the series a save could reach (not sent anywhere)."""
        return len(self.series.later()) if self.series is not None else 0

    def ask(self, prompts: Any, on_choice: Callable[[bool | None], None]) -> None:
        """Where a changed text goes: False this post only, True the later ones too, None
        cancelled. Enter takes "Only this post": the wider choice needs a click."""
        later = self.later_count()
        series = self.series
        assert series is not None

        def chosen(index: int | None) -> None:
            on_choice(None if index is None else index == 1)

        prompts.choose(
            self.tr("Repeating series"),
            self.tr(
                "This is post %1 of %2 in a repeating series. Save the changed text to this "
                "post only, or to the later posts of the series too? Posts already published "
                "are not changed."
            )
            .replace("%1", str(series.position))
            .replace("%2", str(series.total)),
            [
                self.tr("Only this post"),
                self.tr("This and the later posts (%n)", "", later),
            ],
            chosen,
            default=0,
        )

    def saved_text(self, later: int | None) -> str:
        """What the save did: None for "only this post", else how many later posts."""
        if later is None:
            return self.tr(
                "Changes saved to this post only; the other posts of the series keep their text."
            )
        return self.tr("Changes saved to this post and %n later posts of its series.", "", later)

    def busy_text(self, positions: tuple[int, ...]) -> str:
        return self.tr(
            "Nothing was saved: post %1 of the series is being published right now. Your "
            "changes are still here; save again in a moment, or save this post only."
        ).replace("%1", ", ".join(map(str, positions)))

    def cancelled_text(self) -> str:
        return self.tr("Not saved. Your changes are still here.")
