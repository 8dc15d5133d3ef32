"""The monthly report CSV's own words in the window's language: its headings, the wins',
goals' and comparisons' states and the networks by name (a Finnish user's spreadsheet showed
"cadence_kept", "on_track" and English headings). The command line writes the keys."""

from __future__ import annotations

from PySide6.QtCore import QObject

from somestudio.domain.networks import Network
from somestudio.ui.network_names import network_name


class ReportCsvWords(QObject):
    """The translations (a class, so that lupdate files them under one context)."""

    def words(self) -> dict[str, str]:
        found = {
            # headings
            "month": self.tr("month"),
            "time zone": self.tr("time zone"),
            "headline": self.tr("headline"),
            "value": self.tr("value"),
            "previous month": self.tr("previous month"),
            "change %": self.tr("change %"),
            "channel": self.tr("channel"),
            "posts": self.tr("posts"),
            "likes": self.tr("likes"),
            "reposts": self.tr("reposts"),
            "replies": self.tr("replies"),
            "quotes": self.tr("quotes"),
            "bookmarks": self.tr("saves"),
            "views": self.tr("views"),
            "engagements": self.tr("engagements"),
            "engagements previous month": self.tr("engagements previous month"),
            "top post": self.tr("top post"),
            "published": self.tr("published"),
            "account": self.tr("account"),
            "text": self.tr("text"),
            "insight channel": self.tr("insight channel"),
            "factor": self.tr("factor"),
            "group": self.tr("group"),
            "measure": self.tr("measure"),
            "posts in group": self.tr("posts in group"),
            "other posts": self.tr("other posts"),
            "median in group": self.tr("median in group"),
            "median others": self.tr("median others"),
            "P(better) %": self.tr("P(better) %"),
            "95% low %": self.tr("95% low %"),
            "95% high %": self.tr("95% high %"),
            "adjusted p": self.tr("adjusted p"),
            "series": self.tr("series"),
            "unit": self.tr("unit"),
            "total": self.tr("total"),
            "win": self.tr("win"),
            "subject": self.tr("subject"),
            "day": self.tr("day"),
            "goal": self.tr("goal"),
            "target": self.tr("target"),
            "by": self.tr("by"),
            "per": self.tr("per"),
            "progress %": self.tr("progress %"),
            "state": self.tr("state"),
            "action day": self.tr("action day"),
            "action": self.tr("action"),
            "counts before": self.tr("counts before"),
            "days before": self.tr("days before"),
            "growth per day before": self.tr("growth per day before"),
            "counts after": self.tr("counts after"),
            "days after": self.tr("days after"),
            "growth per day after": self.tr("growth per day after"),
            "difference": self.tr("difference"),
            "95% low": self.tr("95% low"),
            "95% high": self.tr("95% high"),
            "verdict": self.tr("verdict"),
            # states and kinds
            "goal_reached": self.tr("goal reached"),
            "cadence_kept": self.tr("cadence kept"),
            "biggest_growth": self.tr("biggest growth"),
            "best_post": self.tr("best post"),
            "followers": self.tr("followers"),
            "week": self.tr("week"),
            "reached": self.tr("reached"),
            "on_track": self.tr("on track"),
            "behind": self.tr("behind"),
            "not_growing": self.tr("not growing"),
            "missed": self.tr("missed"),
            "too_little_data": self.tr("too little data"),
            "no_numbers": self.tr("no numbers"),
            "kept": self.tr("kept"),
            "missed_some": self.tr("missed some"),
            "met": self.tr("met"),
            "under_way": self.tr("under way"),
            "up": self.tr("up"),
            "down": self.tr("down"),
            "no_clear_change": self.tr("no clear change"),
            "cannot_tell": self.tr("cannot tell"),
            "media": self.tr("media"),
            "length": self.tr("length"),
            "hashtags": self.tr("hashtags"),
            "weekday": self.tr("weekday"),
            "hour": self.tr("hour"),
            "rate": self.tr("engagement rate"),
        }
        for network in Network:
            found.setdefault(network.value, network_name(network))
        return found


def report_csv_words() -> dict[str, str]:
    return ReportCsvWords().words()
