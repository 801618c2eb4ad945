"""Benchmark the evaluation dashboards on a national portfolio stored in a real database.

Builds, in a fresh SQLite file in a temporary folder (or the database of
``--database-url``), 50 strategies with 3,000 measures (lead agencies and
co-executors among 60 bodies, periods 2020–2028 or ongoing, staged numeric
targets), 500 headline indicators with 10 years of accepted values, and 8
semi-annual reporting cycles of measure reports (2022–2025) in every state, on
top of 6 annual cycles that hold the indicators' earlier years. Then it times,
through Django's test client (middleware, selectors, templates):

- the strategy dashboard of 10 strategies and the agency dashboard of 10
  agencies (goal: each under 200 ms);
- the full recompute: every measure status and indicator evaluation, every
  roll-up, and the readiness rating with 1,000 Monte Carlo draws;
- the publication snapshot of the whole portfolio.

Run from the repository root::

    PYTHONPATH=src python benchmarks/dashboard_benchmark.py
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

STRATEGIES = 50
MEASURES_PER_STRATEGY = 60  # 3,000 measures
INDICATORS_PER_STRATEGY = 10  # 500 indicators
AGENCIES = 60
INDICATOR_YEARS = range(2016, 2022)  # annual cycles before the semi-annual ones
SEMI_ANNUAL_YEARS = range(2022, 2026)  # 8 cycles of measure reports
BAKU = ZoneInfo("Asia/Baku")
STAGES = ("initial", "interim", "final")


def configure(database_url: str | None, folder: Path) -> None:
    """Point Django at the benchmark database before it starts."""
    os.environ["DATABASE_URL"] = database_url or f"sqlite:///{folder / 'benchmark.sqlite3'}"
    os.environ["HEDEF_DATA_DIR"] = str(folder)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hedef.settings.development")
    import django

    django.setup()


def build(seed: int) -> dict[str, object]:
    """Store the synthetic portfolio; returns what the timings need."""
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    rng = random.Random(seed)
    agencies = _agencies()
    versions = _plans(rng, agencies)
    cycles = _cycles()
    _reports(rng, versions, cycles)
    from hedef.accounts.models import Role, User

    reader = User.objects.create_user(username="bench-leader", role=Role.LEADERSHIP)
    return {"agencies": agencies, "versions": versions, "cycles": cycles, "reader": reader}


def existing() -> dict[str, object]:
    """What :func:`build` returns, read back from a kept benchmark database."""
    from hedef.accounts.models import User
    from hedef.agencies.models import Agency
    from hedef.monitoring.models import ReportingCycle
    from hedef.plans.models import PlanVersion

    return {
        "agencies": list(Agency.objects.order_by("code")),
        "versions": list(PlanVersion.objects.select_related("strategy").order_by("pk")),
        "cycles": list(ReportingCycle.objects.order_by("period_end", "pk")),
        "reader": User.objects.get(username="bench-leader"),
    }


def _agencies() -> list:
    from hedef.agencies.models import Agency

    return Agency.objects.bulk_create(
        Agency(code=f"ag{n:02d}", acronym=f"AG{n:02d}", name=f"Agentlik {n:02d}")
        for n in range(AGENCIES)
    )


def _plans(rng: random.Random, agencies: list) -> list:
    from hedef.plans.models import (
        Indicator,
        IndicatorTarget,
        Measure,
        MeasureExecutor,
        MeasureTarget,
        PlanNode,
        PlanVersion,
        Strategy,
    )

    strategies = Strategy.objects.bulk_create(
        Strategy(code=f"strategy-{n:02d}") for n in range(STRATEGIES)
    )
    versions = PlanVersion.objects.bulk_create(
        PlanVersion(
            strategy=strategy,
            number=1,
            title=f"Sintetik strategiya {n:02d}",
            period_start=2020,
            period_end=2028,
            content_sha256=f"{n:064x}",
        )
        for n, strategy in enumerate(strategies)
    )
    for strategy, version in zip(strategies, versions, strict=True):
        strategy.current_version = version
    Strategy.objects.bulk_update(strategies, ["current_version"])
    goals = PlanNode.objects.bulk_create(
        PlanNode(version=v, level="goal", number=str(g), title=f"Məqsəd {g}", position=g)
        for v in versions
        for g in range(1, 5)
    )
    directions = PlanNode.objects.bulk_create(
        PlanNode(
            version=goal.version,
            parent=goal,
            level="direction",
            number=f"{goal.number}.{d}",
            title=f"İstiqamət {goal.number}.{d}",
            position=10 * goal.position + d,
        )
        for goal in goals
        for d in range(1, 4)
    )
    by_version: dict[int, list] = {}
    for node in directions:
        by_version.setdefault(node.version_id, []).append(node)
    measures = []
    for version in versions:
        for index in range(MEASURES_PER_STRATEGY):
            node = by_version[version.pk][index % len(by_version[version.pk])]
            ongoing = rng.random() < 0.1
            start = rng.randint(2020, 2025)
            measures.append(
                Measure(
                    version=version,
                    node=node,
                    number=f"{node.number}.{index + 1}",
                    title=f"Tədbir {index + 1}",
                    period_start=None if ongoing else start,
                    period_end=None if ongoing else min(2028, start + rng.randint(0, 3)),
                    period_text="mütəmadi" if ongoing else "",
                    result_initial="ilkin",
                    result_interim="aralıq",
                    result_final="yekun",
                    position=index,
                )
            )
    measures = Measure.objects.bulk_create(measures, batch_size=1000)
    executors, targets = [], []
    for measure in measures:
        chosen = rng.sample(agencies, rng.choice((1, 1, 1, 2)) + rng.randint(0, 3))
        leads = 1 if len(chosen) == 1 else rng.choice((1, 1, 2))
        for position, agency in enumerate(chosen):
            executors.append(
                MeasureExecutor(
                    measure=measure,
                    role="lead" if position < leads else "co",
                    value=agency.acronym,
                    agency=agency,
                    position=position,
                )
            )
        for position in range(rng.randint(0, 2)):
            targets.append(
                MeasureTarget(
                    measure=measure,
                    stage=rng.choice(STAGES),
                    comparator=rng.choice(("at_least", "at_most", "equal")),
                    value=float(rng.randint(5, 100)),
                    phrase="azı N",
                    position=position,
                )
            )
    MeasureExecutor.objects.bulk_create(executors, batch_size=2000)
    MeasureTarget.objects.bulk_create(targets, batch_size=2000)
    indicators = Indicator.objects.bulk_create(
        Indicator(
            version=version,
            number=f"4.1.{index + 1}",
            name=f"Göstərici {index + 1}",
            unit="ədəd",
            direction="higher_is_better" if rng.random() < 0.75 else "lower_is_better",
            baseline_value=round(rng.uniform(5, 100), 2),
            baseline_year=2015,
            responsible=rng.choice(agencies),
            position=index,
        )
        for version in versions
        for index in range(INDICATORS_PER_STRATEGY)
    )
    IndicatorTarget.objects.bulk_create(
        IndicatorTarget(
            indicator=indicator,
            year=year,
            value=indicator.baseline_value * (1 + 0.1 * (year - 2024) * _sign(indicator)),
        )
        for indicator in indicators
        for year in range(2025, 2029)
    )
    return versions


def _sign(indicator) -> int:
    return 1 if indicator.direction == "higher_is_better" else -1


def _cycles() -> list:
    from hedef.monitoring.models import ReportingCycle

    rows = [
        (str(year), "annual", datetime.date(year, 1, 1), datetime.date(year, 12, 31))
        for year in INDICATOR_YEARS
    ]
    for year in SEMI_ANNUAL_YEARS:
        rows.append(
            (f"{year}-S1", "semi_annual", datetime.date(year, 1, 1), datetime.date(year, 6, 30))
        )
        rows.append(
            (f"{year}-S2", "semi_annual", datetime.date(year, 7, 1), datetime.date(year, 12, 31))
        )
    return ReportingCycle.objects.bulk_create(
        ReportingCycle(
            label=label,
            kind=kind,
            period_start=start,
            period_end=end,
            due_date=end + datetime.timedelta(days=20),
            # The last cycle is still open: its reports are in every state.
            state="open" if index == len(rows) - 1 else "published",
        )
        for index, (label, kind, start, end) in enumerate(rows)
    )


def _reports(rng: random.Random, versions: list, cycles: list) -> None:
    from hedef.monitoring.models import Submission, TargetValue
    from hedef.plans.models import Indicator, Measure

    semi_annual = [cycle for cycle in cycles if cycle.kind == "semi_annual"]
    measures = Measure.objects.filter(version__in=versions).prefetch_related("executors", "targets")
    reports, values = [], []
    for measure in measures:
        lead = next(e for e in measure.executors.all() if e.role == "lead")
        targets = list(measure.targets.all())
        for cycle in semi_annual:
            year = cycle.period_start.year
            if measure.period_start is not None and not (
                measure.period_start <= year <= measure.period_end
            ):
                continue
            state = _state(rng, cycle)
            share = (
                0.5
                if measure.period_start is None
                else (
                    (year - measure.period_start + 0.5)
                    / (measure.period_end - measure.period_start + 1)
                )
            )
            stage = STAGES[min(2, max(0, int(share * 3) - rng.randint(0, 1)))]
            report = Submission(
                cycle=cycle,
                measure=measure,
                agency_id=lead.agency_id,
                state=state,
                stage="" if state == "draft" else stage,
                progress_status=rng.choice(("in_progress", "in_progress", "delayed")),
                percent_complete=round(100 * min(1.0, share), 1),
                narrative="Sintetik hesabat.",
                submitted_at=_submitted(rng, cycle, state),
            )
            reports.append(report)
            if targets and state in ("accepted", "published"):
                values.append((report, targets))
    for indicator in Indicator.objects.filter(version__in=versions):
        value = indicator.baseline_value
        for cycle in cycles:
            value = max(0.0, value * (1 + _sign(indicator) * rng.uniform(-0.02, 0.08)))
            state = "published" if cycle.state == "published" else rng.choice(("accepted", "draft"))
            reports.append(
                Submission(
                    cycle=cycle,
                    indicator=indicator,
                    agency_id=indicator.responsible_id,
                    state=state,
                    indicator_value=round(value, 3),
                    submitted_at=_submitted(rng, cycle, state),
                )
            )
    created = Submission.objects.bulk_create(reports, batch_size=2000)
    assert all(report.pk for report in created), "the database must return bulk-created ids"
    TargetValue.objects.bulk_create(
        (
            TargetValue(submission=report, target=target, value=float(rng.randint(0, 120)))
            for report, targets in values
            for target in targets
        ),
        batch_size=2000,
    )


def _state(rng: random.Random, cycle) -> str:
    if cycle.state == "published":
        return "published" if rng.random() < 0.93 else "draft"
    return rng.choice(("accepted", "accepted", "submitted", "returned", "draft"))


def _submitted(rng: random.Random, cycle, state: str) -> datetime.datetime | None:
    if state == "draft":
        return None
    day = cycle.due_date + datetime.timedelta(days=rng.randint(-15, 25))
    return datetime.datetime.combine(day, datetime.time(12), tzinfo=BAKU)


def time_pages(
    urls: list[str], reader, *, repeat: int
) -> list[tuple[str, float, float, float, int]]:
    """(url, first time, best of ``repeat`` later times, their CPU time, queries), in ms.

    CPU time is this process's (the database is in-process SQLite): on a busy
    machine it says what the page costs when the wall clock says what it took.
    """
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="localhost")
    client.force_login(reader)
    timings = []
    for url in urls:
        started = time.perf_counter()
        response = client.get(url)
        first = time.perf_counter() - started
        assert response.status_code == 200, (url, response.status_code)
        later = []
        for _ in range(repeat):
            with CaptureQueriesContext(connection) as queries:
                started, cpu = time.perf_counter(), time.process_time()
                client.get(url)
                later.append((time.perf_counter() - started, time.process_time() - cpu))
        best, cpu = min(later)
        timings.append((url, first * 1000, best * 1000, cpu * 1000, len(queries.captured_queries)))
    return timings


def full_recompute(*, draws: int) -> dict[str, object]:
    """Every status, indicator evaluation, roll-up and the readiness rating, from the database."""
    from hedef.domain.evaluation.rollup import GroupBy
    from hedef.evaluation.selectors import (
        evaluation_date,
        group_figures,
        indicator_evaluations,
        measure_evaluations,
        readiness_rating,
    )

    when = evaluation_date(today=datetime.date(2026, 3, 1))
    measures = measure_evaluations(when=when)
    indicators = indicator_evaluations(when=when)
    groups = {
        by: group_figures(by=by, measures=measures, indicators=indicators, when=when)
        for by in GroupBy
    }
    rating = readiness_rating(when=when, measures=measures, indicators=indicators, draws=draws)
    statuses: dict[str, int] = {}
    for item in measures:
        statuses[item.status] = statuses.get(item.status, 0) + 1
    return {
        "measures": len(measures),
        "indicators": len(indicators),
        "statuses": dict(sorted(statuses.items())),
        "groups": {str(by): len(found) for by, found in groups.items()},
        "rated_agencies": len(rating.agencies),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--draws", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3, help="timed requests per page")
    parser.add_argument("--pages", type=int, default=10, help="strategies and agencies timed")
    parser.add_argument("--database-url", help="another (empty) database than a temporary SQLite")
    parser.add_argument(
        "--folder", type=Path, help="keep the SQLite file here (and reuse it when present)"
    )
    arguments = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="hedef-bench-") as temporary:
        folder = arguments.folder or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        reuse = arguments.folder is not None and (folder / "benchmark.sqlite3").exists()
        configure(arguments.database_url, folder)
        from django.db import connection

        from hedef.monitoring.models import Submission, TargetValue

        started = time.perf_counter()
        built = existing() if reuse else build(arguments.seed)
        build_time = time.perf_counter() - started
        print(
            f"database: {connection.vendor}, {'read' if reuse else 'built'} in {build_time:.1f} s: "
            f"{STRATEGIES} strategies, "
            f"{STRATEGIES * MEASURES_PER_STRATEGY} measures, "
            f"{STRATEGIES * INDICATORS_PER_STRATEGY} indicators × "
            f"{len(INDICATOR_YEARS) + len(SEMI_ANNUAL_YEARS)} years, "
            f"{len(built['cycles'])} cycles ({2 * len(SEMI_ANNUAL_YEARS)} semi-annual with "
            f"measure reports), {Submission.objects.count()} reports, "
            f"{TargetValue.objects.count()} target values"
        )
        last = built["cycles"][-1].pk
        codes = [v.strategy.code for v in built["versions"][: arguments.pages]]
        agencies = [a.code for a in built["agencies"][: arguments.pages]]
        for title, urls in (
            (
                "strategy dashboard",
                [f"/workspace/strategies/{c}/dashboard/?cycle={last}" for c in codes],
            ),
            (
                "agency dashboard",
                [f"/workspace/agencies/{a}/dashboard/?cycle={last}" for a in agencies],
            ),
        ):
            timings = time_pages(urls, built["reader"], repeat=arguments.repeat)
            best, cpu = [t[2] for t in timings], [t[3] for t in timings]
            print(
                f"{title}: median {statistics.median(best):.0f} ms, max {max(best):.0f} ms "
                f"(CPU median {statistics.median(cpu):.0f} ms, max {max(cpu):.0f} ms; best of "
                f"{arguments.repeat} per page, {len(urls)} pages; first request "
                f"{timings[0][1]:.0f} ms; {max(t[4] for t in timings)} queries at most)"
            )
        started = time.perf_counter()
        summary = full_recompute(draws=arguments.draws)
        print(f"full recompute: {time.perf_counter() - started:.2f} s — {summary}")
        from hedef.evaluation.selectors import evaluation_date
        from hedef.publishing.publication import snapshot_states

        started = time.perf_counter()
        states = snapshot_states(when=evaluation_date(today=datetime.date(2026, 3, 1)))
        print(
            f"snapshot states for publication: {time.perf_counter() - started:.2f} s "
            f"({len(states.measures)} measures, {len(states.indicators)} indicators)"
        )
        connection.close()


if __name__ == "__main__":
    main()
