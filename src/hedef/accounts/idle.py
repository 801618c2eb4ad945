"""Signed-in sessions end after ``HEDEF_SESSION_IDLE_MINUTES`` without a request.

A session ends ``SESSION_COOKIE_AGE`` (the idle time) after it was last saved, in the
database and in the cookie. Saving it on every request (``SESSION_SAVE_EVERY_REQUEST``)
would write to the database on every page; instead a request saves it again once the
last save is a minute old, so a session ends between the idle time less a minute and
the idle time after its last request.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse

SEEN_KEY = "hedef_seen"
REFRESH_SECONDS = 60


def mark_seen(session: Any) -> None:
    """Note in ``session`` that it is in use now; the session is then saved again."""
    session[SEEN_KEY] = int(time.time())


def on_login(sender: Any, request: HttpRequest, user: Any, **kwargs: Any) -> None:
    """Signing in is a request like any other (connected to ``user_logged_in``)."""
    if hasattr(request, "session"):
        mark_seen(request.session)


class IdleSessionMiddleware:
    """Moves a signed-in session's end ahead, at most once a minute."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        session = request.session  # type: ignore[attr-defined]
        if request.user.is_authenticated:  # type: ignore[attr-defined]
            seen = session.get(SEEN_KEY, 0)
            if time.time() - seen >= REFRESH_SECONDS:
                mark_seen(session)
        return self.get_response(request)
