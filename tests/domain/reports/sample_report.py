"""A realistic report input: the Digital Economy Strategy 2026–2029 at the end of 2028.

The plan is the real one (50 measures, 3 goals, 9 directions, 7 headline
indicators, from its gold annotation in tests/fixtures/gold); everything about its
implementation is invented, deterministically (a seeded generator), and then
evaluated with the evaluation core exactly as the shell will: measure statuses,
roll-ups by goal, direction and agency, forecasts, progress statuses,
attainment and the readiness rating with its Monte Carlo rank intervals.

Used by the report tests and by ``benchmarks/report_benchmark.py``.
"""

from __future__ import annotations

import hashlib
import random
from collections import Counter
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from hedef.domain.evaluation.attainment import attainment_for_year
from hedef.domain.evaluation.composite import (
    builtin_index_path,
    compute_index,
    load_index_definition,
)
from hedef.domain.evaluation.disagreement import self_reported_disagrees
from hedef.domain.evaluation.forecast import forecast
from hedef.domain.evaluation.measure_status import Reporting, measure_status
from hedef.domain.evaluation.path_progress import progress_status
from hedef.domain.evaluation.readiness import readiness_table
from hedef.domain.evaluation.rollup import GroupBy, MeasureRecord, rollup
from hedef.domain.evaluation.series import Point
from hedef.domain.plans.model import Direction, Stage, Strategy
from hedef.domain.reports import (
    Cycle,
    IndicatorSection,
    KeyFigures,
    OverdueItem,
    ReportData,
    ReportMeasure,
    ReturnedItem,
    StrategySection,
)
from hedef.domain.reports.adapters import (
    forecast_line,
    group_statuses,
    readiness_rows,
    timeliness_rows,
)
from tests.fixtures import gold_path
from tests.gold_plans import plan_from_gold

STRATEGY_STEM = "002_342d9e6260cb9729"
REPO = Path(__file__).resolve().parents[3]
AS_OF = 2029.0  # the end of 2028: the annual cycle 2028 has closed
CYCLE_START, CYCLE_END, CYCLE_DUE = date(2028, 1, 1), date(2028, 12, 31), date(2029, 1, 31)
REPORT_DATE = date(2029, 2, 20)
# How each headline indicator is doing, as a share of its yearly targets.
PACE = (1.08, 0.9, 0.7, 1.0, 0.55, 1.01, 0.85)

TEXTS = {
    "az": {
        "title": "Monitorinq hesabatı",
        "cycle": "2028-ci il, illik",
        "issuer": "İqtisadi İslahatların Təhlili və Kommunikasiya Mərkəzi",
        "act": "Azərbaycan Respublikası Prezidentinin Sərəncamı ilə təsdiq edilmişdir.",
        "reasons": (
            "Göstəricinin dəyəri sübut sənədi ilə təsdiqlənməyib.",
            "Əldə olunmuş nəticə icra mərhələsinə uyğun deyil; Əlavə izahat tələb olunur.",
            "Maneələr və onların aradan qaldırılması üçün görülən tədbirlər göstərilməyib.",
        ),
    },
    "en": {
        "title": "Monitoring report",
        "cycle": "2028, annual",
        "issuer": "Center for Analysis of Economic Reforms and Communication",
        "act": "Approved by Order of the President of the Republic of Azerbaijan.",
        "reasons": (
            "The indicator value is not supported by an evidence document.",
            "The result reached does not match the stage reported; please explain.",
            "The obstacles and the steps taken to remove them are not described.",
        ),
    },
}


def load_strategy() -> Strategy:
    """The Digital Economy Strategy from the gold annotation."""
    return plan_from_gold(gold_path(STRATEGY_STEM))


def sample_report(*, language: str = "az", draws: int = 1000) -> ReportData:
    """The full report input for the annual cycle 2028, in ``language`` ("az" or "en")."""
    strategy = load_strategy()
    return report_for(strategy, language=language, draws=draws)


