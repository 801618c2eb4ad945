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
from hedef.core.actors import Actor, Channel
from hedef.domain.monitoring.submissions import (
    DeviationReason,
    ProgressStatus,
    RiskLevel,
    SubmissionContent,
)
from hedef.domain.plans.model import Stage
from hedef.monitoring.actions import (
    ContributionSave,
    CycleOpen,
    CyclePublish,
    EvidenceAdd,
    SubmissionAccept,
    SubmissionReturn,
    SubmissionSave,
    SubmissionSubmit,
)
from hedef.monitoring.choices import CycleKind
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


def _content(**fields: Any) -> SubmissionContent:
    text = fields.pop("narrative")
    return SubmissionContent(narrative=f"[Demo] {text}", **fields)


def _write(report: Submission, who: str, *, submit: bool = False, **fields: Any) -> Submission:
    action = SubmissionSubmit if submit else SubmissionSave
    report.refresh_from_db()
    return action(
        report, actor=_actor(who), content=_content(**fields), version=report.version
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
        text="[Demo] RİNN platforma elektron hökumət girişini (ASAN İmza) təmin etdi.",
        version=0,
    ).execute()
    targets = {t.pk: v for t, v in zip(platform.measure.targets.all(), [14.0], strict=False)}
    _write(
        platform,
        "focal-in",
        submit=True,
        narrative="Platformanın texniki tapşırığı təsdiq edildi; 14 təchizatçı qeydiyyatdan keçdi.",
        target_values=targets,
        **progress,
    )
    SubmissionAccept(platform, actor=_actor("analyst")).execute()

    roadmap = _report(cycle, _strategy_code(ECONOMY_DOCUMENT), "8.1.1.3")
    _write(
        roadmap,
        "focal-in",
        submit=True,
        narrative="İşlərə başlanılıb.",
        **{**progress, "percent_complete": 20.0},
    )
    SubmissionReturn(
        roadmap,
        actor=_actor("analyst"),
        comments={
            "narrative": "[Demo] Pilot layihələr üçün seçilmiş iki sahəni və onları "
            "təsdiq edən sənədləri göstərin."
        },
    ).execute()

    _write(
        _report(cycle, _strategy_code(ECONOMY_DOCUMENT), "8.1.1.4"),
        "focal-in",
        submit=True,
        narrative="Özəl data mərkəzləri üçün üç təşviq variantı MN ilə birgə hazırlanıb.",
        **{**progress, "stage": Stage.INTERIM, "percent_complete": 55.0},
    )
    _write(
        _report(cycle, _strategy_code(ECONOMY_DOCUMENT), "8.1.1.5"),
        "focal-in",
        narrative="Dəstək proqramı büdcə xəttinin ayrılmasını gözləyir.",
        progress_status=ProgressStatus.DELAYED,
        stage=Stage.INITIAL,
        percent_complete=10.0,
        obstacles="[Demo] 2026-cı il büdcəsində proqram üçün hələ xətt yoxdur.",
        deviation_reason=DeviationReason.FUNDING,
        deviation_risk=RiskLevel.HIGH,
        corrective_action="[Demo] 2027-ci il büdcəsində xətt istəmək; donor vəsaiti ilə başlamaq.",
        expected_date=datetime.date(2027, 3, 31),
    )
    _write(
        _report(cycle, _strategy_code(ECONOMY_DOCUMENT), "8.1.1.6"),
        "focal-in",
        narrative="Mərkəz üçün bina seçilir.",
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
        content=SubmissionContent(
            indicator_value=31.0, narrative="[Demo] 30 iyun vəziyyətinə 31 müəssisə."
        ),
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
        content=SubmissionContent(indicator_value=1400.0, narrative="[Demo] 1,400 people trained."),
        version=trained.version,
    ).execute()
    SubmissionAccept(trained, actor=_actor("analyst")).execute()

    # RİNN, the Digital Development Concept's lead executor.
    diagnostics = _report(cycle, _strategy_code(CONCEPT_DOCUMENT), "1.1.1")
    EvidenceAdd(
        diagnostics,
        actor=_actor("focal-rinn"),
        name="diaqnostika-yekun-hesabat.pdf",
        data=_pdf("Demo: diagnostics of 12 state bodies, summary report"),
    ).execute()
    _write(
        diagnostics,
        "focal-rinn",
        submit=True,
        narrative="12 dövlət qurumunun diaqnostikası başa çatıb; yekun hesabat əlavə olunub.",
        progress_status=ProgressStatus.COMPLETED,
        stage=Stage.FINAL,
        percent_complete=100.0,
    )
    SubmissionAccept(
        diagnostics, actor=_actor("analyst"), comment="[Demo] Hesabat tamdır."
    ).execute()
    _write(
        _report(cycle, _strategy_code(CONCEPT_DOCUMENT), "1.2.1"),
        "focal-rinn",
        submit=True,
        narrative="Proseslər arxitekturasının ilk layihəsi 40 prosesi əhatə edir.",
        **progress,
    )
    coordination = _report(cycle, _strategy_code(CONCEPT_DOCUMENT), "1.3.1")
    _write(
        coordination,
        "focal-rinn",
        submit=True,
        narrative="Görüşlər keçirilib.",
        **{**progress, "percent_complete": 50.0},
    )
    SubmissionReturn(
        coordination,
        actor=_actor("analyst"),
        comments={"": "[Demo] Hansı görüşlər, kimlərlə keçirilib, hansı qərarlar verilib?"},
    ).execute()
    _write(
        _report(cycle, _strategy_code(CONCEPT_DOCUMENT), "1.1.3"),
        "focal-rinn",
        narrative="Sahibkarlar üçün özünüqiymətləndirmə sorğusu hazırlanır.",
        **{**progress, "percent_complete": 25.0},
    )


def _pdf(line: str) -> bytes:
    """A one-page PDF saying ``line`` (ASCII): demo evidence that opens in any reader."""
    stream = f"BT /F1 14 Tf 60 780 Td ({line}) Tj ET".encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)
