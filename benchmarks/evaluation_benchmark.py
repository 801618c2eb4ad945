"""Benchmark a full evaluation recompute over a synthetic national portfolio.

Builds, as plain data, 50 strategies with 3,000 measures (lead agencies and
co-executors among 60 bodies, periods 2024–2030 or ongoing, staged numeric
targets), 500 headline indicators with 10 years of observations and staged
targets, and 8 semi-annual reporting cycles of submissions. Then it times one
full recompute:

- the schedule-aware status of every measure, with its numeric-target checks;
- attainment, progress (sdg-build-compatible and path-based) and a forecast for
  every indicator;
- roll-ups by strategy, goal, direction, lead agency and co-executor, and
  reporting timeliness over every cycle;
- the digital-readiness rating with 1,000 Monte Carlo draws.

Run from the repository root::

    PYTHONPATH=src python benchmarks/evaluation_benchmark.py

Goal: under 2 s and 500 MB.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
import tracemalloc
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from hedef.domain.evaluation.attainment import attainment_for_year
from hedef.domain.evaluation.composite import (
    builtin_index_path,
    compute_index,
    load_index_definition,
)
from hedef.domain.evaluation.forecast import forecast
from hedef.domain.evaluation.measure_status import (
    MeasureStatus,
    Reporting,
    check_target,
    measure_status,
)
from hedef.domain.evaluation.path_progress import progress_status
from hedef.domain.evaluation.progress import sdg_compatible_progress
from hedef.domain.evaluation.readiness import readiness_table
from hedef.domain.evaluation.rollup import GroupBy, MeasureRecord, rollup, rollup_all
from hedef.domain.plans.model import Comparator, Direction, NumericTarget, Period, Stage

STRATEGIES = 50
MEASURES = 3000
INDICATORS = 500
YEARS = tuple(range(2016, 2026))
CYCLES = 8
AGENCIES = tuple(f"AG{number:02d}" for number in range(60))
AS_OF = 2026.0  # 1 January 2026: after the eighth semi-annual cycle
STAGES = (Stage.INITIAL, Stage.INTERIM, Stage.FINAL)


@dataclass(frozen=True)
class SyntheticMeasure:
    number: str
    strategy: str
    goal: str
    direction: str
    lead: tuple[str, ...]
    co_executors: tuple[str, ...]
    period: Period
    stage_reached: Stage | None
    targets: tuple[NumericTarget, ...]
    reported_values: tuple[float | None, ...]
    cancelled: bool
    due: tuple[date, ...]
    submitted: tuple[date | None, ...]


@dataclass(frozen=True)
class SyntheticIndicator:
    number: str
    responsible: str
    direction: Direction
    baseline: float
    observations: dict[float, float]
    targets: dict[float, float]


def build_portfolio(seed: int) -> tuple[list[SyntheticMeasure], list[SyntheticIndicator]]:
    """The synthetic portfolio as plain data; deterministic for a seed."""
    rng = random.Random(seed)
    due_dates = [
        date(2022 + cycle // 2, 7 if cycle % 2 == 0 else 12, 31) for cycle in range(CYCLES)
    ]
    measures = []
    for index in range(MEASURES):
        strategy = f"S{index % STRATEGIES:02d}"
        goal = str(1 + (index // STRATEGIES) % 4)
        direction = f"{goal}.{1 + (index // (STRATEGIES * 4)) % 3}"
        if rng.random() < 0.1:
            period = Period(None, None, "mütəmadi")
        else:
            start = rng.randint(2022, 2026)
            period = Period(start, min(2030, start + rng.randint(0, 3)), "")
        reached = rng.choice((None, *STAGES))
        targets = tuple(
            NumericTarget(
                Stage.FINAL, rng.choice(list(Comparator)), float(rng.randint(5, 100)), "", ""
            )
            for _ in range(rng.randint(0, 2))
        )
        submitted = tuple(
            None if rng.random() < 0.1 else due + timedelta(days=rng.randint(-20, 40))
            for due in due_dates
        )
        measures.append(
            SyntheticMeasure(
                number=f"{direction}.{index}",
                strategy=strategy,
                goal=goal,
                direction=direction,
                lead=tuple(rng.sample(AGENCIES, rng.choice((1, 1, 1, 2)))),
                co_executors=tuple(rng.sample(AGENCIES, rng.randint(0, 3))),
                period=period,
                stage_reached=reached,
                targets=targets,
                reported_values=tuple(
                    None if rng.random() < 0.2 else float(rng.randint(0, 120)) for _ in targets
                ),
                cancelled=rng.random() < 0.02,
                due=tuple(due_dates),
                submitted=submitted,
            )
        )
    indicators = []
    for index in range(INDICATORS):
        direction = Direction.HIGHER_IS_BETTER if rng.random() < 0.75 else Direction.LOWER_IS_BETTER
        sign = 1 if direction is Direction.HIGHER_IS_BETTER else -1
        baseline = rng.uniform(5, 100)
        trend = rng.uniform(-0.02, 0.08) * sign
        values, value = {}, baseline
        for year in YEARS:
            values[float(year)] = round(value, 3)
            value = max(0.0, value * (1 + trend + rng.gauss(0, 0.03)))
        goal = baseline * (1 + 0.5 * sign)
        targets = {
            2026.0 + step: baseline + (goal - baseline) * (step + 1) / 4 for step in range(4)
        }
        indicators.append(
            SyntheticIndicator(
                number=f"I{index}",
                responsible=rng.choice(AGENCIES),
                direction=direction,
                baseline=baseline,
                observations=values,
                targets=targets,
            )
        )
    return measures, indicators


def recompute(measures, indicators, *, draws: int) -> dict[str, object]:
    """Every status, roll-up, forecast and the readiness rating, from scratch."""
    records, submissions = [], []
    attainment_by_agency: dict[str, list[float]] = {}
    for indicator in indicators:
        result = attainment_for_year(
            2025.0,
            observations=indicator.observations,
            targets=indicator.targets,
            direction=indicator.direction,
            baseline=indicator.baseline,
            baseline_year=2016.0,
        )
        sdg_compatible_progress(
            indicator.observations,
            base_year=2016,
            target=indicator.targets[2029.0],
            target_year=2029,
            direction="positive"
            if indicator.direction is Direction.HIGHER_IS_BETTER
            else "negative",
        )
        progress_status(
            indicator.observations, direction=indicator.direction, targets=indicator.targets
        )
        forecast(
            indicator.observations,
            target=indicator.targets[2029.0],
            target_year=2029,
            direction=indicator.direction,
        )
        if result.value is not None:
            attainment_by_agency.setdefault(indicator.responsible, []).append(result.value)
    statuses: dict[str, int] = {}
    for measure in measures:
        checks = [
            check_target(target, value)
            for target, value in zip(measure.targets, measure.reported_values, strict=True)
        ]
        reported = sum(1 for item in measure.submitted if item is not None)
        assessment = measure_status(
            period=measure.period,
            as_of=AS_OF,
            stage_reached=measure.stage_reached,
            reporting=Reporting(CYCLES, reported, measure.submitted[-1] is not None),
            cancelled=measure.cancelled,
            target_checks=checks,
        )
        statuses[assessment.status] = statuses.get(assessment.status, 0) + 1
        records.append(
            MeasureRecord(
                number=measure.number,
                strategy=measure.strategy,
                status=assessment.status.value,
                goal=measure.goal,
                direction=measure.direction,
                lead=measure.lead,
                co_executors=measure.co_executors,
                submitted_at=measure.submitted[-1],
                due_at=measure.due[-1],
            )
        )
        submissions.extend(
            MeasureRecord(
                number=measure.number,
                strategy=measure.strategy,
                status="",
                lead=measure.lead,
                submitted_at=submitted,
                due_at=due,
            )
            for due, submitted in zip(measure.due, measure.submitted, strict=True)
        )
    rollups = rollup_all(records)
    timeliness = rollup(submissions, by=GroupBy.LEAD_AGENCY)
    table = readiness_table(
        rollups[GroupBy.LEAD_AGENCY],
        timeliness_rollups=timeliness,
        attainment={
            agency: sum(values) / len(values) for agency, values in attainment_by_agency.items()
        },
    )
    rating = compute_index(
        load_index_definition(builtin_index_path("readiness")), table, draws=draws
    )
    return {
        "statuses": {str(MeasureStatus(key)): count for key, count in sorted(statuses.items())},
        "groups": {str(by): len(items) for by, items in rollups.items()},
        "submissions": len(submissions),
        "rated_agencies": len(rating.rows),
        "top_agency": rating.rows[0].unit,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--draws", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3, help="timed runs; the best is reported")
    arguments = parser.parse_args()

    started = time.perf_counter()
    measures, indicators = build_portfolio(arguments.seed)
    built = time.perf_counter() - started
    timings = []
    for _ in range(arguments.repeat):
        started = time.perf_counter()
        summary = recompute(measures, indicators, draws=arguments.draws)
        timings.append(time.perf_counter() - started)
    tracemalloc.start()
    recompute(measures, indicators, draws=arguments.draws)
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    peak_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB → MiB on Linux

    print(
        f"portfolio: {STRATEGIES} strategies, {len(measures)} measures, {len(indicators)} "
        f"indicators × {len(YEARS)} years, {CYCLES} cycles (built in {built:.2f} s)"
    )
    print(f"summary: {summary}")
    runs = ", ".join(f"{value:.3f}" for value in timings)
    print(f"full recompute: best {min(timings):.3f} s of {len(timings)} runs ({runs})")
    print(
        f"peak memory: {traced_peak / 2**20:.1f} MiB allocated during a recompute "
        f"(tracemalloc), {peak_rss:.1f} MiB process peak RSS"
    )


if __name__ == "__main__":
    main()
