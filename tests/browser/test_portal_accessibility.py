"""The public portal in a real browser: WCAG 2.1 AA checked by axe-core, usable on a phone."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.gold_plans import ECONOMY

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = (Path(__file__).parent / "axe.min.js").read_text("utf-8")
PAGES = [
    "/",
    f"/strategies/{ECONOMY}/",
    f"/strategies/{ECONOMY}/goals/8.1/",
    f"/strategies/{ECONOMY}/measures/8.1.1.1/",
    f"/strategies/{ECONOMY}/indicators/4.1.1/",
    "/agencies/",
    "/agencies/rinn/",
    "/search/?q=%C4%B0NFORMAS%C4%B0YA",
    "/open-data/",
]


def axe_violations(page):
    result = page.evaluate(
        """async () => await axe.run(document, {
            runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}
        })"""
    )
    return [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]
    ]


def test_portal_pages_have_no_wcag_aa_violations(page, live_server, published):
    # Before the pages' scripts: the Content-Security-Policy refuses a script tag added later.
    page.add_init_script(script=AXE)
    # One database set-up for every page: the data are the same, only the page changes.
    found = {}
    for path in PAGES:
        page.goto(live_server.url + path)
        found[path] = axe_violations(page)
    assert found == {path: [] for path in PAGES}


def test_portal_works_on_a_phone_without_horizontal_scrolling(browser, live_server, published):
    context = browser.new_context(
        viewport={"width": 375, "height": 740}, locale="az-AZ", java_script_enabled=False
    )
    page = context.new_page()
    page.goto(f"{live_server.url}/strategies/{ECONOMY}/measures/8.1.1.1/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("8.1.1.1")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375
    context.close()
