"""Writes to plans: importing a strategy as a new version.

An import is one transaction: a failed import leaves nothing behind. The same
content imported twice changes nothing; different content for a known strategy
becomes its next version, so amendments keep their history.
"""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from hedef.agencies.models import Agency
from hedef.agencies.services import agency_match_name
from hedef.core.actors import Actor
from hedef.core.audit import audit_record
from hedef.domain.core.search import search_columns
from hedef.domain.plans import interchange
from hedef.domain.plans.model import ExecutorKind, Stage, executor_kind
from hedef.domain.plans.model import Strategy as PlanData
from hedef.plans.models import (
    AgencyAlias,
    Indicator,
    IndicatorTarget,
    Measure,
    MeasureExecutor,
    MeasureTarget,
    PlanNode,
    PlanVersion,
    Strategy,
)


@dataclass(frozen=True)
class ImportOutcome:
    strategy: Strategy
    version: PlanVersion
    created_strategy: bool
    unchanged: bool

    @property
    def message(self) -> str:
        params = {"title": self.version.title, "number": self.version.number}
        if self.unchanged:
            return (
                _("“%(title)s” is already loaded as version %(number)s; nothing changed.") % params
            )
        if self.created_strategy:
            return _("“%(title)s” was loaded as version %(number)s.") % params
        return _("“%(title)s” was loaded as new version %(number)s.") % params


def content_hash(plan: PlanData) -> str:
    """SHA-256 of the canonical interchange text: equal content, equal hash."""
    return hashlib.sha256(interchange.dumps(plan).encode("utf-8")).hexdigest()


def plan_import(*, plan: PlanData, actor: Actor | None = None, via: str = "cli") -> ImportOutcome:
    """Store ``plan`` as its strategy's next version unless the current one says the same.

    A new version is recorded as ``plan.import``: the version before and after, the
    content hash, and how each of the document's acronyms was linked to an agency
    (the link decides whose focal persons report on a measure).
    """
    actor = actor or Actor.unattended(via)
    digest = content_hash(plan)
    with transaction.atomic():
        strategy, created = Strategy.objects.select_for_update().get_or_create(code=plan.code)
        current = strategy.current_version
        if current is not None and current.content_sha256 == digest:
            return ImportOutcome(strategy, current, created_strategy=False, unchanged=True)
        number = (current.number + 1) if current else 1
        version = _create_version(strategy, number, plan, digest, actor.person, via)
        strategy.current_version = version
        strategy.save(update_fields=["current_version"])
        audit_record(
            actor=actor,
            action="plan.import",
            obj=version,
            before={"version": current.number} if current else None,
            after={
                "strategy": strategy.code,
                "version": number,
                "title": version.title,
                "content_sha256": digest,
                "source_file_name": version.source_file_name,
                "via": via,
                "measures": version.measures.count(),
                "indicators": version.indicators.count(),
                "aliases": {
                    alias.acronym: alias.agency.code if alias.agency else None
                    for alias in version.aliases.select_related("agency").order_by("position")
                },
            },
        )
    return ImportOutcome(strategy, version, created_strategy=created, unchanged=False)


def _create_version(
    strategy: Strategy, number: int, plan: PlanData, digest: str, user: Any, via: str
) -> PlanVersion:
    version = PlanVersion.objects.create(
        strategy=strategy,
        number=number,
        title=plan.title,
        period_start=plan.period_start,
        period_end=plan.period_end,
        version_label=plan.version_label,
        source_file_name=plan.source.file_name if plan.source else "",
        source_sha256=plan.source.sha256 if plan.source else "",
        act_kind=plan.act.kind if plan.act else "",
        act_number=(plan.act.number or "") if plan.act else "",
        act_date=datetime.date.fromisoformat(plan.act.date) if plan.act and plan.act.date else None,
        notes=plan.notes,
        content_sha256=digest,
        imported_by=user if getattr(user, "pk", None) else None,
        imported_via=via,
    )
    aliases = _create_aliases(version, plan)
    nodes = _create_nodes(version, plan)
    _create_measures(version, plan, nodes, aliases)
    _create_indicators(version, plan, aliases)
    return version


def _create_aliases(version: PlanVersion, plan: PlanData) -> dict[str, AgencyAlias]:
    aliases: dict[str, AgencyAlias] = {}
    for position, entry in enumerate(plan.agencies):
        aliases[entry.acronym] = AgencyAlias.objects.create(
            version=version,
            acronym=entry.acronym,
            name_in_document=entry.name,
            agency=agency_match_name(entry.name) or _agency_by_acronym(entry.acronym, entry.name),
            position=position,
        )
    used = [e for m in plan.measures for e in m.executors] + [
        i.responsible for i in plan.indicators if i.responsible
    ]
    for value in used:
        if executor_kind(value) is ExecutorKind.AGENCY and value not in aliases:
            # Kept and flagged, never dropped: the operator links it in the admin.
            aliases[value] = AgencyAlias.objects.create(
                version=version,
                acronym=value,
                agency=None,
                listed=False,
                position=len(aliases),
            )
    return aliases


