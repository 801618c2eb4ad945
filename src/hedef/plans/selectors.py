"""Reads of plans: the strategy tree, filtered measure lists, agency obligations."""

from __future__ import annotations

import operator
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import reduce

from django.db.models import Case, F, Prefetch, Q, QuerySet, Value, When

from hedef.agencies.models import Agency
from hedef.domain.core.search import KindGroup, Tier, group_hits, make_hit, query_words
from hedef.domain.core.text import az_search_fold, az_sort_key
from hedef.domain.plans.model import (
    AgencyAlias as AliasData,
)
from hedef.domain.plans.model import (
    ApprovingAct,
    Comparator,
    Direction,
    HeadlineIndicator,
    NumericTarget,
    Period,
    SourceDocument,
    Stage,
)
from hedef.domain.plans.model import Measure as MeasureData
from hedef.domain.plans.model import (
    PlanNode as NodeData,
)
from hedef.domain.plans.model import Strategy as PlanData
from hedef.plans.models import (
    Indicator,
    Measure,
    MeasureExecutor,
    PlanNode,
    PlanVersion,
    Strategy,
)


def strategy_list() -> QuerySet[Strategy]:
    return Strategy.objects.filter(current_version__isnull=False).select_related("current_version")


def strategy_version(strategy: Strategy, number: int | None = None) -> PlanVersion:
    """The requested version of ``strategy``, the current one by default."""
    if number is None:
        assert strategy.current_version is not None
        return strategy.current_version
    return strategy.versions.get(number=number)


def _measure_queryset() -> QuerySet[Measure]:
    return Measure.objects.select_related("version__strategy", "node").prefetch_related(
        Prefetch("executors", queryset=MeasureExecutor.objects.select_related("agency")),
        "targets",
    )


@dataclass(frozen=True)
class MeasureFilter:
    """The filters of the measure list, shared by the pages and the API."""

    agency: Agency | None = None
    role: str = ""  # "lead", "co" or "" for either
    year: int | None = None
    query: str = ""
    strategy: Strategy | None = None


def measure_list(filters: MeasureFilter) -> QuerySet[Measure]:
    """Measures of the current versions matching ``filters``, in document order."""
    measures = _measure_queryset().filter(version__strategy__current_version=F("version"))
    if filters.strategy is not None:
        measures = measures.filter(version__strategy=filters.strategy)
    if filters.agency is not None:
        executor = Q(executors__agency=filters.agency)
        if filters.role in {MeasureExecutor.Role.LEAD, MeasureExecutor.Role.CO}:
            executor &= Q(executors__role=filters.role)
        measures = measures.filter(executor)
    if filters.year is not None:
        measures = measures.filter(
            Q(period_start__isnull=True, period_end__isnull=True)
            | Q(period_start__lte=filters.year, period_end__gte=filters.year)
        )
    words = query_words(filters.query)
    if not words:
        return measures.distinct().order_by("version__strategy__code", "position")
    measures = measures.filter(_folded_match(words)).annotate(
        search_tier=Case(
            When(_exact_match(words), then=Value(int(Tier.EXACT))),
            default=Value(int(Tier.FOLDED)),
        )
    )
    return measures.distinct().order_by("search_tier", "version__strategy__code", "position")


def _exact_match(words: Sequence[str]) -> Q:
    """Rows whose exact fold holds every word (``words`` from query_words)."""
    return reduce(operator.and_, (Q(search_text__contains=word) for word in words), Q())


def _folded_match(words: Sequence[str]) -> Q:
    """Rows whose diacritic-free fold holds every word: a superset of _exact_match."""
    return reduce(
        operator.and_, (Q(search_fold__contains=az_search_fold(word)) for word in words), Q()
    )


@dataclass
class TreeNode:
    node: PlanNode | None
    measures: list[Measure] = field(default_factory=list)
    children: list[TreeNode] = field(default_factory=list)


def strategy_tree(version: PlanVersion) -> list[TreeNode]:
    """Goals → directions → measures as nested nodes, at whatever depth the document uses."""
    nodes = list(version.nodes.all())
    tree = {node.pk: TreeNode(node) for node in nodes}
    roots: list[TreeNode] = []
    for node in nodes:
        parent = tree.get(node.parent_id) if node.parent_id else None
        (parent.children if parent else roots).append(tree[node.pk])
    loose = TreeNode(None)
    for measure in _measure_queryset().filter(version=version).order_by("position"):
        (tree[measure.node_id] if measure.node_id else loose).measures.append(measure)
    if loose.measures:
        roots.append(loose)
    return roots


