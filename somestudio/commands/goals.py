"""somestudio goals: list, add and remove goals.

  goals list [--json] [--on DAY] [--tz ZONE]
  goals add --title T --target N --by DAY [--measure followers|views|engagements]
            [--account ID] [--start DAY]              a number by a date
  goals add --title T --target N --per week|month [--account ID] [--start DAY]
                                                     a cadence: N posts each week or month
  goals remove ID

Days are written YYYY-MM-DD. Progress is measured as of --on (default: today in the
system's time zone, or --tz). Without --account a goal counts all accounts together.
Followers are the counts fetched from the networks or entered by hand (`metrics import`).
"""

from __future__ import annotations

import argparse
import json
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from somestudio.commands.cli_support import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    EXIT_PROBLEM,
    BadInputError,
    ProblemError,
    complain,
    database_errors,
    open_cli_workspace,
    say,
    storage_problem,
    system_zone_name,
    terminal_safe,
)

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from somestudio.app.growth.goals import GoalStatus

NAME = "goals"
HELP = "list, add or remove goals (a number by a date, or posts per week or month)"
PROBLEMS = {
    "goal.no_title": ("--title", "give the goal a name"),
    "goal.target_not_positive": ("--target", "the target must be at least 1"),
    "goal.no_deadline": ("--by", "give the day by which the target should be reached"),
    "goal.deadline_not_after_start": ("--by", "the deadline must come after the start"),
    "goal.cadence_counts_posts": ("--measure", "a cadence goal counts posts"),
    "goal.posts_need_cadence": ("--per", "posts are counted per week or month"),
    "goal.no_such_account": ("--account", "no such account"),
}


def configure(parser: argparse.ArgumentParser) -> None:
    parser.description = __doc__.split("\n\n", 1)[1] if __doc__ else HELP
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="list the goals with progress and pace")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.add_argument("--on", metavar="YYYY-MM-DD", help="measure as of this day")
    listing.add_argument("--tz", metavar="ZONE", help="IANA time zone (default: the system's)")
    add = actions.add_parser("add", help="add a goal")
    add.add_argument("--title", required=True, metavar="TEXT")
    add.add_argument("--target", required=True, type=int, metavar="N")
    when = add.add_mutually_exclusive_group(required=True)
    when.add_argument("--by", metavar="YYYY-MM-DD", help="reach the target by this day")
    when.add_argument("--per", choices=("week", "month"), help="N posts each week or month")
    add.add_argument(
        "--measure",
        choices=("followers", "views", "engagements"),
        default="followers",
        help="what a target counts (default: followers)",
    )
    add.add_argument("--account", type=int, metavar="ID", help="one account (default: all)")
    add.add_argument("--start", metavar="YYYY-MM-DD", help="counted from (default: today)")
    add.add_argument("--tz", metavar="ZONE", help="IANA time zone (default: the system's)")
    remove = actions.add_parser("remove", help="remove a goal (its numbers stay)")
    remove.add_argument("id", type=int, metavar="ID")


def run(args: argparse.Namespace) -> int:
    try:
        if args.action == "add":
            say(str(_add(args)))
        elif args.action == "remove":
            _remove(args.id)
        else:
            _list(args)
    except BadInputError as exc:
        complain(NAME, str(exc))
        return EXIT_BAD_INPUT
    except ProblemError as exc:
        complain(NAME, str(exc))
        return EXIT_PROBLEM
    except database_errors() as exc:
        complain(NAME, storage_problem(exc))
        return EXIT_PROBLEM
    return EXIT_OK


def _zone(name: str | None) -> ZoneInfo:
    from zoneinfo import ZoneInfo  # noqa: PLC0415

    from somestudio.domain.timeplan import UnknownZoneError, zone_for  # noqa: PLC0415

    chosen = name or system_zone_name()
    try:
        zone_for(chosen)
    except UnknownZoneError as exc:
        raise BadInputError("--tz", f"unknown time zone {chosen!r}") from exc
    return ZoneInfo(chosen)


def _day(text: str | None, option: str, zone: ZoneInfo) -> date:
    if text is None:
        return datetime.now(zone).date()
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise BadInputError(option, f"{text!r} is not a day like 2026-03-31") from exc


