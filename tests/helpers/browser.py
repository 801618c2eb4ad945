"""Steps the browser tests take in a Playwright page."""

from __future__ import annotations

from typing import Any

from tests.helpers.accounts import PASSWORD


def sign_in(page: Any, live_server: Any, username: str) -> None:
    """Sign ``username`` in through the login form."""
    page.goto(f"{live_server.url}/accounts/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form.stacked button[type=submit]").click()
