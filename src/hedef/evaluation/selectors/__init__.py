"""Reads of evaluation: plain inputs gathered from the database, judged by the pure core.

Import from ``hedef.evaluation.selectors``. Every function takes keyword
arguments and an :class:`EvaluationDate`: the end of a reporting cycle, or today.
Only accepted (or published) reports count; drafts, submitted and returned
reports never enter a status, a value or a snapshot.

- ``loading``: bulk reads into plain rows (cycles, reports, target values);
- ``dates``: the evaluation date and the cycles it sees;
- ``measures``: schedule-aware measure statuses;
- ``indicators``: attainment, progress status and forecast of headline indicators;
- ``rollups``: figures by direction, goal, strategy and agency, and timeliness;
- ``rating``: the agencies' digital-readiness rating;
- ``dashboards``: what each dashboard page shows.
"""

from hedef.evaluation.selectors.dashboards import (
    AgencyDashboard,
    StrategyDashboard,
    agency_dashboard,
    indicator_dashboard,
    strategy_dashboard,
)
from hedef.evaluation.selectors.dates import EvaluationDate, evaluation_date
from hedef.evaluation.selectors.indicators import (
    IndicatorEvaluation,
    Observation,
    indicator_evaluations,
)
from hedef.evaluation.selectors.loading import CycleRow, ReportRow
from hedef.evaluation.selectors.measures import MeasureEvaluation, measure_evaluations
from hedef.evaluation.selectors.rating import RatedAgency, Rating, readiness_rating
from hedef.evaluation.selectors.rollups import GroupFigures, group_figures, report_records

__all__ = [
    "AgencyDashboard",
    "CycleRow",
    "EvaluationDate",
    "GroupFigures",
    "IndicatorEvaluation",
    "MeasureEvaluation",
    "Observation",
    "RatedAgency",
    "Rating",
    "ReportRow",
    "StrategyDashboard",
    "agency_dashboard",
    "evaluation_date",
    "group_figures",
    "indicator_dashboard",
    "indicator_evaluations",
    "measure_evaluations",
    "readiness_rating",
    "report_records",
    "strategy_dashboard",
]
