"""A small portfolio with a reporting history, one measure per status the rules can give.

The ``portfolio`` fixture (tests/conftest.py) loads it; ``build_portfolio`` loads it
for module-scoped fixtures too.

Strategy "test-portfolio" (2025–2027) has eight measures and two headline
indicators, three published semi-annual cycles (2025-S2, 2026-S1, 2026-S2) and
reports in every state. Evaluated as of the end of 2026-S2 (2027.0):

====== ========== ===== ======================================================
number period     lead  what its reports make of it
====== ========== ===== ======================================================
1.1.1  2025–2026  RİNN  final stage accepted → completed
1.1.2  2025–2027  RİNN  interim reached when interim is due → on_schedule
1.1.3  2025–2027  İN    still initial at the end of 2026 → behind; the agency
                        says "in progress" → its status disagrees
1.2.1  2025       RİNN  interim in 2025 only → overdue
1.2.2  2025–2027  ETN   the last report was returned → not_reported
2.1.1  2025–2027  İN    reported cancelled, accepted → cancelled
2.1.2  mütəmadi   RİNN  drafts in two cycles, one accepted → behind
2.1.3  mütəmadi   İN    "at least 20" reported as 12 → behind
====== ========== ===== ======================================================

Indicator I.1 (İN, higher is better, baseline 10 in 2024, targets 20/30/40 for
2025–2027) has 18, 24 and 29; I.2 (RİNN as reporter, lower is better, no
baseline, target 5 for 2027) has 12 and 10, and a returned 999 that never counts.
Reports are submitted five days before the due date, except where ``late`` says.
"""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

STRATEGY = "test-portfolio"
BAKU = ZoneInfo("Asia/Baku")
CYCLES = {
    # key: (label, start, end, due)
    "c1": ("2025, II yarımil", (2025, 7, 1), (2025, 12, 31), (2026, 1, 15)),
    "c2": ("2026, I yarımil", (2026, 1, 1), (2026, 6, 30), (2026, 7, 15)),
    "c3": ("2026, II yarımil", (2026, 7, 1), (2026, 12, 31), (2027, 1, 15)),
}
P, A, R, D = "published", "accepted", "returned", "draft"
# (number, cycle, state, stage, self-reported status, percent, days late, target values)
MEASURE_REPORTS = [
    ("1.1.1", "c1", P, "initial", "in_progress", 30.0, None, ()),
    ("1.1.1", "c2", P, "interim", "in_progress", 70.0, None, ()),
    ("1.1.1", "c3", P, "final", "completed", 100.0, None, ()),
    ("1.1.2", "c1", P, "initial", "in_progress", 20.0, None, ()),
    ("1.1.2", "c2", P, "initial", "in_progress", 40.0, None, ()),
    ("1.1.2", "c3", P, "interim", "in_progress", 60.0, None, ()),
    ("1.1.3", "c1", P, "initial", "in_progress", 10.0, None, ()),
    ("1.1.3", "c2", P, "initial", "in_progress", 15.0, None, ()),
    ("1.1.3", "c3", P, "initial", "in_progress", 20.0, None, ()),
    ("1.2.1", "c1", P, "interim", "in_progress", 50.0, None, ()),
    ("1.2.2", "c1", P, "initial", "in_progress", 10.0, None, ()),
    ("1.2.2", "c2", P, "initial", "in_progress", 20.0, 10, ()),
    ("1.2.2", "c3", R, "interim", "in_progress", 50.0, 20, ()),
    ("2.1.1", "c1", P, "initial", "in_progress", 10.0, None, ()),
    ("2.1.1", "c2", P, "initial", "delayed", 10.0, None, ()),
    ("2.1.1", "c3", P, "initial", "cancelled", 10.0, None, ()),
    ("2.1.2", "c1", D, "", "", None, None, ()),
    ("2.1.2", "c2", D, "", "", None, None, ()),
    ("2.1.2", "c3", P, "initial", "in_progress", 30.0, None, ()),
    ("2.1.3", "c1", P, "initial", "in_progress", 30.0, None, (25.0,)),
    ("2.1.3", "c2", P, "initial", "in_progress", 40.0, None, (25.0,)),
    ("2.1.3", "c3", P, "initial", "in_progress", 50.0, None, (12.0,)),
]
# (indicator, cycle, state, value, self-reported status, days late)
INDICATOR_REPORTS = [
    ("I.1", "c1", P, 18.0, "", None),
    ("I.1", "c2", P, 24.0, "", None),
    ("I.1", "c3", P, 29.0, "delayed", None),
    ("I.2", "c1", P, 12.0, "", None),
    ("I.2", "c2", P, 10.0, "", 3),
    ("I.2", "c3", R, 999.0, "", 20),
]


