"""Rebuilding action-plan rows from interleaved text, through :func:`parse_text`.

Each case is a small plan laid out the way PDF text extraction lays out the
family's tables (cells one after another in short lines); the document around it
is the same everywhere.
"""

from __future__ import annotations

import textwrap

import pytest

from hedef.domain.ingest import IngestionError, ParsedPlan, parse_text
from hedef.domain.plans.model import RELEVANT_BODIES, Measure, Period, Stage

COVER = """\
Azərbaycan Respublikası Prezidentinin
2025-ci il 16 yanvar tarixli Fərmanı ilə
təsdiq edilmişdir

Azərbaycan Respublikasında
Sınaq Konsepsiyası

2

1. Qısa xülasə
Bu Konsepsiya dövlət qurumlarında rəqəmsal inkişafın əsas istiqamətlərini,
məqsədlərini və həyata keçiriləcək tədbirləri müəyyən edir. Tədbirlərin icrası
mütəmadi olaraq izlənilir və nəticələr hər il qiymətləndirilir.

8. Konsepsiyanın həyata keçirilməsi üzrə Tədbirlər Planı

Tədbirin adı

Əsas
icraçı

Digər
icraçılar

İcra müddəti

ilkin nəticələr aralıq nəticələr yekun nəticələr

"""
ACRONYMS = """
9. Akronimlər və ixtisarlar
RİNN – Azərbaycan Respublikasının Rəqəmsal İnkişaf və Nəqliyyat Nazirliyi
DTX – Azərbaycan Respublikasının Dövlət Təhlükəsizliyi Xidməti
İN – Azərbaycan Respublikasının İqtisadiyyat Nazirliyi
ETN – Azərbaycan Respublikasının Elm və Təhsil Nazirliyi
"""


def parse(plan: str) -> ParsedPlan:
    text = COVER + textwrap.dedent(plan).strip("\n") + "\n" + ACRONYMS
    return parse_text(text, file_name="sinaq.txt", sha256="0" * 64)


def measure(parsed: ParsedPlan, number: str) -> Measure:
    return next(m for m in parsed.strategy.measures if m.number == number)


def stages(item: Measure) -> tuple[str, str, str]:
    return item.results[Stage.INITIAL], item.results[Stage.INTERIM], item.results[Stage.FINAL]


def flagged(parsed: ParsedPlan, number: str | None) -> set[str]:
    return {flag.field for flag in parsed.flags if flag.measure == number}


ONE_ROW = """
1. Dövlət idarəetməsinin rəqəmsallaşdırılması

1.1. Rəqəmsal inkişafın təhlili

1.1.1. Dövlət qurumlarının
rəqəmsallaşma
səviyyəsinin diaqnostikası

RİNN DTX,
İN

2025–2026 Diaqnostika
üçün işçi qrupun
yaradılması

12 dövlət qurumunun
diaqnostikasının həyata
keçirilməsi

Dövlət qurumlarının
rəqəmsallaşma
səviyyəsinin artırılması
"""


def test_a_row_is_rebuilt_cell_by_cell():
    item = measure(parse(ONE_ROW), "1.1.1")
    assert item.title == "Dövlət qurumlarının rəqəmsallaşma səviyyəsinin diaqnostikası"
    assert (item.lead, item.co_executors) == (("RİNN",), ("DTX", "İN"))
    assert item.period == Period(2025, 2026, "2025–2026")
    assert stages(item) == (
        "Diaqnostika üçün işçi qrupun yaradılması",
        "12 dövlət qurumunun diaqnostikasının həyata keçirilməsi",
        "Dövlət qurumlarının rəqəmsallaşma səviyyəsinin artırılması",
    )
    assert [(t.stage, t.value, t.unit) for t in item.targets] == [(Stage.INTERIM, 12, "qurum")]


