"""Document-level reading: acronyms, title, period, approving act, executors, periods.

These readers work on plain text and are shared by every ingestion path: the text
path reads them from the same text as the plan, the DOCX and PDF readers from the
text around their tables. Nothing here knows a particular document; each reader
recognises the family's conventions (see :mod:`.vocabulary`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from hedef.domain.core.i18n import gettext as _
from hedef.domain.core.text import az_casefold, az_lower, normalise_space
from hedef.domain.ingest.errors import IngestionError
from hedef.domain.ingest.executors import executor_items
from hedef.domain.ingest.indicators import parse_indicators
from hedef.domain.ingest.sections import acronym_region, is_toc_line, plan_region, split_lines
from hedef.domain.ingest.vocabulary import DASHES, PERIOD_ANCHOR, UPPER
from hedef.domain.plans.model import AgencyAlias, ApprovingAct, Period

__all__ = [
    "act_years",
    "parse_acronyms",
    "parse_indicators",
    "parse_period",
    "parse_title_period_act",
    "split_executors",
    "strategy_code",
    "title_and_act",
    "title_years",
]

_ACRONYM_ENTRY = re.compile(
    rf"^\s*(?P<acronym>[{UPPER}][\wİ]{{0,11}})\s*[{DASHES}]\s+(?P<name>\S.*)$"
)
_MONTHS = {
    month: index
    for index, month in enumerate(
        ("yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avqust",
         "sentyabr", "oktyabr", "noyabr", "dekabr"),
        start=1,
    )
}  # fmt: skip
_DATE = r"(?P<year>(?:19|20)\d\d)-c[iıuü]\s+il\s+(?P<day>\d{1,2})\s+(?P<month>[a-zəğıöşüç]+)"
_APPROVAL_STAMP = re.compile(
    _DATE
    + r"\s+tarixli\s+(?:(?P<number>\d+)\s+nömrəli\s+)?(?P<kind>fərman|sərəncam|qərar)ı\s+ilə\s+"
    r"təsdiq\s+edilmişdir"
)
_ACT_HEADER = re.compile(r"prezidentinin\s+(?P<kind>sərəncamı|fərmanı)\b")
_QUOTED_TITLE = re.compile(r"“(?P<title>[^”]{10,300})”\s*(?:\([^)]*\)\s*)?təsdiq\s+edilsin")
_DOCUMENT_TYPES = re.compile(
    r"\b(?:strategiya|strategiyası|konsepsiya|konsepsiyası|proqram|proqramı|planı|xəritəsi)\s*$"
)
_TITLE_YEARS = re.compile(rf"(?P<start>(?:19|20)\d\d)\s*[{DASHES}]\s*(?P<end>(?:19|20)\d\d)")
_FRONT_LINES = 200
_CODE_STOPWORDS = frozenset(
    "azərbaycan respublikası respublikasında respublikasının dair üçün illər illərdə il "
    "və üzrə ilə cu ci cı cü ün un in ın".split()
)
_TRANSLITERATION = str.maketrans(
    {"ə": "e", "ı": "i", "ş": "s", "ç": "c", "ğ": "g", "ö": "o", "ü": "u"}
)
_CODE_WORDS = 4


def parse_acronyms(text: str) -> tuple[AgencyAlias, ...]:
    """The document's acronym list: one alias per "ACRONYM – full name" entry.

    A name that wraps onto the next line is joined; a trailing full stop is
    dropped. An acronym defined twice keeps its first definition.
    """
    lines = split_lines(text)
    region = acronym_region(lines)
    if region is None:
        return ()
    entries: list[list[str]] = []
    previous_blank = True
    for line in lines[region[0] : region[1]]:
        match = _ACRONYM_ENTRY.match(line)
        if match:
            entries.append([match.group("acronym"), match.group("name")])
        elif line.strip() and entries and not previous_blank:
            entries[-1][1] += " " + line.strip()
        previous_blank = not line.strip()
    aliases: dict[str, AgencyAlias] = {}
    for acronym, name in entries:
        name = normalise_space(name).rstrip(".;,")
        if name and acronym not in aliases:
            aliases[acronym] = AgencyAlias(acronym, name)
    return tuple(aliases.values())


def parse_title_period_act(text: str) -> tuple[str, int, int, ApprovingAct | None]:
    """The strategy's title, first and last year, and the act that approved it.

    The title is the quoted name in the approving order when there is one, else
    the cover block naming the document type. The period comes from the years in
    the title, else from the period cells of the action plan, else from the year
    of the approving act.

    Raises:
        IngestionError: no title or no period can be found.
    """
    title, act = title_and_act(text)
    if not title:
        raise IngestionError(_("The document has no recognisable title."), "title")
    span = title_years(title) or _plan_years(split_lines(text)) or act_years(act)
    if span is None:
        raise IngestionError(_("The document states no period for the strategy."), "period")
    return title, span[0], span[1], act


def title_and_act(text: str) -> tuple[str | None, ApprovingAct | None]:
    """The title (``None`` if none is recognisable) and the approving act of a document."""
    lines = split_lines(text)
    front = normalise_space(" ".join(lines[:_FRONT_LINES]))
    return _quoted_title(front) or _cover_title(lines), _approving_act(front)


def title_years(title: str) -> tuple[int, int] | None:
    """The span of years a title names ("... 2026–2029-cu illər üçün ..."), if any."""
    years = _TITLE_YEARS.search(title)
    if years is None:
        return None
    start, end = int(years.group("start")), int(years.group("end"))
    return min(start, end), max(start, end)


def act_years(act: ApprovingAct | None) -> tuple[int, int] | None:
    """The year of the approving act as a one-year span, the period of last resort."""
    if act is None or not act.date:
        return None
    return int(act.date[:4]), int(act.date[:4])


def _approving_act(front: str) -> ApprovingAct | None:
    folded = az_lower(front)
    stamp = _APPROVAL_STAMP.search(folded)
    if stamp:
        month = _MONTHS.get(stamp.group("month"))
        date = None
        if month is not None:
            date = f"{stamp.group('year')}-{month:02d}-{int(stamp.group('day')):02d}"
        return ApprovingAct(
            kind=stamp.group("kind").capitalize(), number=stamp.group("number"), date=date
        )
    header = _ACT_HEADER.search(folded[:400])
    if header:
        kind = header.group("kind")[:-1]  # the possessive ending: "sərəncamı" → "sərəncam"
        return ApprovingAct(kind=kind.capitalize())
    return None


def _quoted_title(front: str) -> str | None:
    match = _QUOTED_TITLE.search(front)
    if match and _DOCUMENT_TYPES.search(az_casefold(match.group("title"))):
        return normalise_space(match.group("title"))
    return None


def _cover_title(lines: list[str]) -> str | None:
    """The cover lines naming the document ("... Konsepsiyası"), after any approval stamp."""
    cover: list[str] = []
    for line in lines[:_FRONT_LINES]:
        stripped = line.strip()
        if (
            stripped.isdigit()
            or is_toc_line(line)
            or az_casefold(stripped).startswith("mündəricat")
        ):
            break  # the cover page ends at its page number or at the table of contents
        if stripped:
            cover.append(stripped)
    stamp_ends = [i for i, line in enumerate(cover) if "təsdiq edilmişdir" in az_lower(line)]
    if stamp_ends:
        cover = cover[stamp_ends[-1] + 1 :]
    for index, line in enumerate(cover):
        if _DOCUMENT_TYPES.search(az_casefold(line)):
            return " ".join(_sentence_case(part) for part in cover[: index + 1])
    return None


def _sentence_case(line: str) -> str:
    """ "STRATEGİYA" → "Strategiya": cover pages set the document type in capitals."""
    if line.upper() != line or not any(char.isalpha() for char in line):
        return line
    lowered = az_lower(line)
    return lowered[0].upper() + lowered[1:]


def _plan_years(lines: list[str]) -> tuple[int, int] | None:
    region = plan_region(lines)
    if region is None:
        return None
    years: list[int] = []
    for line in lines[region[0] : region[1]]:
        for match in PERIOD_ANCHOR.finditer(line):
            if match.group("start"):
                years.append(int(match.group("start")))
                years.append(int(match.group("end") or match.group("start")))
    return (min(years), max(years)) if years else None


def split_executors(
    cell: str, acronyms: Iterable[AgencyAlias | str]
) -> tuple[list[str], list[str]]:
    """Split one executor cell into executors, with reasons for any doubt.

    Bodies are separated by commas, spaces, line breaks or "və". Known acronyms
    are kept as spelled; "aidiyyəti qurumlar" in any longer form and
    "sahibkarlıq subyektləri" become their stored lower-case values; anything
    else is kept but explained in the returned reasons.
    """
    known = {item.acronym if isinstance(item, AgencyAlias) else item for item in acronyms}
    executors: list[str] = []
    reasons: list[str] = []
    for item in executor_items(cell, known):
        if item.value in executors:
            continue
        executors.append(item.value)
        if item.kind == "caps":
            reasons.append(
                _("“%(name)s” is not in the document's acronym list.") % {"name": item.value}
            )
        elif item.kind == "other":
            reasons.append(
                _("“%(name)s” is neither an acronym nor a known group of bodies.")
                % {"name": item.value}
            )
    return executors, reasons


def parse_period(cell: str) -> Period:
    """Read an "icra müddəti" cell: a span of years, one year, or "mütəmadi" (ongoing).

    The text is kept as written (including its dash), except that "Mütəmadi" is
    stored lower-case.

    Raises:
        IngestionError: the cell holds no period.
    """
    match = PERIOD_ANCHOR.search(cell)
    if match is None:
        raise IngestionError(
            _("“%(text)s” is not a period.") % {"text": normalise_space(cell)[:60]}, "period"
        )
    if match.group("ongoing"):
        return Period(None, None, "mütəmadi")
    if match.group("standing"):
        return Period(None, None, az_lower(match.group("standing")))
    start = int(match.group("start"))
    end = int(match.group("end") or start)
    return Period(start, end, normalise_space(match.group(0)))


def strategy_code(title: str, start: int, end: int) -> str:
    """A stable ASCII slug for a strategy: its distinctive title words and its years.

    "Azərbaycan Respublikasında Rəqəmsal İnkişaf Konsepsiyası", 2025–2027 gives
    ``reqemsal-inkisaf-konsepsiyasi-2025-2027``. Country and function words are
    left out so that the code stays short; the years keep editions apart.
    """
    words = [
        word.translate(_TRANSLITERATION)
        for word in re.findall(r"[^\W\d_]+", az_casefold(title))
        if word not in _CODE_STOPWORDS
    ]
    ascii_words = [re.sub(r"[^a-z0-9]", "", word) for word in words]
    parts = [word for word in ascii_words if word][:_CODE_WORDS]
    parts += [str(start)] if start == end else [str(start), str(end)]
    return "-".join(parts)
