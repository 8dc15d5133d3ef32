"""What a change is measured against: a whole calendar month against the month before it,
on the Metrics page as in the monthly report (the page said "+46 %" for November where the
report for the council said "+39 % (vs October)": the page compared with 2–31 October)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from somestudio.app.metrics_dashboard import MetricsDashboard, local_period
from somestudio.app.metrics_report import build_report
from somestudio.app.workspace import open_workspace
from somestudio.domain.dashboard import MetricsFilter, TotalsWithChange
from tests.conftest import demo_folder

HELSINKI = ZoneInfo("Europe/Helsinki")


def helsinki_midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=HELSINKI).astimezone(UTC)


def test_whole_months_are_compared_with_as_many_months_before() -> None:
    november = local_period(date(2026, 11, 1), date(2026, 11, 30), HELSINKI)
    before = november.previous()
    # October whole, with its extra hour (the clocks went back on 25 October)
    assert (before.start, before.end) == (
        helsinki_midnight(date(2026, 10, 1)),
        helsinki_midnight(date(2026, 11, 1)),
    )
    spring = local_period(date(2027, 3, 1), date(2027, 5, 31), HELSINKI)
    assert spring.previous().start == helsinki_midnight(date(2026, 12, 1))
    january = local_period(date(2027, 1, 1), date(2027, 1, 31), HELSINKI)
    assert january.previous().start == helsinki_midnight(date(2026, 12, 1))


def test_other_periods_are_compared_with_as_many_days_before() -> None:
    days = local_period(date(2026, 11, 2), date(2026, 12, 1), HELSINKI)  # 30 days
    before = days.previous()
    assert before.end == days.start and before.end - before.start == days.end - days.start
    part = local_period(date(2026, 11, 1), date(2026, 11, 29), HELSINKI)  # not to its end
    assert part.previous().end - part.previous().start == part.end - part.start


def test_the_page_and_the_report_give_a_month_the_same_change(tmp_path: Path) -> None:
    home = demo_folder(tmp_path, today=date(2026, 12, 3))
    workspace = open_workspace(home)
    try:
        november = local_period(date(2026, 11, 1), date(2026, 11, 30), HELSINKI)
        shown = MetricsDashboard(workspace.connection, HELSINKI).totals(MetricsFilter(), november)
        report = build_report(workspace.connection, date(2026, 11, 1), HELSINKI)

        def changes(rows: list[TotalsWithChange]) -> dict[str, tuple[int | None, int | None]]:
            return {
                r.current.network.value: (
                    r.current.engagements,
                    r.previous.engagements if r.previous else None,
                )
                for r in rows
            }

        assert changes(shown) == changes(report.totals)
        assert any(previous for _, previous in changes(shown).values())  # compared at all
    finally:
        workspace.close()
