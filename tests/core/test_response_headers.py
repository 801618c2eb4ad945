"""What every response says about caching and about the scripts and styles it may use."""

import pytest
from django.urls import reverse

from tests.gold_plans import ECONOMY

PRIVATE = "private, no-store"


@pytest.mark.parametrize(
    "path",
    [
        "/workspace/",
        "/workspace/measures/",
        f"/workspace/strategies/{ECONOMY}/",
        "/workspace/rating/",
        "/workspace/reports/",
        "/reporting/",
        "/admin/",
    ],
)
def test_signed_in_pages_are_never_stored(client, loaded_plans, users, path):
    users["operator_admin"].is_staff = True
    users["operator_admin"].save()
    client.force_login(users["operator_admin"])
    response = client.get(path)
    assert response.status_code == 200, path
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= cache_control
    assert "public" not in cache_control


def test_the_sign_in_page_and_redirects_to_it_are_never_stored(client):
    assert "no-store" in client.get("/accounts/login/")["Cache-Control"]
    assert client.get("/workspace/")["Cache-Control"] == PRIVATE


@pytest.mark.parametrize(
    "path",
    ["/", "/agencies/", f"/strategies/{ECONOMY}/", "/open-data/"],
)
def test_the_public_portal_stays_cacheable_by_the_proxy(client, published, path):
    response = client.get(path)
    assert response.status_code == 200, path
    assert response["Cache-Control"] == "public, max-age=5"


def test_open_data_files_keep_their_own_caching(client, published):
    response = client.get(
        reverse("publishing:open-data-file", kwargs={"key": "latest", "name": "datapackage.json"})
    )
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=300"


def test_every_page_allows_scripts_and_styles_from_its_own_address_only(client, published):
    policy = client.get("/")["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["default-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe" not in policy
