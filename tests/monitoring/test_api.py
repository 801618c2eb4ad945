"""The agency API: documented, token-authenticated, the same rules as the pages."""

import datetime
import io

import pytest
from django.utils import timezone

from hedef.core.models import AuditEntry
from hedef.monitoring.models import AgencyToken, Submission
from tests.gold_plans import ECONOMY
from tests.helpers.monitoring import report

API = "/api/v1/monitoring"


@pytest.fixture
def api(client, token):
    class Api:
        def __call__(self, method, path, body=None, **extra):
            kwargs = {"HTTP_AUTHORIZATION": f"Bearer {token}", **extra}
            if body is not None:
                kwargs.update(data=body, content_type="application/json")
            return getattr(client, method)(API + path, **kwargs)

    return Api()


BODY = {
    "version": 1,
    "progress_status": "in_progress",
    "stage": "initial",
    "percent_complete": 30,
    "narrative": "API vasitəsilə.",
}


def test_the_schema_documents_the_monitoring_operations_and_bearer_auth(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    for path in ["/cycles", "/cycles/{cycle_id}/submissions", "/submissions/{submission_id}"]:
        assert f"{API}{path}" in schema["paths"]
    schemes = schema["components"]["securitySchemes"]
    assert any(s.get("scheme") == "bearer" for s in schemes.values())
    put = schema["paths"][f"{API}/submissions/{{submission_id}}"]["put"]
    assert {"200", "400", "403", "409"} <= set(put["responses"])


def test_tokens_are_stored_hashed(token):
    record = AgencyToken.objects.get()
    assert token not in (record.token_hash, record.prefix) and token.startswith(record.prefix)


def test_an_agency_system_writes_then_submits_a_report(api, cycle):
    platform = report(cycle, ECONOMY, "8.1.1.1")
    first = api("put", f"/submissions/{platform.pk}", BODY)
    assert first.status_code == 200 and first.json()["version"] == 2
    target = first.json()["targets"][0]["target_id"]
    body = {**BODY, "version": 2, "targets": [{"target_id": target, "value": 14}], "submit": True}
    submitted = api("put", f"/submissions/{platform.pk}", body).json()
    assert (submitted["state"], submitted["targets"][0]["value"]) == ("submitted", 14.0)
    entry = AuditEntry.objects.filter(action="submission.submit").get()
    assert entry.details["channel"] == "api" and entry.details["source"].startswith("İN e-hesabat")


def test_a_stale_version_is_a_409_with_the_versions(api, cycle):
    platform = report(cycle, ECONOMY, "8.1.1.1")
    api("put", f"/submissions/{platform.pk}", BODY)
    response = api("put", f"/submissions/{platform.pk}", {**BODY, "narrative": "x"})
    assert response.status_code == 409
    assert response.json()["code"] == "conflict"
    assert "version 1, it is now version 2" in response.json()["message"]


def test_invalid_content_is_a_400_naming_each_field(api, cycle):
    platform = report(cycle, ECONOMY, "8.1.1.1")
    body = {**BODY, "progress_status": "delayed", "submit": True}
    response = api("put", f"/submissions/{platform.pk}", body)
    assert response.status_code == 400
    assert [(i["field"], i["code"]) for i in response.json()["issues"]] == [
        ("deviation", "deviation_required")
    ]


def test_schema_validation_names_the_field(api, cycle):
    platform = report(cycle, ECONOMY, "8.1.1.1")
    response = api("put", f"/submissions/{platform.pk}", {**BODY, "percent_complete": 140})
    assert response.status_code == 422
    assert "percent_complete" in str(response.json())


def test_a_submitted_report_is_locked_for_the_api_too(api, cycle):
    platform = report(cycle, ECONOMY, "8.1.1.1")
    api("put", f"/submissions/{platform.pk}", {**BODY, "submit": True})
    response = api("put", f"/submissions/{platform.pk}", {**BODY, "version": 2})
    assert (response.status_code, response.json()["code"]) == (409, "report_locked")


def test_indicator_values_go_through_the_api(api, cycle):
    indicator = Submission.objects.get(cycle=cycle, indicator__number="4.1.1")
    listed = api("get", f"/cycles/{cycle.pk}/submissions").json()
    assert {"kind": "indicator", "number": "4.1.1"}.items() <= next(
        item for item in listed if item["id"] == indicator.pk
    ).items()
    body = {"version": 1, "indicator_value": 31, "narrative": "30 iyun", "submit": True}
    answer = api("put", f"/submissions/{indicator.pk}", body).json()
    assert (answer["state"], answer["indicator_value"]) == ("submitted", 31.0)


def test_evidence_is_checked_by_content(api, cycle):
    platform = report(cycle, ECONOMY, "8.1.1.1")

    def post(name, data):
        file = io.BytesIO(data)
        file.name = name
        return api("post", f"/submissions/{platform.pk}/evidence", None, data={"file": file})

    accepted = post("akt.pdf", b"%PDF-1.4 hesabat")
    assert accepted.status_code == 201 and accepted.json()["kind"] == "pdf"
    refused = post("akt.pdf", b"MZ\x90\x00")
    assert (refused.status_code, refused.json()["code"]) == (400, "unsupported_type")


def test_a_missing_or_wrong_token_is_a_401(client, cycle):
    assert client.get(f"{API}/cycles").status_code == 401
    wrong = client.get(f"{API}/cycles", HTTP_AUTHORIZATION="Bearer hdf_wrong")
    assert wrong.status_code == 401


def test_a_token_expires_after_the_configured_days(token, settings):
    """The default validity is HEDEF_API_TOKEN_DAYS from issue."""
    record = AgencyToken.objects.get()
    expected = timezone.now() + datetime.timedelta(days=settings.HEDEF_API_TOKEN_DAYS)
    assert abs(record.expires_at - expected) < datetime.timedelta(minutes=1)
    entry = AuditEntry.objects.get(action="token.issue")
    assert entry.details["after"]["expires_at"] == record.expires_at.isoformat()


def test_an_expired_token_is_a_401_that_says_so(api, token):
    assert api("get", "/cycles").status_code == 200
    AgencyToken.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    response = api("get", "/cycles")
    assert response.status_code == 401
    assert response.json()["code"] == "unauthorized"
    assert "expired on" in response.json()["message"]
    assert "ask the operator for a new one" in response.json()["message"]


@pytest.mark.parametrize(("days", "issued"), [(30, True), (0, False), (366, False)])
def test_a_token_is_issued_for_at_most_the_configured_days(client, more_users, days, issued):
    client.force_login(more_users["operator_admin"])
    agency = more_users["focal_in"].agency
    page = client.post(
        "/reporting/tokens/", {"agency": agency.pk, "label": "İN e-hesabat", "days": days}
    )
    assert AgencyToken.objects.exists() is issued
    if issued:
        record = AgencyToken.objects.get()
        when = timezone.localtime(record.expires_at)
        assert (when.date() - timezone.localdate()).days == days
        assert f"It works until {when:%d.%m.%Y}" in page.content.decode()
