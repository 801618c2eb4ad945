"""Who may do what: every role against every action, on its own and others' data.

The report under test is Economy 8.1.1.1: İN reports on it ("own" for focal_in),
RİNN is one of its co-executors (focal_rinn), ETN has nothing to do with it
(focal_etn). Each row states the HTTP status every role gets; each role's attempt
runs in a savepoint that is rolled back, so every attempt starts from the same data.
"""

import io

import pytest
from django.db import transaction
from django.urls import reverse

from hedef.monitoring.actions import SubmissionAccept, TokenIssue, TokenRevoke
from hedef.monitoring.models import Evidence
from hedef.monitoring.workbook import workbook_build
from tests.helpers.monitoring import actor, form_data, save

ROLES = [
    "anonymous",
    "operator_admin",
    "operator_analyst",
    "focal_in",
    "focal_rinn",
    "focal_etn",
    "leadership",
]
PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"


def expect(default, anonymous=302, **roles):
    """Expected status per role: ``default`` unless named."""
    return {role: roles.get(role, default) for role in ROLES} | {"anonymous": anonymous}


OPERATORS_ONLY = expect(403, operator_admin=200, operator_analyst=200)
EVERYONE = expect(200)
READERS_OF_A_DRAFT = expect(
    403, operator_admin=200, operator_analyst=200, focal_in=200, focal_rinn=200
)


def submitted(ctx):
    save(ctx["report"], ctx["users"]["focal_in"], submit=True)


def accepted(ctx):
    submitted(ctx)
    SubmissionAccept(ctx["report"], actor=actor(ctx["users"]["operator_analyst"])).execute()


def with_evidence(ctx):
    from hedef.monitoring.actions import EvidenceAdd

    ctx["evidence"] = EvidenceAdd(
        ctx["report"], actor=actor(ctx["users"]["focal_in"]), name="akt.pdf", data=PDF
    ).execute()


def with_workbook(ctx):
    ctx["workbook"] = workbook_build(ctx["report"].cycle, ctx["users"]["focal_in"].agency)


def upload(name, data):
    file = io.BytesIO(data)
    file.name = name
    return file


def url(name, **kwargs):
    return reverse(f"monitoring:{name}", kwargs=kwargs)


# (what, set-up, the request, expected status by role)
PAGES = [
    ("list cycles", None, lambda c, x: c.get(url("cycles")), EVERYONE),
    ("see the open-cycle form", None, lambda c, x: c.get(url("cycle-open")), OPERATORS_ONLY),
    (
        "open a cycle",
        None,
        lambda c, x: c.post(
            url("cycle-open"),
            {
                "label": "2026, II yarımil",
                "kind": "semi_annual",
                "period_start": "2026-07-01",
                "period_end": "2026-12-31",
                "due_date": "2027-01-20",
                "strategies": ["digital-economy-2026-2029"],
            },
        ),
        expect(403, operator_admin=302, operator_analyst=302),
    ),
    ("see a cycle", None, lambda c, x: c.get(x["report"].cycle.get_absolute_url()), EVERYONE),
    ("read a draft", None, lambda c, x: c.get(x["report"].get_absolute_url()), READERS_OF_A_DRAFT),
    (
        "read an accepted report",
        accepted,
        lambda c, x: c.get(x["report"].get_absolute_url()),
        {**READERS_OF_A_DRAFT, "leadership": 200},
    ),
    (
        "save a draft",
        None,
        lambda c, x: c.post(x["report"].get_absolute_url(), form_data(x["report"], save="")),
        expect(403, focal_in=302),
    ),
    (
        "submit",
        None,
        lambda c, x: c.post(x["report"].get_absolute_url(), form_data(x["report"], submit="")),
        expect(403, focal_in=302),
    ),
    (
        "accept",
        submitted,
        lambda c, x: c.post(url("submission-review", pk=x["report"].pk), {"decision": "accept"}),
        expect(403, operator_admin=302, operator_analyst=302),
    ),
    (
        "return",
        submitted,
        lambda c, x: c.post(
            url("submission-review", pk=x["report"].pk),
            {"decision": "return", "general": "Düzəldin."},
        ),
        expect(403, operator_admin=302, operator_analyst=302),
    ),
    (
        "comment in a review thread",
        submitted,
        lambda c, x: c.post(url("comment-add", pk=x["report"].pk), {"field": "", "text": "?"}),
        expect(403, operator_admin=302, operator_analyst=302, focal_in=302),
    ),
    (
        "write a co-executor's contribution",
        None,
        lambda c, x: c.post(url("contribution", pk=x["report"].pk), {"version": 0, "text": "Biz."}),
        expect(403, focal_rinn=302),
    ),
    (
        "upload evidence",
        None,
        lambda c, x: c.post(
            url("evidence-upload", pk=x["report"].pk), {"file": upload("akt.pdf", PDF)}
        ),
        expect(403, focal_in=302),
    ),
    (
        "download evidence",
        with_evidence,
        lambda c, x: c.get(url("evidence", pk=x["evidence"].pk)),
        READERS_OF_A_DRAFT,
    ),
    (
        "remove evidence",
        with_evidence,
        lambda c, x: c.post(url("evidence-delete", pk=x["evidence"].pk)),
        expect(403, focal_in=302),
    ),
    (
        "download İN's workbook",
        None,
        lambda c, x: c.get(url("workbook", pk=x["report"].cycle_id, agency="in")),
        expect(403, operator_admin=200, operator_analyst=200, focal_in=200),
    ),
    (
        "upload İN's workbook",
        with_workbook,
        lambda c, x: c.post(
            url("workbook-upload", pk=x["report"].cycle_id),
            {"file": upload("in.xlsx", x["workbook"])},
        ),
        expect(403, focal_in=200),
    ),
    (
        "see my agency's measures",
        None,
        lambda c, x: c.get(url("my-agency")),
        expect(403, focal_in=200, focal_rinn=200, focal_etn=200),
    ),
    ("see the review queue", None, lambda c, x: c.get(url("review-queue")), OPERATORS_ONLY),
    (
        "publish the cycle",
        None,
        lambda c, x: c.post(url("cycle-publish", pk=x["report"].cycle_id), {"confirm": "yes"}),
        expect(403, operator_admin=302, operator_analyst=302),
    ),
    ("see API tokens", None, lambda c, x: c.get(url("tokens")), expect(403, operator_admin=200)),
    (
        "issue an API token",
        None,
        lambda c, x: c.post(url("tokens"), {"agency": x["report"].agency_id, "label": "x"}),
        expect(403, operator_admin=200),
    ),
    ("read the audit log", None, lambda c, x: c.get(url("audit")), OPERATORS_ONLY),
    ("see the invitation form", None, lambda c, x: c.get("/accounts/invite/"), OPERATORS_ONLY),
]


