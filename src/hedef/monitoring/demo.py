"""A demo reporting cycle with an invented, clearly labelled history, so every screen
shows something: accepted, returned (with a field comment), submitted, draft and
overdue reports, contributions, an indicator value. Used by ``hedef demo`` only.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction

from hedef.accounts.models import User
from hedef.agencies.models import Agency
from hedef.domain.plan import Stage
from hedef.domain.reporting import DeviationReason, ProgressStatus, ReportContent, RiskLevel
from hedef.monitoring.actions import (
    ContributionSave,
    CycleOpen,
    SubmissionAccept,
    SubmissionReturn,
    SubmissionSave,
    SubmissionSubmit,
)
from hedef.monitoring.actors import Actor
from hedef.monitoring.choices import Channel, CycleKind
from hedef.monitoring.models import IndicatorReporter, ReportingCycle, Submission
from hedef.plans.models import Strategy

DEMO_CYCLE = "2026, I yarımil (demo)"
ECONOMY = "digital-economy-2026-2029"
CONCEPT = "digital-development-concept"
SOURCE = "hedef demo (invented history)"
# Headline indicators whose document names no responsible body: who reports them (demo).
REPORTERS = {
    "4.1.1": "in",
    "4.1.2": "in",
    "4.1.3": "in",
    "4.1.4": "in",
    "4.1.5": "rinn",
    "4.1.6": "rinn",
    "4.1.7": "in",
}


def _actor(username: str) -> Actor:
    return Actor(User.objects.get(username=username), Channel.SYSTEM, SOURCE)


def _report(cycle: ReportingCycle, strategy: str, number: str) -> Submission:
    return Submission.objects.get(
        cycle=cycle, measure__version__strategy__code=strategy, measure__number=number
    )


def _content(**fields: Any) -> ReportContent:
    text = fields.pop("narrative")
    return ReportContent(narrative=f"[Demo] {text}", **fields)


def _write(report: Submission, who: str, *, submit: bool = False, **fields: Any) -> Submission:
    action = SubmissionSubmit if submit else SubmissionSave
    report.refresh_from_db()
    return action(
        report, actor=_actor(who), content=_content(**fields), version=report.version
    ).execute()


def demo_reporting(*, say: Any = None) -> str:
    """Open the demo cycle and play its history, once; later runs change nothing."""
    if ReportingCycle.objects.filter(label=DEMO_CYCLE).exists():
        return f"Demo reporting cycle “{DEMO_CYCLE}” already there; nothing changed."
    with transaction.atomic():
        economy = Strategy.objects.get(code=ECONOMY)
        for number, agency in REPORTERS.items():
            IndicatorReporter.objects.get_or_create(
                strategy=economy,
                indicator_number=number,
                defaults={"agency": Agency.objects.get(code=agency)},
            )
        cycle = CycleOpen(
            actor=_actor("operator"),
            label=DEMO_CYCLE,
            kind=CycleKind.SEMI_ANNUAL,
            period_start=datetime.date(2026, 1, 1),
            period_end=datetime.date(2026, 6, 30),
            due_date=datetime.date(2026, 7, 15),
            strategies=[economy, Strategy.objects.get(code=CONCEPT)],
        ).execute()
        _play(cycle)
    return f"Demo reporting cycle “{DEMO_CYCLE}” opened with {cycle.submissions.count()} reports."


def _play(cycle: ReportingCycle) -> None:
    progress = {
        "progress_status": ProgressStatus.IN_PROGRESS,
        "stage": Stage.INITIAL,
        "percent_complete": 35.0,
    }
    # İN, the Digital Economy Strategy's lead executor.
    platform = _report(cycle, ECONOMY, "8.1.1.1")
    ContributionSave(
        platform,
        actor=_actor("focal-rinn"),
        text="[Demo] RİNN provided the e-government login (ASAN İmza) for the platform.",
        version=0,
    ).execute()
    targets = {t.pk: v for t, v in zip(platform.measure.targets.all(), [14.0], strict=False)}
    _write(
        platform,
        "focal-in",
        submit=True,
        narrative="The platform's terms of reference were approved; 14 suppliers registered.",
        target_values=targets,
        **progress,
    )
    SubmissionAccept(platform, actor=_actor("analyst")).execute()

    roadmap = _report(cycle, ECONOMY, "8.1.1.3")
    _write(
        roadmap,
        "focal-in",
        submit=True,
        narrative="Work has started.",
        **{**progress, "percent_complete": 20.0},
    )
    SubmissionReturn(
        roadmap,
        actor=_actor("analyst"),
        comments={
            "narrative": "[Demo] Name the two sectors chosen for the pilots and the "
            "documents that approve them."
        },
    ).execute()

    _write(
        _report(cycle, ECONOMY, "8.1.1.4"),
        "focal-in",
        submit=True,
        narrative="Three incentive options for private data centres were drafted with MN.",
        **{**progress, "stage": Stage.INTERIM, "percent_complete": 55.0},
    )
    _write(
        _report(cycle, ECONOMY, "8.1.1.5"),
        "focal-in",
        narrative="The support programme waits for its budget line.",
        progress_status=ProgressStatus.DELAYED,
        stage=Stage.INITIAL,
        percent_complete=10.0,
        obstacles="[Demo] The 2026 budget has no line for the programme yet.",
        deviation_reason=DeviationReason.FUNDING,
        deviation_risk=RiskLevel.HIGH,
        corrective_action="[Demo] Request a line in the 2027 budget; start with donor funds.",
        expected_date=datetime.date(2027, 3, 31),
    )
    _write(
        _report(cycle, ECONOMY, "8.1.1.6"),
        "focal-in",
        narrative="Premises for the centre are being chosen.",
        **{**progress, "percent_complete": 15.0},
    )
    indicator = Submission.objects.get(
        cycle=cycle, indicator__number="4.1.1", indicator__version__strategy__code=ECONOMY
    )
    SubmissionSubmit(
        indicator,
        actor=_actor("focal-in"),
        content=ReportContent(indicator_value=31.0, narrative="[Demo] 31 enterprises by 30 June."),
        version=indicator.version,
    ).execute()

    # RİNN, the Digital Development Concept's lead executor.
    diagnostics = _report(cycle, CONCEPT, "1.1.1")
    _write(
        diagnostics,
        "focal-rinn",
        submit=True,
        narrative="Diagnostics of 12 state bodies completed; the summary report is attached.",
        progress_status=ProgressStatus.COMPLETED,
        stage=Stage.FINAL,
        percent_complete=100.0,
    )
    SubmissionAccept(diagnostics, actor=_actor("analyst"), comment="[Demo] Complete.").execute()
    _write(
        _report(cycle, CONCEPT, "1.2.1"),
        "focal-rinn",
        submit=True,
        narrative="The process architecture's first draft covers 40 processes.",
        **progress,
    )
    coordination = _report(cycle, CONCEPT, "1.3.1")
    _write(
        coordination,
        "focal-rinn",
        submit=True,
        narrative="Meetings were held.",
        **{**progress, "percent_complete": 50.0},
    )
    SubmissionReturn(
        coordination,
        actor=_actor("analyst"),
        comments={"": "[Demo] Say which meetings, with whom, and what they decided."},
    ).execute()
    _write(
        _report(cycle, CONCEPT, "1.1.3"),
        "focal-rinn",
        narrative="The self-assessment questionnaire for businesses is being drafted.",
        **{**progress, "percent_complete": 25.0},
    )
