"""Every write the admin allows leaves an audit entry naming the fields before and after.

The tests fill in the admin's own forms as a browser would (every input, select and
textarea the page renders), change one field and post them as a superuser.
"""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from axes.models import AccessAttempt
from django.contrib import admin
from django.contrib.auth.models import Group
from django.test import RequestFactory

from hedef.accounts.models import Role, User
from hedef.agencies.models import Agency
from hedef.core.models import AuditEntry
from hedef.monitoring.models import IndicatorReporter
from hedef.plans.models import AgencyAlias, Strategy
from tests.helpers.accounts import enrol, make_user

ECONOMY_FILE = "002_342d9e6260cb9729.txt"


def _last_entry_id():
    """The newest entry's id (ids are not renumbered between tests on PostgreSQL)."""
    return AuditEntry.objects.order_by("-id").values_list("id", flat=True).first() or 0


class _FormScraper(HTMLParser):
    """The values a browser would submit from the page's form with id ``form_id``."""

    def __init__(self, form_id: str) -> None:
        super().__init__()
        self.form_id = form_id
        self.inside = False
        self.data: dict[str, list[str]] = {}
        self.select: str | None = None
        self.textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and a.get("id") == self.form_id:
            self.inside = True
        if not self.inside:
            return
        name = a.get("name")
        if tag == "input" and name and a.get("type") not in {"submit", "button", "file"}:
            if a.get("type") in {"checkbox", "radio"}:
                if "checked" in a:
                    self.data.setdefault(name, []).append(a.get("value") or "on")
            else:
                self.data.setdefault(name, []).append(a.get("value") or "")
        elif tag == "select" and name:
            self.select = name
            self.data.setdefault(name, [])
        elif tag == "option" and self.select and "selected" in a:
            self.data[self.select].append(a.get("value") or "")
        elif tag == "textarea" and name:
            self.textarea = name
            self.data[name] = [""]

    def handle_data(self, data):
        if self.textarea:
            self.data[self.textarea][0] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None


def form_data(response, form_id):
    scraper = _FormScraper(form_id)
    scraper.feed(response.content.decode())
    return {
        name: values if len(values) != 1 else values[0] for name, values in scraper.data.items()
    }


def _draft():
    from hedef.ingest.services import document_ingest
    from tests.fixtures import SAMPLE_DOCUMENTS_DIR

    # A byte more than the loaded sample, so that it is read into a draft again.
    data = (SAMPLE_DOCUMENTS_DIR / ECONOMY_FILE).read_bytes() + b"\n"
    return document_ingest(data=data, file_name=ECONOMY_FILE).draft


def _reporter():
    return IndicatorReporter.objects.create(
        strategy=Strategy.objects.order_by("code").first(),
        indicator_number="1.1",
        agency=Agency.objects.get(code="rinn"),
    )


# model label: (a new object to change or delete, the field changed and its new value, or
# None when the change page has no editable field, what an add posts, or None when the
# admin refuses adds)
ADMINS = {
    "accounts.user": (
        lambda: _person("focal9", Role.FOCAL_PERSON, "rinn"),
        ("agency", lambda: str(Agency.objects.get(code="in").pk)),
        lambda: {
            "username": "newperson",
            "usable_password": "true",
            "password1": "a long enough passphrase 42",
            "password2": "a long enough passphrase 42",
            "role": Role.LEADERSHIP,
        },
    ),
    "agencies.agency": (
        lambda: Agency.objects.create(code="test-agency", name="Sınaq agentliyi"),
        ("name", lambda: "Yenidən adlanmış agentlik"),
        lambda: {"code": "added-agency", "name": "Əlavə agentlik"},
    ),
    "monitoring.indicatorreporter": (
        _reporter,
        ("indicator_number", lambda: "9.9"),
        lambda: {
            "strategy": str(Strategy.objects.order_by("code").first().pk),
            "indicator_number": "2.2",
            "agency": str(Agency.objects.get(code="in").pk),
        },
    ),
    "plans.agencyalias": (
        lambda: AgencyAlias.objects.order_by("pk").first(),
        ("agency", lambda: str(Agency.objects.get(code="in").pk)),
        None,
    ),
    "auth.group": (
        lambda: Group.objects.create(name="Readers"),
        ("name", lambda: "Report readers"),
        lambda: {"name": "Reviewers"},
    ),
    "axes.accessattempt": (
        lambda: AccessAttempt.objects.create(
            username="focal1",
            ip_address="192.0.2.7",
            failures_since_start=5,
            user_agent="",
            get_data="",
            post_data="",
            http_accept="",
            path_info="/",
        ),
        None,
        None,
    ),
    "plans.strategy": (lambda: Strategy.objects.order_by("code").first(), None, None),
    "ingest.reviewdraft": (_draft, None, None),
}