def _add(args: argparse.Namespace) -> int:
    from somestudio.domain.growth.goals import Goal, GoalError, Measure, Per  # noqa: PLC0415

    zone = _zone(args.tz)
    goal = Goal(
        title=args.title,
        measure=Measure.POSTS if args.per else Measure(args.measure),
        target=args.target,
        start=_day(args.start, "--start", zone),
        deadline=_day(args.by, "--by", zone) if args.by else None,
        per=Per(args.per) if args.per else None,
        account_id=args.account,
    )
    workspace = open_cli_workspace()
    try:
        from somestudio.app.growth.goals import GoalBook  # noqa: PLC0415

        return GoalBook(workspace.writable_connection).add(goal)
    except GoalError as exc:
        field, message = PROBLEMS.get(exc.code, ("goal", exc.code))
        raise BadInputError(field, message) from exc
    finally:
        workspace.close()


def _remove(goal_id: int) -> None:
    from somestudio.app.growth.goals import GoalBook  # noqa: PLC0415

    workspace = open_cli_workspace()
    try:
        if not GoalBook(workspace.writable_connection).remove(goal_id):
            raise BadInputError("ID", f"no goal with id {goal_id}")
    finally:
        workspace.close()


def _list(args: argparse.Namespace) -> None:
    from somestudio.app.growth.goals import GoalBook  # noqa: PLC0415

    zone = _zone(args.tz)
    today = _day(args.on, "--on", zone)
    workspace = open_cli_workspace()
    try:
        statuses = GoalBook(workspace.connection).progress(today, zone)
    finally:
        workspace.close()
    if args.json:
        say(json.dumps([as_json(s) for s in statuses], indent=2, ensure_ascii=False))
        return
    if not statuses:
        say("no goals yet; add one with `somestudio goals add`")
        return
    for status in statuses:
        say(terminal_safe(line(status, today)))


def as_json(status: GoalStatus) -> dict[str, Any]:
    goal = status.goal
    found: dict[str, Any] = {
        "id": goal.id,
        "title": goal.title,
        "measure": goal.measure.value,
        "target": goal.target,
        "start": goal.start.isoformat(),
        "deadline": goal.deadline.isoformat() if goal.deadline else None,
        "per": goal.per.value if goal.per else None,
        "account_id": goal.account_id,
        "account": status.account_label or None,
        "progress": round(status.fraction, 4),
        "reached": status.reached,
    }
    if status.target is not None:
        progress = status.target
        pace = progress.pace
        found |= {
            "state": progress.state.value,
            "baseline": progress.baseline,
            "current": progress.current,
            "reached_on": progress.reached_on.isoformat() if progress.reached_on else None,
            "pace_per_day": round(pace.per_day, 4) if pace else None,
            "projected": pace.projected.isoformat() if pace and pace.projected else None,
            "days_with_data": progress.days_with_data,
        }
        if not goal.measure.is_level:
            found |= {"posts_counted": status.counted, "posts_without_numbers": status.without}
    if status.cadence is not None:
        cadence = status.cadence
        found |= {
            "state": "met" if cadence.current.met else "under_way",
            "period_start": cadence.current.first.isoformat(),
            "posts_this_period": cadence.current.posts,
            "periods_kept": cadence.kept,
            "periods_finished": len(cadence.finished),
            "streak": cadence.streak,
        }
    return found


def line(status: GoalStatus, today: date) -> str:
    """One goal in a line of plain English (the window speaks the user's language)."""
    goal = status.goal
    who = status.account_label or "all accounts"
    percent = f"{status.fraction * 100:.0f} %"
    if status.cadence is not None:
        cadence = status.cadence
        return (
            f"#{goal.id} {goal.title} — {goal.target} posts a {goal.per} ({who}): "
            f"{cadence.current.posts} this {goal.per}, {percent}; kept {cadence.kept} of "
            f"{len(cadence.finished)} finished, streak {cadence.streak}"
        )
    progress = status.target
    assert progress is not None and goal.deadline is not None
    current = "–" if progress.current is None else f"{progress.current:g}"
    head = (
        f"#{goal.id} {goal.title} — {goal.measure.value} {goal.target} by "
        f"{goal.deadline.isoformat()} ({who}): {current}, {percent}"
    )
    state = progress.state.value.replace("_", " ")
    left_out = f" ({status.without} posts without numbers not counted)" if status.without else ""
    if progress.reached_on is not None and state == "reached":
        return f"{head}; reached {progress.reached_on.isoformat()}{left_out}"
    if progress.pace is not None and progress.pace.projected is not None:
        projected = progress.pace.projected.isoformat()
        return f"{head}; {state}, at this pace reached {projected}{left_out}"
    if state == "no numbers":
        return (
            f"{head}; no numbers yet: none of the {status.without} posts published since "
            f"{goal.start.isoformat()} has any (only posts from the start count)"
            if status.without
            else f"{head}; no post published since {goal.start.isoformat()} yet"
        )
    if state == "too little data":
        return f"{head}; too little data to tell the pace{left_out}"
    return f"{head}; {state}{left_out}"
