"""Monitoring reports as files: the one path of ``hedef report`` and the operators' page.

- :func:`report_cycle` finds a reporting cycle by its id, the slug of its label
  (``2026-i-yarimil``, as the portal's snapshots are keyed) or the label itself;
- :func:`report_strategies` finds strategies by code, ``all`` meaning every
  strategy the cycle reports on;
- :func:`report_file` evaluates (:func:`hedef.reports.data.report_data`),
  assembles and renders the report in the requested format and language.

What cannot be found raises :class:`ReportRequestError` with a stable ``code``
and the values that do exist in ``params``, so that a caller can list them.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.utils import timezone, translation

from hedef.domain.core.text import az_ascii_slug
from hedef.domain.reports import Report, assemble, render_docx, render_html, render_pdf
from hedef.monitoring.models import ReportingCycle
from hedef.plans.models import Strategy
from hedef.reports.data import report_data

__all__ = [
    "ALL",
    "FORMATS",
    "LANGUAGES",
    "ReportFile",
    "ReportRequestError",
    "check_format",
    "cycle_slug",
    "report_cycle",
    "report_file",
    "report_strategies",
]

ALL = "all"  # every strategy of the cycle, in one consolidated report
LANGUAGES = ("az", "en")


@dataclass(frozen=True)
class _Format:
    content_type: str
    render: Callable[[Report], bytes]


def _html(report: Report) -> bytes:
    return render_html(report).encode("utf-8")


_FORMATS = {
    "pdf": _Format("application/pdf", render_pdf),
    "docx": _Format(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", render_docx
    ),
    "html": _Format("text/html; charset=utf-8", _html),
}
FORMATS = tuple(_FORMATS)


class ReportRequestError(ValueError):
    """A report was asked for something that does not exist.

    ``code`` is ``unknown_cycle``, ``ambiguous_cycle``, ``unknown_strategy``,
    ``no_strategy``, ``unknown_format`` or ``unknown_language``; ``params`` hold
    the value asked for (``value``) and what exists (``known``). The message is
    English, for the command line and logs.
    """

    def __init__(self, code: str, message: str, **params: object) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.params = params


@dataclass(frozen=True)
class ReportFile:
    """A rendered report: a file name to offer, its media type and its bytes."""

    name: str
    content_type: str
    content: bytes


def cycle_slug(cycle: ReportingCycle) -> str:
    """The slug of the cycle's label: "2026, I yarımil" → ``2026-i-yarimil``."""
    return az_ascii_slug(cycle.label) or str(cycle.pk)


def report_cycle(reference: str) -> ReportingCycle:
    """The cycle whose id, label or label's slug is ``reference``.

    Raises:
        ReportRequestError: ``unknown_cycle`` (none matches) or ``ambiguous_cycle``
            (several cycles share the label); ``known`` lists "id: label" of each.
    """
    cycles = list(ReportingCycle.objects.order_by("-period_end", "-pk"))
    text = reference.strip()
    found = [cycle for cycle in cycles if text.isdigit() and cycle.pk == int(text)]
    found = found or [cycle for cycle in cycles if cycle.label == text]
    wanted = az_ascii_slug(text)
    found = found or [cycle for cycle in cycles if wanted and cycle_slug(cycle) == wanted]
    if len(found) == 1:
        return found[0]
    known = [f"{cycle.pk}: {cycle.label}" for cycle in (found or cycles)]
    if found:
        raise ReportRequestError(
            "ambiguous_cycle",
            f"several cycles are called {reference!r} ({'; '.join(known)}); give the id",
            value=reference,
            known=known,
        )
    raise ReportRequestError(
        "unknown_cycle",
        f"no reporting cycle {reference!r} (known: {'; '.join(known) or 'none opened'})",
        value=reference,
        known=known,
    )


def report_strategies(codes: Sequence[str], *, cycle: ReportingCycle) -> list[Strategy]:
    """Strategies with a current version by code, in the order given, each once.

    ``all`` stands for every strategy ``cycle`` reports on, in code order.

    Raises:
        ReportRequestError: ``unknown_strategy`` naming the codes not found, or
            ``no_strategy`` when nothing was asked for (or the cycle has none).
    """
    loaded = Strategy.objects.filter(current_version__isnull=False).select_related(
        "current_version"
    )
    by_code = {strategy.code: strategy for strategy in loaded}
    chosen: dict[str, Strategy] = {}
    for code in codes:
        if code == ALL:
            covered = cycle.versions.values_list("version__strategy__code", flat=True)
            for known in sorted(set(covered)):
                if known in by_code:
                    chosen.setdefault(known, by_code[known])
        elif code in by_code:
            chosen.setdefault(code, by_code[code])
        else:
            known = sorted(by_code)
            raise ReportRequestError(
                "unknown_strategy",
                f"no strategy {code!r} (known: {', '.join(known) or 'none loaded'}, or {ALL})",
                value=code,
                known=known,
            )
    if not chosen:
        raise ReportRequestError(
            "no_strategy",
            f"the report covers no strategy: the cycle {cycle.label!r} reports on none",
            value=list(codes),
            known=sorted(by_code),
        )
    return list(chosen.values())


def check_format(fmt: str, language: str) -> None:
    """Refuse a format or language the reports are not written in."""
    if fmt not in _FORMATS:
        raise ReportRequestError(
            "unknown_format",
            f"the format must be one of {', '.join(FORMATS)}, not {fmt!r}",
            value=fmt,
            known=list(FORMATS),
        )
    if language not in LANGUAGES:
        raise ReportRequestError(
            "unknown_language",
            f"the language must be one of {', '.join(LANGUAGES)}, not {language!r}",
            value=language,
            known=list(LANGUAGES),
        )


def report_file(
    *,
    strategies: Sequence[Strategy],
    cycle: ReportingCycle,
    fmt: str,
    language: str,
    today: datetime.date | None = None,
) -> ReportFile:
    """Evaluate, assemble and render the report, every label in ``language``.

    Raises:
        ReportRequestError: an unknown format or language.
        hedef.domain.reports.ReportError: the data contradict themselves, or the
            PDF fonts are missing.
    """
    check_format(fmt, language)
    on = today or timezone.localdate()
    data = report_data(strategies=strategies, cycle=cycle, language=language, today=on)
    with translation.override(language):
        report = assemble(data)
        content = _FORMATS[fmt].render(report)
    scope = strategies[0].code if len(strategies) == 1 else "consolidated"
    name = f"hedef-{scope}-{cycle_slug(cycle)}-{language}.{fmt}"
    return ReportFile(name=name, content_type=_FORMATS[fmt].content_type, content=content)
