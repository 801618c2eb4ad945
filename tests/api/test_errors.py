"""What the fuzzer found, one test each: the answers a client gets are the ones the
schema documents, in one error shape."""

import pytest
from ninja import Schema

V1 = "/api/v1"


def schema_classes(cls=Schema):
    for sub in cls.__subclasses__():
        if sub.__module__.startswith("hedef."):
            yield sub
        yield from schema_classes(sub)


def test_no_two_api_schemas_share_a_name():
    """The OpenAPI components are keyed by class name: a second class of the same name
    silently replaced the first (the plans' TargetOut by the agency API's, so that
    /measures was documented with a target_id it never sends)."""
    names = {}
    for cls in set(schema_classes()):
        names.setdefault(cls.__name__, []).append(f"{cls.__module__}.{cls.__qualname__}")
    assert {name: where for name, where in names.items() if len(where) > 1} == {}


def test_a_measure_is_documented_with_the_targets_it_sends(client, loaded_plans):
    components = client.get(f"{V1}/openapi.json").json()["components"]["schemas"]
    measure = client.get(f"{V1}/strategies/digital-economy-2026-2029/measures/8.1.1.1").json()
    sent = {key for target in measure["targets"] for key in target}
    assert measure["targets"] and sent == set(components["TargetOut"]["properties"])
    assert set(components["TargetOut"]["required"]) <= sent


@pytest.mark.parametrize("listing", ["strategies", "measures", "agencies", "indicators"])
@pytest.mark.parametrize("offset", [2**63, 10**30])
def test_an_offset_no_database_takes_is_a_422_naming_it(client, loaded_plans, listing, offset):
    """It was a 500: SQLite and PostgreSQL take offsets below 2**63 only."""
    response = client.get(f"{V1}/{listing}", {"offset": offset})
    assert response.status_code == 422
    assert [issue["field"] for issue in response.json()["issues"]] == ["offset"]


def test_an_offset_past_the_end_is_an_empty_page(client, loaded_plans):
    answer = client.get(f"{V1}/agencies", {"offset": 2**31 - 1}).json()
    assert answer["items"] == [] and answer["count"] > 0


@pytest.mark.parametrize(
    ("path", "status", "code"),
    [
        ("/strategies/no-such-plan", 404, "not_found"),
        ("/agencies/no-such-agency", 404, "not_found"),
        ("/measures?agency=no-such-agency", 404, "not_found"),
        ("/published/latest", 404, "not_found"),
        ("/measures?year=twenty", 422, "invalid"),
        ("/monitoring/cycles", 401, "unauthorized"),
    ],
)
def test_every_refusal_has_the_documented_error_body(client, loaded_plans, path, status, code):
    response = client.get(V1 + path)
    assert response.status_code == status
    body = response.json()
    assert body["code"] == code and body["message"] and isinstance(body["issues"], list)
    operation = path.split("?")[0].replace("no-such-plan", "{code}").replace("latest", "{key}")
    operation = operation.replace("no-such-agency", "{code}")
    schema = client.get(f"{V1}/openapi.json").json()
    documented = schema["paths"][V1 + operation]["get"]["responses"]
    assert documented[str(status)]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/ErrorOut"
    }


def test_a_wrong_type_names_the_field(client, loaded_plans):
    issues = client.get(f"{V1}/measures", {"year": "twenty"}).json()["issues"]
    assert [(i["field"], i["code"]) for i in issues] == [("year", "int_parsing")]
