"""The row → plan mapping that table readers use, through :func:`plan_from_rows`."""

from __future__ import annotations

import pytest

from hedef.domain.ingest import IngestionError, ParsedPlan, TableRow, plan_from_rows
from hedef.domain.plans.model import RELEVANT_BODIES, Measure, Period, Stage

FRONT = """\
Azərbaycan Respublikasında süni intellekt üzrə 2025–2028-ci illər üçün
STRATEGİYA

2

9. Akronimlər
RİNN – Azərbaycan Respublikasının Rəqəmsal İnkişaf və Nəqliyyat Nazirliyi
İN – Azərbaycan Respublikasının İqtisadiyyat Nazirliyi
ETN – Azərbaycan Respublikasının Elm və Təhsil Nazirliyi
"""
HEADER = TableRow(
    (
        "Sıra №-si", "Tədbirin adı", "Əsas icraçı orqan (qurum)", "Digər icraçılar",
        "İcra müddəti (illər üzrə)", "ilkin nəticələr", "aralıq nəticələr", "yekun nəticələr",
    ),
    "table 1, row 1",
)  # fmt: skip


def row(*cells: str) -> TableRow:
    return TableRow(cells, "table 1")


def read(rows: list[TableRow], header: TableRow | None = HEADER) -> ParsedPlan:
    return plan_from_rows(FRONT, header, rows, file_name="sinaq.docx", sha256="0" * 64)


def only(parsed: ParsedPlan) -> Measure:
    (item,) = parsed.strategy.measures
    return item


def stages(item: Measure) -> tuple[str, str, str]:
    return item.results[Stage.INITIAL], item.results[Stage.INTERIM], item.results[Stage.FINAL]


MEASURE = ("1.1.1", "Tədbirin adı", "RİNN", "İN, ETN", "2025–2027", "Birinci", "İkinci", "Üçüncü")


def test_a_table_row_becomes_a_measure_under_its_headings():
    parsed = read(
        [
            row("Məqsəd 1. Süni intellekt ekosistemi", *[""] * 7),
            row(
                "Prioritet istiqamət 1.1. Tədqiqat", "Prioritet istiqamət 1.1. Tədqiqat", *[""] * 6
            ),
            row("1.2", "Tətbiq", *[""] * 6),  # a number and a title only: a heading
            row(*MEASURE),
        ]
    )
    item = only(parsed)
    assert (item.number, item.title, item.lead, item.co_executors, item.parent) == (
        "1.1.1", "Tədbirin adı", ("RİNN",), ("İN", "ETN"), "1.1",
    )  # fmt: skip
    assert item.period == Period(2025, 2027, "2025–2027")
    assert stages(item) == ("Birinci", "İkinci", "Üçüncü")
    strategy = parsed.strategy
    assert [(n.number, n.level) for n in strategy.nodes] == [
        ("1", "goal"), ("1.1", "direction"), ("1.2", "direction"),
    ]  # fmt: skip
    assert (strategy.period_start, strategy.period_end) == (2025, 2028)
    assert strategy.title.endswith("üçün Strategiya")
    assert parsed.source_lines == {"1.1.1": (4, 4)}


CELL_VARIANTS = [
    # (row cells, header, what the measure should hold)
    # number opening the title cell, no header: columns placed by content
    (
        (
            "1.1. Tədbirin adı",
            "RİNN",
            "aidiyyəti dövlət orqanları (qurumları)",
            "mütəmadi",
            "A",
            "B",
            "C",
        ),
        None,
        ("1.1", ("RİNN",), (RELEVANT_BODIES,), Period(None, None, "mütəmadi"), ("A", "B", "C")),
    ),
    # a merged result cell repeated in each column it covers
    (
        ("2.1", "Ad", "İN", "", "2026", "A", "B", "B"),
        HEADER,
        ("2.1", ("İN",), (), Period(2026, 2026, "2026"), ("A", "B", "B")),
    ),
    # a merged result cell arriving as one cell fewer: the longer cell spans two stages
    (
        ("2.1", "Ad", "İN", "RİNN", "2026", "Qısa", "Daha uzun mətn"),
        None,
        (
            "2.1",
            ("İN",),
            ("RİNN",),
            Period(2026, 2026, "2026"),
            ("Qısa", "Daha uzun mətn", "Daha uzun mətn"),
        ),
    ),
]


