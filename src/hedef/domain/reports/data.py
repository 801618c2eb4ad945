"""What a monitoring report says, as plain data: the input of :func:`assemble`.

The web shell and the command line fill these classes from the database and the
evaluation results (:mod:`hedef.domain.evaluation`); nothing here computes a
figure. Status values are the evaluation's stable keys (``on_schedule``,
``substantial_progress``), stages are ``initial`` / ``interim`` / ``final``,
directions are ``higher_is_better`` / ``lower_is_better``: the report translates
them. Free text (titles, the approving act, the cycle label, reviewers' reasons)
is taken as written, in the report's language.

One structure serves both kinds of report: a strategy report has one
:class:`StrategySection`, a consolidated report several. Agency timeliness and
the readiness rating are about agencies, not strategies, and sit on
:class:`ReportData` itself.

An indicator's targets, values and forecast share the plans' year axis, the
one the dashboards draw (:func:`hedef.domain.evaluation.dates.year_end_axis`):
the point 2026 is the end of 2026, when the 2026 target is due, so a value for
the year 2026 sits at 2026 beside its target and a value for the first half of
2027 at 2026.5.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

__all__ = [
    "Cycle",
    "ForecastLine",
    "GroupStatus",
    "IndicatorSection",
    "KeyFigures",
    "OverdueItem",
    "ReadinessRow",
    "ReportData",
    "ReportMeasure",
    "ReturnedItem",
    "StrategySection",
    "TimelinessRow",
]


@dataclass(frozen=True)
class Cycle:
    """The reporting cycle the report covers: its label ("2026, I yarımil") and dates."""

    label: str
    start: date
    end: date
    due: date | None = None


@dataclass(frozen=True)
class KeyFigures:
    """The headline numbers of a strategy (or of all strategies in a consolidated report).

    They must be the numbers the dashboard shows for the same cycle; the report
    checks them against its own rows (:func:`hedef.domain.reports.checks.problems`).

    Attributes:
        measures: measures monitored.
        by_status: measures per status key.
        indicators: headline indicators.
        indicators_on_track: indicators whose forecast is on track or target met.
        mean_attainment: mean attainment of the indicators (1 = target met), if any.
        reports_due: reports due in the cycle.
        reports_on_time: reports submitted on or before their due date.
        reports_returned: reports returned to the agency for revision.
        disagreements: self-reported statuses that disagree with the computed ones.
    """

    measures: int
    by_status: Mapping[str, int]
    indicators: int = 0
    indicators_on_track: int = 0
    mean_attainment: float | None = None
    reports_due: int = 0
    reports_on_time: int = 0
    reports_returned: int = 0
    disagreements: int = 0

    def count(self, status: str) -> int:
        """Measures with ``status`` (0 when there are none)."""
        return self.by_status.get(status, 0)

    @property
    def on_time_share(self) -> float | None:
        """Share of the reports due that came on time; ``None`` when none were due."""
        return self.reports_on_time / self.reports_due if self.reports_due else None


@dataclass(frozen=True)
class GroupStatus:
    """Measures per status in one goal or priority direction (a roll-up's ``by_status``)."""

    number: str
    title: str
    counts: Mapping[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class ReportMeasure:
    """One measure as the measure table shows it.

    Attributes:
        number: the measure's number in the plan ("8.1.1.1").
        title: its title.
        lead: lead executors (acronyms as the document writes them).
        co_executors: other executors.
        period: the period as written ("2026–2029", "mütəmadi").
        stage_reached: the latest stage reported, or ``None``.
        status: the computed measure status key.
        percent_complete: the agency's reported completion, 0–100, if any.
        self_reported: the status the agency reported, as a key, if any.
        disagrees: whether the self-reported status disagrees with ``status``.
        goal: the number of its goal, if the plan has goals.
        direction: the number of its priority direction, if any.
    """

    number: str
    title: str
    lead: tuple[str, ...]
    co_executors: tuple[str, ...]
    period: str
    stage_reached: str | None
    status: str
    percent_complete: float | None = None
    self_reported: str | None = None
    disagrees: bool = False
    goal: str | None = None
    direction: str | None = None


@dataclass(frozen=True)
class ForecastLine:
    """The forecast of an indicator: trend points, the method and its plain sentence.

    ``points`` run from the last observation to the target year, as (year, value);
    ``sentence`` is :func:`hedef.domain.evaluation.forecast.forecast_sentence`.
    """

    method: str | None
    points: tuple[tuple[float, float], ...]
    sentence: str
    on_track: bool | None = None


@dataclass(frozen=True)
class IndicatorSection:
    """One headline indicator: its targets, what was observed and where the trend leads.

    Attributes:
        number: the indicator's number in the document.
        name: its name.
        unit: the unit of its values ("ədəd", "%", "mln AZN").
        direction: ``higher_is_better`` or ``lower_is_better``.
        baseline: the baseline value, if the document states one.
        baseline_year: the baseline's year.
        targets: year → target.
        actuals: (fractional) year → observed value.
        forecast: the forecast, if one was made.
        status: the progress status key.
        attainment: the latest attainment (1 = target met), if available.
        responsible: the agency answering for it.
    """

    number: str
    name: str
    unit: str
    direction: str
    baseline: float | None
    baseline_year: int | None
    targets: Mapping[int, float]
    actuals: Mapping[float, float]
    forecast: ForecastLine | None
    status: str
    attainment: float | None = None
    responsible: str = ""


@dataclass(frozen=True)
class OverdueItem:
    """A measure past its period without its final results, or a report past its due date.

    ``reason`` is ``period_ended`` or ``report_late``; ``days_overdue`` counts
    from ``due`` to the report's date.
    """

    number: str
    title: str
    agencies: tuple[str, ...]
    reason: str
    due: date | None = None
    days_overdue: int | None = None
    stage_reached: str | None = None


@dataclass(frozen=True)
class ReturnedItem:
    """A report the reviewer returned to the agency, with the reviewer's reason.

    ``fields`` are the keys of the parts returned (``indicator_value``, ``evidence``).
    """

    number: str
    title: str
    agency: str
    returned_on: date
    reason: str
    fields: tuple[str, ...] = ()


@dataclass(frozen=True)
class TimelinessRow:
    """An agency's reporting timeliness (a roll-up's timeliness figures)."""

    agency: str
    reports_due: int
    submitted_on_time: int
    on_time_share: float | None
    median_delay_days: float | None
    not_submitted: int = 0


@dataclass(frozen=True)
class ReadinessRow:
    """An agency in the digital-readiness rating, with its Monte Carlo rank interval."""

    agency: str
    score: float
    rank: int
    rank_p5: float
    rank_median: float
    rank_p95: float
    group: str | None = None


@dataclass(frozen=True)
class StrategySection:
    """Everything the report says about one strategy.

    Attributes:
        title: the strategy's title.
        act: the approving act, as a sentence ("Azərbaycan Respublikası Prezidentinin
            ... tarixli Sərəncamı ilə təsdiq edilmişdir").
        period: the strategy's period as written ("2026–2029").
        key_figures: the strategy's headline numbers.
        goals: status counts by goal, in plan order.
        directions: status counts by priority direction, in plan order.
        measures: every measure, in plan order.
        indicators: every headline indicator, in plan order.
        overdue: overdue measures and late reports.
        returned: reports returned in the cycle.
        code: a stable code of the strategy (used for anchors).
    """

    title: str
    act: str
    period: str
    key_figures: KeyFigures
    goals: tuple[GroupStatus, ...] = ()
    directions: tuple[GroupStatus, ...] = ()
    measures: tuple[ReportMeasure, ...] = ()
    indicators: tuple[IndicatorSection, ...] = ()
    overdue: tuple[OverdueItem, ...] = ()
    returned: tuple[ReturnedItem, ...] = ()
    code: str = ""


@dataclass(frozen=True)
class ReportData:
    """A whole monitoring report: one strategy, or several for a consolidated report.

    Attributes:
        language: the report's language code ("az", "en", "ru"); it decides the
            ``lang`` attribute and how numbers and dates are written; the labels
            follow the language the caller activated for :mod:`hedef.domain.core.i18n`.
        title: the report's title ("Monitorinq hesabatı").
        cycle: the reporting cycle.
        generated_on: the date the report is produced.
        sections: one section per strategy.
        key_figures: the headline numbers of the whole report (for a single
            strategy, the same as its section's).
        issuer: the body that issues the report, for the cover.
        timeliness: reporting timeliness per agency.
        readiness: the readiness rating, in rank order.
        readiness_draws: the number of Monte Carlo draws behind the rank intervals.
        methodology: the methodology excerpt for the annex, as Markdown.
        audit_head_hash: the audit chain's head hash recorded for the cycle.
        audit_head_recorded: whether ``audit_head_hash`` was recorded when the
            cycle was published; ``False`` for a cycle not yet published, whose
            report carries the chain's head at the time it was produced instead
            (and says so).
        demo: whether the data are demonstration data (every page says so).
    """

    language: str
    title: str
    cycle: Cycle
    generated_on: date
    sections: tuple[StrategySection, ...]
    key_figures: KeyFigures
    issuer: str = ""
    timeliness: tuple[TimelinessRow, ...] = ()
    readiness: tuple[ReadinessRow, ...] = ()
    readiness_draws: int | None = None
    methodology: str = ""
    audit_head_hash: str = ""
    audit_head_recorded: bool = True
    demo: bool = False

    @property
    def consolidated(self) -> bool:
        """Whether the report covers more than one strategy."""
        return len(self.sections) > 1
