"""What the monitoring views share: labels of report fields, reading a report."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from hedef.accounts.permissions import require
from hedef.domain.monitoring.submissions import TARGET_PREFIX
from hedef.monitoring.choices import FIELD_LABELS
from hedef.monitoring.models import Submission
from hedef.monitoring.permissions import can_view_reporting, can_view_submission
from hedef.monitoring.selectors import involved_agencies, submission_queryset


def field_label(submission: Submission, key: str) -> str:
    """A person's name for a report field key (a snapshot column or a review field)."""
    if not key:
        return str(_("Whole report"))
    if key.startswith(TARGET_PREFIX):
        target_id = int(key.removeprefix(TARGET_PREFIX))
        measure = submission.measure
        target = measure.targets.filter(pk=target_id).first() if measure is not None else None
        return _("Target “%(phrase)s”") % {"phrase": target.phrase if target else target_id}
    labels: dict[str, Any] = dict(FIELD_LABELS)
    if key in labels:
        return str(labels[key])
    try:
        return str(Submission._meta.get_field(key).verbose_name)
    except FieldDoesNotExist:
        return key


def readable_submission(request: HttpRequest, pk: int) -> Submission:
    """The report ``pk`` if the signed-in user may read it (404 when absent, 403 when not)."""
    require(can_view_reporting(request.user), _("Your account has no role in Hədəf."))
    submission = get_object_or_404(submission_queryset(), pk=pk)
    require(
        can_view_submission(request.user, submission, involved_agencies(submission)),
        _("This report belongs to another agency."),
    )
    return submission