@dataclass(frozen=True)
class Obligations:
    agency: Agency
    measures: list[Measure]
    as_lead: int
    as_co: int
    by_strategy: list[tuple[Strategy, int, int]]  # strategy, as lead, as co-executor
    ongoing: int
    indicators: list[Indicator]


def agency_obligations(agency: Agency) -> Obligations:
    """Everything ``agency`` must do, across all strategies, with counts."""
    measures = list(measure_list(MeasureFilter(agency=agency)))
    lead_counts: Counter[int] = Counter()
    co_counts: Counter[int] = Counter()
    strategies: dict[int, Strategy] = {}
    as_lead = as_co = 0
    for measure in measures:
        strategy = measure.version.strategy
        strategies[strategy.pk] = strategy
        roles = {e.role for e in measure.executors.all() if e.agency_id == agency.pk}
        if MeasureExecutor.Role.LEAD in roles:
            as_lead += 1
            lead_counts[strategy.pk] += 1
        else:
            as_co += 1
            co_counts[strategy.pk] += 1
    indicators = list(
        Indicator.objects.filter(
            responsible=agency, version__strategy__current_version=F("version")
        ).select_related("version__strategy")
    )
    return Obligations(
        agency=agency,
        measures=measures,
        as_lead=as_lead,
        as_co=as_co,
        by_strategy=[
            (strategy, lead_counts[pk], co_counts[pk]) for pk, strategy in strategies.items()
        ],
        ongoing=sum(1 for m in measures if m.ongoing),
        indicators=indicators,
    )


@dataclass(frozen=True)
class AgencyObligations:
    agency: Agency
    as_lead: int
    as_co: int


def agency_list() -> list[AgencyObligations]:
    """Every registered agency with its number of obligations in current versions."""
    counts: dict[int, Counter[str]] = defaultdict(Counter)
    rows = (
        MeasureExecutor.objects.filter(
            agency__isnull=False,
            measure__version__strategy__current_version=F("measure__version"),
        )
        .values_list("agency_id", "role", "measure_id")
        .distinct()
    )
    seen: set[tuple[int, int]] = set()
    for agency_id, role, measure_id in sorted(rows, key=lambda r: r[1] != "lead"):
        if (agency_id, measure_id) in seen:
            continue  # an agency named as lead and co-executor counts once, as lead
        seen.add((agency_id, measure_id))
        counts[agency_id][role] += 1
    agencies = sorted(Agency.objects.all(), key=lambda a: az_sort_key(a.display_name))
    return [AgencyObligations(a, counts[a.pk]["lead"], counts[a.pk]["co"]) for a in agencies]


@dataclass(frozen=True)
class TargetRevision:
    year: int
    original: float | None
    current: float | None
    history: list[tuple[int, float | None]]  # (version number, value)

    @property
    def revised(self) -> bool:
        return self.original != self.current


def indicator_target_history(indicator: Indicator) -> list[TargetRevision]:
    """Each year's target as first approved and as now in force, with every version between."""
    strategy = indicator.version.strategy
    same = (
        Indicator.objects.filter(version__strategy=strategy, number=indicator.number)
        .select_related("version")
        .prefetch_related("targets")
        .order_by("version__number")
    )
    by_version = [(i.version.number, {t.year: t.value for t in i.targets.all()}) for i in same]
    years = sorted({year for _, targets in by_version for year in targets})
    first = by_version[0][1] if by_version else {}
    now = {t.year: t.value for t in indicator.targets.all()}
    return [
        TargetRevision(
            year=year,
            original=first.get(year),
            current=now.get(year),
            history=[(number, targets.get(year)) for number, targets in by_version],
        )
        for year in years
    ]


def measure_in_version(measure: Measure, version: PlanVersion) -> Measure | None:
    """The same-numbered measure in another version, to show what an amendment changed."""
    return Measure.objects.filter(version=version, number=measure.number).first()