def test_the_plan_tree_and_the_strategy_around_it():
    parsed = parse(ONE_ROW)
    strategy = parsed.strategy
    assert [(n.number, n.level, n.parent) for n in strategy.nodes] == [
        ("1", "goal", None),
        ("1.1", "direction", "1"),
    ]
    assert measure(parsed, "1.1.1").parent == "1.1"
    assert (strategy.title, strategy.period_start, strategy.period_end) == (
        "Azərbaycan Respublikasında Sınaq Konsepsiyası",
        2025,
        2026,
    )
    assert strategy.code == "sinaq-konsepsiyasi-2025-2026"
    assert [a.acronym for a in strategy.agencies] == ["RİNN", "DTX", "İN", "ETN"]
    first, last = parsed.source_lines["1.1.1"]
    lines = (COVER + ONE_ROW.strip("\n")).split("\n")
    assert (lines[first - 1], lines[last - 1]) == (
        "1.1.1. Dövlət qurumlarının",
        "səviyyəsinin artırılması",
    )


LAYOUTS = [
    # number alone on its line, blank lines inside cells, lead and co on separate lines,
    # period with an ASCII hyphen, keyword headings two levels deep
    (
        """
        Məqsəd 8.1. Rəqəmsal iqtisadiyyatın inkişafı
        Prioritet istiqamət 8.1.1. Müəssisələrin transformasiyası

        8.1.1.1.

        Rəqəmsal həllər
        platformasının

        yaradılması

        İN
        RİNN,
        DTX

        2026-2029

        Platformanın
        konsepsiyasının

        hazırlanması

        Platformanın istifadəyə
        verilməsi və azı 20

        təchizatçının qeydiyyatı

        Müəssisələrin
        payının 20 faizə

        çatması
        """,
        "8.1.1.1",
        ("İN",),
        ("RİNN", "DTX"),
        Period(2026, 2029, "2026-2029"),
        (
            "Platformanın konsepsiyasının hazırlanması",
            "Platformanın istifadəyə verilməsi və azı 20 təchizatçının qeydiyyatı",
            "Müəssisələrin payının 20 faizə çatması",
        ),
    ),
    # a measure straight under a goal, "mütəmadi", "və digər aidiyyəti qurumlar"
    (
        """
        2. Kadr potensialının inkişafı

        2.1. Əhalinin rəqəmsal
        savadlılığının artırılması

        İN RİNN və
        digər

        aidiyyəti
        qurumlar

        mütəmadi Metodologiyanın
        müəyyənləşdirilməsi

        Sorğuların
        keçirilməsi

        Proqramların
        hazırlanması
        """,
        "2.1",
        ("İN",),
        ("RİNN", RELEVANT_BODIES),
        Period(None, None, "mütəmadi"),
        (
            "Metodologiyanın müəyyənləşdirilməsi",
            "Sorğuların keçirilməsi",
            "Proqramların hazırlanması",
        ),
    ),
]


@pytest.mark.parametrize(("plan", "number", "lead", "co", "period", "results"), LAYOUTS)
def test_other_layouts(plan, number, lead, co, period, results):
    item = measure(parse(plan), number)
    assert (item.lead, item.co_executors, item.period, stages(item)) == (lead, co, period, results)


MERGED_ACROSS_STAGES = """
1. Məqsəd başlığı

1.1. Tədbirin
adı

RİNN İN 2025–2027 Prioritetlərin
müəyyən edilməsi

Dövlət qurumları daxilində bütün əməliyyatların 80%-
nin rəqəmsal şəkildə həyata keçirilməsi

1.2. İkinci tədbirin
adı

RİNN İN 2025–2027 Təhlillərin
aparılması

Hesabatların
hazırlanması

Tövsiyələrin
verilməsi
"""


def test_a_cell_twice_as_wide_spans_two_stages_and_gets_both():
    parsed = parse(MERGED_ACROSS_STAGES)
    merged = (
        "Dövlət qurumları daxilində bütün əməliyyatların 80%-nin "
        "rəqəmsal şəkildə həyata keçirilməsi"
    )
    assert stages(measure(parsed, "1.1")) == ("Prioritetlərin müəyyən edilməsi", merged, merged)
    assert "results.final" in flagged(parsed, "1.1")


