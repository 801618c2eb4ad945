"""Opening a reporting cycle and publishing it."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from hedef.accounts.permissions import require
from hedef.agencies.models import Agency
from hedef.core.actions import Action
from hedef.core.actors import Actor
from hedef.core.audit import audit_record, audit_record_many
from hedef.core.witness import witness_on_commit
from hedef.domain.monitoring.submissions import (
    SubmissionState,
    Verb,
    audit_action,
    check_cycle_dates,
    cycle_years,
    measure_due,
)
from hedef.domain.plans.model import Period
from hedef.monitoring.actions.base import advance, touch
from hedef.monitoring.errors import CycleClosed, NotPossible
from hedef.monitoring.models import CycleVersion, IndicatorReporter, ReportingCycle, Submission
from hedef.monitoring.permissions import can_manage_cycles
from hedef.monitoring.selectors import reporting_agency
from hedef.plans.models import Indicator, MeasureExecutor, PlanVersion, Strategy
from hedef.publishing.publication import cycle_snapshot_publish

ONLY_OPERATORS = gettext_lazy("Only the operator's monitoring unit may open or publish cycles.")


def indicator_due(indicator: Indicator, start: datetime.date, end: datetime.date) -> bool:
    """An indicator is asked for when it has a target in a year the cycle covers (or none)."""
    years = {t.year for t in indicator.targets.all()}
    return not years or bool(years & set(cycle_years(start, end)))


class CycleOpen(Action):
    """Open a cycle: one draft report per due measure and per indicator with a reporter."""

    def __init__(
        self,
        *,
        actor: Actor,
        label: str,
        kind: str,
        period_start: datetime.date,
        period_end: datetime.date,
        due_date: datetime.date,
        strategies: Sequence[Strategy],
    ) -> None:
        super().__init__(actor=actor)
        self.fields = {
            "label": label.strip(),
            "kind": kind,
            "period_start": period_start,
            "period_end": period_end,
            "due_date": due_date,
        }
        self.strategies = list(strategies)

    def check(self) -> None:
        require(can_manage_cycles(self.user), ONLY_OPERATORS)

    def apply(self) -> ReportingCycle:
        start, end = self.fields["period_start"], self.fields["period_end"]
        check_cycle_dates(start, end, self.fields["due_date"])
        if not self.strategies:
            raise NotPossible("no_strategy", _("Choose at least one strategy."))
        cycle = ReportingCycle.objects.create(**self.fields, opened_by=self.actor.person)
        reports: list[Submission] = []
        for strategy in self.strategies:
            version = strategy.current_version
            assert version is not None
            CycleVersion.objects.create(cycle=cycle, version=version)
            reports += self._measure_reports(cycle, version, start, end)
            reports += self._indicator_reports(cycle, version, start, end)
        created = Submission.objects.bulk_create(reports)
        if any(report.pk is None for report in created):
            created = list(cycle.submissions.order_by("pk"))
        audit_record_many(
            actor=self.actor,
            records=[
                (
                    "submission.create",
                    report,
                    None,
                    {
                        "cycle": cycle.pk,
                        "subject": str(report),
                        "agency": report.agency.code,
                        "state": report.state,
                        "version": report.version,
                    },
                )
                for report in created
            ],
        )
        audit_record(
            actor=self.actor,
            action="cycle.open",
            obj=cycle,
            after={
                **self.fields,
                "strategies": [f"{s.code} v{s.current_version.number}" for s in self.strategies],
                "reports": len(created),
            },
        )
        return cycle

    def _measure_reports(
        self, cycle: ReportingCycle, version: PlanVersion, start: datetime.date, end: datetime.date
    ) -> list[Submission]:
        measures = version.measures.prefetch_related(
            Prefetch("executors", queryset=MeasureExecutor.objects.select_related("agency"))
        ).order_by("position")
        reports = []
        for measure in measures:
            period = Period(measure.period_start, measure.period_end, measure.period_text)
            agency = reporting_agency(measure)
            if agency is not None and measure_due(period, start, end):
                reports.append(Submission(cycle=cycle, agency=agency, measure=measure))
        return reports

    def _indicator_reports(
        self, cycle: ReportingCycle, version: PlanVersion, start: datetime.date, end: datetime.date
    ) -> list[Submission]:
        reporters = dict(
            IndicatorReporter.objects.filter(strategy=version.strategy).values_list(
                "indicator_number", "agency"
            )
        )
        agencies = Agency.objects.in_bulk()
        return [
            Submission(cycle=cycle, agency=agencies[agency_id], indicator=indicator)
            for indicator in version.indicators.prefetch_related("targets").order_by("position")
            if (agency_id := indicator.responsible_id or reporters.get(indicator.number))
            and indicator_due(indicator, start, end)
        ]


class CyclePublish(Action):
    """Publish a cycle: its accepted reports become published; the chain head is kept.

    In the same transaction the portal switches to a new snapshot: every strategy
    evaluated as of the cycle's end, from accepted and published reports only.
    """

    def __init__(self, cycle: ReportingCycle, *, actor: Actor) -> None:
        super().__init__(actor=actor)
        self.cycle = cycle

    def check(self) -> None:
        require(can_manage_cycles(self.user), ONLY_OPERATORS)

    def apply(self) -> ReportingCycle:
        cycle = ReportingCycle.objects.select_for_update().get(pk=self.cycle.pk)
        if not cycle.is_open:
            raise CycleClosed(
                "cycle_closed",
                _("The cycle “%(cycle)s” was published; its reports no longer change."),
                {"cycle": cycle.label},
            )
        waiting = cycle.submissions.filter(state=SubmissionState.SUBMITTED).count()
        if waiting:
            raise NotPossible(
                "awaiting_review",
                ngettext(
                    "%(count)s report of this cycle waits for review; accept or return it "
                    "before publishing.",
                    "%(count)s reports of this cycle wait for review; accept or return them "
                    "before publishing.",
                    waiting,
                ),
                {"count": waiting},
            )
        published = 0
        for submission in cycle.submissions.filter(state=SubmissionState.ACCEPTED).select_related(
            "cycle"
        ):
            state = advance(submission, Verb.PUBLISH)
            touch(submission, self.actor)
            submission.state = state
            submission.save()
            audit_record(
                actor=self.actor,
                action=audit_action(Verb.PUBLISH),
                obj=submission,
                before={"state": SubmissionState.ACCEPTED.value, "version": submission.version - 1},
                after={"state": state.value, "version": submission.version},
            )
            published += 1
        cycle.state = ReportingCycle.State.PUBLISHED
        cycle.published_at = timezone.now()
        cycle.published_by = self.actor.person
        entry = audit_record(
            actor=self.actor,
            action="cycle.publish",
            obj=cycle,
            before={"state": ReportingCycle.State.OPEN.value},
            after={"state": cycle.state, "published_reports": published},
        )
        cycle.published_head_id, cycle.published_head_hash = entry.pk, entry.hash
        cycle.save()
        snapshot = cycle_snapshot_publish(cycle=cycle, user=self.actor.person)
        witness_on_commit(entry.pk, entry.hash, cycle=snapshot.key)
        return cycle
