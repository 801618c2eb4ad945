"""Read-only API over plans, filterable like the pages."""

from django.db.models import F
from django.shortcuts import get_object_or_404
from ninja import Field, FilterSchema, Query, Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate

from hedef.agencies.models import Agency
from hedef.core.errors import error_responses
from hedef.plans import selectors
from hedef.plans.models import Indicator, Measure, Strategy

router = Router(tags=["plans"])

# 400 for a value that cannot be stored, 422 for a parameter of the wrong type.
LISTED = error_responses(400, 422)
# And 404 for an unknown code in the path or in a filter.
LOOKED_UP = error_responses(400, 404, 422)

# The largest offset a database takes is 2**63 - 1 (offset + limit, in SQL); any
# offset past the last item already answers an empty page.
MAX_OFFSET = 2**31 - 1


class Pages(LimitOffsetPagination):
    """``limit`` and ``offset``, with an offset every database can take."""

    class Input(LimitOffsetPagination.Input):
        offset: int = Field(0, ge=0, le=MAX_OFFSET)


class AgencyOut(Schema):
    code: str
    acronym: str
    name: str
    name_en: str
    name_ru: str


class ExecutorOut(Schema):
    value: str = Field(description="As written in the document: an acronym or a collective value")
    kind: str
    agency: str | None = Field(None, description="Registry code of the agency, when resolved")

    @staticmethod
    def resolve_agency(obj) -> str | None:
        return obj.agency.code if obj.agency else None


class PeriodOut(Schema):
    start: int | None
    end: int | None
    text: str
    ongoing: bool


class TargetOut(Schema):
    stage: str
    comparator: str
    value: float
    upper: float | None
    unit: str
    phrase: str


class ResultsOut(Schema):
    initial: str
    interim: str
    final: str


class MeasureOut(Schema):
    strategy: str
    version: int
    number: str
    title: str
    parent: str | None
    lead: list[ExecutorOut]
    co_executors: list[ExecutorOut]
    period: PeriodOut
    results: ResultsOut
    targets: list[TargetOut]

    @staticmethod
    def resolve_strategy(obj: Measure) -> str:
        return obj.version.strategy.code

    @staticmethod
    def resolve_version(obj: Measure) -> int:
        return obj.version.number

    @staticmethod
    def resolve_parent(obj: Measure) -> str | None:
        return obj.node.number if obj.node else None

    @staticmethod
    def resolve_lead(obj: Measure):
        return obj.lead_executors

    @staticmethod
    def resolve_co_executors(obj: Measure):
        return obj.co_executors

    @staticmethod
    def resolve_period(obj: Measure) -> dict:
        return {
            "start": obj.period_start,
            "end": obj.period_end,
            "text": obj.period_text,
            "ongoing": obj.ongoing,
        }

    @staticmethod
    def resolve_results(obj: Measure) -> dict:
        return {
            "initial": obj.result_initial,
            "interim": obj.result_interim,
            "final": obj.result_final,
        }

    @staticmethod
    def resolve_targets(obj: Measure):
        return list(obj.targets.all())


class YearTargetOut(Schema):
    year: int
    value: float


class IndicatorOut(Schema):
    strategy: str
    number: str
    name: str
    unit: str
    direction: str
    baseline_value: float | None
    baseline_year: int | None
    cumulative: bool
    responsible: str | None
    data_source: str
    targets: list[YearTargetOut]

    @staticmethod
    def resolve_strategy(obj: Indicator) -> str:
        return obj.version.strategy.code

    @staticmethod
    def resolve_responsible(obj: Indicator) -> str | None:
        return obj.responsible.code if obj.responsible else (obj.responsible_value or None)

    @staticmethod
    def resolve_targets(obj: Indicator):
        return list(obj.targets.all())


class StrategyOut(Schema):
    code: str
    title: str
    period_start: int
    period_end: int
    version: int
    version_label: str
    source_file_name: str
    source_sha256: str
    act_kind: str
    act_number: str
    act_date: str | None
    measure_count: int
    indicator_count: int


def _strategy_out(strategy: Strategy) -> dict:
    """A strategy as the API shows it: the facts of its current version."""
    version = strategy.current_version
    return {
        "code": strategy.code,
        "title": version.title,
        "period_start": version.period_start,
        "period_end": version.period_end,
        "version": version.number,
        "version_label": version.version_label,
        "source_file_name": version.source_file_name,
        "source_sha256": version.source_sha256,
        "act_kind": version.act_kind,
        "act_number": version.act_number,
        "act_date": version.act_date.isoformat() if version.act_date else None,
        "measure_count": version.measures.count(),
        "indicator_count": version.indicators.count(),
    }


class MeasureFilterIn(FilterSchema):
    agency: str | None = Field(None, description="Registry code of an agency")
    role: str | None = Field(None, description="lead or co; both when absent")
    year: int | None = Field(None, description="Measures due in this year (ongoing ones always)")
    q: str | None = Field(None, description="Text search; Azerbaijani case folding applies")
    strategy: str | None = Field(None, description="Strategy code")


def _measures(filters: MeasureFilterIn):
    agency = get_object_or_404(Agency, code=filters.agency) if filters.agency else None
    strategy = get_object_or_404(Strategy, code=filters.strategy) if filters.strategy else None
    return selectors.measure_list(
        selectors.MeasureFilter(
            agency=agency,
            role=filters.role or "",
            year=filters.year,
            query=filters.q or "",
            strategy=strategy,
        )
    )


@router.get("/strategies", response={200: list[StrategyOut], **LISTED}, auth=None)
@paginate(Pages)
def list_strategies(request):
    return [_strategy_out(strategy) for strategy in selectors.strategy_list()]


@router.get("/strategies/{code}", response={200: StrategyOut, **LOOKED_UP}, auth=None)
def get_strategy(request, code: str):
    return _strategy_out(get_object_or_404(selectors.strategy_list(), code=code))


@router.get("/measures", response={200: list[MeasureOut], **LOOKED_UP}, auth=None)
@paginate(Pages)
def list_measures(request, filters: Query[MeasureFilterIn]):
    return _measures(filters)


@router.get(
    "/strategies/{code}/measures/{number}", response={200: MeasureOut, **LOOKED_UP}, auth=None
)
def get_measure(request, code: str, number: str):
    strategy = get_object_or_404(selectors.strategy_list(), code=code)
    return get_object_or_404(
        selectors.measure_list(selectors.MeasureFilter(strategy=strategy)), number=number
    )


@router.get("/agencies", response={200: list[AgencyOut], **LISTED}, auth=None)
@paginate(Pages)
def list_agencies(request):
    return Agency.objects.order_by("code")


@router.get("/agencies/{code}", response={200: AgencyOut, **LOOKED_UP}, auth=None)
def get_agency(request, code: str):
    return get_object_or_404(Agency, code=code)


@router.get("/indicators", response={200: list[IndicatorOut], **LISTED}, auth=None)
@paginate(Pages)
def list_indicators(request, strategy: str | None = None, agency: str | None = None):
    indicators = (
        Indicator.objects.filter(version__strategy__current_version=F("version"))
        .select_related("version__strategy", "responsible")
        .prefetch_related("targets")
        .order_by("version__strategy__code", "position")
    )
    if strategy:
        indicators = indicators.filter(version__strategy__code=strategy)
    if agency:
        indicators = indicators.filter(responsible__code=agency)
    return indicators
