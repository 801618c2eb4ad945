"""The operators' report page: who may produce reports, the form, the file, the links."""

import io

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from docx import Document

from tests.helpers.portfolio import STRATEGY

PAGE = reverse("reports:page")
DOWNLOAD = reverse("reports:download")
ROLES = ["operator_admin", "operator_analyst", "focal_rinn", "focal_in", "leadership"]
# Operators produce reports; leadership reads them; focal persons see the dashboards only.
ALLOWED = {"operator_admin", "operator_analyst", "leadership"}


@pytest.fixture(autouse=True)
def _english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture
def c3(portfolio):
    return portfolio["cycles"]["c3"]


def query(cycle, **changes):
    return {"strategy": STRATEGY, "cycle": cycle.pk, "format": "html", "language": "en", **changes}


def test_anonymous_visitors_are_sent_to_sign_in(client, c3):
    for url in (PAGE, DOWNLOAD):
        response = client.get(url, query(c3))
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize("role", ROLES)
def test_who_may_open_the_page_and_ask_for_a_report(client, users, c3, role):
    client.force_login(users[role])
    allowed = role in ALLOWED
    assert client.get(PAGE).status_code == (200 if allowed else 403)
    # An incomplete request gets past the permission check only for those allowed.
    assert client.get(DOWNLOAD, {"cycle": c3.pk}).status_code == (400 if allowed else 403)


@pytest.mark.parametrize("role", sorted(ALLOWED))
def test_those_allowed_download_the_report(client, users, c3, role):
    client.force_login(users[role])
    response = client.get(DOWNLOAD, query(c3))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="hedef-{STRATEGY}-2026-ii-yarimil-en.html"'
    )
    html = response.content.decode()
    assert '<html lang="en">' in html and "Sınaq portfeli 2025–2027" in html


@pytest.mark.slow
def test_the_file_is_in_the_language_chosen_whatever_the_page_is_in(client, users, c3):
    client.force_login(users["operator_analyst"])
    response = client.get(DOWNLOAD, query(c3, format="docx", language="az"))
    assert response.status_code == 200
    document = Document(io.BytesIO(response.content))
    assert document.core_properties.language == "az-Latn-AZ"
    headers = [[cell.text for cell in table.rows[0].cells] for table in document.tables]
    with translation.override("az"):
        expected = [gettext("Status"), gettext("Measures"), gettext("Share")]
    assert expected in headers and expected[1] != "Measures"
    # The page that follows is still in the reader's language.
    assert b'lang="en"' in client.get(PAGE).content


@pytest.mark.slow
def test_a_consolidated_report_covers_every_strategy_of_the_cycle(
    client, users, portfolio, loaded_plans
):
    from hedef.monitoring.models import CycleVersion

    c2, c3 = portfolio["cycles"]["c2"], portfolio["cycles"]["c3"]
    concept = loaded_plans["digital-development-concept"].version
    CycleVersion.objects.create(cycle=c3, version=concept)
    client.force_login(users["leadership"])
    response = client.get(DOWNLOAD, query(c3, strategy="all"))
    assert response.status_code == 200
    assert "hedef-consolidated-2026-ii-yarimil-en.html" in response["Content-Disposition"]
    html = response.content.decode()
    assert concept.title in html and "Sınaq portfeli 2025–2027" in html
    # A cycle with one strategy gives that strategy's own report.
    alone = client.get(DOWNLOAD, query(c2, strategy="all"))
    assert f"hedef-{STRATEGY}-" in alone["Content-Disposition"]


def test_bad_choices_show_the_form_again_with_the_reason(client, users, c3):
    client.force_login(users["operator_admin"])
    response = client.get(DOWNLOAD, query(c3, format="odt", strategy="nope"))
    assert response.status_code == 400
    form = response.context["form"]
    assert set(form.errors) == {"format", "strategy"}
    assert "Select a valid choice" in response.content.decode()


def test_the_page_preselects_what_the_link_names(client, users, c3):
    client.force_login(users["operator_analyst"])
    html = client.get(PAGE, {"strategy": STRATEGY, "cycle": c3.pk}).content.decode()
    assert f'<option value="{STRATEGY}" selected>' in html
    assert f'<option value="{c3.pk}" selected>' in html
    assert f'action="{DOWNLOAD}"' in html


@pytest.mark.parametrize(("role", "shown"), [("operator_analyst", True), ("focal_rinn", False)])
def test_dashboard_and_cycle_page_link_to_the_report(client, users, c3, role, shown):
    client.force_login(users[role])
    dashboard = reverse("evaluation:strategy-dashboard", kwargs={"code": STRATEGY})
    html = client.get(f"{dashboard}?cycle={c3.pk}").content.decode()
    assert (f"{PAGE}?strategy={STRATEGY}&amp;cycle={c3.pk}" in html) is shown
    html = client.get(reverse("monitoring:cycle-detail", kwargs={"pk": c3.pk})).content.decode()
    assert (f"{PAGE}?cycle={c3.pk}" in html) is shown
