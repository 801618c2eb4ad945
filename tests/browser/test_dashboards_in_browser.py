"""Leadership opens a strategy dashboard and sees its charts drawn by vega-embed."""

import pytest
from playwright.sync_api import expect

from tests.helpers.browser import sign_in
from tests.helpers.portfolio import STRATEGY

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_strategy_dashboard_draws_its_charts(page, live_server, portfolio, users):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    sign_in(page, live_server, "leader1")
    cycle = portfolio["cycles"]["c3"].pk
    page.goto(f"{live_server.url}/workspace/strategies/{STRATEGY}/dashboard/?cycle={cycle}")
    chart = page.locator(".vega-chart[data-vega-spec='chart-goals']")
    expect(chart.locator("svg").first).to_be_visible()
    expect(
        page.locator(".vega-chart[data-vega-spec='chart-indicator-I.1'] svg").first
    ).to_be_visible()
    # The chart's figures are also in a table, for screen readers and without JavaScript.
    expect(page.locator("table.rollup").first).to_contain_text("1.1.")
    assert errors == []
