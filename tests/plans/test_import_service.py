"""Importing plans: versions, idempotence, agency resolution, all-or-nothing."""

import dataclasses

import pytest
from django.utils import translation

from hedef.domain.plans import interchange
from hedef.plans.models import AgencyAlias, Measure, MeasureExecutor, PlanVersion, Strategy
from hedef.plans.selectors import version_to_plan
from hedef.plans.services import plan_import


def test_both_samples_load_completely(loaded_plans):
    concept = loaded_plans["digital-development-concept"].version
    economy = loaded_plans["digital-economy-2026-2029"].version
    assert concept.measures.count() == 21
    assert economy.measures.count() == 50
    assert economy.indicators.count() == 7
    assert economy.aliases.filter(listed=True).count() == 19
    assert not economy.aliases.filter(agency__isnull=True).exists()
    assert not concept.aliases.filter(agency__isnull=True).exists()


def test_two_acronyms_of_one_document_name_the_same_bank(loaded_plans):
    version = loaded_plans["digital-economy-2026-2029"].version
    mb = version.aliases.get(acronym="MB")
    amb = version.aliases.get(acronym="AMB")
    assert mb.agency == amb.agency
    assert mb.agency.code == "cbar"


def test_one_body_keeps_one_registry_entry_across_documents(loaded_plans):
    concept = loaded_plans["digital-development-concept"].version
    economy = loaded_plans["digital-economy-2026-2029"].version
    assert concept.aliases.get(acronym="RİNN").agency == economy.aliases.get(acronym="RİNN").agency


def test_collective_executors_are_values_not_agencies(loaded_plans):
    collective = MeasureExecutor.objects.filter(value="aidiyyəti qurumlar")
    assert collective.exists()
    assert not collective.filter(agency__isnull=False).exists()
    assert set(collective.values_list("kind", flat=True)) == {"relevant_bodies"}


def test_several_lead_executors_are_kept(loaded_plans):
    leads = [
        m
        for m in Measure.objects.filter(version=loaded_plans["digital-development-concept"].version)
        if len(m.lead_executors) > 1
    ]
    assert leads, "the Concept has measures with more than one lead executor"


def test_the_same_content_twice_changes_nothing(loaded_plans, gold_plans):
    outcome = plan_import(plan=gold_plans["digital-economy-2026-2029"])
    assert outcome.unchanged
    assert PlanVersion.objects.filter(strategy=outcome.strategy).count() == 1
    with translation.override("en"):
        assert "nothing changed" in outcome.message
    with translation.override("az"):
        assert "heç nə dəyişmədi" in outcome.message


def test_an_amendment_becomes_a_new_version_and_keeps_the_original(loaded_plans, gold_plans):
    plan = gold_plans["digital-economy-2026-2029"]
    first_indicator = plan.indicators[0]
    indicator = dataclasses.replace(
        first_indicator, targets={**first_indicator.targets, 2029: 250.0}
    )
    amended = dataclasses.replace(
        plan, indicators=(indicator, *plan.indicators[1:]), version_label="Amended 2027"
    )
    outcome = plan_import(plan=amended)
    assert not outcome.unchanged
    assert outcome.version.number == 2
    strategy = Strategy.objects.get(code=plan.code)
    assert strategy.current_version == outcome.version
    first = strategy.versions.get(number=1)
    assert first.indicators.get(number="4.1.1").targets.get(year=2029).value == 300
    assert outcome.version.indicators.get(number="4.1.1").targets.get(year=2029).value == 250


def test_an_unknown_acronym_is_kept_and_flagged(registry, gold_plans):
    plan = gold_plans["digital-development-concept"]
    first = plan.measures[0]
    measure = dataclasses.replace(first, co_executors=("XYZA", *first.co_executors))
    outcome = plan_import(plan=dataclasses.replace(plan, measures=(measure, *plan.measures[1:])))
    alias = AgencyAlias.objects.get(version=outcome.version, acronym="XYZA")
    assert alias.agency is None and not alias.listed and alias.needs_attention
    executor = MeasureExecutor.objects.get(measure__version=outcome.version, value="XYZA")
    assert executor.agency is None and executor.alias == alias


def test_a_failed_import_leaves_nothing_behind(registry, gold_plans, monkeypatch):
    from hedef.plans import services

    def explode(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(services, "_create_indicators", explode)
    with pytest.raises(RuntimeError):
        plan_import(plan=gold_plans["digital-economy-2026-2029"])
    assert not Strategy.objects.exists()
    assert not Measure.objects.exists()


@pytest.mark.parametrize("code", ["digital-development-concept", "digital-economy-2026-2029"])
def test_export_import_export_is_identical(loaded_plans, code, django_db_blocker):
    first = interchange.dumps(version_to_plan(loaded_plans[code].version))
    Strategy.objects.filter(code=code).update(current_version=None)
    PlanVersion.objects.filter(strategy__code=code).delete()
    Strategy.objects.filter(code=code).delete()
    again = plan_import(plan=interchange.loads(first))
    assert again.version.number == 1
    assert interchange.dumps(version_to_plan(again.version)) == first
