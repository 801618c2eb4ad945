"""An operator signs in and reads a strategy, in a real browser."""

import re

import pytest
from playwright.sync_api import expect

from tests.helpers.browser import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_operator_signs_in_and_opens_a_strategy(page, live_server, loaded_plans, users):
    sign_in(page, live_server, "analyst1")
    expect(page).to_have_url(f"{live_server.url}/workspace/")
    page.get_by_role("link", name=re.compile("rəqəmsal iqtisadiyyatın")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("2026–2029")
    rows = page.locator("table.measures tbody tr")
    expect(rows).to_have_count(50)
    page.get_by_role("link", name="8.1.1.1", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Rəqəmsal həllər")
    expect(page.locator(".target-value").first).to_contain_text("20")


def test_filters_update_the_list_without_a_reload(page, live_server, loaded_plans, users):
    sign_in(page, live_server, "leader1")
    page.goto(f"{live_server.url}/workspace/measures/")
    page.locator("#id_q").fill("İNFORMASİYA")
    expect(page.locator("#results .count")).not_to_contain_text("71")
    expect(page).to_have_url(re.compile(r"q=%C4%B0NFORMAS%C4%B0YA|q=İNFORMASİYA"))
    page.locator("#id_agency").select_option("xritdx")
    expect(page.locator("#results tbody tr").first).to_be_visible()
    expect(page.locator("#results")).to_contain_text("1.1.2")


def test_search_typed_without_azerbaijani_letters(page, live_server, loaded_plans, users):
    """ "reqemsal" typed on a Latin keyboard finds measures, indicators and agencies,
    grouped, with "Rəqəmsal" marked where it matched."""
    sign_in(page, live_server, "analyst1")
    page.get_by_role("link", name="Axtarış").click()
    page.get_by_role("searchbox").fill("reqemsal")
    page.get_by_role("searchbox").press("Enter")
    expect(page).to_have_url(re.compile(r"/workspace/search/\?q=reqemsal"))
    for kind in ("measure", "indicator", "agency"):
        expect(page.locator(f"#search-{kind}")).to_be_visible()
    # two strategies for the measures, one for the indicators
    expect(page.locator(".search-strategy")).to_have_count(3)
    marks = page.locator("#search-agency mark")
    expect(marks.first).to_have_text(re.compile("^rəqəmsal$", re.IGNORECASE))
    expect(page.locator(".search-hit .badge").first).to_be_visible()
