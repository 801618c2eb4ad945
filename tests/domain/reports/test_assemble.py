"""The report says what its input says, in the promised order, every label translatable."""

from __future__ import annotations

from dataclasses import replace

import pytest

from hedef.domain.core import i18n
from hedef.domain.reports import InconsistentReportData, assemble
from hedef.domain.reports.checks import problems
from hedef.domain.reports.formatting import format_number, format_share
from hedef.domain.reports.model import (
    BulletList,
    Chart,
    Heading,
    KeyFiguresBlock,
    Note,
    Paragraph,
    RowKind,
)
from tests.helpers.translation import untranslated

SINGLE_ORDER = [
    "summary",
    "status",
    "measures",
    "indicators",
    "overdue",
    "timeliness",
    "readiness",
    "annex",
]


def blocks_of(report, key):
    (section,) = [section for section in report.sections if section.key == key]
    return section.blocks


def table(report, key):
    (found,) = [t for t in report.tables() if t.key == key]
    return found


def test_sample_input_is_consistent(data_az, consolidated_data):
    assert problems(data_az) == ()
    assert problems(consolidated_data) == ()


def test_strategy_report_chapters_in_order(report_az):
    assert [section.key for section in report_az.sections] == SINGLE_ORDER
    titles = [section.title for section in report_az.sections]
    assert titles[:7] == [
        "1. Executive summary",
        "2. Status by goal and direction",
        "3. Measures",
        "4. Headline indicators",
        "5. Overdue and returned items",
        "6. Agency reporting timeliness",
        "7. Digital readiness rating",
    ]
    assert [section.wide for section in report_az.sections].count(True) == 1


def test_consolidated_report_nests_chapters_under_each_strategy(consolidated_report):
    keys = [section.key for section in consolidated_report.sections]
    assert keys == [
        "summary",
        "s1",
        "s1-status",
        "s1-measures",
        "s1-indicators",
        "s1-overdue",
        "s2",
        "s2-status",
        "s2-measures",
        "s2-indicators",
        "s2-overdue",
        "timeliness",
        "readiness",
        "annex",
    ]
    levels = {section.key: section.level for section in consolidated_report.sections}
    assert levels["s1"] == 1 and levels["s1-measures"] == 2
    titles = {section.key: section.title for section in consolidated_report.sections}
    assert titles["s2-measures"] == "3.2. Measures"
    assert titles["timeliness"].startswith("4. ")
    assert [act for _title, act in consolidated_report.cover.strategies] == [
        "Azərbaycan Respublikası Prezidentinin Sərəncamı ilə təsdiq edilmişdir."
    ] * 2


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("measures", lambda f: str(f.measures)),
        ("completed", lambda f: str(f.count("completed"))),
        ("on_schedule", lambda f: str(f.count("on_schedule"))),
        ("behind_or_overdue", lambda f: str(f.count("behind") + f.count("overdue"))),
        ("not_reported", lambda f: str(f.count("not_reported"))),
        ("indicators_on_track", lambda f: f"{f.indicators_on_track} / {f.indicators}"),
        ("mean_attainment", lambda f: format_share(f.mean_attainment, language="az")),
        ("reports_on_time", lambda f: format_share(f.on_time_share, language="az")),
        ("reports_returned", lambda f: str(f.reports_returned)),
        ("disagreements", lambda f: str(f.disagreements)),
    ],
)
def test_key_figures_are_the_input_figures(report_az, data_az, key, value):
    block = next(b for b in blocks_of(report_az, "summary") if isinstance(b, KeyFiguresBlock))
    figures = {figure.key: figure.value for figure in block.figures}
    assert figures[key] == value(data_az.key_figures)