def _agency_by_acronym(acronym: str, name: str) -> Agency | None:
    """A registry agency with this usual acronym, when the document gives no usable name."""
    if name.strip():
        return None
    return Agency.objects.filter(acronym=acronym).first()


def _search_fields(parts: list[str]) -> dict[str, str]:
    exact, folded = search_columns(parts)
    return {"search_text": exact, "search_fold": folded}


def _create_nodes(version: PlanVersion, plan: PlanData) -> dict[str, PlanNode]:
    nodes: dict[str, PlanNode] = {}
    for position, node in enumerate(plan.nodes):
        nodes[node.number] = PlanNode.objects.create(
            version=version,
            parent=nodes.get(node.parent) if node.parent else None,
            level=node.level,
            number=node.number,
            title=node.title,
            position=position,
        )
    return nodes


def _create_measures(
    version: PlanVersion,
    plan: PlanData,
    nodes: dict[str, PlanNode],
    aliases: dict[str, AgencyAlias],
) -> None:
    executors: list[MeasureExecutor] = []
    targets: list[MeasureTarget] = []
    for position, measure in enumerate(plan.measures):
        row = Measure.objects.create(
            version=version,
            node=nodes.get(measure.parent) if measure.parent else None,
            number=measure.number,
            title=measure.title,
            period_start=measure.period.start,
            period_end=measure.period.end,
            period_text=measure.period.text,
            result_initial=measure.results.get(Stage.INITIAL, ""),
            result_interim=measure.results.get(Stage.INTERIM, ""),
            result_final=measure.results.get(Stage.FINAL, ""),
            notes=measure.notes,
            position=position,
            **_search_fields([measure.number, measure.title, *measure.results.values()]),
        )
        for role, values in (
            (MeasureExecutor.Role.LEAD, measure.lead),
            (MeasureExecutor.Role.CO, measure.co_executors),
        ):
            for index, value in enumerate(values):
                alias = aliases.get(value)
                executors.append(
                    MeasureExecutor(
                        measure=row,
                        role=role,
                        value=value,
                        kind=executor_kind(value).value,
                        alias=alias,
                        agency=alias.agency if alias else None,
                        position=index,
                    )
                )
        targets.extend(
            MeasureTarget(
                measure=row,
                stage=t.stage.value,
                comparator=t.comparator.value,
                value=t.value,
                upper=t.upper,
                unit=t.unit,
                phrase=t.phrase,
                position=index,
            )
            for index, t in enumerate(measure.targets)
        )
    MeasureExecutor.objects.bulk_create(executors)
    MeasureTarget.objects.bulk_create(targets)


def _create_indicators(
    version: PlanVersion, plan: PlanData, aliases: dict[str, AgencyAlias]
) -> None:
    for position, indicator in enumerate(plan.indicators):
        alias = aliases.get(indicator.responsible) if indicator.responsible else None
        row = Indicator.objects.create(
            version=version,
            number=indicator.number,
            name=indicator.name,
            unit=indicator.unit,
            direction=indicator.direction.value,
            baseline_value=indicator.baseline_value,
            baseline_year=indicator.baseline_year,
            cumulative=indicator.cumulative,
            responsible_value=indicator.responsible or "",
            responsible=alias.agency if alias else None,
            data_source=indicator.data_source,
            position=position,
            **_search_fields([indicator.number, indicator.name]),
        )
        IndicatorTarget.objects.bulk_create(
            IndicatorTarget(indicator=row, year=year, value=value)
            for year, value in sorted(indicator.targets.items())
        )


def alias_link(*, alias: AgencyAlias, agency: Agency, actor: Actor) -> None:
    """Resolve a flagged acronym to a registry agency, in every measure that uses it.

    The link decides which agency's focal persons report on (and read) those measures,
    so it is recorded: ``alias.link`` with the agency before and after and how many
    measure executors and indicators followed.
    """
    with transaction.atomic():
        previous = (
            AgencyAlias.objects.filter(pk=alias.pk).values_list("agency__code", flat=True).first()
        )
        alias.agency = agency
        alias.save(update_fields=["agency"])
        executors = MeasureExecutor.objects.filter(alias=alias).update(agency=agency)
        indicators = Indicator.objects.filter(
            version=alias.version, responsible_value=alias.acronym
        ).update(responsible=agency)
        audit_record(
            actor=actor,
            action="alias.link",
            obj=alias,
            before={"agency": previous},
            after={
                "agency": agency.code,
                "acronym": alias.acronym,
                "version": alias.version_id,
                "executors": executors,
                "indicators": indicators,
            },
        )
