"""``hedef opendata export``: the files the portal serves, written to a directory, validated."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import frictionless
import pytest
from django.urls import reverse
from typer.testing import CliRunner

from hedef.cli import app
from hedef.publishing.open_data import OPEN_DATA_FILES

runner = CliRunner()
FRICTIONLESS = Path(sys.executable).with_name("frictionless")


def _export(directory: Path, cycle: str = "2026-s1"):
    return runner.invoke(app, ["opendata", "export", cycle, "-o", str(directory)])


@pytest.fixture
def exported(published, tmp_path):
    """The sample publication exported into a directory."""
    result = _export(tmp_path / "out")
    assert result.exit_code == 0, result.output
    return tmp_path / "out"


@pytest.mark.django_db
@pytest.mark.parametrize("key", ["2026-s1", "latest"])
def test_every_exported_file_is_byte_identical_to_what_the_portal_serves(
    client, published, tmp_path, key
):
    """Each file of the export is the exact body of its /open-data/<key>/<name> address."""
    result = _export(tmp_path, key)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(OPEN_DATA_FILES)
    for name in OPEN_DATA_FILES:
        url = reverse("publishing:open-data-file", kwargs={"key": key, "name": name})
        response = client.get(url)
        assert response.status_code == 200, name
        assert (tmp_path / name).read_bytes() == response.content, name


@pytest.mark.django_db
def test_an_unknown_cycle_exits_1_naming_it(published, tmp_path):
    result = _export(tmp_path / "out", "2019-s2")
    assert result.exit_code == 1
    assert "no published cycle '2019-s2'" in result.output
    assert "2026-s1" in result.output
    assert not (tmp_path / "out").exists()


@pytest.mark.django_db
def test_the_reference_validator_accepts_the_export(exported):
    """frictionless validates every resource: paths, schemas, codes, the workbook's sheets."""
    report = frictionless.validate(str(exported / "datapackage.json"))
    assert report.valid, report.flatten(["type", "note"])
    checked = {task.name for task in report.tasks}
    assert {"measures", "measures_excel", "workbook_measures", "codebook", "snapshot"} <= checked


@pytest.mark.django_db
def test_the_validator_command_line_accepts_the_export(exported):
    completed = subprocess.run(
        [str(FRICTIONLESS), "validate", "--json", "datapackage.json"],
        cwd=exported,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    report = json.loads(completed.stdout)
    assert report["valid"] is True, completed.stdout[-2000:]


def _edit(directory: Path, change) -> Path:
    path = directory / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    change(descriptor)
    path.write_text(json.dumps(descriptor), encoding="utf-8")
    return path


def _resource(descriptor, name):
    return next(r for r in descriptor["resources"] if r["name"] == name)


# (what is broken, the change, the error frictionless reports)
BROKEN = [
    ("absolute path", lambda d: _resource(d, "measures").update(path="/open-data/x.csv"),
     "not safe"),
    ("parent path", lambda d: _resource(d, "agencies").update(path="../agencies.csv"),
     "not safe"),
    ("tabular profile with JSON in it", lambda d: d.update(profile="tabular-data-package"),
     "tabular"),
    ("status outside the codebook",
     lambda d: _resource(d, "measures")["schema"]["fields"][6]["constraints"].update(
         enum=["completed"]),
     "constraint"),
]  # fmt: skip


@pytest.mark.django_db
@pytest.mark.parametrize(("what", "change", "error"), BROKEN, ids=[b[0] for b in BROKEN])
def test_the_validator_rejects_a_broken_package(exported, what, change, error):
    """The validation test can fail: each defect the portal once had makes it invalid."""
    path = _edit(exported, change)
    report = frictionless.validate(str(path))
    assert not report.valid, what
    assert error in json.dumps(report.to_dict()), report.flatten(["type", "note"])
    completed = subprocess.run(
        [str(FRICTIONLESS), "validate", "--json", path.name],
        cwd=exported, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert json.loads(completed.stdout)["valid"] is False


@pytest.mark.django_db
def test_a_missing_file_is_reported(exported):
    shutil.move(exported / "codebook.csv", exported.parent / "gone.csv")
    assert not frictionless.validate(str(exported / "datapackage.json")).valid