def portfolio_plan():
    from hedef.domain.plans.model import (
        AgencyAlias,
        Comparator,
        Direction,
        HeadlineIndicator,
        Measure,
        NumericTarget,
        Period,
        PlanNode,
        Stage,
        Strategy,
    )

    results = {stage: f"{stage.value} results" for stage in Stage}

    def measure(number, period, lead, co=(), targets=()):
        parent = number.rsplit(".", 1)[0]
        return Measure(
            number=number,
            title=f"Measure {number}",
            lead=(lead,),
            co_executors=co,
            period=period,
            results=results,
            targets=targets,
            parent=parent,
        )

    at_least_20 = NumericTarget(Stage.FINAL, Comparator.AT_LEAST, 20.0, "xidmət", "azı 20 xidmət")
    return Strategy(
        code=STRATEGY,
        title="Sınaq portfeli 2025–2027",
        period_start=2025,
        period_end=2027,
        agencies=(AgencyAlias("RİNN", ""), AgencyAlias("İN", ""), AgencyAlias("ETN", "")),
        nodes=(
            PlanNode("1", "Birinci məqsəd", "goal"),
            PlanNode("1.1", "Birinci istiqamət", "direction", "1"),
            PlanNode("1.2", "İkinci istiqamət", "direction", "1"),
            PlanNode("2", "İkinci məqsəd", "goal"),
            PlanNode("2.1", "Üçüncü istiqamət", "direction", "2"),
        ),
        measures=(
            measure("1.1.1", Period(2025, 2026, "2025–2026"), "RİNN", ("İN",)),
            measure("1.1.2", Period(2025, 2027, "2025–2027"), "RİNN"),
            measure("1.1.3", Period(2025, 2027, "2025–2027"), "İN", ("RİNN",)),
            measure("1.2.1", Period(2025, 2025, "2025"), "RİNN"),
            measure("1.2.2", Period(2025, 2027, "2025–2027"), "ETN"),
            measure("2.1.1", Period(2025, 2027, "2025–2027"), "İN"),
            measure("2.1.2", Period(None, None, "mütəmadi"), "RİNN"),
            measure("2.1.3", Period(None, None, "mütəmadi"), "İN", targets=(at_least_20,)),
        ),
        indicators=(
            HeadlineIndicator(
                "I.1",
                "Birinci göstərici",
                "ədəd",
                {2025: 20.0, 2026: 30.0, 2027: 40.0},
                baseline_value=10.0,
                baseline_year=2024,
                responsible="İN",
            ),
            HeadlineIndicator(
                "I.2", "İkinci göstərici", "gün", {2027: 5.0}, Direction.LOWER_IS_BETTER
            ),
        ),
    )


def _moment(day: datetime.date, late: int | None) -> datetime.datetime:
    offset = datetime.timedelta(days=late if late is not None else -5)
    return datetime.datetime.combine(day + offset, datetime.time(12), tzinfo=BAKU)


def build_portfolio():
    """Load the test portfolio (the agency registry must be loaded); for module fixtures too."""
    from hedef.agencies.models import Agency
    from hedef.monitoring.models import (
        CycleVersion,
        IndicatorReporter,
        ReportingCycle,
        Submission,
        TargetValue,
    )
    from hedef.plans.models import Indicator, Measure
    from hedef.plans.services import plan_import

    version = plan_import(plan=portfolio_plan(), via="test").version
    IndicatorReporter.objects.create(
        strategy=version.strategy, indicator_number="I.2", agency=Agency.objects.get(code="rinn")
    )
    cycles = {}
    for key, (label, start, end, due) in CYCLES.items():
        cycles[key] = ReportingCycle.objects.create(
            label=label,
            kind="semi_annual",
            period_start=datetime.date(*start),
            period_end=datetime.date(*end),
            due_date=datetime.date(*due),
            state=ReportingCycle.State.PUBLISHED,
        )
        CycleVersion.objects.create(cycle=cycles[key], version=version)
    measures = {m.number: m for m in Measure.objects.filter(version=version)}
    indicators = {i.number: i for i in Indicator.objects.filter(version=version)}
    for number, key, state, stage, status, percent, late, values in MEASURE_REPORTS:
        measure = measures[number]
        lead = measure.executors.filter(role="lead").first().agency
        cycle = cycles[key]
        report = Submission.objects.create(
            cycle=cycle,
            measure=measure,
            agency=lead,
            state=state,
            stage=stage,
            progress_status=status,
            percent_complete=percent,
            narrative=f"{number} in {cycle.label}",
            submitted_at=None if state == D else _moment(cycle.due_date, late),
        )
        for target, value in zip(measure.targets.order_by("position"), values, strict=False):
            TargetValue.objects.create(submission=report, target=target, value=value)
    reporters = {"I.1": "in", "I.2": "rinn"}
    for number, key, state, value, status, late in INDICATOR_REPORTS:
        cycle = cycles[key]
        Submission.objects.create(
            cycle=cycle,
            indicator=indicators[number],
            agency=Agency.objects.get(code=reporters[number]),
            state=state,
            progress_status=status,
            indicator_value=value,
            submitted_at=_moment(cycle.due_date, late),
        )
    return {"version": version, "strategy": version.strategy, "cycles": cycles}