def report_for(
    strategy: Strategy, *, language: str = "az", draws: int = 1000, code: str = ""
) -> ReportData:
    """Invent one cycle of implementation of ``strategy`` and evaluate it into a report."""
    texts = TEXTS[language]
    rng = random.Random(2028)
    section, records = _section(strategy, rng, texts, code=code or strategy.code)
    agency_rollups = rollup(records, by=GroupBy.LEAD_AGENCY, as_of=CYCLE_DUE)
    index = load_index_definition(builtin_index_path("readiness"))
    by_agency: dict[str, list[float]] = {}
    for indicator in section.indicators:
        if indicator.attainment is not None:
            by_agency.setdefault(indicator.responsible, []).append(indicator.attainment)
    attainment = {agency: sum(values) / len(values) for agency, values in by_agency.items()}
    # A strategy without headline indicators gives the rating no attainment column.
    rating = None
    if attainment:
        table = readiness_table(agency_rollups, attainment=attainment)
        rating = compute_index(index, table, draws=draws)
    return ReportData(
        language=language,
        title=texts["title"],
        cycle=Cycle(texts["cycle"], CYCLE_START, CYCLE_END, CYCLE_DUE),
        generated_on=REPORT_DATE,
        sections=(section,),
        key_figures=section.key_figures,
        issuer=texts["issuer"],
        timeliness=timeliness_rows(agency_rollups),
        readiness=readiness_rows(rating) if rating else (),
        readiness_draws=draws,
        methodology=(REPO / "docs/methodology.md").read_text("utf-8"),
        audit_head_hash=hashlib.sha256(b"hedef audit chain, cycle 2028").hexdigest(),
        demo=True,
    )


def _section(
    strategy: Strategy, rng: random.Random, texts: dict, *, code: str
) -> tuple[StrategySection, list[MeasureRecord]]:
    directions = {node.number: node for node in strategy.directions}
    rows: list[ReportMeasure] = []
    records: list[MeasureRecord] = []
    overdue: list[OverdueItem] = []
    behind_so_far = 0
    for index, measure in enumerate(strategy.measures):
        stage = rng.choices(
            (None, Stage.INITIAL, Stage.INTERIM, Stage.FINAL), weights=(8, 22, 52, 18)
        )[0]
        if measure.period.end is not None and measure.period.end + 1 <= AS_OF:
            stage = Stage.INTERIM  # its period has ended without final results: overdue
        reported = rng.random() > 0.06
        assessment = measure_status(
            period=measure.period,
            as_of=AS_OF,
            stage_reached=stage,
            reporting=Reporting(
                cycles_due=3, cycles_reported=3 if reported else 2, latest_reported=reported
            ),
            cancelled=index == 17,
        )
        status = assessment.status.value
        self_reported = {
            None: "not_started",
            Stage.INITIAL: "delayed",
            Stage.INTERIM: "in_progress",
            Stage.FINAL: "completed",
        }[stage]
        behind_so_far += status == "behind"
        if status == "behind" and behind_so_far % 2:
            self_reported = "completed"  # an optimistic agency, which the report flags
        if status == "cancelled":
            self_reported = "cancelled"
        direction = measure.parent if measure.parent in directions else None
        goal = directions[direction].parent if direction else measure.parent
        percent = {None: 5, Stage.INITIAL: 30, Stage.INTERIM: 60, Stage.FINAL: 100}[stage]
        submitted = CYCLE_DUE + timedelta(days=rng.choice((-9, -3, 0, 0, 2, 6, 15, 31)))
        rows.append(
            ReportMeasure(
                number=measure.number,
                title=measure.title,
                lead=measure.lead,
                co_executors=measure.co_executors,
                period=measure.period.text,
                stage_reached=stage.value if stage else None,
                status=status,
                percent_complete=None if stage is None else min(100, percent + rng.randint(0, 9)),
                self_reported=self_reported if reported else None,
                disagrees=reported and self_reported_disagrees(self_reported, status),
                goal=goal,
                direction=direction,
            )
        )
        records.append(
            MeasureRecord(
                number=measure.number,
                strategy=code,
                status=status,
                goal=goal,
                direction=direction,
                lead=measure.lead,
                co_executors=measure.co_executors,
                submitted_at=submitted if reported else None,
                due_at=CYCLE_DUE,
            )
        )
        if status == "overdue":
            due = date(measure.period.end or 2028, 12, 31)
            overdue.append(
                OverdueItem(
                    measure.number,
                    measure.title,
                    measure.lead,
                    "period_ended",
                    due,
                    (REPORT_DATE - due).days,
                    stage.value if stage else None,
                )
            )
        elif status == "not_reported":
            overdue.append(
                OverdueItem(
                    measure.number,
                    measure.title,
                    measure.lead,
                    "report_late",
                    CYCLE_DUE,
                    (REPORT_DATE - CYCLE_DUE).days,
                    stage.value if stage else None,
                )
            )
    returned = tuple(
        ReturnedItem(
            row.number,
            row.title,
            row.lead[0],
            date(2029, 2, 3 + offset),
            texts["reasons"][offset % 3],
            (("indicator_value", "evidence"), ("stage",), ("obstacles", "remedy"))[offset % 3],
        )
        for offset, row in enumerate(rows[3:40:9])
    )
    indicators = tuple(
        _indicator(number, indicator, PACE[number % len(PACE)])
        for number, indicator in enumerate(strategy.indicators)
    )
    titles = {node.number: node.title for node in strategy.nodes}
    goals = group_statuses(
        rollup(records, by=GroupBy.GOAL),
        titles=titles,
        order=[node.number for node in strategy.goals],
    )
    direction_groups = group_statuses(
        rollup(records, by=GroupBy.DIRECTION),
        titles=titles,
        order=[node.number for node in strategy.directions],
    )
    (overall,) = rollup(records, by=GroupBy.STRATEGY, as_of=CYCLE_DUE)
    attainments = [i.attainment for i in indicators if i.attainment is not None]
    figures = KeyFigures(
        measures=len(rows),
        by_status=dict(Counter(row.status for row in rows)),
        indicators=len(indicators),
        indicators_on_track=sum(
            1
            for i in indicators
            if i.status == "target_achieved" or (i.forecast is not None and i.forecast.on_track)
        ),
        mean_attainment=sum(attainments) / len(attainments) if attainments else None,
        reports_due=overall.reports_due,
        reports_on_time=overall.submitted_on_time,
        reports_returned=len(returned),
        disagreements=sum(1 for row in rows if row.disagrees),
    )
    section = StrategySection(
        title=strategy.title,
        act=texts["act"],
        period=f"{strategy.period_start}–{strategy.period_end}",
        key_figures=figures,
        goals=goals,
        directions=direction_groups,
        measures=tuple(rows),
        indicators=indicators,
        overdue=tuple(overdue),
        returned=returned,
        code=code,
    )
    return section, records


