"""The evaluation date: a cycle's end, or today, and the reporting cycles it can see."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone

from hedef.domain.evaluation.dates import fractional_year
from hedef.evaluation.selectors.loading import CycleRow, all_cycles
from hedef.monitoring.models import ReportingCycle


@dataclass(frozen=True)
class EvaluationDate:
    """When the evaluation stands, and what it can see from there.

    ``on`` is the calendar day evaluated and ``as_of`` its end as a fractional
    year (the methodology's unit of time). ``cycles`` are the cycles whose period
    has ended by ``on``: only their reports are read. ``cycle`` is the cycle whose
    end was chosen, ``None`` when the evaluation stands on a plain day (today);
    ``choices`` are every cycle, latest first, for the pages' date chooser.
    """

    on: datetime.date
    as_of: float
    cycle: CycleRow | None
    cycles: tuple[CycleRow, ...]
    choices: tuple[CycleRow, ...] = ()

    def closed(self, cycle: CycleRow) -> bool:
        """Whether ``cycle`` has closed by the evaluation date: published, or past its due date.

        A closed cycle without an accepted report on a measure makes it ``not_reported``.
        """
        return cycle.published or cycle.due < self.on


def evaluation_date(
    *,
    cycle: ReportingCycle | None = None,
    cycle_id: int | None = None,
    today: datetime.date | None = None,
) -> EvaluationDate:
    """The evaluation date at the end of a cycle, or else at the end of ``today``.

    Args:
        cycle, cycle_id: evaluate as of this cycle's last day; an unknown id leaves
            ``EvaluationDate.cycle`` empty and evaluates ``today``.
        today: the day to evaluate when no cycle is given; default: today in Baku.
    """
    wanted = cycle.pk if cycle is not None else cycle_id
    cycles = all_cycles()
    chosen = next((row for row in cycles if wanted is not None and row.pk == wanted), None)
    on = chosen.end if chosen is not None else (today or timezone.localdate())
    return EvaluationDate(
        on=on,
        as_of=fractional_year(on),
        cycle=chosen,
        cycles=tuple(row for row in cycles if row.end <= on),
        choices=tuple(reversed(cycles)),
    )