def attempt(client, users, role, request, ctx):
    with transaction.atomic():
        client.logout()
        if role != "anonymous":
            client.force_login(users[role])
        status = request(client, ctx).status_code
        transaction.set_rollback(True)
    return status


@pytest.mark.parametrize(
    ("what", "setup", "request_", "expected"), PAGES, ids=[p[0] for p in PAGES]
)
def test_pages(client, platform, more_users, what, setup, request_, expected):
    ctx = {"report": platform, "users": more_users}
    if setup:
        setup(ctx)
    got = {role: attempt(client, more_users, role, request_, ctx) for role in ROLES}
    assert got == expected


@pytest.fixture
def tokens(platform, more_users):
    admin = actor(more_users["operator_admin"])
    issued = {
        name: TokenIssue(
            actor=admin, agency=more_users[f"focal_{name}"].agency, label=name
        ).execute()[1]
        for name in ("in", "rinn", "etn")
    }
    record, issued["revoked"] = TokenIssue(
        actor=admin, agency=more_users["focal_in"].agency, label="old"
    ).execute()
    TokenRevoke(record, actor=admin).execute()
    issued["none"] = None
    return issued


API_TOKENS = ["in", "rinn", "etn", "revoked", "none"]


def api_call(client, token, method, path, **kwargs):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    with transaction.atomic():
        response = getattr(client, method)(f"/api/v1/monitoring{path}", **headers, **kwargs)
        transaction.set_rollback(True)
    return response.status_code


API = [
    ("read the report", "get", lambda r: f"/submissions/{r.pk}", None, [200, 200, 403, 401, 401]),
    (
        "write the report",
        "put",
        lambda r: f"/submissions/{r.pk}",
        {"version": 1, "narrative": "API"},
        [200, 403, 403, 401, 401],
    ),
    ("list cycles", "get", lambda r: "/cycles", None, [200, 200, 200, 401, 401]),
]


@pytest.mark.parametrize(
    ("what", "method", "path", "body", "statuses"), API, ids=[a[0] for a in API]
)
def test_api(client, platform, tokens, what, method, path, body, statuses):
    kwargs = {"data": body, "content_type": "application/json"} if body is not None else {}
    got = [api_call(client, tokens[t], method, path(platform), **kwargs) for t in API_TOKENS]
    assert dict(zip(API_TOKENS, got, strict=True)) == dict(zip(API_TOKENS, statuses, strict=True))


def test_api_evidence_is_for_the_reporting_agency_only(client, platform, tokens):
    def post(token):
        with transaction.atomic():
            response = client.post(
                f"/api/v1/monitoring/submissions/{platform.pk}/evidence",
                {"file": upload("akt.pdf", PDF)},
                HTTP_AUTHORIZATION=f"Bearer {tokens[token]}",
            )
            transaction.set_rollback(True)
        return response.status_code

    assert [post(t) for t in ("in", "rinn", "etn")] == [201, 403, 403]
    assert not Evidence.objects.exists()


def test_api_lists_only_the_token_agencys_reports(client, platform, tokens):
    def ids(token):
        response = client.get(
            f"/api/v1/monitoring/cycles/{platform.cycle_id}/submissions",
            HTTP_AUTHORIZATION=f"Bearer {tokens[token]}",
        )
        return {item["id"] for item in response.json()}

    assert platform.pk in ids("in")
    assert platform.pk not in ids("rinn") and platform.pk not in ids("etn")
    assert ids("etn")  # ETN leads measures of its own