PAGE_BREAK = """
1. Məqsəd başlığı

1.1. Tədbirin adı

RİNN İN 2025–2027 Sahibkarlıq
subyektləri üçün işçi
qrupun yaradılması və

Beynəlxalq təcrübə
əsasında diaqnostikanın
(müvafiq internet
informasiya ehtiyatı

Dəstək tədbirlərinin
təşkil edilməsi
 meyarların
müəyyənləşdirilməsi

vasitəsilə) aparılması
"""


def test_text_after_a_page_break_rejoins_the_cells_it_continues():
    parsed = parse(PAGE_BREAK)
    assert stages(measure(parsed, "1.1")) == (
        "Sahibkarlıq subyektləri üçün işçi qrupun yaradılması və meyarların müəyyənləşdirilməsi",
        "Beynəlxalq təcrübə əsasında diaqnostikanın (müvafiq internet informasiya ehtiyatı "
        "vasitəsilə) aparılması",
        "Dəstək tədbirlərinin təşkil edilməsi",
    )
    assert {"results.initial", "results.interim"} <= flagged(parsed, "1.1")


MERGED_DOWN = """
2. Məqsəd başlığı

2.1. Savadlılığın
qiymətləndirilməsi

RİNN ETN 2025–2027 Metodologiyanın
müəyyənləşdirilməsi

Sorğuların
keçirilməsi

Proqramların
hazırlanması

2.2. Hazırlığın
artırılması

RİNN ETN 2025–2027
"""


def test_a_row_without_results_shares_those_of_the_row_above():
    parsed = parse(MERGED_DOWN)
    assert stages(measure(parsed, "2.2")) == stages(measure(parsed, "2.1"))
    assert "results" in flagged(parsed, "2.2")


PERIOD_MERGED_DOWN = """
1. Məqsəd başlığı

1.1. Birinci tədbirin
adı

RİNN İN 2025–2027 Birinci nəticənin
əldə edilməsi

İkinci nəticənin
əldə edilməsi

Üçüncü nəticənin
əldə edilməsi

1.2. İkinci tədbirin
adı

ETN DTX

Təhlillərin
aparılması

Hesabatların
hazırlanması

Tövsiyələrin
verilməsi
"""


def test_a_row_without_a_period_takes_the_period_of_the_row_above():
    parsed = parse(PERIOD_MERGED_DOWN)
    item = measure(parsed, "1.2")
    assert (item.title, item.lead, item.co_executors) == ("İkinci tədbirin adı", ("ETN",), ("DTX",))
    assert item.period == measure(parsed, "1.1").period
    assert stages(item) == (
        "Təhlillərin aparılması",
        "Hesabatların hazırlanması",
        "Tövsiyələrin verilməsi",
    )
    assert "period" in flagged(parsed, "1.2")


MISNUMBERED_HEADING = """
9.1. Dövlət idarəetməsinin rəqəmsallaşdırılması

1.1. Rəqəmsal inkişafın təhlili

1.1.1. Tədbirin adı

RİNN İN 2025 Birinci nəticənin
əldə edilməsi

İkinci nəticənin
əldə edilməsi

Üçüncü nəticənin
əldə edilməsi
"""


HEADING_STYLES = [
    # (headings, numbers and levels of the plan's nodes)
    (
        "Strateji məqsəd 1: Birinci\nStrateji istiqamət 1.1: İkinci",
        [("1", "goal"), ("1.1", "direction")],
    ),
    ("II. Birinci\n2.1. İkinci", [("2", "goal"), ("2.1", "direction")]),
    (
        "1. Birinci\n1.1. İkinci\n1.1.1. Üçüncü",
        [("1", "goal"), ("1.1", "direction"), ("1.1.1", "direction")],
    ),
]


