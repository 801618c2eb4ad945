"""The published OpenAPI schema is the truth: generated requests to every operation,
signed with a real agency token, never get a server error and never an answer that
the schema does not describe (status, content type or body).

Half the requests name objects that exist (the sample plans, the open cycle, one of
İN's reports, the published snapshot), so that successful answers are checked too;
the other half name whatever Hypothesis makes up.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from hedef.api import api
from tests.gold_plans import ECONOMY
from tests.helpers.monitoring import report

pytestmark = pytest.mark.slow

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
EXAMPLES = 25
OPERATIONS = [
    (method.upper(), path)
    for path, item in api.get_openapi_schema()["paths"].items()
    for method in item
]


@pytest.fixture
def app(settings):
    """The project's WSGI application, answering inside the test's transaction.

    Like Django's test client, requests must not close the database connection at
    their start and end, or the test's transaction would end with them.
    """
    settings.ALLOWED_HOSTS = ["localhost"]  # Schemathesis's WSGI client sends Host: localhost
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield get_wsgi_application()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.parametrize(("method", "path"), OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_every_operation_answers_as_its_schema_says(app, token, cycle, published, method, path):
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    operation = schema[path][method]
    headers = {"Authorization": f"Bearer {token}"}
    existing = {
        "code": ECONOMY,
        "number": "8.1.1.1",
        "key": "latest",
        "cycle_id": cycle.pk,
        "submission_id": report(cycle, ECONOMY, "8.1.1.1").pk,
    }
    named = {p.name: existing[p.name] for p in operation.path_parameters}
    cases = st.one_of(operation.as_strategy(), operation.as_strategy(path_parameters=named))

    @given(case=cases)
    @hypothesis_settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def answers_as_documented(case):
        case.call_and_validate(headers=headers, checks=CHECKS)

    answers_as_documented()
