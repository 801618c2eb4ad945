"""hedef index compute on the published UN EGDI tables."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hedef.cli import app
from tests.fixtures import UN_EGOV_DIR

INDICES = Path(__file__).resolve().parents[2] / "src/hedef/indices"
runner = CliRunner()


@pytest.mark.parametrize(("year", "score", "rank"), [(2020, 0.7100, 70), (2022, 0.6937, 83)])
def test_egdi_of_every_country_with_rank_group_and_interval(year, score, rank):
    data = UN_EGOV_DIR / f"EGOV_DATA_{year}.csv"
    result = runner.invoke(
        app, ["index", "compute", str(INDICES / "egdi.yaml"), str(data), "--json", "--draws", "200"]
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)["rows"]
    assert len(rows) == 193
    azerbaijan = next(r for r in rows if r["unit"] == "Azerbaijan")
    assert (azerbaijan["score"], azerbaijan["rank"], azerbaijan["group"]) == (score, rank, "high")
    interval = azerbaijan["rank_interval"]
    assert interval["p5"] <= rank <= interval["p95"]


def test_a_missing_data_file_is_a_clear_error(tmp_path):
    result = runner.invoke(
        app, ["index", "compute", str(INDICES / "egdi.yaml"), str(tmp_path / "none.csv")]
    )
    assert result.exit_code == 1
    assert "none.csv" in result.output