def _indicator(index: int, indicator, pace: float) -> IndicatorSection:
    targets = {int(year): value for year, value in indicator.targets.items()}
    first, second = targets[min(targets)], sorted(targets.values())[1]
    baseline = round(max(first - (second - first), first * 0.3), 2)
    planned = {2026: targets[2026], 2027: targets[2027], 2028: targets[2028]}
    planned[2027.5] = (targets[2027] + targets[2028]) / 2  # the semi-annual report
    actuals = {
        year: round(baseline + (planned[year] - baseline) * pace * (1 + 0.02 * index), 2)
        for year in sorted(planned)
    }
    observations = {2025.0: baseline, **actuals}
    final_year = max(targets)
    result = forecast(
        observations,
        target=targets[final_year],
        target_year=final_year,
        direction=Direction.HIGHER_IS_BETTER,
    )
    progress = progress_status(
        observations,
        direction=Direction.HIGHER_IS_BETTER,
        targets={float(y): v for y, v in targets.items()},
        baseline=Point(2025.0, baseline),
    )
    attained = attainment_for_year(
        2028,
        observations=actuals,
        targets={float(y): v for y, v in targets.items()},
        direction=Direction.HIGHER_IS_BETTER,
        baseline=baseline,
        baseline_year=2025,
    )
    return IndicatorSection(
        number=indicator.number,
        name=indicator.name,
        unit=indicator.unit,
        direction=Direction.HIGHER_IS_BETTER.value,
        baseline=baseline,
        baseline_year=2025,
        targets=targets,
        actuals=actuals,
        forecast=forecast_line(result),
        status=progress.status.value,
        attainment=attained.value,
        responsible="İN" if index % 2 else "RİNN",
    )


def consolidated(first: ReportData, second: ReportData) -> ReportData:
    """Two single-strategy reports of the same cycle as one consolidated report."""
    sections = (*first.sections, *second.sections)
    by_status: Counter[str] = Counter()
    for section in sections:
        by_status.update(section.key_figures.by_status)
    total = replace(
        first.key_figures,
        measures=sum(s.key_figures.measures for s in sections),
        by_status=dict(by_status),
        indicators=sum(s.key_figures.indicators for s in sections),
        indicators_on_track=sum(s.key_figures.indicators_on_track for s in sections),
        reports_due=sum(s.key_figures.reports_due for s in sections),
        reports_on_time=sum(s.key_figures.reports_on_time for s in sections),
        reports_returned=sum(s.key_figures.reports_returned for s in sections),
        disagreements=sum(s.key_figures.disagreements for s in sections),
    )
    return replace(first, sections=sections, key_figures=total)
