"""Demo reporting cycles with an invented, clearly labelled history, so every screen
shows something. The second half of 2025 is published (accepted reports on the
Concept's measures), so the public portal, the open data and the dashboards have
content; the first half of 2026 is open, with accepted, returned (with a field
comment), submitted, draft and overdue reports, contributions and indicator values.
Used by ``hedef demo`` only.
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
    CyclePublish,
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
PUBLISHED_DEMO_CYCLE = "2025, II yarımil (demo)"
# The sample documents the demo loads; their strategy codes are whatever ingestion read.
ECONOMY_DOCUMENT = "002_342d9e6260cb9729.txt"
CONCEPT_DOCUMENT = "001_53070439b15b0152.txt"


def _strategy_code(document: str) -> str:
    return Strategy.objects.filter(versions__source_file_name=document).distinct().get().code


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


def _content(report: Submission, **fields: Any) -> ReportContent:
    text = fields.pop("narrative")
    return ReportContent(narrative=f"[Demo] {text}", **fields)


def _write(report: Submission, who: str, *, submit: bool = False, **fields: Any) -> Submission:
    action = SubmissionSubmit if submit else SubmissionSave
    report.refresh_from_db()
    return action(
        report, actor=_actor(who), content=_content(report, **fields), version=report.version
    ).execute()


def demo_reporting(*, say: Any = None) -> str:
    """Play the published demo cycle, then open the current one, each once.

    Later runs change nothing.
    """
    messages = [_published_demo_cycle(), _open_demo_cycle()]
    return " ".join(messages)


def _published_demo_cycle() -> str:
    if ReportingCycle.objects.filter(label=PUBLISHED_DEMO_CYCLE).exists():
        return f"Demo reporting cycle “{PUBLISHED_DEMO_CYCLE}” already there; nothing changed."
    with transaction.atomic():
        cycle = CycleOpen(
            actor=_actor("operator"),
            label=PUBLISHED_DEMO_CYCLE,
            kind=CycleKind.SEMI_ANNUAL,
            period_start=datetime.date(2025, 7, 1),
            period_end=datetime.date(2025, 12, 31),
            due_date=datetime.date(2026, 1, 15),
            strategies=[Strategy.objects.get(code=_strategy_code(CONCEPT_DOCUMENT))],
        ).execute()
        _play_published(cycle)
        CyclePublish(cycle, actor=_actor("operator")).execute()
    return f"Demo reporting cycle “{PUBLISHED_DEMO_CYCLE}” published on the portal."


def _play_published(cycle: ReportingCycle) -> None:
    """Concept measures reported and accepted; a few left as drafts (not reported)."""
    concept = _strategy_code(CONCEPT_DOCUMENT)
    started = {"progress_status": ProgressStatus.IN_PROGRESS, "stage": Stage.INITIAL}
    reports = [
        # (measure, who, content)
        (
            "1.1.1",
            "focal-rinn",
            {
                "progress_status": ProgressStatus.COMPLETED,
                "stage": Stage.FINAL,
                "percent_complete": 100.0,
                "narrative": "The digital-maturity diagnostics of 12 bodies were completed early.",
            },
        ),
        (
            "1.1.3",
            "focal-rinn",
            {**started, "percent_complete": 30.0, "narrative": "Questionnaires were designed."},
        ),
        (
            "1.1.4",
            "focal-rinn",
            {
                "progress_status": ProgressStatus.IN_PROGRESS,
                "stage": Stage.INTERIM,
                "percent_complete": 80.0,
                "narrative": "The inventory of information systems is nearly complete.",
            },
        ),
        (
            "1.2.1",
            "focal-rinn",
            {**started, "percent_complete": 25.0, "narrative": "Processes were mapped."},
        ),
        (
            "1.3.1",
            "focal-rinn",
            {**started, "percent_complete": 40.0, "narrative": "The operator's unit was staffed."},
        ),
        (
            "1.4.4",
            "focal-rinn",
            {
                "progress_status": ProgressStatus.DELAYED,
                "stage": Stage.INITIAL,
                "percent_complete": 10.0,
                "narrative": "Procurement of the platform was postponed.",
                "deviation_reason": DeviationReason.PROCUREMENT,
                "deviation_risk": RiskLevel.MEDIUM,
                "corrective_action": "[Demo] A new tender in the first quarter of 2026.",
                "expected_date": datetime.date(2026, 6, 30),
            },
        ),
        (
            "2.1",
            "focal-rinn",
            {**started, "percent_complete": 20.0, "narrative": "A survey of skills was run."},
        ),
        ("3.1", "focal-in", {**started, "percent_complete": 25.0, "narrative": "Calls drafted."}),
    ]
    for number, who, content in reports:
        report = _write(_report(cycle, concept, number), who, submit=True, **content)
        SubmissionAccept(report, actor=_actor("analyst")).execute()


def _open_demo_cycle() -> str:
    if ReportingCycle.objects.filter(label=DEMO_CYCLE).exists():
        return f"Demo reporting cycle “{DEMO_CYCLE}” already there; nothing changed."
    with transaction.atomic():
        economy = Strategy.objects.get(code=_strategy_code(ECONOMY_DOCUMENT))
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
            strategies=[economy, Strategy.objects.get(code=_strategy_code(CONCEPT_DOCUMENT))],
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
    platform = _report(cycle, _strategy_code(ECONOMY_DOCUMENT), "8.1.1.1")
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

    roadmap = _report(cycle, _strategy_code(ECONOMY_DOCUMENT), "8.1.1.3")
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
        _report(cycle, _strategy_code(ECONOMY_DOCUMENT), "8.1.1.4"),
        "focal-in",
        submit=True,
        narrative="Three incentive options for private data centres were drafted with MN.",
        **{**progress, "stage": Stage.INTERIM, "percent_complete": 55.0},
    )
    _write(
        _report(cycle, _strategy_code(ECONOMY_DOCUMENT), "8.1.1.5"),
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
        _report(cycle, _strategy_code(ECONOMY_DOCUMENT), "8.1.1.6"),
        "focal-in",
        narrative="Premises for the centre are being chosen.",
        **{**progress, "percent_complete": 15.0},
    )
    indicator = Submission.objects.get(
        cycle=cycle,
        indicator__number="4.1.1",
        indicator__version__strategy__code=_strategy_code(ECONOMY_DOCUMENT),
    )
    SubmissionSubmit(
        indicator,
        actor=_actor("focal-in"),
        content=ReportContent(indicator_value=31.0, narrative="[Demo] 31 enterprises by 30 June."),
        version=indicator.version,
    ).execute()
    trained = Submission.objects.get(
        cycle=cycle,
        indicator__number="4.1.5",
        indicator__version__strategy__code=_strategy_code(ECONOMY_DOCUMENT),
    )
    trained = SubmissionSubmit(
        trained,
        actor=_actor("focal-rinn"),
        content=ReportContent(indicator_value=1400.0, narrative="[Demo] 1,400 people trained."),
        version=trained.version,
    ).execute()
    SubmissionAccept(trained, actor=_actor("analyst")).execute()

    # RİNN, the Digital Development Concept's lead executor.
    diagnostics = _report(cycle, _strategy_code(CONCEPT_DOCUMENT), "1.1.1")
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
        _report(cycle, _strategy_code(CONCEPT_DOCUMENT), "1.2.1"),
        "focal-rinn",
        submit=True,
        narrative="The process architecture's first draft covers 40 processes.",
        **progress,
    )
    coordination = _report(cycle, _strategy_code(CONCEPT_DOCUMENT), "1.3.1")
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
        _report(cycle, _strategy_code(CONCEPT_DOCUMENT), "1.1.3"),
        "focal-rinn",
        narrative="The self-assessment questionnaire for businesses is being drafted.",
        **{**progress, "percent_complete": 25.0},
    )
