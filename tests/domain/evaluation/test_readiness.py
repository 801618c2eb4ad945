"""The agencies' digital-readiness rating: its table from roll-ups and the CLI helper."""

from datetime import date

import pytest

from hedef.domain.evaluation.composite import (
    builtin_index_path,
    compute_index,
    load_index_definition,
    main,
)
from hedef.domain.evaluation.errors import InvalidIndexDefinition, UnreadableTable
from hedef.domain.evaluation.readiness import readiness_table
from hedef.domain.evaluation.rollup import GroupBy, MeasureRecord, rollup
from tests.fixtures import UN_EGOV_DIR

DUE = date(2026, 1, 31)


def record(number, agency, status, submitted, attainment=None):
    return MeasureRecord(
        number=number,
        strategy="RİS",
        status=status,
        lead=(agency,),
        attainment=attainment,
        submitted_at=submitted,
        due_at=DUE,
    )


RECORDS = [
    record("1", "RİNN", "on_schedule", DUE, 0.9),
    record("2", "RİNN", "completed", DUE, 1.1),
    record("3", "ETN", "behind", date(2026, 2, 20), 0.4),
    record("4", "ETN", "on_schedule", None, 0.6),
    record("5", "İİTKM", "overdue", date(2026, 2, 2)),
]


def test_readiness_table_from_rollups():
    table = readiness_table(rollup(RECORDS, by=GroupBy.LEAD_AGENCY))
    assert table.units == ("ETN", "İİTKM", "RİNN")
    assert table.columns == ("timeliness", "on_schedule", "attainment")
    etn = table.values[0].tolist()
    assert etn == pytest.approx([0.0, 0.5, 0.5])
    rinn = table.values[2].tolist()
    assert rinn == pytest.approx([1.0, 1.0, 1.0])


def test_indicator_attainment_given_per_agency_takes_precedence():
    table = readiness_table(
        rollup(RECORDS, by=GroupBy.LEAD_AGENCY), attainment={"İİTKM": 0.7, "ETN": None}
    )
    assert table.column("attainment").tolist() == pytest.approx([0.5, 0.7, 1.0])


def test_readiness_rating_ranks_the_agencies():
    definition = load_index_definition(builtin_index_path("readiness"))
    table = readiness_table(rollup(RECORDS, by=GroupBy.LEAD_AGENCY))
    result = compute_index(definition, table, draws=200, seed=1)
    assert [row.unit for row in result.rows] == ["RİNN", "ETN", "İİTKM"]
    assert result.rows[0].score == 1.0
    assert result.rows[0].group == "advanced"
    # İİTKM had no attainment: the mean of the others stands in (missing: mean).
    assert result.excluded == ()


def test_main_loads_both_files_and_returns_json():
    data = main(builtin_index_path("egdi"), UN_EGOV_DIR / "EGOV_DATA_2022.csv", draws=50)
    assert data["index"] == "egdi"
    assert data["edition"] == "2022"
    azerbaijan = next(row for row in data["rows"] if row["unit"] == "Azerbaijan")
    assert (azerbaijan["score"], azerbaijan["rank"], azerbaijan["group"]) == (0.6937, 83, "high")
    assert azerbaijan["rank_interval"]["p5"] <= 83 <= azerbaijan["rank_interval"]["p95"]


def test_main_with_a_readiness_csv(tmp_path):
    data_file = tmp_path / "readiness.csv"
    data_file.write_text(
        "Agency;Reporting timeliness;Measures on schedule;Indicator attainment\n"
        "RİNN;0,9;0,8;1,05\nETN;0,5;0,6;0,7\nİİTKM;0,7;0,9;\n",
        encoding="utf-8",
    )
    data = main(builtin_index_path("readiness"), data_file, draws=100)
    assert [row["unit"] for row in data["rows"]] == ["RİNN", "İİTKM", "ETN"]


def test_main_reports_bad_files(tmp_path):
    index = tmp_path / "index.yaml"
    index.write_text("key: x\nindicators: [{key: a}]\n", encoding="utf-8")
    with pytest.raises(InvalidIndexDefinition, match="names no column mapping"):
        main(index, tmp_path / "data.csv")
    with pytest.raises(UnreadableTable, match="cannot be read"):
        main(builtin_index_path("egdi"), tmp_path / "absent.csv")


def test_an_infinite_input_is_refused_not_ranked_as_nan():
    """The Python entry refuses inf as the CSV path does, naming the unit and the column."""
    with pytest.raises(UnreadableTable) as raised:
        readiness_table(rollup(RECORDS, by=GroupBy.LEAD_AGENCY), attainment={"ETN": float("inf")})
    assert (raised.value.params["unit"], raised.value.params["column"]) == ("ETN", "attainment")
    assert "'ETN', column 'attainment'" in str(raised.value)
