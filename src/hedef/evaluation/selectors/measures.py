"""Schedule-aware status of each measure, from its period, the stage reached and the reporting.

The rules are :func:`hedef.domain.evaluation.measure_status.measure_status`
(methodology §5); this module only gathers their inputs from the database:

- the stage reached, the self-reported status and the percentage come from the
  latest accepted (or published) report up to the evaluation date;
- a measure is cancelled when the agency reported it cancelled and a reviewer
  accepted that report;
- reporting counts the closed cycles that asked for a report on the measure and
  those that got an accepted one;
- numeric targets read from the result texts are compared with the latest
  accepted value reported against them, for the stages due or reached (every
  stage, for an ongoing measure).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property

from hedef.agencies.models import Agency
from hedef.domain.evaluation.disagreement import reported_status_key, self_reported_disagrees
from hedef.domain.evaluation.measure_status import (
    STAGE_ORDER,
    MeasureAssessment,
    Reporting,
    TargetCheck,
    check_target,
    expected_stage,
    measure_status,
)
from hedef.domain.evaluation.rollup import MeasureRecord
from hedef.domain.monitoring.submissions import ProgressStatus
from hedef.domain.plans.model import Stage
from hedef.evaluation.selectors.dates import EvaluationDate
from hedef.evaluation.selectors.loading import (
    MeasureFacts,
    ReportRow,
    StrategyRef,
    counted_target_values,
    current_measures,
    reports_by_subject,
)


@dataclass(frozen=True)
class MeasureEvaluation:
    """One measure's status and everything it was judged on, with links to its reports."""

    measure: MeasureFacts
    assessment: MeasureAssessment
    reports: tuple[ReportRow, ...]  # every report on it in the cycles seen, oldest first
    latest: ReportRow | None  # the latest accepted (or published) one
    claimed: str | None  # the status the agency's own report claims
    disagrees: bool

    @property
    def strategy(self) -> StrategyRef:
        return self.measure.strategy

    @property
    def key(self) -> tuple[str, str]:
        return (self.strategy.code, self.measure.number)

    @property
    def status(self) -> str:
        return self.assessment.status.value

    @property
    def goal(self) -> str | None:
        return self.measure.goal.number if self.measure.goal else None

    @property
    def direction(self) -> str | None:
        return self.measure.direction.number if self.measure.direction else None

    @property
    def lead(self) -> tuple[Agency, ...]:
        return self.measure.lead

    @property
    def co_executors(self) -> tuple[Agency, ...]:
        return self.measure.co_executors

    @cached_property
    def record(self) -> MeasureRecord:
        """The measure as a roll-up record (status only; timeliness is per report)."""
        return MeasureRecord(
            number=self.measure.number,
            strategy=self.strategy.code,
            status=self.status,
            goal=self.goal,
            direction=self.direction,
            lead=tuple(agency.code for agency in self.lead),
            co_executors=tuple(agency.code for agency in self.co_executors),
        )

    @cached_property
    def report_records(self) -> tuple[MeasureRecord, ...]:
        """One roll-up record per report asked for, for timeliness: who wrote it, when."""
        record = self.record
        return tuple(
            replace(
                record,
                status=report.state,
                lead=(report.agency,),
                submitted_at=report.submitted_on,
                due_at=report.cycle.due,
            )
            for report in self.reports
        )


def measure_evaluations(
    *,
    when: EvaluationDate,
    strategy_ids: Sequence[int] | None = None,
    agency_id: int | None = None,
) -> list[MeasureEvaluation]:
    """The status of every current measure (of ``strategy_ids``, or executed by ``agency_id``).

    Reads the measures, their reports and the values reported against their
    numeric targets in five queries, whatever their number.
    """
    measures = current_measures(strategy_ids=strategy_ids, agency_id=agency_id)
    if not measures:
        return []
    scope = sorted({m.strategy.pk for m in measures})
    # A whole strategy is read by strategy; an agency's measures one by one.
    subjects = {(m.strategy.pk, m.number) for m in measures} if agency_id is not None else None
    reports = reports_by_subject(
        indicators=False, cycles=when.cycles, strategy_ids=scope, subjects=subjects
    )
    values = counted_target_values(cycles=when.cycles, strategy_ids=scope, subjects=subjects)
    return [
        measure_evaluation(
            measure,
            reports=reports.get((measure.strategy.pk, measure.number), []),
            values=values,
            when=when,
        )
        for measure in measures
    ]


def measure_evaluation(
    measure: MeasureFacts,
    *,
    reports: Sequence[ReportRow],
    values: dict[int, dict[tuple[str, int], float]],
    when: EvaluationDate,
) -> MeasureEvaluation:
    """Assess one measure from its reports (oldest first) at ``when``."""
    counted = [report for report in reports if report.counted]
    latest = counted[-1] if counted else None
    reached = next((Stage(r.stage) for r in reversed(counted) if r.stage), None)
    period = measure.period
    asked = [report for report in reports if when.closed(report.cycle)]
    assessment = measure_status(
        period=period,
        as_of=when.as_of,
        stage_reached=reached,
        reporting=Reporting(
            cycles_due=len({report.cycle.pk for report in asked}),
            cycles_reported=len({report.cycle.pk for report in asked if report.counted}),
            latest_reported=bool(asked) and asked[-1].counted,
        ),
        cancelled=latest is not None and latest.progress_status == ProgressStatus.CANCELLED,
        stages=measure.stages,
        target_checks=_target_checks(measure, reached, counted, values, when),
    )
    claimed = reported_status_key(latest.progress_status) if latest else None
    return MeasureEvaluation(
        measure=measure,
        assessment=assessment,
        reports=tuple(reports),
        latest=latest,
        claimed=claimed,
        disagrees=claimed is not None and self_reported_disagrees(claimed, assessment.status.value),
    )


def _target_checks(
    measure: MeasureFacts,
    reached: Stage | None,
    counted: Sequence[ReportRow],
    values: dict[int, dict[tuple[str, int], float]],
    when: EvaluationDate,
) -> list[TargetCheck]:
    """Numeric targets of the stages due or reached, against the latest accepted values."""
    due = expected_stage(measure.period, when.as_of, stages=measure.stages)
    furthest = max(
        (STAGE_ORDER.index(stage) for stage in (due, reached) if stage is not None), default=-1
    )
    checks = []
    for row in measure.targets:
        if not measure.ongoing and STAGE_ORDER.index(row.target.stage) > furthest:
            continue  # a later stage's number is not due yet
        reported = next(
            (values[r.pk][row.key] for r in reversed(counted) if row.key in values.get(r.pk, {})),
            None,
        )
        checks.append(check_target(row.target, reported))
    return checks
