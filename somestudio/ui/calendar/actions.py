"""What the user can do to a post on the calendar, with undo for moves and deletes.

Every change goes through the app's Planner (which also tells the scheduling engine); a
move to a wall time that does not exist or happens twice is put to the user as a choice.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QLocale, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMenu, QWidget

from somestudio.app.planning import Planner, PlanningError
from somestudio.app.studio import Studio
from somestudio.domain.delivery_state import UNSENT, DeliveryState
from somestudio.domain.posts import ScheduledEntry
from somestudio.domain.timeplan import (
    AmbiguousLocalTimeError,
    LocalTimeError,
    NonexistentLocalTimeError,
    to_local,
    to_utc,
)
from somestudio.domain.utc import utc_now
from somestudio.ui.calendar.move_dialog import MoveDialog
from somestudio.ui.calendar.post_chips import first_words
from somestudio.ui.composer.blocking import problem_lines
from somestudio.ui.error_text import error_text
from somestudio.ui.network_names import network_name
from somestudio.ui.prompts import Prompts
from somestudio.ui.qtdates import qdate, short_date_time, short_time
from somestudio.ui.resend_question import retry_unless_declined
from somestudio.ui.states import entry_glyph, entry_state_name
from somestudio.ui.when_text import zone_name

S = DeliveryState
# What a drag can move (the calendar page's MOVABLE): a published post, or one going out now,
# stays where it happened.
MOVABLE = UNSENT


class _Command(QUndoCommand):
    """An undoable change: ``do`` and ``undo`` call the Planner; errors reach the user."""

    def __init__(
        self,
        text: str,
        do: Callable[[], None],
        undo: Callable[[], None],
        report: Callable[[str], None],
    ) -> None:
        super().__init__(text)
        self._do, self._undo, self._report = do, undo, report
        self.failed = False

    def redo(self) -> None:
        try:
            self._do()
        except (PlanningError, LocalTimeError) as exc:
            self.failed = True
            self.setObsolete(True)  # a change that did not happen has nothing to undo
            self._report(error_text(exc))

    def undo(self) -> None:
        try:
            self._undo()
        except (PlanningError, LocalTimeError) as exc:
            self._report(error_text(exc))


class CalendarActions(QObject):
    changed = Signal()  # data changed: views and status reload
    told = Signal(str)  # what a change did, for the status bar (with how to undo it)
    open_requested = Signal(int)  # post id
    schedule_requested = Signal(int, object)  # post id, its current time (aware) or None
    # A post moved (dragged, or Move to…): its id and its first delivery's new time (aware,
    # UTC), for the calendar to go to that day with the post chosen (after Move to… the
    # chosen day stayed on the old date: a keyboard user's finding).
    moved = Signal(int, object)

    def __init__(
        self,
        studio: Studio,
        planner: Planner,
        undo_stack: QUndoStack,
        prompts: Prompts,
        parent: QObject | None = None,
        *,
        now: Callable[[], datetime] = utc_now,
        zone: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._now = now
        self._zone = zone  # the zone the calendar shows times in
        self._studio = studio
        self._planner = planner
        self._undo = undo_stack
        self._prompts = prompts

    # -- gestures
    def move(
        self, entry: ScheduledEntry, wall: datetime, on_cancel: Callable[[], None] | None = None
    ) -> None:
        """Move a delivery to a wall time in its own zone; DST gaps and overlaps are asked
        (``on_cancel``: called when that question is cancelled)."""
        zone = entry.time_zone
        try:
            target = to_utc(wall, zone)
        except NonexistentLocalTimeError as exc:
            gap = exc  # "exc" is unbound once the except block ends; the callback runs later
            self._prompts.choose(
                self.tr("Time does not exist"),
                error_text(gap),
                [self.tr("Use %1").replace("%1", short_time(gap.gap_end))],
                lambda choice: (
                    self._move_to(entry, gap.transition) if choice == 0 else _call(on_cancel)
                ),
            )
            return
        except AmbiguousLocalTimeError as exc:
            twice = exc
            self._prompts.choose(
                self.tr("Time happens twice"),
                error_text(twice),
                [
                    self.tr("The first %1 (UTC%2)")
                    .replace("%1", short_time(wall))
                    .replace("%2", twice.offsets[0]),
                    self.tr("The second %1 (UTC%2)")
                    .replace("%1", short_time(wall))
                    .replace("%2", twice.offsets[1]),
                ],
                lambda choice: (
                    self._move_to(entry, twice.candidates[choice])
                    if choice is not None
                    else _call(on_cancel)
                ),
            )
            return
        self._move_to(entry, target)

    def move_all(
        self,
        moves: list[tuple[ScheduledEntry, datetime]],
        on_cancel: Callable[[], None] | None = None,
    ) -> None:
        """Move a post's deliveries together (a dragged chip), as one step to undo. A wall
        time the clocks skip or pass twice is asked once and answered for all of them
        (``on_cancel``: called when that question is cancelled)."""
        if len(moves) == 1:
            self.move(*moves[0], on_cancel=on_cancel)
            return
        if not moves:
            return
        try:
            targets = [to_utc(wall, entry.time_zone) for entry, wall in moves]
        except NonexistentLocalTimeError as exc:
            gap = exc
            self._prompts.choose(
                self.tr("Time does not exist"),
                error_text(gap),
                [self.tr("Use %1").replace("%1", short_time(gap.gap_end))],
                lambda choice: (
                    self._move_all_to(self._resolved(moves, 0)) if choice == 0 else _call(on_cancel)
                ),
            )
            return
        except AmbiguousLocalTimeError as exc:
            twice = exc
            wall = moves[0][1]
            self._prompts.choose(
                self.tr("Time happens twice"),
                error_text(twice),
                [
                    self.tr("The first %1 (UTC%2)")
                    .replace("%1", short_time(wall))
                    .replace("%2", twice.offsets[0]),
                    self.tr("The second %1 (UTC%2)")
                    .replace("%1", short_time(wall))
                    .replace("%2", twice.offsets[1]),
                ],
                lambda choice: (
                    self._move_all_to(self._resolved(moves, choice))
                    if choice is not None
                    else _call(on_cancel)
                ),
            )
            return
        self._move_all_to([(entry, at) for (entry, _wall), at in zip(moves, targets, strict=True)])

    @staticmethod
    def _resolved(
        moves: list[tuple[ScheduledEntry, datetime]], choice: int
    ) -> list[tuple[ScheduledEntry, datetime]]:
        """Each move's instant, a skipped wall time taken to the end of the gap and one that
        happens twice to the chosen (first or second) occurrence."""
        found = []
        for entry, wall in moves:
            try:
                found.append((entry, to_utc(wall, entry.time_zone)))
            except NonexistentLocalTimeError as gap:
                found.append((entry, gap.transition))
            except AmbiguousLocalTimeError as twice:
                found.append((entry, twice.candidates[choice]))
        return found

    def _passed(self, moves: list[tuple[ScheduledEntry, datetime]]) -> bool:
        """Whether a post that is to go out would go to a time already passed (it was taken,
        and missed at once). A draft may be planned anywhere."""
        passed = self._now() - timedelta(minutes=1)
        return any(e.state is not DeliveryState.DRAFT and at < passed for e, at in moves)

    def _into_the_past(self, moves: list[tuple[ScheduledEntry, datetime]]) -> bool:
        """``_passed`` for a drop: refused and said."""
        if self._passed(moves):
            self._report(
                self.tr("That time has already passed: drop the post on a later day or time.")
            )
            return True
        return False

    def _typed_into_the_past(self, moves: list[tuple[ScheduledEntry, datetime]]) -> bool:
        """``_into_the_past`` for a day and time typed in Move to…, said in its words (there
        is nothing to drop there). A wall time the clocks skip or pass twice is left to the
        question ``move_all`` asks."""
        try:
            targets = [(e, to_utc(wall, e.time_zone)) for e, wall in moves]
        except LocalTimeError:
            return False
        if self._passed(targets):
            self._report(self.tr("That time has already passed: choose a later day or time."))
            return True
        return False

    def _move_all_to(self, moves: list[tuple[ScheduledEntry, datetime]]) -> None:
        if self._into_the_past(moves):
            return
        before = [(e.delivery_id, e.scheduled_at, e.time_zone) for e, _ in moves]
        after = [(e.delivery_id, at, e.time_zone) for e, at in moves]
        first_entry, first_at = moves[0]
        local = to_local(first_at, first_entry.time_zone)

        def apply(
            steps: list[tuple[int, datetime, str]], back: list[tuple[int, datetime, str]]
        ) -> None:
            done = 0
            try:
                for delivery_id, at, zone in steps:
                    self._planner.move(delivery_id, at, zone)
                    done += 1
            except (PlanningError, LocalTimeError):
                for delivery_id, at, zone in back[:done]:  # all of the post or none of it
                    self._planner.move(delivery_id, at, zone)
                raise
            # the view follows the post, there and (undone) back
            self.moved.emit(first_entry.post_id, min(at for _d, at, _z in steps))

        when = self._when(local, first_entry.time_zone)
        self._push(
            self.tr("Move post to %1").replace("%1", when),
            lambda: apply(after, before),
            lambda: apply(before, after),
            self.tr("Moved to %1. Undo (Ctrl+Z) moves it back.").replace("%1", when),
        )

    def menu_for(self, entry: ScheduledEntry, parent: QWidget | None = None) -> QMenu:
        """The chip's menu. A post to one account: that delivery's actions. To several:
        one submenu per account (each with what its state allows), then the post's own."""
        menu = QMenu(parent)
        open_post = menu.addAction(self.tr("&Open"))
        open_post.triggered.connect(lambda: self.open_requested.emit(entry.post_id))
        deliveries = self._deliveries_of(entry)
        # What a drag does, for the keyboard: the post's deliveries to another day and time.
        # (Not a post waiting for approval: Open decides it, and its time, in the composer.)
        if not entry.approval:
            move = menu.addAction(self.tr("&Move to…"))
            move.setEnabled(any(e.state in MOVABLE for e in deliveries or [entry]))
            move.triggered.connect(lambda: self.ask_move(entry, parent))
        menu.addSeparator()
        if entry.approval:  # waiting or returned: Open decides it in the composer (issue 17)
            said = menu.addAction(f"{entry_glyph(entry)} {entry_state_name(entry)}")
            said.setEnabled(False)  # what it is; nothing here schedules it
        elif len(deliveries) <= 1:
            self._delivery_actions(menu, entry)
        else:
            for number, each in enumerate(deliveries, start=1):
                label = each.account_label.replace("&", "&&")  # shown, not a key
                title = (
                    f"{entry_glyph(each)} {network_name(each.network)} · {label}"
                    f" — {entry_state_name(each)}"
                )
                if number <= 9:  # a key to reach it: its number, as the menu counts them
                    title = f"&{number} {title}"
                self._delivery_actions(menu.addMenu(title), each)
            scheduled = [e for e in deliveries if e.state is S.SCHEDULED]
            if len(scheduled) > 1:
                # One step for the whole post (it took a trip through each account's menu).
                every = menu.addAction(self.tr("Unschedule &all %n accounts", "", len(scheduled)))
                every.triggered.connect(lambda: self.unschedule_all(scheduled))
            menu.addSeparator()
        duplicate = menu.addAction(self.tr("Dupli&cate"))
        duplicate.triggered.connect(lambda: self.duplicate(entry))
        menu.addSeparator()
        delete = menu.addAction(self.tr("&Delete post"))
        delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))  # shown: the key
        delete.setEnabled(_deletable(deliveries or [entry]))
        delete.triggered.connect(lambda: self.delete(entry, deliveries))
        return menu

    def _deliveries_of(self, entry: ScheduledEntry) -> list[ScheduledEntry]:
        """The post's deliveries that have a time (the chip's and its siblings)."""
        found = (
            self._studio.entry(d.delivery_id) for d in self._studio.post_deliveries(entry.post_id)
        )
        return sorted(
            (e for e in found if e is not None), key=lambda e: (e.scheduled_at, e.delivery_id)
        )

    def _delivery_actions(self, menu: QMenu, entry: ScheduledEntry) -> None:
        state = entry.state

        def add(text: str, slot: Callable[[], None], enabled: bool = True) -> QAction:
            action = menu.addAction(text)
            action.setEnabled(enabled)
            action.triggered.connect(slot)
            return action

        if state is S.DRAFT:
            add(
                self.tr("&Schedule…"),
                lambda: self.schedule_requested.emit(entry.post_id, entry.scheduled_at),
            )
        if state in (S.DRAFT, S.MISSED, S.FAILED):
            add(self.tr("Add to &queue"), lambda: self.add_to_queue(entry))
        if state in (S.FAILED, S.NEEDS_ATTENTION):
            add(
                self.tr("&Try again"),
                lambda: retry_unless_declined(
                    self._studio,
                    self._prompts,
                    entry,
                    lambda: self._simple(self._planner.retry, entry),
                ),
            )
        if state in (S.FAILED, S.NEEDS_ATTENTION, S.MISSED):
            add(
                self.tr("Mark as published by &hand"),
                lambda: self._simple(self._planner.confirm_published_by_hand, entry),
            )
            add(self.tr("S&kip"), lambda: self._simple(self._planner.skip, entry))
        add(
            self.tr("&Unschedule"),
            lambda: self.unschedule(entry),
            state in (S.SCHEDULED, S.FAILED, S.NEEDS_ATTENTION, S.MISSED),
        )
        # Last, after a line: the one step that cannot be taken back is never the item a
        # keyboard lands on first (Right, Enter in an account's submenu published at once).
        menu.addSeparator()
        can_send = state in UNSENT
        add(
            self.tr("&Publish now"),
            lambda: self._simple(self._planner.publish_now, entry),
            can_send,
        )

    def ask_move(
        self,
        entry: ScheduledEntry,
        parent: QWidget | None = None,
        *,
        typed: datetime | None = None,
    ) -> MoveDialog:
        """Ask for a day and time (in the post's own zone) and move the post there as a drag
        does: its movable deliveries together, keeping their distance from the first, as one
        step to undo. The dialog is opened, not run: it is returned for whoever waits on it.
        ``typed``: the wall time to show (the one typed before, when the question about a
        time the clocks skip or repeat was cancelled: the dialog comes back with it)."""
        movable = [e for e in self._deliveries_of(entry) if e.state in MOVABLE] or [entry]
        lead = min(movable, key=lambda e: e.scheduled_at)
        start = to_local(lead.scheduled_at, lead.time_zone)
        dialog = MoveDialog(
            typed or start,
            lead.time_zone,
            parent,
            today=lambda: qdate(to_local(self._now(), lead.time_zone).date()),
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def chosen() -> None:
            wall = dialog.wall()
            if wall is None:
                return
            delta = wall - start
            moves = [(e, to_local(e.scheduled_at, e.time_zone) + delta) for e in movable]
            if self._typed_into_the_past(moves):
                return

            def again() -> None:
                self.ask_move(entry, parent, typed=wall)

            self.move_all(moves, on_cancel=again)

        dialog.accepted.connect(chosen)
        dialog.open()
        return dialog

    def show_menu(self, entry: ScheduledEntry, where: QPoint, parent: QWidget | None) -> None:
        menu = self.menu_for(entry, parent)
        menu.aboutToHide.connect(menu.deleteLater)
        menu.popup(where)

    def unschedule(self, entry: ScheduledEntry) -> None:
        """Back to a draft at its time; a scheduled one as one step to undo (Ctrl+Z after it
        undid an older step)."""
        if entry.state is not S.SCHEDULED:
            self._simple(self._planner.unschedule, entry)
            return
        delivery, at, zone = entry.delivery_id, entry.scheduled_at, entry.time_zone
        self._push(
            self.tr("Unschedule"),
            lambda: self._planner.unschedule(delivery),
            lambda: self._planner.reschedule(delivery, at, zone),
        )

    def unschedule_all(self, entries: list[ScheduledEntry]) -> None:
        """The post's scheduled deliveries back to drafts at their times, as one step to
        undo."""
        kept = [(e.delivery_id, e.scheduled_at, e.time_zone) for e in entries]

        def do() -> None:
            for delivery, _at, _zone in kept:
                self._planner.unschedule(delivery)

        def undo() -> None:
            # Each account on its own: one that cannot go out now (Instagram without a
            # picture) stopped the rest from being scheduled again, and the undo still
            # said it was done (a new user's finding).
            refused: list[str] = []
            again = 0
            for delivery, at, zone in kept:
                try:
                    self._planner.reschedule(delivery, at, zone)
                    again += 1
                except (PlanningError, LocalTimeError) as exc:
                    blocked = getattr(exc, "blocked", None)
                    if isinstance(blocked, tuple) and blocked:
                        refused += [line for error, line in problem_lines(blocked) if error]
                    else:
                        refused.append(error_text(exc))
            if refused:
                lead = (
                    self.tr("Scheduled again on %n account(s); these stay drafts:", "", again)
                    if again > 0
                    else self.tr("These stay drafts:")
                )
                self._report(lead + "\n\n" + "\n".join(refused))

        self._push(
            self.tr("Unschedule"),
            do,
            undo,
            self.tr(
                "Unscheduled on %n accounts: drafts at their times. Undo (Ctrl+Z) "
                "schedules them again.",
                "",
                len(kept),
            ),
        )

    def add_to_queue(self, entry: ScheduledEntry) -> None:
        """Schedule at the account's next free posting slot, as one step to undo, and say
        which (it moved out of sight without a word, and Ctrl+Z undid an older step)."""
        delivery, old_at, old_zone, old_state = (
            entry.delivery_id, entry.scheduled_at, entry.time_zone, entry.state,
        )  # fmt: skip
        queued: list[datetime] = []

        def undo() -> None:
            if old_state is S.DRAFT:  # a draft again, at its planned time
                self._planner.unschedule(delivery)
                self._planner.move(delivery, old_at, old_zone)
            else:
                self._planner.reschedule(delivery, old_at, old_zone)

        self._push(
            self.tr("Add to queue"),
            lambda: queued.append(self._planner.add_to_queue(delivery)),
            undo,
        )
        if not queued:
            return  # refused: the reason was said
        at = queued[-1]
        slots = self._planner.posting_slots(entry.account_id)
        local = to_local(at, slots[1] if slots is not None else entry.time_zone or "UTC")
        self.told.emit(
            self.tr("Queued for %1 on %2, the account's next free posting slot.")
            .replace("%1", short_date_time(QLocale(), local))
            .replace("%2", f"{network_name(entry.network)} · {entry.account_label}")
        )

    def delete_unless_sending(self, entry: ScheduledEntry) -> None:
        """Delete on a chosen post: deleted as its menu's "Delete post" does, unless it is
        being sent (the menu offers no delete then); that is said."""
        deliveries = self._deliveries_of(entry)
        if _deletable(deliveries or [entry]):
            self.delete(entry, deliveries)
            return
        self.told.emit(
            self.tr("“%1” is being published just now: it cannot be deleted.").replace(
                "%1", first_words(entry.text, 40)
            )
        )

    def delete(self, entry: ScheduledEntry, deliveries: list[ScheduledEntry] | None = None) -> None:
        """``deliveries``: the post's, when the caller has read them (``_deliveries_of``)."""
        post_id = entry.post_id
        was_scheduled = entry.state is S.SCHEDULED

        def restore() -> None:
            self._planner.restore_post(post_id)
            if was_scheduled and entry.scheduled_at <= self._now():
                # Its time passed while it was deleted: it went out at once, unsaid.
                self.told.emit(
                    self.tr(
                        "Brought back “%1”. Its time has passed: it goes out now, or waits "
                        "in Posts waiting for you if it is too late."
                    ).replace("%1", first_words(entry.text, 40))
                )

        # The post goes from every account it was for, which the line the user chose (one
        # account's) did not say: Delete on its Instagram line took its LinkedIn one too,
        # unsaid (a new user's finding). Named when there are several.
        accounts = list(
            dict.fromkeys(
                f"{network_name(e.network)} · {e.account_label}"
                for e in (self._deliveries_of(entry) if deliveries is None else deliveries)
            )
        )
        if len(accounts) > 1:
            said = (
                self.tr("Deleted “%1” from all its accounts (%2). Undo (Ctrl+Z) brings it back.")
                .replace("%1", first_words(entry.text, 40))
                .replace("%2", QLocale().createSeparatedList(accounts))
            )
        else:
            said = self.tr("Deleted “%1”. Undo (Ctrl+Z) brings it back.").replace(
                "%1", first_words(entry.text, 40)
            )
        self._push(
            self.tr("Delete post"),
            lambda: self._planner.delete_post(post_id),
            restore,
            said,  # said, as a draft's deletion is: it went without a word, its numbers too
        )

    def duplicate(self, entry: ScheduledEntry) -> None:
        post_id = self._studio.duplicate_post(entry.post_id)
        if post_id is not None:
            self.changed.emit()
            self.open_requested.emit(post_id)

    # -- private
    def _move_to(self, entry: ScheduledEntry, target: datetime) -> None:
        if self._into_the_past([(entry, target)]):
            return
        old_at, old_zone = entry.scheduled_at, entry.time_zone
        local = to_local(target, entry.time_zone)
        when = self._when(local, entry.time_zone)

        def there(at: datetime, zone: str) -> None:
            self._planner.move(entry.delivery_id, at, zone)
            self.moved.emit(entry.post_id, at)  # undone too: the view follows it back

        self._push(
            self.tr("Move post to %1").replace("%1", when),
            lambda: there(target, entry.time_zone),
            lambda: there(old_at, old_zone),
            self.tr("Moved to %1. Undo (Ctrl+Z) moves it back.").replace("%1", when),
        )

    def _when(self, local: datetime, zone: str) -> str:
        """A post's new time, in its own zone: named when the calendar shows another (the
        status line said 8:30 beside a chip at 6:30, the calendar in UTC)."""
        when = short_date_time(QLocale(), local)
        if self._zone is not None and zone != self._zone:
            when = f"{when} ({zone_name(zone)})"
        return when

    def _push(
        self, text: str, do: Callable[[], None], undo: Callable[[], None], told: str = ""
    ) -> bool:
        """``do`` as a step to undo; False when it failed (the user was told why)."""

        def done() -> None:
            do()
            self.changed.emit()

        def undone() -> None:
            undo()
            self.changed.emit()

        command = _Command(text, done, undone, self._report)
        self._undo.push(command)
        if told and not command.failed:
            self.told.emit(told)
        return not command.failed

    def _simple(self, action: Callable[[int], None], entry: ScheduledEntry) -> None:
        try:
            action(entry.delivery_id)
        except PlanningError as exc:
            self._report(error_text(exc))
        self.changed.emit()

    def _report(self, message: str) -> None:
        self._prompts.inform(self.tr("That did not work"), message)


def _deletable(deliveries: list[ScheduledEntry]) -> bool:
    """A post may be deleted while none of its deliveries is being sent."""
    return all(e.state is not S.PUBLISHING for e in deliveries)


def _call(then: Callable[[], None] | None) -> None:
    if then is not None:
        then()
