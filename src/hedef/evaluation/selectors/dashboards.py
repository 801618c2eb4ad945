"""What each dashboard shows, read in a fixed number of queries whatever the portfolio's size."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from hedef.agencies.models import Agency
from hedef.domain.core.text import az_sort_key
from hedef.domain.evaluation.rollup import GroupBy, Rollup
from hedef.evaluation.selectors.dates import EvaluationDate
from hedef.evaluation.selectors.indicators import IndicatorEvaluation, indicator_evaluations
from hedef.evaluation.selectors.loading import CycleRow, StrategyRef
from hedef.evaluation.selectors.measures import MeasureEvaluation, measure_evaluations
from hedef.evaluation.selectors.rollups import GroupFigures, group_figures, timeliness_by_cycle
from hedef.plans.models import Indicator, Strategy


@dataclass(frozen=True)
class StrategyDashboard:
    strategy: Strategy
    when: EvaluationDate
    measures: list[MeasureEvaluation]
    indicators: list[IndicatorEvaluation]
    overall: GroupFigures | None
    goals: list[GroupFigures]
    directions: list[GroupFigures]
    agencies: list[GroupFigures]  # the lead agencies, with the timeliness of their reports

    @property
    def disagreements(self) -> int:
        return sum(item.disagrees for item in [*self.measures, *self.indicators])

    @property
    def tree(self) -> list[GroupFigures]:
        """Each goal followed by its priority directions, in the plan's numbering."""
        return sorted([*self.goals, *self.directions], key=lambda group: _numbering(group.key[1:]))


def strategy_dashboard(*, strategy: Strategy, when: EvaluationDate) -> StrategyDashboard:
    """Statuses, roll-ups by goal, direction and lead agency, and the headline indicators."""
    measures = measure_evaluations(when=when, strategy_ids=[strategy.pk])
    indicators = indicator_evaluations(when=when, strategy_ids=[strategy.pk])
    titles = _node_titles(measures)
    agencies = _agency_names(measures)

    def figures(by: GroupBy) -> list[GroupFigures]:
        label = (lambda key: agencies.get(key[0], key[0])) if by is GroupBy.LEAD_AGENCY else None
        return group_figures(
            by=by,
            measures=measures,
            indicators=indicators,
            when=when,
            label=label or (lambda key: titles.get(key[-1], key[-1])),
        )

    overall = figures(GroupBy.STRATEGY)
    return StrategyDashboard(
        strategy=strategy,
        when=when,
        measures=measures,
        indicators=indicators,
        overall=overall[0] if overall else None,
        goals=figures(GroupBy.GOAL),
        directions=figures(GroupBy.DIRECTION),
        agencies=sorted(figures(GroupBy.LEAD_AGENCY), key=lambda group: az_sort_key(group.label)),
    )


@dataclass(frozen=True)
class StrategyShare:
    """One strategy's part of an agency's obligations, as lead and as co-executor."""

    strategy: StrategyRef
    as_lead: GroupFigures | None
    as_co: GroupFigures | None

    @property
    def roles(self) -> list[tuple[str, GroupFigures]]:
        """("lead", figures) and ("co", figures), for the roles the agency has here."""
        pairs = (("lead", self.as_lead), ("co", self.as_co))
        return [(role, group) for role, group in pairs if group is not None]


@dataclass(frozen=True)
class AgencyDashboard:
    agency: Agency
    when: EvaluationDate
    lead: list[MeasureEvaluation]
    co: list[MeasureEvaluation]
    as_lead: GroupFigures | None
    as_co: GroupFigures | None
    strategies: list[StrategyShare]
    indicators: list[IndicatorEvaluation]
    cycles: list[tuple[CycleRow, Rollup]]  # timeliness of the agency's own reports

    @property
    def disagreements(self) -> int:
        return sum(item.disagrees for item in [*self.lead, *self.indicators])


def agency_dashboard(*, agency: Agency, when: EvaluationDate) -> AgencyDashboard:
    """One agency's obligations across every strategy: as lead, as co-executor, its indicators."""
    measures = measure_evaluations(when=when, agency_id=agency.pk)
    indicators = indicator_evaluations(when=when, agency_id=agency.pk)
    lead, co = [], []
    for item in measures:
        (lead if any(a.pk == agency.pk for a in item.lead) else co).append(item)
    key = (agency.code,)

    def own(by: GroupBy, items: Sequence[MeasureEvaluation]) -> GroupFigures | None:
        found = group_figures(by=by, measures=items, indicators=indicators, when=when)
        return next((group for group in found if group.key == key), None)

    def by_strategy(items: Sequence[MeasureEvaluation]) -> dict[tuple[str, ...], GroupFigures]:
        found = group_figures(by=GroupBy.STRATEGY, measures=items, when=when)
        return {group.key: group for group in found}

    strategies = {m.strategy.code: m.strategy for m in measures}
    strategies.update({i.strategy.code: i.strategy for i in indicators})
    lead_by, co_by = by_strategy(lead), by_strategy(co)
    written = [
        report
        for item in [*measures, *indicators]
        for report in item.reports
        if report.agency == agency.code
    ]
    return AgencyDashboard(
        agency=agency,
        when=when,
        lead=lead,
        co=co,
        as_lead=own(GroupBy.LEAD_AGENCY, lead),
        as_co=own(GroupBy.CO_EXECUTOR, co),
        strategies=[
            StrategyShare(strategy, lead_by.get((code,)), co_by.get((code,)))
            for code, strategy in sorted(strategies.items())
        ],
        indicators=indicators,
        cycles=timeliness_by_cycle(written, when=when),
    )


def indicator_dashboard(*, indicator: Indicator, when: EvaluationDate) -> IndicatorEvaluation:
    """One headline indicator evaluated, with every accepted value it was judged on."""
    found = indicator_evaluations(
        when=when, strategy_ids=[indicator.version.strategy_id], numbers=[indicator.number]
    )
    return found[0]


def _numbering(parts: Sequence[str]) -> tuple[tuple[tuple[int, int | str], ...], ...]:
    """A sort key that puts "8.2" before "8.10" and a goal before its directions."""
    return tuple(
        tuple((0, int(piece)) if piece.isdigit() else (1, piece) for piece in part.split("."))
        for part in parts
    )


def _node_titles(measures: Sequence[MeasureEvaluation]) -> dict[str, str]:
    """Goal and direction numbers → "number. title", from the measures' tree nodes."""
    titles: dict[str, str] = {}
    for item in measures:
        for node in (item.measure.goal, item.measure.direction):
            if node is not None:
                titles.setdefault(node.number, f"{node.number}. {node.title}")
    return titles


def _agency_names(measures: Sequence[MeasureEvaluation]) -> dict[str, str]:
    return {
        agency.code: agency.acronym or agency.display_name
        for item in measures
        for agency in [*item.lead, *item.co_executors]
    }
