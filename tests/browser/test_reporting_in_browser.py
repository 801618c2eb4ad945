"""A focal person submits a report; an analyst returns one field of it; in a real browser."""

import datetime
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.helpers.browser import sign_in

AXE = Path(__file__).with_name("axe.min.js")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def cycle(loaded_plans, users):
    from hedef.core.actors import Actor
    from hedef.monitoring.actions import CycleOpen
    from hedef.plans.models import Strategy

    return CycleOpen(
        actor=Actor(users["operator_analyst"]),
        label="2026, I yarımil",
        kind="semi_annual",
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 6, 30),
        due_date=datetime.date(2099, 7, 15),
        strategies=list(Strategy.objects.filter(code="digital-economy-2026-2029")),
    ).execute()


@pytest.fixture
def page(browser):
    """An English-speaking browser: the labels it looks for are the source messages, which
    hold however far the catalogues have got."""
    context = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    # axe-core in every page before its own scripts: an init script is not subject to the
    # pages' Content-Security-Policy, which refuses a script tag added afterwards.
    page.add_init_script(path=str(AXE))
    yield page
    context.close()


def accessibility_violations(page):
    """WCAG 2 A and AA violations axe-core finds on the current page: (rule, impact, count)."""
    return page.evaluate(
        """async () => (await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa']}))
            .violations.map(v => [v.id, v.impact, v.nodes.length])"""
    )


def sign_out(page):
    page.locator("form[action$='/logout/'] button").click()


def test_a_focal_person_submits_and_an_analyst_returns_a_field(page, live_server, cycle):
    sign_in(page, live_server, "focal2")  # İN
    page.get_by_role("link", name="My agency's measures").click()
    page.get_by_role("link", name=re.compile(r"8\.1\.1\.1$")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Rəqəmsal həllər")

    page.get_by_label("Status").select_option("in_progress")
    page.get_by_label("Stage reached").select_option("initial")
    page.get_by_label("Percent complete").fill("35")
    page.get_by_label("What was done").fill("Platformanın texniki tapşırığı təsdiq edilib.")
    page.get_by_label("azı 20 təchizatçının").fill("14")
    page.get_by_role("button", name="Submit for review").click()
    expect(page.locator(".messages")).to_contain_text("submitted for review")
    expect(page.locator(".status-line .state")).to_have_class(re.compile("state-submitted"))
    expect(page.get_by_role("button", name="Submit for review")).to_have_count(0)
    sign_out(page)

    sign_in(page, live_server, "analyst1")
    page.goto(f"{live_server.url}/reporting/review/")
    page.get_by_role("link", name=re.compile(r"8\.1\.1\.1$")).click()
    page.locator("details summary").click()
    page.get_by_label("What was done").fill("Hansı sənəd təsdiq edib? Nömrəsini yazın.")
    page.get_by_role("button", name="Return the report").click()
    expect(page.locator(".messages")).to_contain_text("returned to the agency")
    sign_out(page)

    sign_in(page, live_server, "focal2")
    page.goto(f"{live_server.url}/reporting/my/")
    row = page.locator("tr", has=page.get_by_role("link", name=re.compile(r"8\.1\.1\.1$")))
    expect(row).to_contain_text("Returned")
    row.get_by_role("link").click()
    expect(page.get_by_role("status").filter(has_text="What was done")).to_be_visible()
    expect(page.get_by_label("Percent complete")).to_be_disabled()
    expect(page.get_by_role("textbox", name="What was done")).to_be_enabled()
    expect(page.locator("#threads")).to_contain_text("Hansı sənəd təsdiq edib?")
    assert accessibility_violations(page) == []
    page.goto(f"{live_server.url}/reporting/my/")
    assert accessibility_violations(page) == []
