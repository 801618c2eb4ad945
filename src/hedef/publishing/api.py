"""The published data through the API: exactly what the portal and the open data files show."""

from typing import Any

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.errors import HttpError

from hedef.core.errors import error_responses
from hedef.publishing.models import Snapshot
from hedef.publishing.selectors import current_snapshot, find_strategy

router = Router(tags=["published"])


class SnapshotSummary(Schema):
    key: str
    label: str
    published_at: str
    audit_head: str
    current: bool


def _summary(snapshot: Snapshot) -> dict[str, Any]:
    return {
        "key": snapshot.key,
        "label": snapshot.label,
        "published_at": snapshot.published_at.isoformat(),
        "audit_head": snapshot.audit_head,
        "current": snapshot.is_current,
    }


@router.get("/published", response={200: list[SnapshotSummary], **error_responses(400)}, auth=None)
def list_snapshots(request):
    """Every publication, newest first."""
    return [_summary(s) for s in Snapshot.objects.order_by("-published_at")]


@router.get(
    "/published/{key}", response={200: dict[str, Any], **error_responses(400, 404)}, auth=None
)
def get_snapshot(request, key: str) -> dict[str, Any]:
    """One publication in full ("latest" for the current one): cycle, strategies, agencies."""
    snapshot = current_snapshot() if key == "latest" else get_object_or_404(Snapshot, key=key)
    if snapshot is None:
        raise HttpError(404, _("Nothing has been published yet."))
    return snapshot.data


@router.get(
    "/published/{key}/strategies/{code}",
    response={200: dict[str, Any], **error_responses(400, 404)},
    auth=None,
)
def get_published_strategy(request, key: str, code: str) -> dict[str, Any]:
    snapshot = current_snapshot() if key == "latest" else get_object_or_404(Snapshot, key=key)
    strategy = find_strategy(snapshot.data, code) if snapshot else None
    if strategy is None:
        raise HttpError(404, _("No such published strategy."))
    return strategy
