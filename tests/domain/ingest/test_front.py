"""Document-level readers: acronyms, title, period, act, indicators, executors, periods."""

from __future__ import annotations

import re

import pytest

from hedef.domain.ingest.errors import IngestionError
from hedef.domain.ingest.front import (
    parse_acronyms,
    parse_indicators,
    parse_period,
    parse_title_period_act,
    split_executors,
    strategy_code,
)
from hedef.domain.plans.model import (
    ENTREPRENEURS,
    RELEVANT_BODIES,
    AgencyAlias,
    ApprovingAct,
    Period,
)

ACRONYM_SECTION = """
9. Akronimlər və ixtisarlar
RİNN – Azərbaycan Respublikasının Rəqəmsal İnkişaf və Nəqliyyat Nazirliyi
ƏN - Azərbaycan Respublikasının Ədliyyə Nazirliyi
XRİTDX − Azərbaycan Respublikasının Xüsusi Rabitə və İnformasiya Təhlükəsizliyi Dövlət
Xidməti
AMEA – Azərbaycan Milli Elmlər Akademiyası.
RİNN – a second definition that must not win
"""


def test_acronym_list_is_read_with_every_dash_and_wrapped_names():
    assert parse_acronyms(ACRONYM_SECTION) == (
        AgencyAlias("RİNN", "Azərbaycan Respublikasının Rəqəmsal İnkişaf və Nəqliyyat Nazirliyi"),
        AgencyAlias("ƏN", "Azərbaycan Respublikasının Ədliyyə Nazirliyi"),
        AgencyAlias(
            "XRİTDX",
            "Azərbaycan Respublikasının Xüsusi Rabitə və İnformasiya Təhlükəsizliyi Dövlət Xidməti",
        ),
        AgencyAlias("AMEA", "Azərbaycan Milli Elmlər Akademiyası"),
    )


def test_table_of_contents_entry_is_not_the_acronym_list():
    text = "9. Akronimlər və ixtisarlar ........ 25\n\nMətn.\n" + ACRONYM_SECTION
    assert [alias.acronym for alias in parse_acronyms(text)] == ["RİNN", "ƏN", "XRİTDX", "AMEA"]


def test_document_without_acronym_list_has_no_aliases():
    assert parse_acronyms("Azərbaycan Respublikasında rəqəmsal inkişaf.") == ()


COVER_WITH_STAMP = """
Azərbaycan Respublikası Prezidentinin

2025-ci il 16 yanvar tarixli Fərmanı ilə

təsdiq edilmişdir

Azərbaycan Respublikasında

Rəqəmsal İnkişaf Konsepsiyası

2

Mündəricat
8. Tədbirlər Planı
Tədbirin adı Əsas icraçı İcra müddəti
1.1. Başlıq
1.1.1. Tədbir
RİNN 2025–2026 Nəticə
RİNN 2027 Nəticə
"""

ORDER_WITH_QUOTED_TITLE = """ AZƏRBAYCAN RESPUBLİKASI PREZİDENTİNİN SƏRƏNCAMI
Azərbaycan Respublikası Prezidentinin 2022-ci il 22 iyul tarixli 3378 nömrəli Sərəncamının
icrası ilə:
1. “Azərbaycan Respublikasında rəqəmsal iqtisadiyyatın inkişafına dair 2026–2029-cu illər üçün
Strategiya” (bundan sonra – Strategiya) təsdiq edilsin (əlavə olunur).
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a cover page with an approval stamp; the period comes from the plan's periods
        (
            COVER_WITH_STAMP,
            (
                "Azərbaycan Respublikasında Rəqəmsal İnkişaf Konsepsiyası",
                2025,
                2027,
                ApprovingAct("Fərman", None, "2025-01-16"),
            ),
        ),
        # an order quoting the title with its years; a referenced older order is not the act
        (
            ORDER_WITH_QUOTED_TITLE,
            (
                "Azərbaycan Respublikasında rəqəmsal iqtisadiyyatın inkişafına dair "
                "2026–2029-cu illər üçün Strategiya",
                2026,
                2029,
                ApprovingAct("Sərəncam"),
            ),
        ),
    ],
)
def test_title_period_and_act(text, expected):
    assert parse_title_period_act(text) == expected


def test_cover_title_in_capitals_is_set_in_sentence_case():
    text = (
        "Azərbaycan Respublikasında süni intellekt üzrə 2025–2028-ci illər üçün\nSTRATEGİYA\n\n2\n"
    )
    title, start, end, act = parse_title_period_act(text)
    assert title.endswith("üçün Strategiya")
    assert (start, end, act) == (2025, 2028, None)


def test_document_without_title_is_refused():
    with pytest.raises(IngestionError) as caught:
        parse_title_period_act("Bu sadəcə bir cümlədir.")
    assert caught.value.location == "title"


INDICATORS = """
4. Strategiyanın hədəf göstəriciləri
4.1. Strategiyanın icrası nəticəsində aşağıdakı hədəflərə nail olunması gözlənilir:
Sıra
№-si

Hədəf indikatoru Ölçü
vahidi

2026 2027 2028 2029

4.1.1. Rəqəmsal transformasiya
proqramlarında iştirak edən
müəssisələrin sayı

ədəd 50 100 180 300

4.1.3. Yeni startapların sayı ədəd 30 80 155 250
4.1.5. Təlim keçmiş vətəndaşların
sayı

nəfər 3.000 8.000 20.000 40.000

4.1.6. Ümumi məşğulluqda
y ü k s ə k i x t i s a s l ı İKT
mütəxəssislərinin payı

