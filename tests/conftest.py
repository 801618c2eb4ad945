"""Fixtures every test folder uses: the sample plans, accounts, clean per-test state.

The material they are built from is in the repository (``tests/fixtures``).
"""

from __future__ import annotations

import pytest

from tests.helpers.accounts import make_user


@pytest.fixture(scope="session")
def gold_plans():
    """Both sample strategies as plan data, built from the gold annotations."""
    from tests.fixtures import SAMPLES, gold_path
    from tests.gold_plans import plan_from_gold

    return {plan.code: plan for plan in (plan_from_gold(gold_path(stem)) for stem in SAMPLES)}


@pytest.fixture
def registry(db):
    from hedef.agencies.services import agency_registry_load

    agency_registry_load()


@pytest.fixture
def loaded_plans(registry, gold_plans):
    """Both sample strategies imported into the test database."""
    from hedef.plans.services import plan_import

    return {code: plan_import(plan=plan, via="test") for code, plan in gold_plans.items()}


@pytest.fixture
def users(registry):
    """One account per role, as the demo has them."""
    from hedef.accounts.models import Role

    return {
        "operator_admin": make_user(
            "admin1", Role.OPERATOR_ADMIN, is_staff=True, is_superuser=True
        ),
        "operator_analyst": make_user("analyst1", Role.OPERATOR_ANALYST),
        "focal_rinn": make_user("focal1", Role.FOCAL_PERSON, "rinn"),
        "focal_in": make_user("focal2", Role.FOCAL_PERSON, "in"),
        "leadership": make_user("leader1", Role.LEADERSHIP),
    }


@pytest.fixture
def portfolio(registry):
    """The test portfolio (tests/helpers/portfolio.py) with its three published cycles."""
    from tests.helpers.portfolio import build_portfolio

    return build_portfolio()


@pytest.fixture
def published(loaded_plans):
    """One published snapshot with a few measure states and an indicator series."""
    from tests.helpers.publishing import publish_sample_snapshot

    return publish_sample_snapshot()


@pytest.fixture(autouse=True)
def _fast_password_hashing():
    """Real hashing costs a third of a second per account; tests need many accounts."""
    from django.test import override_settings

    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(autouse=True)
def _default_language():
    """A request that switched language must not leak it into the next test."""
    from django.utils import translation

    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Cached portal pages are keyed by snapshot; each test starts with none."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture(autouse=True)
def _operators_without_second_factor(settings):
    """Most tests sign operators in with ``force_login``, which skips the TOTP step.

    The second factor has its own tests (tests/monitoring/test_two_factor.py), which
    switch it back on.
    """
    settings.HEDEF_OPERATOR_TOTP = False


@pytest.fixture
def english(client):
    """For tests that read English wording: the client asks for English, code runs in it."""
    from django.utils import translation

    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    with translation.override("en"):
        yield
