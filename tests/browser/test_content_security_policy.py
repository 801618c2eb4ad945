"""Under the Content-Security-Policy, in a real browser: the dashboards still draw their
charts, the portal, the filters and the language choice still work, and the browser
reports no violation of the policy."""

import pytest
from playwright.sync_api import expect

from tests.gold_plans import ECONOMY
from tests.helpers.browser import sign_in
from tests.helpers.portfolio import STRATEGY

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Runs before each page's own scripts; the browser fires this event for every refusal.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
});
"""


@pytest.fixture
def watched(page):
    """The page, and what the browser refused or failed at while it was open."""
    problems = []
    page.add_init_script(script=RECORD_VIOLATIONS)
    page.on("pageerror", lambda error: problems.append(f"error: {error}"))
    page.on(
        "console",
        lambda message: (
            problems.append(f"console: {message.text}")
            if "Content Security Policy" in message.text
            else None
        ),
    )

    def violations():
        return problems + [f"violation: {v}" for v in page.evaluate("window.__violations")]

    page.violations = violations
    return page


def test_the_dashboards_draw_their_charts_under_the_policy(watched, live_server, portfolio, users):
    page = watched
    sign_in(page, live_server, "leader1")
    cycle = portfolio["cycles"]["c3"].pk
    response = page.goto(
        f"{live_server.url}/workspace/strategies/{STRATEGY}/dashboard/?cycle={cycle}"
    )
    assert "script-src 'self'" in response.headers["content-security-policy"]
    expect(page.locator(".vega-chart[data-vega-spec='chart-goals'] svg").first).to_be_visible()
    indicator = page.locator(".vega-chart[data-vega-spec='chart-indicator-I.1'] svg").first
    expect(indicator).to_be_visible()
    # the marks are drawn, not only the empty frame: Vega's expressions ran
    expect(indicator.locator("path, line, circle, rect").first).to_be_attached()
    # the status colours come from the style sheet, not from style attributes
    dot = page.locator(".status .status-dot").first
    assert dot.evaluate("d => getComputedStyle(d).backgroundColor") != "rgba(0, 0, 0, 0)"
    page.goto(f"{live_server.url}/workspace/strategies/{STRATEGY}/indicators/I.1/dashboard/")
    expect(page.locator(".vega-chart svg").first).to_be_visible()
    page.locator(".vega-chart svg").first.hover()  # the tooltip's handler
    assert page.violations() == []


def test_filters_and_the_language_choice_work_under_the_policy(
    watched, live_server, loaded_plans, users
):
    page = watched
    sign_in(page, live_server, "leader1")
    page.goto(f"{live_server.url}/workspace/measures/")
    page.locator("#id_q").fill("İNFORMASİYA")  # htmx reloads the list
    expect(page.locator("#results .count")).not_to_contain_text("71")
    page.locator("#language-select").select_option("ru")  # hedef.js sends the form
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    assert page.violations() == []


def test_the_public_portal_has_no_violations(watched, live_server, published):
    page = watched
    for path in [
        "/",
        f"/strategies/{ECONOMY}/",
        f"/strategies/{ECONOMY}/indicators/4.1.1/",  # the chart drawn on the server
        f"/strategies/{ECONOMY}/measures/8.1.1.1/",
    ]:
        page.goto(live_server.url + path)
        expect(page.locator("main")).to_be_visible()
    page.goto(f"{live_server.url}/strategies/{ECONOMY}/indicators/4.1.1/")
    expect(page.locator("figure.chart svg text").first).to_be_visible()
    assert page.violations() == []


def test_the_admin_has_no_violations(watched, live_server, users):
    users["operator_admin"].is_staff = True
    users["operator_admin"].is_superuser = True
    users["operator_admin"].save()
    page = watched
    sign_in(page, live_server, users["operator_admin"].username)
    for path in [
        "/admin/",
        "/admin/accounts/user/",
        f"/admin/accounts/user/{users['operator_admin'].pk}/change/",
    ]:
        page.goto(live_server.url + path)
        expect(page.locator("#content")).to_be_visible()
    assert page.violations() == []