def test_measure_table_lists_every_measure_once_in_plan_order(report_az, data_az):
    measures = table(report_az, "digital-economy-2026-2029-measures")
    body = [row for row in measures.rows if row.kind is RowKind.BODY]
    assert [row.cells[0].text for row in body] == [m.number for m in data_az.sections[0].measures]
    groups = [row.cells[0].text for row in measures.rows if row.kind is RowKind.GROUP]
    assert len(groups) == len(data_az.sections[0].directions)
    assert groups[0].startswith("8.1.1 ")


def test_measure_row_shows_status_stage_and_flag(report_az, data_az):
    measures = table(report_az, "digital-economy-2026-2029-measures")
    rows = {row.cells[0].text: row for row in measures.rows if row.kind is RowKind.BODY}
    for measure in data_az.sections[0].measures:
        cells = rows[measure.number].cells
        assert cells[6].status == measure.status
        assert cells[8].flag is measure.disagrees
        assert cells[8].text.endswith("⚑") is measure.disagrees
        assert cells[7].text == (
            "—"
            if measure.percent_complete is None
            else format_number(measure.percent_complete, language="az") + "%"
        )


def test_status_tables_add_up(report_az, data_az):
    goals = table(report_az, "digital-economy-2026-2029-status-goals")
    total_row = goals.rows[-1]
    assert total_row.kind is RowKind.TOTAL
    assert total_row.cells[-1].text == str(data_az.key_figures.measures)
    summary = table(report_az, "summary-status")
    counts = {row.cells[0].status: row.cells[1].text for row in summary.rows if row.cells[0].status}
    assert counts == {key: str(n) for key, n in data_az.key_figures.by_status.items()}


def test_every_indicator_has_heading_chart_sentence_and_values(report_az, data_az):
    blocks = blocks_of(report_az, "indicators")
    charts = [b for b in blocks if isinstance(b, Chart)]
    headings = [b.text for b in blocks if isinstance(b, Heading)]
    indicators = data_az.sections[0].indicators
    assert len(charts) == len(indicators) == 7
    assert headings == [f"{i.number} {i.name}" for i in indicators]
    sentences = [b.text for b in blocks if isinstance(b, Paragraph)]
    for indicator in indicators:
        assert any(s.startswith(indicator.forecast.sentence) for s in sentences)
        values = table(report_az, f"indicator-{indicator.number}-values")
        years = [row.cells[0].text for row in values.rows]
        assert "2025 (baseline)" in years and "30.06.2028" in years and "2029" in years


def test_readiness_table_never_shows_a_bare_rank(report_az, data_az):
    rating = table(report_az, "readiness")
    assert [column.header for column in rating.columns][:3] == [
        "Rank",
        "Rank interval, 90%",
        "Median rank",
    ]
    for row, source in zip(rating.rows, data_az.readiness, strict=True):
        low, high = int(source.rank_p5), int(source.rank_p95)
        assert row.cells[1].text == (str(low) if low == high else f"{low}–{high}")
    notes = [b.text for b in blocks_of(report_az, "readiness") if isinstance(b, Note)]
    assert "90% of 1000 simulations" in notes[0]


def test_overdue_and_returned_items_are_listed(report_az, data_az):
    section = data_az.sections[0]
    overdue = table(report_az, "digital-economy-2026-2029-overdue")
    assert [row.cells[0].text for row in overdue.rows] == [item.number for item in section.overdue]
    returned = table(report_az, "digital-economy-2026-2029-returned")
    assert [row.cells[5].text for row in returned.rows] == [
        item.reason for item in section.returned
    ]


def test_empty_chapters_say_so(data_az):
    section = replace(data_az.sections[0], overdue=(), returned=(), indicators=())
    figures = replace(section.key_figures, indicators=0)
    data = replace(
        data_az,
        sections=(replace(section, key_figures=figures),),
        key_figures=figures,
        timeliness=(),
        readiness=(),
        methodology="",
        audit_head_hash="",
    )
    report = assemble(data)
    texts = [b.text for s in report.sections for b in s.blocks if isinstance(b, Paragraph)]
    for sentence in (
        "No measure or report is overdue.",
        "No report was returned in this cycle.",
        "This strategy has no headline indicators.",
        "No report was due in this cycle.",
        "The rating has not been computed for this cycle.",
        "The methodology is published separately.",
        "No audit chain head was recorded for this cycle.",
    ):
        assert sentence in texts


