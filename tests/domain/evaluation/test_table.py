"""Reading data tables by column mapping: odd headers, names, decimal marks."""

import math

import pytest

from hedef.domain.evaluation.composite import read_table, table_from_rows
from hedef.domain.evaluation.composite.definition import ColumnMapping
from hedef.domain.evaluation.composite.table import parse_decimal
from hedef.domain.evaluation.errors import UnreadableTable

MAPPING = ColumnMapping(
    unit="Country Name",
    edition="Survey Year",
    indicators={"osi": "Online Service Index", "tii": "Telecommunication Infrastructure Index"},
    extras={"published": "E-Government Index"},
)


def write(tmp_path, text, name="table.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_another_layout_is_read_by_header_text(tmp_path):
    """Reordered, oddly spaced, differently cased headers; semicolons; decimal commas."""
    path = write(
        tmp_path,
        "\ufeffTelecommunication  Infrastructure Index ;COUNTRY NAME;survey year;"
        " Online Service   Index;E-Government Index\n"
        '0,6761;"Azerbaijan ";2022;0,6119;0,6937\n'
        '0,8287;"Ireland ";2022;..;0,8567\n',
    )
    table = read_table(path, MAPPING)
    assert table.units == ("Azerbaijan", "Ireland")
    assert table.edition == "2022"
    assert table.columns == ("osi", "tii")
    assert table.values[0].tolist() == [0.6119, 0.6761]
    assert math.isnan(table.values[1, 0])  # ".." is missing
    assert table.extras["published"] == ("0,6937", "0,8567")


DECIMALS = [
    # (text, decimal setting, value)
    ("0.6937", "auto", 0.6937),
    ("0,6937", "auto", 0.6937),
    ("1.234,5", "auto", 1234.5),
    ("1,234.5", "auto", 1234.5),
    ("1 234,5", "auto", 1234.5),
    ("1\u00a0234.5", "auto", 1234.5),
    ("-0,25", "auto", -0.25),
    ("1,234", ".", 1234.0),
    ("1,234", ",", 1.234),
]


@pytest.mark.parametrize(("text", "decimal", "value"), DECIMALS)
def test_parse_decimal(text, decimal, value):
    assert parse_decimal(text, decimal=decimal) == pytest.approx(value)


def test_a_file_with_several_editions_needs_a_choice(tmp_path):
    path = write(
        tmp_path,
        "Country Name,Survey Year,Online Service Index,"
        "Telecommunication Infrastructure Index,E-Government Index\n"
        "A,2020,0.1,0.2,0.3\nA,2022,0.4,0.5,0.6\n",
    )
    with pytest.raises(UnreadableTable, match=r"several editions \(2020, 2022\)"):
        read_table(path, MAPPING)
    assert read_table(path, MAPPING, edition="2022").values.tolist() == [[0.4, 0.5]]
    with pytest.raises(UnreadableTable, match="no rows of edition '2019'"):
        read_table(path, MAPPING, edition="2019")


def test_a_missing_column_is_named_with_the_columns_found(tmp_path):
    path = write(tmp_path, "Country Name,Survey Year,OSI,TII,EGDI\nA,2022,1,2,3\n")
    with pytest.raises(UnreadableTable) as raised:
        read_table(path, MAPPING)
    assert "has no column 'Online Service Index'" in str(raised.value)
    assert "'OSI'" in str(raised.value)
    assert raised.value.params["column"] == "Online Service Index"


def test_a_bad_number_names_its_row_and_column(tmp_path):
    path = write(
        tmp_path,
        "Country Name,Survey Year,Online Service Index,"
        "Telecommunication Infrastructure Index,E-Government Index\n"
        "A,2022,0.1,0.2,0.3\nB,2022,high,0.5,0.6\n",
    )
    with pytest.raises(UnreadableTable) as raised:
        read_table(path, MAPPING)
    assert raised.value.location.endswith("row 3, column 'Online Service Index'")
    assert "'high' is not a number" in str(raised.value)


def test_duplicate_units_are_rejected(tmp_path):
    path = write(
        tmp_path,
        "Country Name,Survey Year,Online Service Index,"
        "Telecommunication Infrastructure Index,E-Government Index\n"
        "Chad ,2022,0.1,0.2,0.3\nchad,2022,0.4,0.5,0.6\n",
    )
    with pytest.raises(UnreadableTable, match="lists 'chad' twice"):
        read_table(path, MAPPING)


def test_blank_lines_are_skipped(tmp_path):
    path = write(
        tmp_path,
        "Country Name,Survey Year,Online Service Index,"
        "Telecommunication Infrastructure Index,E-Government Index\n"
        "A,2022,0.1,0.2,0.3\n,,,,\n\n",
    )
    assert read_table(path, MAPPING).units == ("A",)


def test_table_from_rows():
    table = table_from_rows(
        [{"agency": "RİNN", "a": 1.0, "b": None}, {"agency": "ETN", "a": 2, "b": 3}],
        unit="agency",
        columns=("a", "b"),
    )
    assert table.units == ("RİNN", "ETN")
    assert table.column("a").tolist() == [1.0, 2.0]
    assert math.isnan(table.values[0, 1])


@pytest.mark.parametrize(
    ("value", "shown"),
    [(math.inf, "inf"), (-math.inf, "-inf"), ("1e999", "'1e999'"), ("çox", "'çox'")],
    ids=repr,
)
def test_table_from_rows_refuses_what_is_not_a_finite_number(value, shown):
    with pytest.raises(UnreadableTable) as raised:
        table_from_rows(
            [{"agency": "RİNN", "a": 1.0}, {"agency": "ETN", "a": value}],
            unit="agency",
            columns=("a",),
        )
    assert str(raised.value) == f"'ETN', column 'a': {shown} is not a finite number"


def test_table_from_rows_names_a_record_without_its_unit():
    with pytest.raises(UnreadableTable, match="record 2 has no 'agency'"):
        table_from_rows([{"agency": "RİNN"}, {"a": 1.0}], unit="agency", columns=("a",))


def test_nan_from_rows_is_a_missing_value():
    table = table_from_rows([{"agency": "RİNN", "a": math.nan}], unit="agency", columns=("a",))
    assert math.isnan(table.values[0, 0])
