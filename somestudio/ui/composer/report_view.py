"""Turning a draft's check report into what the page shows: the findings list's lines, the
base editor's overflow, the entity summary."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from somestudio.app.draft_checks import DraftReport
from somestudio.domain.entities import Entities
from somestudio.ui.composer.findings_list import Entry, Place
from somestudio.ui.network_names import network_name

MAX_TIP_ENTITIES = 20


def overflow_in_base(report: DraftReport) -> tuple[int | None, list[str]]:
    """The earliest overflow among accounts that use the base text as one post, and the
    names of the channels it is too long for."""
    earliest: int | None = None
    names: list[str] = []
    for target in report.targets.values():
        if not target.uses_base or target.thread or len(target.posts) != 1:
            continue
        overflow = target.posts[0].overflow
        if overflow is None:
            continue
        name = network_name(target.target.network)
        if name not in names:
            names.append(name)
        earliest = overflow if earliest is None else min(earliest, overflow)
    return earliest, names


def entities_summary(entities: Entities) -> tuple[tuple[int, int, int], str]:
    counts = (len(entities.urls), len(entities.mentions), len(entities.hashtags))
    shown = [e.text for e in entities.all()[:MAX_TIP_ENTITIES]]
    more = len(entities.all()) - len(shown)
    return counts, "\n".join(shown) + (f"\n… +{more}" if more > 0 else "")


def findings_of(report: DraftReport) -> list[Entry]:
    """Every finding once: text-wide problems of the base text, then each account's."""
    entries = [
        Entry(f.severity, f.message, Place("base", start=f.start, end=f.end))
        for f in report.text_findings
    ]
    for account_id, target in report.targets.items():
        label = target.target.label
        for index, check in enumerate(target.posts):
            for finding in check.findings:
                if finding.code.startswith("text.") and target.uses_base and not target.thread:
                    continue  # listed once above
                if target.thread:
                    place = Place("part", account_id, index, finding.start, finding.end)
                elif target.uses_base:
                    place = Place("base", account_id, 0, finding.start, finding.end)
                else:
                    place = Place("variant", account_id, 0, finding.start, finding.end)
                entries.append(Entry(finding.severity, finding.message, place, label))
        if target.comment_check is not None:
            heading = QCoreApplication.translate("ComposerPage", "First comment: %1")
            for finding in target.comment_check.findings:
                place = Place("comment", account_id, 0, finding.start, finding.end)
                message = heading.replace("%1", finding.message)
                entries.append(Entry(finding.severity, message, place, label))
        for media in target.media:
            entries.append(
                Entry(media.severity, media.message, Place("media", account_id, media.index), label)
            )
    # One line per distinct message and place (two accounts on one network say it once).
    unique: dict[tuple[str, Place], Entry] = {}
    for entry in entries:
        key = (entry.message, replace_account(entry.place))
        unique.setdefault(key, entry)
    return sorted(unique.values(), key=lambda e: (e.severity.value != "error", e.place.start))


def replace_account(place: Place) -> Place:
    if place.kind in ("base", "media"):
        return Place(place.kind, 0, place.index, place.start, place.end)
    return place