def _person(username, role, agency=None):
    """A user as the admin's form shows them: the form keeps whole seconds."""
    user = make_user(username, role, agency)
    user.date_joined = user.date_joined.replace(microsecond=0)
    user.save(update_fields=["date_joined"])
    return user


def _superuser_request():
    request = RequestFactory().get("/admin/")
    request.user = User(username="root", is_superuser=True, is_staff=True, is_active=True)
    return request


def test_every_admin_that_writes_is_audited_and_listed_here(db):
    """A new admin page that allows a write must derive from AuditedAdmin and be tested here."""
    from hedef.core.admin import AuditedAdmin

    request = _superuser_request()
    writable = set()
    for model, model_admin in admin.site._registry.items():
        assert isinstance(model_admin, AuditedAdmin), model._meta.label
        if (
            model_admin.has_add_permission(request)
            or model_admin.has_change_permission(request)
            or model_admin.has_delete_permission(request)
        ):
            writable.add(model._meta.label_lower)
    assert writable == set(ADMINS)


@pytest.fixture
def superuser_client(client, users, loaded_plans):
    client.force_login(users["operator_admin"])
    return client


def _url(obj, view):
    meta = obj._meta
    return f"/admin/{meta.app_label}/{meta.model_name}/{obj.pk}/{view}/"


def _entries(obj, action=None):
    entries = AuditEntry.objects.filter(object_type=obj._meta.model_name, object_id=str(obj.pk))
    return list(entries.filter(action=action) if action else entries)


