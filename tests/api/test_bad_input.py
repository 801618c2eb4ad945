"""Values no database keeps as sent (NaN, infinities, 1e999, NUL, a lone surrogate) are a
400 naming the field, in every numeric and text field of the report PUT, in the query
and in the path; they were 500s (PostgreSQL refuses NUL, UTF-8 a lone surrogate)."""

import json

import pytest

from hedef.monitoring.models import Submission
from tests.gold_plans import ECONOMY
from tests.helpers.monitoring import report

V1 = "/api/v1"
NUMBERS = ["NaN", "Infinity", "-Infinity", "1e999", "-1e999"]
TEXTS = [r'"a\u0000b"', r'"\ud800"', r'"x\udfffy"']
NUMERIC_FIELDS = [
    "version",
    "percent_complete",
    "indicator_value",
    "targets[0].target_id",
    "targets[0].value",
]
TEXT_FIELDS = [
    "narrative",
    "obstacles",
    "remedy",
    "progress_status",
    "stage",
    "deviation.reason",
    "deviation.risk",
    "deviation.corrective_action",
    "deviation.expected_date",
]
HOLE = "__value__"


def body_with(field, literal, target_id):
    """A valid report body as JSON text with ``literal`` written at ``field``."""
    body = {
        "version": 1,
        "progress_status": "in_progress",
        "stage": "initial",
        "percent_complete": 30,
        "narrative": "API",
        "deviation": {},
        "targets": [{"target_id": target_id, "value": 14}],
    }
    parent, key = body, field
    if field.startswith("targets[0]."):
        parent, key = body["targets"][0], field.removeprefix("targets[0].")
    elif field.startswith("deviation."):
        parent, key = body["deviation"], field.removeprefix("deviation.")
    parent[key] = HOLE
    return json.dumps(body).replace(f'"{HOLE}"', literal)


@pytest.fixture
def platform(cycle):
    return report(cycle, ECONOMY, "8.1.1.1")


@pytest.fixture
def put(client, token, platform):
    target_id = platform.measure.targets.first().pk

    def put(field, literal):
        return client.put(
            f"{V1}/monitoring/submissions/{platform.pk}",
            data=body_with(field, literal, target_id),
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {token}",
        )

    return put


CASES = [(f, v, "not_finite") for f in NUMERIC_FIELDS for v in NUMBERS] + [
    (f, v, "nul_character" if "0000" in v else "lone_surrogate") for f in TEXT_FIELDS for v in TEXTS
]


@pytest.mark.parametrize(("field", "literal", "code"), CASES)
def test_an_unstorable_value_in_the_report_is_a_400_naming_the_field(
    put, platform, field, literal, code
):
    response = put(field, literal)
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "unstorable_value" and field in body["message"]
    assert [(i["field"], i["code"]) for i in body["issues"]] == [(field, code)]
    assert Submission.objects.get(pk=platform.pk).version == 1


def test_the_same_body_with_storable_values_is_saved(put):
    """The bodies above differ from a good one only in the value at the field."""
    assert put("narrative", '"API vasitəsilə"').status_code == 200


@pytest.mark.parametrize("field", ["targets[0].target_id", "version"])
def test_an_integer_no_database_column_holds_is_refused_not_a_500(put, field):
    response = put(field, str(10**30))
    assert response.status_code in {400, 409, 422}
    assert response.json()["code"]


@pytest.mark.parametrize(
    ("path", "field", "code"),
    [
        ("/measures?q=a%00b", "q", "nul_character"),
        ("/measures?agency=%00", "agency", "nul_character"),
        ("/indicators?strategy=x%00", "strategy", "nul_character"),
        ("/strategies/a%00b", "code", "nul_character"),
        ("/agencies/%00", "code", "nul_character"),
        ("/strategies/x/measures/8%001", "number", "nul_character"),
        ("/published/%00/strategies/x", "key", "nul_character"),
    ],
)
def test_a_nul_in_the_query_or_the_path_is_a_400_naming_it(client, db, path, field, code):
    response = client.get(V1 + path)
    assert response.status_code == 400
    assert [(i["field"], i["code"]) for i in response.json()["issues"]] == [(field, code)]


def test_a_body_that_is_not_json_is_a_400(client, token, platform):
    response = client.put(
        f"{V1}/monitoring/submissions/{platform.pk}",
        data="{version: 1",
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert (response.status_code, response.json()["code"]) == (400, "bad_request")
