"""Reads of the portal: everything comes from one published snapshot, never from live data."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from hedef.domain.core.search import KindGroup, group_hits, make_hit, match_tier, query_words
from hedef.domain.core.text import az_sort_key
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


def search(data: dict[str, Any], query: str) -> list[KindGroup]:
    """Published measures, indicators and agencies of ``data`` (a snapshot) matching every
    word of ``query``, exactly or without diacritics, grouped by kind and strategy with
    exact matches first; measures carry their published status."""
    words = query_words(query)
    if not words:
        return []
    hits = []
    for strategy in data["strategies"]:
        group = {"group_key": strategy["code"], "group_title": strategy["title"]}
        for position, measure in enumerate(strategy["measures"]):
            results = list(measure.get("results", {}).values())
            tier = match_tier(" ".join([measure["number"], measure["title"], *results]), words)
            if tier is None:
                continue
            url = reverse(
                "publishing:measure", kwargs={"code": strategy["code"], "number": measure["number"]}
            )
            hits.append(
                make_hit(
                    kind="measure",
                    words=words,
                    title=f"{measure['number']}. {measure['title']}",
                    other_texts=results,
                    tier=tier,
                    order=(position,),
                    url=url,
                    number=measure["number"],
                    status=measure.get("status") or "",
                    **group,
                )
            )
        for position, indicator in enumerate(strategy["indicators"]):
            title = f"{indicator['number']}. {indicator['name']}"
            tier = match_tier(title, words)
            if tier is None:
                continue
            url = reverse(
                "publishing:indicator",
                kwargs={"code": strategy["code"], "number": indicator["number"]},
            )
            hits.append(
                make_hit(
                    kind="indicator",
                    words=words,
                    title=title,
                    tier=tier,
                    order=(position,),
                    url=url,
                    number=indicator["number"],
                    **group,
                )
            )
    for agency in data.get("agencies", []):
        names = [agency.get(key) or "" for key in ("name", "name_en", "name_ru")]
        tier = match_tier(" ".join([agency.get("acronym") or "", *names]), words)
        if tier is None:
            continue
        acronym = agency.get("acronym") or ""
        hits.append(
            make_hit(
                kind="agency",
                words=words,
                title=f"{acronym} — {agency['name']}" if acronym else agency["name"],
                other_texts=names,
                tier=tier,
                order=(az_sort_key(acronym or agency["name"]),),
                url=reverse("publishing:agency", kwargs={"code": agency["code"]}),
                number=acronym,
            )
        )
    return group_hits(hits)


def published_feedback(subject: str, code: str, number: str) -> list[Feedback]:
    return list(
        Feedback.objects.filter(
            subject=subject, strategy_code=code, number=number, status=Feedback.Status.PUBLISHED
        ).order_by("created_at")
    )
