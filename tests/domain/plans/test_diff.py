"""The diff between two editions of a strategy."""

import dataclasses

from hedef.domain.plans.diff import plan_diff
from hedef.domain.plans.model import Period

ECONOMY = "digital-economy-2026-2029"


def test_the_same_plan_has_no_differences(gold_plans):
    assert plan_diff(gold_plans[ECONOMY], gold_plans[ECONOMY]).empty


def test_added_removed_and_changed_measures_are_named_field_by_field(gold_plans):
    old = gold_plans[ECONOMY]
    changed = dataclasses.replace(
        old.measures[1], period=Period(2027, 2030, "2027–2030"), lead=("RİNN",)
    )
    new = dataclasses.replace(old, measures=(changed, *old.measures[2:]))
    diff = plan_diff(old, new)
    assert diff.measures_removed == ("8.1.1.1",)
    assert diff.measures_added == ()
    (item,) = diff.measures_changed
    assert item.number == "8.1.1.2"
    fields = {change.field: (change.old, change.new) for change in item.changes}
    assert fields["lead"] == (["İN"], ["RİNN"])
    assert fields["period.end"] == (2029, 2030)
    assert fields["period.text"] == ("2027–2029", "2027–2030")


def test_a_revised_yearly_target_is_a_change_of_that_year(gold_plans):
    old = gold_plans[ECONOMY]
    indicator = dataclasses.replace(
        old.indicators[0], targets={**old.indicators[0].targets, 2029: 250.0}
    )
    diff = plan_diff(old, dataclasses.replace(old, indicators=(indicator, *old.indicators[1:])))
    (item,) = diff.indicators_changed
    assert [(c.field, c.old, c.new) for c in item.changes] == [("targets.2029", 300, 250)]