@pytest.mark.parametrize("label", sorted(ADMINS))
def test_a_change_through_the_admin_is_recorded_with_before_and_after(superuser_client, label):
    make, change, _add = ADMINS[label]
    obj = make()
    page = superuser_client.get(_url(obj, "change"))
    assert page.status_code == 200
    data = form_data(page, f"{obj._meta.model_name}_form")
    if change is None:
        editable = {k for k in data if not k.startswith(("csrf", "_")) and "-" not in k}
        assert editable <= {"csrfmiddlewaretoken"}, editable  # nothing to change here
        return
    field, value = change
    old = data.get(field)
    data[field] = value()
    before = _last_entry_id()
    response = superuser_client.post(_url(obj, "change"), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    (entry,) = AuditEntry.objects.filter(pk__gt=before)
    assert entry.object_type == obj._meta.model_name and entry.object_id == str(obj.pk)
    details = entry.details
    assert details["channel"] == "web" and details["actor"] == "admin1"
    if label == "plans.agencyalias":  # relinking goes through the service: measures follow
        assert entry.action == "alias.link"
        assert details["after"]["agency"] == "in"
    else:
        assert entry.action == "admin.change"
        column = obj._meta.get_field(field).attname
        assert details["before"][column] == _typed(old)
        assert details["after"][column] == _typed(value())
        derived = {"folded_names", "search_text", "search_fold"}
        assert set(details["after"]) <= {column, *derived}  # and what it derives


def _typed(value):
    return int(value) if isinstance(value, str) and value.isdigit() else value


@pytest.mark.parametrize("label", sorted(k for k, v in ADMINS.items() if v[2] is not None))
def test_an_addition_through_the_admin_is_recorded_with_its_values(superuser_client, label):
    _make, _change, add = ADMINS[label]
    app, model = label.split(".")
    page = superuser_client.get(f"/admin/{app}/{model}/add/")
    data = {**form_data(page, f"{model}_form"), **add()}
    response = superuser_client.post(f"/admin/{app}/{model}/add/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    (entry,) = AuditEntry.objects.filter(action="admin.add", object_type=model)
    after = entry.details["after"]
    for key, value in add().items():
        if key.startswith("password") or key == "usable_password":
            continue
        column = page.context["opts"].get_field(key)
        assert after[column.attname] == _typed(value)
    if label == "accounts.user":
        assert after["password"] == "[set]"
        assert "a long enough passphrase 42" not in entry.data


@pytest.mark.parametrize("label", sorted(ADMINS))
def test_a_deletion_through_the_admin_is_recorded_with_what_was_deleted(superuser_client, label):
    make, _change, _add = ADMINS[label]
    obj = make()
    pk = obj.pk
    model_admin = admin.site._registry[type(obj)]
    response = superuser_client.post(_url(obj, "delete"), {"post": "yes"})
    if not model_admin.has_delete_permission(_superuser_request(), obj):
        assert response.status_code == 403 and type(obj).objects.filter(pk=pk).exists()
        return
    assert response.status_code == 302
    assert not type(obj).objects.filter(pk=pk).exists()
    (entry,) = _entries(obj, "admin.delete")
    assert entry.details["before"]["id"] == pk


def test_the_bulk_delete_action_records_each_row(superuser_client):
    agencies = [Agency.objects.create(code=f"bulk-{n}", name=f"Toplu {n}") for n in range(3)]
    response = superuser_client.post(
        "/admin/agencies/agency/",
        {"action": "delete_selected", "_selected_action": [a.pk for a in agencies], "post": "yes"},
    )
    assert response.status_code == 302
    entries = AuditEntry.objects.filter(action="admin.delete", object_type="agency")
    assert sorted(e.details["before"]["code"] for e in entries) == ["bulk-0", "bulk-1", "bulk-2"]


def test_making_someone_a_superuser_and_changing_their_password_is_recorded(superuser_client):
    """The escalations the admin allows: flags, role and password; the password never in clear."""
    person = _person("leader9", Role.LEADERSHIP)
    data = form_data(superuser_client.get(_url(person, "change")), "user_form")
    data.update(is_superuser="on", is_staff="on", role=Role.OPERATOR_ADMIN)
    assert superuser_client.post(_url(person, "change"), data).status_code == 302
    (entry,) = _entries(person, "admin.change")
    assert entry.details["before"] == {
        "is_superuser": False,
        "is_staff": False,
        "role": Role.LEADERSHIP,
    }
    assert entry.details["after"] == {
        "is_superuser": True,
        "is_staff": True,
        "role": Role.OPERATOR_ADMIN,
    }
    response = superuser_client.post(
        _url(person, "password"),
        {"password1": "another secret phrase 7", "password2": "another secret phrase 7"},
    )
    assert response.status_code == 302
    latest = _entries(person, "admin.change")[-1]
    assert latest.details["before"] == {"password": "[set]"}
    assert latest.details["after"] == {"password": "[changed]"}
    assert "another secret phrase 7" not in latest.data
    person.refresh_from_db()
    assert person.check_password("another secret phrase 7")


def test_saving_an_unchanged_form_records_nothing(superuser_client):
    agency = Agency.objects.get(code="rinn")
    data = form_data(superuser_client.get(_url(agency, "change")), "agency_form")
    assert superuser_client.post(_url(agency, "change"), data).status_code == 302
    assert [e for e in _entries(agency) if e.action.startswith("admin.")] == []


def test_the_admin_reset_of_an_authenticator_is_recorded_once(superuser_client, users):
    analyst = users["operator_analyst"]
    enrol(analyst)
    response = superuser_client.post(
        "/admin/accounts/user/",
        {"action": "reset_authenticator", "_selected_action": [analyst.pk]},
    )
    assert response.status_code == 302
    assert [e.action for e in _entries(analyst)] == ["user.totp_reset"]
    assert not analyst.has_authenticator