% 1.66 1.71 1.76 1.87
4.1.8. Hələ ölçülməyən göstərici ədəd – – – –

5. Strategiyanın məqsədləri
"""


def test_headline_indicators_are_read_with_units_and_yearly_targets():
    indicators = parse_indicators(INDICATORS)
    assert [(i.number, i.name, i.unit, i.targets) for i in indicators] == [
        (
            "4.1.1",
            "Rəqəmsal transformasiya proqramlarında iştirak edən müəssisələrin sayı",
            "ədəd",
            {2026: 50, 2027: 100, 2028: 180, 2029: 300},
        ),
        ("4.1.3", "Yeni startapların sayı", "ədəd", {2026: 30, 2027: 80, 2028: 155, 2029: 250}),
        # "3.000" is three thousand
        (
            "4.1.5",
            "Təlim keçmiş vətəndaşların sayı",
            "nəfər",
            {2026: 3000, 2027: 8000, 2028: 20000, 2029: 40000},
        ),
        # letter-spaced words are closed up; decimals stay decimals
        (
            "4.1.6",
            "Ümumi məşğulluqda yüksəkixtisaslı İKT mütəxəssislərinin payı",
            "%",
            {2026: 1.66, 2027: 1.71, 2028: 1.76, 2029: 1.87},
        ),
    ]


def test_document_without_indicator_table_has_no_indicators():
    assert parse_indicators("4. Hədəf göstəriciləri\nMətn, cədvəl yoxdur.\n5. Məqsədlər\n") == ()


KNOWN = ["RİNN", "DTX", "XRİTDX", "İN", "ƏN"]


@pytest.mark.parametrize(
    ("cell", "executors", "doubts"),
    [
        ("RİNN", ["RİNN"], 0),
        ("DTX, XRİTDX", ["DTX", "XRİTDX"], 0),
        ("DTX,\nXRİTDX\n\nvə aidiyyəti\nqurumlar", ["DTX", "XRİTDX", RELEVANT_BODIES], 0),
        ("RİNN və digər aidiyyəti qurumlar", ["RİNN", RELEVANT_BODIES], 0),
        ("Aidiyyəti qurumlar", [RELEVANT_BODIES], 0),
        ("aidiyyəti dövlət orqanları (qurumları)", [RELEVANT_BODIES], 0),
        ("ƏN, İN, sahibkarlıq\nsubyektləri", ["ƏN", "İN", ENTREPRENEURS], 0),
        ("RİNN DTX", ["RİNN", "DTX"], 0),  # separated by a space only
        ("RİNN, RİNN", ["RİNN"], 0),  # repeated once
        ("RİNN, XYZ", ["RİNN", "XYZ"], 1),  # not in the acronym list
        ("RİNN və bələdiyyələr", ["RİNN", "bələdiyyələr"], 0),  # a group of bodies
        ("Yerli icra hakimiyyəti orqanları", ["yerli icra hakimiyyəti orqanları"], 0),
        ("RİNN, mətbuat", ["RİNN", "mətbuat"], 1),  # neither acronym nor group of bodies
        ("DTX (razılaşdırılmaqla), İN və s.", ["DTX", "İN"], 0),  # an aside, "etc."
        ("", [], 0),
    ],
)
def test_split_executors(cell, executors, doubts):
    found, reasons = split_executors(cell, KNOWN)
    assert (found, len(reasons)) == (executors, doubts)


def test_split_executors_accepts_the_acronym_list_itself():
    assert split_executors("RİNN, DTX", [AgencyAlias("RİNN", "x"), AgencyAlias("DTX", "y")]) == (
        ["RİNN", "DTX"],
        [],
    )


@pytest.mark.parametrize(
    ("cell", "period"),
    [
        ("2026–2029", Period(2026, 2029, "2026–2029")),
        ("2026−2029", Period(2026, 2029, "2026−2029")),  # minus sign
        ("2026-2028", Period(2026, 2028, "2026-2028")),  # ASCII hyphen
        ("2025", Period(2025, 2025, "2025")),
        ("mütəmadi", Period(None, None, "mütəmadi")),
        ("Mütəmadi", Period(None, None, "mütəmadi")),
        ("2026–2027-ci illər", Period(2026, 2027, "2026–2027-ci illər")),
        ("Daimi", Period(None, None, "daimi")),
    ],
)
def test_parse_period(cell, period):
    assert parse_period(cell) == period


def test_period_cell_without_a_period_is_refused():
    with pytest.raises(IngestionError) as caught:
        parse_period("tezliklə")
    assert caught.value.location == "period"


@pytest.mark.parametrize(
    ("title", "start", "end", "code"),
    [
        (
            "Azərbaycan Respublikasında Rəqəmsal İnkişaf Konsepsiyası",
            2025,
            2027,
            "reqemsal-inkisaf-konsepsiyasi-2025-2027",
        ),
        (
            "Azərbaycan Respublikasında rəqəmsal iqtisadiyyatın inkişafına dair 2026–2029-cu illər "
            "üçün Strategiya",
            2026,
            2029,
            "reqemsal-iqtisadiyyatin-inkisafina-strategiya-2026-2029",
        ),
        ("Süni İntellekt Strategiyası", 2025, 2025, "suni-intellekt-strategiyasi-2025"),
    ],
)
def test_strategy_code_is_a_short_ascii_slug(title, start, end, code):
    assert strategy_code(title, start, end) == code
    assert re.fullmatch(r"[a-z0-9][a-z0-9-]*", code)
