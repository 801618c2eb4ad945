"""Reads of the portal: everything comes from one published snapshot, never from live data."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.utils import timezone

from hedef.domain.core.text import az_casefold
from hedef.publishing.models import Feedback, Snapshot


def current_snapshot() -> Snapshot | None:
    return Snapshot.objects.filter(is_current=True).first()


@dataclass(frozen=True)
class PortalState:
    snapshot: Snapshot | None
    updates_this_year: int

    @property
    def data(self) -> dict[str, Any]:
        return self.snapshot.data if self.snapshot else {"strategies": [], "agencies": []}


def portal_state() -> PortalState:
    snapshot = current_snapshot()
    year = timezone.localdate().year
    return PortalState(
        snapshot=snapshot,
        updates_this_year=Snapshot.objects.filter(published_at__year=year).count(),
    )


def find_strategy(data: dict[str, Any], code: str) -> dict[str, Any] | None:
    return next((s for s in data["strategies"] if s["code"] == code), None)


def find_item(items: list[dict[str, Any]], number: str) -> dict[str, Any] | None:
    return next((item for item in items if item["number"] == number), None)


def status_counts(measures: list[dict[str, Any]]) -> list[tuple[str, int]]:
    counts = Counter(m.get("status") or "not_reported" for m in measures)
    return counts.most_common()


def measures_under(strategy: dict[str, Any], number: str) -> list[dict[str, Any]]:
    """Measures of a goal or direction: those whose number starts with it."""
    prefix = number + "."
    return [m for m in strategy["measures"] if m["number"].startswith(prefix)]


def measure_history(code: str, number: str) -> list[dict[str, Any]]:
    """The measure's status in every published snapshot, oldest first.

    Reading it means reading every snapshot, so the answer is kept until the next
    publication (the newest snapshot's key is part of the cache key).
    """
    newest = Snapshot.objects.order_by("-published_at").values_list("key", flat=True).first()
    key = f"portal-history:{newest}:{code}:{number}"
    history = cache.get(key)
    if history is None:
        history = _measure_history(code, number)
        cache.set(key, history, timeout=None)
    return history


def _measure_history(code: str, number: str) -> list[dict[str, Any]]:
    history = []
    for snapshot in Snapshot.objects.order_by("published_at"):
        strategy = find_strategy(snapshot.data, code)
        measure = find_item(strategy["measures"], number) if strategy else None
        if measure is not None:
            history.append(
                {
                    "label": snapshot.label,
                    "published_at": snapshot.published_at,
                    "status": measure.get("status"),
                    "stage": measure.get("stage"),
                    "percent": measure.get("percent"),
                }
            )
    return history


def search(data: dict[str, Any], query: str) -> list[tuple[dict[str, Any], dict[str, Any], str]]:
    """(strategy, item, kind) whose number, title or results contain every word of ``query``."""
    words = az_casefold(query).split()
    if not words:
        return []
    found = []
    for strategy in data["strategies"]:
        for measure in strategy["measures"]:
            text = az_casefold(
                " ".join(
                    [measure["number"], measure["title"], *measure.get("results", {}).values()]
                )
            )
            if all(word in text for word in words):
                found.append((strategy, measure, "measure"))
        for indicator in strategy["indicators"]:
            text = az_casefold(f"{indicator['number']} {indicator['name']}")
            if all(word in text for word in words):
                found.append((strategy, indicator, "indicator"))
    return found


def published_feedback(subject: str, code: str, number: str) -> list[Feedback]:
    return list(
        Feedback.objects.filter(
            subject=subject, strategy_code=code, number=number, status=Feedback.Status.PUBLISHED
        ).order_by("created_at")
    )
