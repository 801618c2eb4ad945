"""Finding what a report is asked for: cycles by id, label or slug; strategies; formats."""

import datetime

import pytest

from hedef.evaluation.methodology import methodology_excerpt, methodology_text
from hedef.monitoring.models import CycleVersion, ReportingCycle
from hedef.reports.files import (
    ReportRequestError,
    check_format,
    report_cycle,
    report_strategies,
)
from tests.helpers.portfolio import STRATEGY


@pytest.mark.parametrize(
    "reference",
    ["{pk}", "2026, II yarımil", "2026-ii-yarimil", " 2026, II YARIMIL ", "2026 ii yarımil"],
)
def test_a_cycle_is_found_by_id_label_or_slug(portfolio, reference):
    wanted = portfolio["cycles"]["c3"]
    assert report_cycle(reference.format(pk=wanted.pk)) == wanted


def test_an_unknown_cycle_lists_the_known_ones_latest_first(portfolio):
    with pytest.raises(ReportRequestError) as caught:
        report_cycle("2030")
    cycles = portfolio["cycles"]
    assert caught.value.code == "unknown_cycle"
    assert caught.value.params["known"] == [
        f"{cycles[key].pk}: {cycles[key].label}" for key in ("c3", "c2", "c1")
    ]
    assert "2026, II yarımil" in caught.value.message


def test_two_cycles_with_one_label_must_be_told_apart_by_id(portfolio):
    twin = ReportingCycle.objects.create(
        label="2026, II yarımil",
        kind="semi_annual",
        period_start=datetime.date(2026, 7, 1),
        period_end=datetime.date(2026, 12, 31),
        due_date=datetime.date(2027, 1, 20),
    )
    with pytest.raises(ReportRequestError) as caught:
        report_cycle("2026-ii-yarimil")
    assert caught.value.code == "ambiguous_cycle"
    assert f"{twin.pk}: 2026, II yarımil" in caught.value.params["known"]
    assert report_cycle(str(twin.pk)) == twin


def test_all_means_every_strategy_of_the_cycle(portfolio, loaded_plans):
    cycle = portfolio["cycles"]["c3"]
    assert [s.code for s in report_strategies(["all"], cycle=cycle)] == [STRATEGY]
    economy = loaded_plans["digital-economy-2026-2029"].version
    CycleVersion.objects.create(cycle=cycle, version=economy)
    codes = [s.code for s in report_strategies(["all", STRATEGY], cycle=cycle)]
    assert codes == ["digital-economy-2026-2029", STRATEGY]


def test_strategies_keep_the_order_asked_for_each_once(portfolio, loaded_plans):
    cycle = portfolio["cycles"]["c3"]
    asked = [STRATEGY, "digital-economy-2026-2029", STRATEGY]
    codes = [s.code for s in report_strategies(asked, cycle=cycle)]
    assert codes == [STRATEGY, "digital-economy-2026-2029"]


def test_an_unknown_strategy_lists_the_known_ones(portfolio):
    with pytest.raises(ReportRequestError) as caught:
        report_strategies([STRATEGY, "nope"], cycle=portfolio["cycles"]["c3"])
    assert caught.value.code == "unknown_strategy"
    assert caught.value.params == {"value": "nope", "known": [STRATEGY]}


def test_a_cycle_without_strategies_gives_no_report_of_all(portfolio):
    empty = ReportingCycle.objects.create(
        label="Boş",
        kind="annual",
        period_start=datetime.date(2027, 1, 1),
        period_end=datetime.date(2027, 12, 31),
        due_date=datetime.date(2028, 1, 31),
    )
    with pytest.raises(ReportRequestError) as caught:
        report_strategies(["all"], cycle=empty)
    assert caught.value.code == "no_strategy"


@pytest.mark.parametrize(
    ("fmt", "language", "code"),
    [
        ("odt", "az", "unknown_format"),
        ("PDF", "az", "unknown_format"),  # the command line lower-cases; the rest is strict
        ("pdf", "ru", "unknown_language"),
        ("html", "", "unknown_language"),
    ],
)
def test_unknown_formats_and_languages_are_refused(fmt, language, code):
    with pytest.raises(ReportRequestError) as caught:
        check_format(fmt, language)
    assert caught.value.code == code
    assert caught.value.params["value"] in (fmt, language)


def test_methodology_excerpt_leaves_out_whole_subsections_only():
    text = methodology_text()
    excerpt = methodology_excerpt(text)
    for kept in ("## 1. Attainment", "### 2.1 ", "### 2.3 ", "## 5. Measure status", "### 7.5 "):
        assert kept in excerpt
    for left_out in ("### 2.2 ", "### 7.3 ", "### 7.4 ", "egdi.yaml`)\n\nThe"):
        assert left_out not in excerpt
    assert excerpt.endswith(text[text.index("## 8. Sources") :])
    assert methodology_excerpt("# A\n\n## 1. B\n\nb\n\n### 1.1 C\n\nc\n", omit=("1",)) == "# A\n\n"