def version_to_plan(version: PlanVersion) -> PlanData:
    """The plan data of a stored version, for export."""
    nodes = [
        NodeData(n.number, n.title, n.level, n.parent.number if n.parent else None)
        for n in version.nodes.select_related("parent").order_by("position")
    ]
    measures = []
    for m in _measure_queryset().filter(version=version).order_by("position"):
        executors = list(m.executors.all())
        measures.append(
            MeasureData(
                number=m.number,
                title=m.title,
                parent=m.node.number if m.node else None,
                lead=tuple(e.value for e in executors if e.role == MeasureExecutor.Role.LEAD),
                co_executors=tuple(e.value for e in executors if e.role == MeasureExecutor.Role.CO),
                period=Period(m.period_start, m.period_end, m.period_text),
                results={stage: m.result(stage) for stage in Stage},
                targets=tuple(
                    NumericTarget(
                        stage=Stage(t.stage),
                        comparator=Comparator(t.comparator),
                        value=t.value,
                        upper=t.upper,
                        unit=t.unit,
                        phrase=t.phrase,
                    )
                    for t in m.targets.all()
                ),
                notes=m.notes,
            )
        )
    indicators = [
        HeadlineIndicator(
            number=i.number,
            name=i.name,
            unit=i.unit,
            targets={t.year: t.value for t in i.targets.all()},
            direction=Direction(i.direction),
            baseline_value=i.baseline_value,
            baseline_year=i.baseline_year,
            cumulative=i.cumulative,
            responsible=i.responsible_value or None,
            data_source=i.data_source,
        )
        for i in version.indicators.prefetch_related("targets").order_by("position")
    ]
    return PlanData(
        code=version.strategy.code,
        title=version.title,
        period_start=version.period_start,
        period_end=version.period_end,
        version_label=version.version_label,
        source=(
            SourceDocument(version.source_file_name, version.source_sha256)
            if version.source_sha256
            else None
        ),
        act=(
            ApprovingAct(
                version.act_kind,
                version.act_number or None,
                version.act_date.isoformat() if version.act_date else None,
            )
            if version.act_kind
            else None
        ),
        notes=version.notes,
        agencies=tuple(
            AliasData(a.acronym, a.name_in_document) for a in version.aliases.filter(listed=True)
        ),
        nodes=tuple(nodes),
        measures=tuple(measures),
        indicators=tuple(indicators),
    )


SEARCH_CANDIDATES = 500


def search(query: str) -> list[KindGroup]:
    """Measures and indicators of the current strategy versions, and registered agencies,
    matching every word of ``query`` exactly or without diacritics, grouped by kind and
    strategy, exact matches first (see hedef.domain.core.search)."""
    words = query_words(query)
    if not words:
        return []
    exact = _exact_match(words)
    folded = _folded_match(words)

    def tier(row: Measure | Indicator | Agency) -> Tier:
        return Tier.EXACT if all(w in row.search_text for w in words) else Tier.FOLDED

    hits = []
    current = Q(version__strategy__current_version=F("version"))
    measures = (
        Measure.objects.filter(current, folded)
        .select_related("version__strategy")
        .annotate(exact=Case(When(exact, then=Value(0)), default=Value(1)))
        .order_by("exact", "version__strategy__code", "position")[:SEARCH_CANDIDATES]
    )
    for measure in measures:
        strategy = measure.version.strategy
        hits.append(
            make_hit(
                kind="measure",
                words=words,
                title=f"{measure.number}. {measure.title}",
                other_texts=[measure.result_initial, measure.result_interim, measure.result_final],
                tier=tier(measure),
                order=(measure.position,),
                url=measure.get_absolute_url(),
                number=measure.number,
                group_key=strategy.code,
                group_title=measure.version.title,
            )
        )
    indicators = (
        Indicator.objects.filter(current, folded)
        .select_related("version__strategy")
        .order_by("version__strategy__code", "position")[:SEARCH_CANDIDATES]
    )
    for indicator in indicators:
        hits.append(
            make_hit(
                kind="indicator",
                words=words,
                title=f"{indicator.number}. {indicator.name}",
                tier=tier(indicator),
                order=(indicator.position,),
                url=indicator.get_absolute_url(),
                number=indicator.number,
                group_key=indicator.version.strategy.code,
                group_title=indicator.version.title,
            )
        )
    for agency in Agency.objects.filter(folded)[:SEARCH_CANDIDATES]:
        names = [n for n in agency.search_parts() if n and n != agency.acronym]
        hits.append(
            make_hit(
                kind="agency",
                words=words,
                title=str(agency),
                other_texts=names,
                tier=tier(agency),
                order=(az_sort_key(agency.acronym or agency.name),),
                url=agency.get_absolute_url(),
                number=agency.acronym,
            )
        )
    return group_hits(hits)
