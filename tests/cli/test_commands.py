"""The hedef command line: help, export, import, demo set-up."""

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from hedef.cli import app
from hedef.plans.models import PlanVersion, Strategy

runner = CliRunner()
ECONOMY = "digital-economy-2026-2029"


def test_help_lists_every_command_with_one_line():
    result = subprocess.run(
        [sys.executable, "-m", "hedef.cli", "--help"], capture_output=True, text=True, check=True
    )
    commands = ["demo", "export", "import", "report", "agencies", "manage", "serve", "audit"]
    for command in [*commands, "remind"]:
        assert command in result.stdout


def test_export_import_round_trip_through_files(loaded_plans, tmp_path):
    first = tmp_path / "economy.json"
    result = runner.invoke(app, ["export", ECONOMY, "--format", "json", "-o", str(first)])
    assert result.exit_code == 0, result.output
    data = json.loads(first.read_text("utf-8"))
    assert data["format"] == "hedef.plan" and len(data["measures"]) == 50

    result = runner.invoke(app, ["import", str(first)])
    assert result.exit_code == 0
    assert "heç nə dəyişmədi" in result.output

    workbook = tmp_path / "economy.xlsx"
    exported = runner.invoke(app, ["export", ECONOMY, "--format", "xlsx", "-o", str(workbook)])
    assert exported.exit_code == 0
    result = runner.invoke(app, ["import", str(workbook)])
    assert result.exit_code == 0 and "heç nə dəyişmədi" in result.output


def test_import_of_a_broken_file_names_the_place_and_fails(registry, tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "hedef.plan", "format_version": "1.0"}', "utf-8")
    result = runner.invoke(app, ["import", str(broken)])
    assert result.exit_code == 1
    assert "broken.json" in result.output
    assert not Strategy.objects.exists()


def test_export_of_an_unknown_strategy_lists_the_known_ones(loaded_plans):
    result = runner.invoke(app, ["export", "nope"])
    assert result.exit_code == 1
    assert ECONOMY in result.output


def test_export_refuses_an_unknown_format(loaded_plans):
    result = runner.invoke(app, ["export", ECONOMY, "--format", "csv"])
    assert result.exit_code == 2


@pytest.mark.slow
@pytest.mark.django_db
def test_demo_set_up_is_idempotent():
    first = runner.invoke(app, ["demo", "--no-serve"])
    assert first.exit_code == 0, first.output
    assert Strategy.objects.count() == 2
    versions = PlanVersion.objects.count()
    second = runner.invoke(app, ["demo", "--no-serve"])
    assert second.exit_code == 0
    assert PlanVersion.objects.count() == versions == 2
    assert "(unchanged)" in second.output  # passwords are printed only once
    from hedef.accounts.models import User

    assert set(User.objects.values_list("role", flat=True)) == {
        "operator_admin",
        "operator_analyst",
        "focal_person",
        "leadership",
    }
    assert User.objects.filter(role="focal_person").values("agency").distinct().count() == 2
    from hedef.publishing.models import Snapshot

    # The earlier demo cycle is published once: the portal has a snapshot to show.
    snapshot = Snapshot.objects.get(is_current=True)
    assert Snapshot.objects.count() == 1
    statuses = {m["status"] for s in snapshot.data["strategies"] for m in s["measures"]}
    assert {"completed", "on_schedule", "overdue"} <= statuses
