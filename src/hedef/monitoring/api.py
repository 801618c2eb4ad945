"""The agency API: an agency's own system reads its due reports and writes them.

Every call carries ``Authorization: Bearer <token>``; a token belongs to one agency
and acts as that agency's focal person, through the same actions as the pages.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, File, Router, Schema
from ninja.decorators import decorate_view
from ninja.errors import AuthenticationError
from ninja.files import UploadedFile
from ninja.security import HttpBearer

from hedef.accounts.permissions import require
from hedef.core.actors import Actor, Channel
from hedef.core.api_input import body_limit
from hedef.core.client_address import client_address
from hedef.core.errors import error_responses
from hedef.core.uploads import read_capped
from hedef.domain.monitoring.submissions import (
    DeviationReason,
    ProgressStatus,
    RiskLevel,
    SubmissionContent,
)
from hedef.domain.plans.model import Stage
from hedef.monitoring.actions import EvidenceAdd, SubmissionSave, SubmissionSubmit
from hedef.monitoring.actions.tokens import TokenExpired, TokenPrincipal, token_authenticate
from hedef.monitoring.models import ReportingCycle, Submission
from hedef.monitoring.permissions import can_view_submission
from hedef.monitoring.selectors import involved_agencies, overdue, submission_queryset


class AgencyTokenAuth(HttpBearer):
    """``Authorization: Bearer hdf_…``: a token an operator issued to one agency."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        try:
            return token_authenticate(token)
        except TokenExpired as expired:
            raise AuthenticationError(message=str(expired)) from expired


router = Router(tags=["monitoring"], auth=AgencyTokenAuth())


class CycleOut(Schema):
    id: int
    label: str
    kind: str
    period_start: datetime.date
    period_end: datetime.date
    due_date: datetime.date
    state: str


class DeviationSchema(Schema):
    reason: DeviationReason | None = None
    risk: RiskLevel | None = None
    corrective_action: str = ""
    expected_date: datetime.date | None = None


class TargetValueOut(Schema):
    target_id: int
    stage: str
    phrase: str
    unit: str
    value: float | None


class TargetIn(Schema):
    target_id: int = Field(description="id of a numeric target of the measure (see GET)")
    value: float | None


class SubmissionOut(Schema):
    id: int
    cycle: int
    kind: str = Field(description="measure or indicator")
    strategy: str
    number: str
    title: str
    state: str = Field(description="draft, submitted, returned, accepted or published")
    version: int = Field(description="send it back with a change; a stale one is refused (409)")
    overdue: bool
    returned_fields: list[str]
    progress_status: str
    stage: str
    percent_complete: float | None
    narrative: str
    obstacles: str
    remedy: str
    deviation: DeviationSchema
    targets: list[TargetValueOut]
    indicator_value: float | None
    updated_at: datetime.datetime | None


class SubmissionIn(Schema):
    """A report's whole content: what is left out is stored empty."""

    version: int = Field(description="the version this content starts from")
    progress_status: ProgressStatus | None = None
    stage: Stage | None = None
    percent_complete: float | None = Field(None, ge=0, le=100)
    narrative: str = ""
    obstacles: str = ""
    remedy: str = ""
    deviation: DeviationSchema = Field(default_factory=DeviationSchema)
    targets: list[TargetIn] = []
    indicator_value: float | None = Field(None, description="for an indicator report")
    submit: bool = Field(False, description="submit for review after saving")


class EvidenceOut(Schema):
    id: int
    name: str
    kind: str
    size: int
    sha256: str


# Every operation: 400 for a value that cannot be stored, 401 without a valid token,
# 422 for a parameter of the wrong type.
LISTED = error_responses(400, 401, 422)
# An object named in the path: 404 when there is none, 403 when another agency's.
LOOKED_UP = error_responses(400, 401, 403, 404, 422)
# A change: 409 when the report's state or version forbids it.
CHANGED = error_responses(400, 401, 403, 404, 409, 422)