@pytest.mark.parametrize(("headings", "nodes"), HEADING_STYLES)
def test_heading_styles(headings, nodes):
    last = nodes[-1][0]
    plan = f"{headings}\n\n{last}.1. Tədbir\n\nRİNN İN 2025 Birinci\nnəticə\n\nİkinci\nnəticə\n"
    parsed = parse(plan)
    assert [(n.number, n.level) for n in parsed.strategy.nodes] == nodes
    assert parsed.strategy.measures[0].parent == last


def test_a_misprinted_heading_number_is_read_from_the_items_under_it():
    parsed = parse(MISNUMBERED_HEADING)
    assert [(n.number, n.level) for n in parsed.strategy.nodes] == [
        ("1", "goal"),
        ("1.1", "direction"),
    ]
    assert "heading:1" in flagged(parsed, None)


STAGE_LABELS = """
1. Məqsəd başlığı

1.1. Tədbirin adı

RİNN İN 2025–2027 İlkin nəticə: planın hazırlanması; Aralıq nəticə: planın
təsdiqi; Yekun nəticə: planın icrası
"""


def test_results_that_label_their_stages_are_split_at_the_labels():
    assert stages(measure(parse(STAGE_LABELS), "1.1")) == (
        "planın hazırlanması",
        "planın təsdiqi",
        "planın icrası",
    )


RUN_ON = """
1. Məqsəd başlığı

1.1. Tədbirin adı

RİNN İN 2025–2027 Metodologiyanın
müəyyənləşdirilməsi
Sorğuların keçirilməsi
və göstəricilərin hesablanması
Proqramların
hazırlanması
"""


def test_results_without_gaps_are_split_where_one_ends_and_the_next_begins():
    assert stages(measure(parse(RUN_ON), "1.1")) == (
        "Metodologiyanın müəyyənləşdirilməsi",
        "Sorğuların keçirilməsi və göstəricilərin hesablanması",
        "Proqramların hazırlanması",
    )


PAGE_FURNITURE = """
1. Məqsəd başlığı

1.1. Tədbirin adı

RİNN İN 2025–2027 Metodologiyanın
müəyyənləşdirilməsi

19

Tədbirin adı

Əsas
icraçı

Digər
icraçılar

İcra müddəti

Sorğuların
keçirilməsi

Proqramların
hazırlanması
"""


def test_page_numbers_and_repeated_column_headings_are_not_cell_text():
    assert stages(measure(parse(PAGE_FURNITURE), "1.1")) == (
        "Metodologiyanın müəyyənləşdirilməsi",
        "Sorğuların keçirilməsi",
        "Proqramların hazırlanması",
    )


UNKNOWN_ACRONYM = """
1. Məqsəd başlığı

1.1. Tədbirin adı

RİNN XYZ, İN 2025–2027 Birinci nəticənin
əldə edilməsi

İkinci nəticənin
əldə edilməsi

Üçüncü nəticənin
əldə edilməsi
"""


def test_an_executor_missing_from_the_acronym_list_is_kept_and_flagged():
    parsed = parse(UNKNOWN_ACRONYM)
    assert measure(parsed, "1.1").co_executors == ("XYZ", "İN")
    assert parsed.unknown_acronyms == ("XYZ",)
    assert "acronym:XYZ" in flagged(parsed, None)


BAD_INPUT = [
    # (text, words the one message must contain)
    ("", "empty"),
    ("   \n\t\n", "empty"),
    ("\x00\x01\x02binary\x03\x04" * 50, "binary"),
    ("The Digital Economy Strategy sets out measures and targets. " * 20, "Azerbaijani"),
    ("Стратегия развития цифровой экономики определяет меры и цели. " * 20, "Azerbaijani"),
    (COVER.split("8. Konsepsiyanın")[0] + "Bu sənəddə tədbirlər planı yoxdur. " * 5, "action plan"),
]


@pytest.mark.parametrize(("text", "words"), BAD_INPUT)
def test_bad_input_is_refused_with_one_clear_message(text, words):
    with pytest.raises(IngestionError) as caught:
        parse_text(text, file_name="pis.txt", sha256="0" * 64)
    assert words in caught.value.message
    assert caught.value.location.startswith("pis.txt")
