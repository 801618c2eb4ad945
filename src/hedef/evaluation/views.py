from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.safestring import mark_safe

from hedef.evaluation.methodology import methodology_html


@login_not_required
def methodology(request: HttpRequest) -> HttpResponse:
    """How every status, score and rank is computed (public: the reports quote it)."""
    return render(request, "evaluation/methodology.html", {"body": mark_safe(methodology_html())})