def _submission_out(s: Submission) -> dict[str, Any]:
    subject = s.measure or s.indicator
    values = {v.target_id: v.value for v in s.values.all()}
    return {
        "id": s.pk,
        "cycle": s.cycle_id,
        "kind": "indicator" if s.is_indicator else "measure",
        "strategy": subject.version.strategy.code,
        "number": subject.number,
        "title": s.measure.title if s.measure else s.indicator.name,
        "state": s.state,
        "version": s.version,
        "overdue": overdue(s),
        "returned_fields": s.returned_fields or [],
        "progress_status": s.progress_status,
        "stage": s.stage,
        "percent_complete": s.percent_complete,
        "narrative": s.narrative,
        "obstacles": s.obstacles,
        "remedy": s.remedy,
        "deviation": {
            "reason": s.deviation_reason or None,
            "risk": s.deviation_risk or None,
            "corrective_action": s.corrective_action,
            "expected_date": s.expected_date,
        },
        "targets": [
            {
                "target_id": t.pk,
                "stage": t.stage,
                "phrase": t.phrase,
                "unit": t.unit,
                "value": values.get(t.pk),
            }
            for t in (s.measure.targets.all() if s.measure else [])
        ],
        "indicator_value": s.indicator_value,
        "updated_at": s.updated_at,
    }


def _actor(request: HttpRequest) -> Actor:
    token = request.auth  # type: ignore[attr-defined]
    address = client_address(request)
    return Actor(TokenPrincipal(token), Channel.API, f"{token.label} ({address})")


def _readable(request: HttpRequest, pk: int) -> Submission:
    submission = get_object_or_404(submission_queryset(), pk=pk)
    require(
        can_view_submission(_actor(request).user, submission, involved_agencies(submission)),
        _("This report belongs to another agency."),
    )
    return submission


@router.get("/cycles", response={200: list[CycleOut], **LISTED}, summary="Reporting cycles")
def list_cycles(request: HttpRequest) -> Any:
    agency = request.auth.agency_id  # type: ignore[attr-defined]
    return ReportingCycle.objects.filter(submissions__agency_id=agency).distinct()


@router.get(
    "/cycles/{cycle_id}/submissions",
    response={200: list[SubmissionOut], **LOOKED_UP},
    summary="The agency's reports in a cycle",
)
def list_submissions(request: HttpRequest, cycle_id: int) -> Any:
    cycle = get_object_or_404(ReportingCycle, pk=cycle_id)
    reports = submission_queryset().filter(cycle=cycle, agency_id=request.auth.agency_id)  # type: ignore[attr-defined]
    return [
        _submission_out(s)
        for s in reports.prefetch_related("measure__targets").order_by(
            "measure__position", "indicator__position"
        )
    ]


@router.get("/submissions/{submission_id}", response={200: SubmissionOut, **LOOKED_UP})
def get_submission(request: HttpRequest, submission_id: int) -> Any:
    return _submission_out(_readable(request, submission_id))


@router.put(
    "/submissions/{submission_id}",
    response={200: SubmissionOut, **CHANGED},
    summary="Write a report (and optionally submit it)",
)
def put_submission(request: HttpRequest, submission_id: int, payload: SubmissionIn) -> Any:
    submission = _readable(request, submission_id)
    action = SubmissionSubmit if payload.submit else SubmissionSave
    content = SubmissionContent(
        progress_status=payload.progress_status,
        stage=payload.stage,
        percent_complete=payload.percent_complete,
        narrative=payload.narrative,
        obstacles=payload.obstacles,
        remedy=payload.remedy,
        deviation_reason=payload.deviation.reason,
        deviation_risk=payload.deviation.risk,
        corrective_action=payload.deviation.corrective_action,
        expected_date=payload.deviation.expected_date,
        target_values={t.target_id: t.value for t in payload.targets},
        indicator_value=payload.indicator_value,
    )
    action(submission, actor=_actor(request), content=content, version=payload.version).execute()
    return _submission_out(get_object_or_404(submission_queryset(), pk=submission_id))


@router.post(
    "/submissions/{submission_id}/evidence",
    response={201: EvidenceOut, **CHANGED, **error_responses(413)},
    summary="Attach an evidence file (PDF, DOCX, XLSX, image)",
    description="A file over HEDEF_MAX_EVIDENCE_BYTES (20 MB) is refused with 413.",
)
@decorate_view(body_limit("HEDEF_MAX_EVIDENCE_BYTES"))
def post_evidence(request: HttpRequest, submission_id: int, file: File[UploadedFile]) -> Any:
    submission = _readable(request, submission_id)
    data = read_capped(file, settings.HEDEF_MAX_EVIDENCE_BYTES)
    # Django's multipart parser has already dropped any NUL from the file's name.
    name = file.name or "evidence"
    evidence = EvidenceAdd(submission, actor=_actor(request), name=name, data=data).execute()
    body = {k: getattr(evidence, k) for k in ("id", "name", "kind", "size", "sha256")}
    return JsonResponse(body, status=201)
