"""Every text field has a length limit, one rule for the page, the workbook and the API."""

import io

import pytest
from openpyxl import load_workbook

from hedef.core.models import AuditEntry
from hedef.domain.monitoring import workbook as rw
from hedef.domain.monitoring.submissions import (
    COMMENT_MAX_LENGTH,
    CONTRIBUTION_MAX_LENGTH,
    TEXT_LIMITS,
    TextTooLong,
)
from hedef.monitoring.actions import (
    CommentAdd,
    ContributionSave,
    SubmissionReturn,
    SubmissionSubmit,
    TokenIssue,
)
from tests.gold_plans import ECONOMY
from tests.helpers.monitoring import actor, complete_content, form_data, report

LIMIT = TEXT_LIMITS["narrative"]


def test_the_page_refuses_an_overlong_narrative_naming_field_and_limit(
    client, platform, more_users
):
    """Nothing is saved and nothing is written to the audit log."""
    client.force_login(more_users["focal_in"])
    audit_before = AuditEntry.objects.count()
    response = client.post(
        platform.get_absolute_url(), form_data(platform, narrative="a" * (LIMIT + 1), save="")
    )
    assert response.status_code == 400
    assert response.context["form"].errors["narrative"] == [
        f"“What was done” is {LIMIT + 1} characters long; it takes at most {LIMIT}."
    ]
    platform.refresh_from_db()
    assert (platform.version, platform.narrative) == (1, "")
    assert AuditEntry.objects.count() == audit_before


def test_text_at_the_limit_is_saved(client, platform, more_users):
    client.force_login(more_users["focal_in"])
    response = client.post(
        platform.get_absolute_url(), form_data(platform, narrative="a" * LIMIT, save="")
    )
    assert response.status_code == 302
    platform.refresh_from_db()
    assert len(platform.narrative) == LIMIT


def test_the_form_tells_the_browser_each_limit(client, platform, more_users):
    client.force_login(more_users["focal_in"])
    form = client.get(platform.get_absolute_url()).context["form"]
    for key, limit in TEXT_LIMITS.items():
        assert form.fields[key].widget.attrs["maxlength"] == limit


def test_the_api_refuses_an_overlong_text_naming_the_field(client, cycle, more_users):
    _record, token = TokenIssue(
        actor=actor(more_users["operator_admin"]), agency=more_users["focal_in"].agency, label="x"
    ).execute()
    platform = report(cycle, ECONOMY, "8.1.1.1")
    limit = TEXT_LIMITS["obstacles"]
    response = client.put(
        f"/api/v1/monitoring/submissions/{platform.pk}",
        data={"version": 1, "obstacles": "ə" * (limit + 1)},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert response.status_code == 400
    [issue] = response.json()["issues"]
    assert (issue["field"], issue["code"]) == ("obstacles", "text_too_long")
    assert f"at most {limit}" in issue["message"]
    assert report(cycle, ECONOMY, "8.1.1.1").version == 1


def test_the_workbook_refuses_an_overlong_cell_by_sheet_row_and_column(client, cycle, more_users):
    client.force_login(more_users["focal_in"])
    data = client.get(f"/reporting/cycles/{cycle.pk}/workbook/in.xlsx").content
    book = load_workbook(io.BytesIO(data))
    sheet = book[rw.MEASURES]
    row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 4).value == "8.1.1.1")
    letter, _heading = rw.column_letter(rw.MEASURES, "corrective_action")
    sheet[f"{letter}{row}"] = "b" * (TEXT_LIMITS["corrective_action"] + 1)
    buffer = io.BytesIO()
    book.save(buffer)
    upload = io.BytesIO(buffer.getvalue())
    upload.name = "hesabat.xlsx"
    response = client.post(f"/reporting/cycles/{cycle.pk}/workbook/upload/", {"file": upload})
    [issue] = response.context["result"].issues
    assert (issue.sheet, issue.row, issue.letter, issue.code) == (
        rw.MEASURES,
        row,
        letter,
        "text_too_long",
    )
    assert "“Corrective action”" in issue.message
    assert report(cycle, ECONOMY, "8.1.1.1").version == 1


def test_contributions_and_comments_have_limits_too(platform, more_users):
    rinn = actor(more_users["focal_rinn"])
    with pytest.raises(TextTooLong, match=f"at most {CONTRIBUTION_MAX_LENGTH}"):
        ContributionSave(
            platform, actor=rinn, text="c" * (CONTRIBUTION_MAX_LENGTH + 1), version=0
        ).execute()
    assert not platform.contributions.exists()
    focal = actor(more_users["focal_in"])
    SubmissionSubmit(platform, actor=focal, content=complete_content(), version=1).execute()
    reviewer = actor(more_users["operator_analyst"])
    too_long = "d" * (COMMENT_MAX_LENGTH + 1)
    with pytest.raises(TextTooLong, match="“Comment”"):
        SubmissionReturn(platform, actor=reviewer, comments={"": too_long}).execute()
    with pytest.raises(TextTooLong):
        CommentAdd(platform, actor=reviewer, field="", text=too_long).execute()
    platform.refresh_from_db()
    assert platform.state == "submitted"


@pytest.mark.parametrize("character", ["\x01", "\x08", "\x0b", "\x0c", "\x1b", "\x1f"])
def test_the_page_refuses_a_control_character_a_workbook_could_not_hold(
    client, platform, more_users, character
):
    """Such a character would make the agency's workbook impossible to write."""
    client.force_login(more_users["focal_in"])
    response = client.post(
        platform.get_absolute_url(),
        form_data(platform, narrative=f"Hazır{character}dır.", save=""),
    )
    assert response.status_code == 400
    assert response.context["form"].errors["narrative"] == [
        f"“What was done” contains the control character U+{ord(character):04X}; remove it."
    ]
    platform.refresh_from_db()
    assert (platform.version, platform.narrative) == (1, "")


def test_tabs_and_line_breaks_are_text_and_the_workbook_carries_them(client, platform, more_users):
    client.force_login(more_users["focal_in"])
    text = "Birinci sətir\r\nİkinci\tsətir\n"
    response = client.post(
        platform.get_absolute_url(), form_data(platform, narrative=text, save="")
    )
    assert response.status_code == 302
    workbook = client.get(f"/reporting/cycles/{platform.cycle.pk}/workbook/in.xlsx")
    assert workbook.status_code == 200
    sheet = load_workbook(io.BytesIO(workbook.content))[rw.MEASURES]
    assert any(
        cell.value and "İkinci\tsətir" in str(cell.value)
        for row in sheet.iter_rows()
        for cell in row
    )


def test_the_api_refuses_a_control_character_naming_the_field(client, cycle, more_users):
    _record, token = TokenIssue(
        actor=actor(more_users["operator_admin"]), agency=more_users["focal_in"].agency, label="x"
    ).execute()
    platform = report(cycle, ECONOMY, "8.1.1.1")
    response = client.put(
        f"/api/v1/monitoring/submissions/{platform.pk}",
        data={"version": 1, "remedy": "a\x0bb"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert response.status_code == 400
    [issue] = response.json()["issues"]
    assert (issue["field"], issue["code"]) == ("remedy", "control_character")
