"""Shared test fixtures: where the project's shared reference material lives."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("HEDEF_SHARED", REPO.parent / "shared"))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.fail(f"shared material not found at {SHARED}; set HEDEF_SHARED")
    return SHARED


@pytest.fixture(scope="session")
def gold_plans(shared_dir):
    """Both sample strategies as plan data, built from the gold annotations."""
    from tests.gold_plans import plan_from_gold

    return {
        plan.code: plan
        for plan in (
            plan_from_gold(path, shared_dir / "seeds")
            for path in sorted((shared_dir / "gold").glob("*.json"))
        )
    }


@pytest.fixture
def registry(db):
    from hedef.agencies.services import agency_registry_load

    agency_registry_load()


@pytest.fixture
def loaded_plans(registry, gold_plans):
    """Both sample strategies imported into the test database."""
    from hedef.plans.services import plan_import

    return {code: plan_import(plan=plan, via="test") for code, plan in gold_plans.items()}


def make_user(username, role, agency_code=None, **extra):
    from hedef.accounts.models import User
    from hedef.agencies.models import Agency

    agency = Agency.objects.get(code=agency_code) if agency_code else None
    user = User.objects.create_user(
        username=username, password="correct horse battery", role=role, agency=agency, **extra
    )
    return user


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


TEST_AUDIT_KEY = "test-audit-key-not-secret"


@pytest.fixture(autouse=True)
def _fixed_audit_key():
    """A fixed audit chain key, so that no test writes a generated key into a data dir."""
    from django.test import override_settings

    with override_settings(HEDEF_AUDIT_KEY=TEST_AUDIT_KEY):
        yield


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