def test_attention_list_names_the_measures_off_track(report_az, data_az):
    (attention,) = [b for b in blocks_of(report_az, "summary") if isinstance(b, BulletList)]
    lines = ["".join(run.text for run in item) for item in attention.items]
    behind = [m.number for m in data_az.sections[0].measures if m.status == "behind"]
    assert f"Measures behind schedule: {', '.join(behind)}" in lines


def test_annex_carries_methodology_and_full_audit_hash(report_az, data_az):
    blocks = blocks_of(report_az, "annex")
    texts = [getattr(b, "text", "") for b in blocks]
    assert data_az.audit_head_hash in texts
    assert "Hədəf evaluation methodology" in texts
    assert report_az.cover.audit_line.endswith(data_az.audit_head_hash[-8:])


def test_head_of_an_unpublished_cycle_is_labelled_as_the_current_one(data_az):
    with untranslated():
        report = assemble(replace(data_az, audit_head_recorded=False))
    texts = [getattr(b, "text", "") for b in blocks_of(report, "annex")]
    assert data_az.audit_head_hash in texts
    assert any("The cycle is not published yet" in text for text in texts)
    assert not any("recorded for this reporting cycle" in text for text in texts)
    assert report.cover.audit_line.startswith(
        "Audit chain head when this report was produced (the cycle is not published): "
    )


def test_every_label_goes_through_gettext(monkeypatch, data_az):
    """With a marking translator every label is marked; only data stay unmarked."""
    monkeypatch.setattr(i18n, "_translate", lambda message: f"⟦{message}⟧")
    report = assemble(data_az)
    headers = [column.header for t in report.tables() for column in t.columns]
    data_headers = {
        c.header for t in report.tables() if t.key.startswith("methodology") for c in t.columns
    }
    assert all(h.startswith("⟦") for h in headers if h not in data_headers)
    assert all("⟦" in section.title for section in report.sections)
    key_figures = next(b for b in report.sections[0].blocks if isinstance(b, KeyFiguresBlock))
    assert all(figure.label.startswith("⟦") for figure in key_figures.figures)
    assert report.page_label.startswith("⟦") and report.contents_title.startswith("⟦")
    assert all(label.startswith("⟦") for label, _value in report.cover.facts)


@pytest.mark.parametrize(
    ("change", "code", "where"),
    [
        (lambda s: replace(s, measures=s.measures[:-1]), "count_mismatch", "section 1, measures"),
        (
            lambda s: replace(s, key_figures=replace(s.key_figures, indicators=6)),
            "count_mismatch",
            "section 1, indicators",
        ),
        (
            lambda s: replace(
                s,
                goals=(
                    replace(s.goals[0], counts={**s.goals[0].counts, "behind": 99}),
                    *s.goals[1:],
                ),
            ),
            "count_mismatch",
            "section 1, goal 8.1 behind",
        ),
        (
            lambda s: replace(s, measures=(replace(s.measures[0], status="late"), *s.measures[1:])),
            "unknown_status",
            "section 1, measure 8.1.1.1",
        ),
    ],
)
def test_contradictory_input_is_refused_with_the_place(data_az, change, code, where):
    data = replace(data_az, sections=(change(data_az.sections[0]),))
    with pytest.raises(InconsistentReportData) as refused:
        assemble(data)
    assert refused.value.code == "inconsistent_report_data"
    assert any(p.code == code and p.where.startswith(where) for p in refused.value.problems)


def test_report_total_must_equal_the_sections(data_az):
    data = replace(data_az, key_figures=replace(data_az.key_figures, measures=51))
    assert [p.where for p in problems(data)] == ["report, measures"]
    assert assemble(data, check=False).sections  # the caller may still look at it