SINGLE_RESULT_COLUMN = TableRow(
    ("№", "Tədbirin adı", "İcraçı", "Digər icraçılar", "İcra müddəti", "Gözlənilən nəticə"), "t"
)
CELL_VARIANTS += [
    # one results column whose text labels its stages
    (
        ("3.1", "Ad", "ETN", "", "2027", "İlkin nəticə: A; Aralıq nəticə: B; Yekun nəticə: C"),
        SINGLE_RESULT_COLUMN,
        ("3.1", ("ETN",), (), Period(2027, 2027, "2027"), ("A", "B", "C")),
    ),
    # one results column without labels: the cell covers every stage
    (
        ("3.1", "Ad", "ETN", "", "2027", "Hesabatın hazırlanması"),
        SINGLE_RESULT_COLUMN,
        ("3.1", ("ETN",), (), Period(2027, 2027, "2027"), ("Hesabatın hazırlanması",) * 3),
    ),
]


@pytest.mark.parametrize(("cells", "header", "expected"), CELL_VARIANTS)
def test_cell_layouts(cells, header, expected):
    item = only(read([row(*cells)], header))
    assert (item.number, item.lead, item.co_executors, item.period, stages(item)) == expected


def test_a_row_broken_by_a_page_break_is_joined_to_the_row_above():
    parsed = read([row(*MEASURE), row("", "davamı", "", "ETN", "", "", "mətni", "")])
    item = only(parsed)
    assert (item.title, item.co_executors, stages(item)) == (
        "Tədbirin adı davamı", ("İN", "ETN"), ("Birinci", "İkinci mətni", "Üçüncü"),
    )  # fmt: skip
    assert any(flag.field == "rows" for flag in parsed.flags)


def test_a_period_cell_that_is_no_period_is_flagged_not_fatal():
    parsed = read([row("1.1", "Ad", "RİNN", "", "tezliklə", "A", "B", "C")])
    assert only(parsed).period == Period(None, None, "tezliklə")
    assert any(flag.field == "period" for flag in parsed.flags)


def test_a_number_used_twice_keeps_the_first_row():
    parsed = read([row(*MEASURE), row(*MEASURE[:1], "Başqa", *MEASURE[2:])])
    assert only(parsed).title == "Tədbirin adı"
    assert any(flag.field == "number" for flag in parsed.flags)


def test_rows_without_any_measure_are_refused():
    with pytest.raises(IngestionError) as caught:
        read([row("Məqsəd 1. Başlıq")])
    assert caught.value.location == "sinaq.docx"


def test_a_checksum_that_is_no_sha256_digest_is_refused():
    with pytest.raises(IngestionError) as caught:
        plan_from_rows(FRONT, HEADER, [row(*MEASURE)], file_name="sinaq.docx", sha256="abc")
    assert caught.value.location == "sha256"


def test_result_cells_merged_down_and_cut_at_the_row_line_are_joined_for_both_rows():
    parsed = read(
        [
            row(
                "2.1",
                "Birinci",
                "RİNN",
                "",
                "2025",
                "Metodologiyanın",
                "Sorğuların",
                "Proqramların",
            ),
            row("2.2", "İkinci", "RİNN", "", "2025", "hazırlanması", "keçirilməsi", "icrası"),
        ]
    )
    first, second = parsed.strategy.measures
    assert stages(first) == stages(second) == (
        "Metodologiyanın hazırlanması", "Sorğuların keçirilməsi", "Proqramların icrası",
    )  # fmt: skip
    assert {flag.measure for flag in parsed.flags if flag.field == "results"} == {"2.1", "2.2"}


def test_headline_indicators_come_from_the_front_text_and_gaps_are_flagged():
    front = FRONT + (
        "\n4. Hədəf göstəriciləri\n2026 2027\n"
        "4.1.1. Yeni startapların sayı ədəd 30 80\n"
        "4.1.2. Təlim keçmiş vətəndaşların sayı nəfər – 3.000\n"
        "5. Məqsədlər\n"
    )
    parsed = plan_from_rows(front, HEADER, [row(*MEASURE)], file_name="s.docx", sha256="0" * 64)
    assert [(i.number, i.unit, i.targets) for i in parsed.strategy.indicators] == [
        ("4.1.1", "ədəd", {2026: 30, 2027: 80}),
        ("4.1.2", "nəfər", {2027: 3000}),
    ]
    assert [flag.field for flag in parsed.flags] == ["indicator:4.1.2"]
