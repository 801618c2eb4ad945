"""Publishing a cycle puts its accepted state on the public portal, and nothing else."""

import csv
import datetime
import io
import json

import pytest
from django.urls import reverse

from hedef.core.actors import Actor
from hedef.domain.monitoring.submissions import ProgressStatus, SubmissionContent
from hedef.domain.plans.model import Stage
from hedef.monitoring.actions import (
    CycleOpen,
    CyclePublish,
    SubmissionAccept,
    SubmissionReturn,
    SubmissionSave,
    SubmissionSubmit,
)
from hedef.monitoring.models import ReportingCycle, Submission
from hedef.publishing.models import Snapshot
from tests.helpers.portfolio import STRATEGY


def _open(users, portfolio, label, start, end, due):
    return CycleOpen(
        actor=Actor(users["operator_analyst"], "web", "test"),
        label=label,
        kind="semi_annual",
        period_start=start,
        period_end=end,
        due_date=due,
        strategies=[portfolio["strategy"]],
    ).execute()


def _report(cycle, number):
    subject = "indicator" if number.startswith("I.") else "measure"
    return Submission.objects.select_related("cycle").get(
        cycle=cycle, **{f"{subject}__number": number}
    )


def _write(users, who, report, *, submit=True, **content):
    action = SubmissionSubmit if submit else SubmissionSave
    report.refresh_from_db()
    return action(
        report,
        actor=Actor(users[who], "web", "test"),
        content=SubmissionContent(**content),
        version=report.version,
    ).execute()


def _accept(users, report):
    report.refresh_from_db()
    SubmissionAccept(report, actor=Actor(users["operator_analyst"], "web", "test")).execute()


@pytest.fixture
def published_cycle(portfolio, users):
    """2027-S1 opened, written in every state, then published by the analyst."""
    cycle = _open(
        users,
        portfolio,
        "2027, I yarımil",
        datetime.date(2027, 1, 1),
        datetime.date(2027, 6, 30),
        datetime.date(2027, 7, 15),
    )
    final = _write(
        users,
        "focal_rinn",
        _report(cycle, "1.1.2"),
        progress_status=ProgressStatus.COMPLETED,
        stage=Stage.FINAL,
        percent_complete=100.0,
        narrative="Yekun nəticələr əldə olundu.",
    )
    _accept(users, final)
    _write(
        users,
        "focal_in",
        _report(cycle, "1.1.3"),
        submit=False,
        progress_status=ProgressStatus.IN_PROGRESS,
        stage=Stage.FINAL,
        percent_complete=90.0,
        narrative="DRAFT-SECRET",
    )
    returned = _write(
        users,
        "focal_rinn",
        _report(cycle, "2.1.2"),
        progress_status=ProgressStatus.COMPLETED,
        stage=Stage.FINAL,
        percent_complete=100.0,
        narrative="RETURNED-SECRET",
    )
    SubmissionReturn(
        returned, actor=Actor(users["operator_analyst"], "web", "test"), comments={"": "Why?"}
    ).execute()
    value = _write(users, "focal_in", _report(cycle, "I.1"), indicator_value=41.0)
    _accept(users, value)
    CyclePublish(cycle, actor=Actor(users["operator_analyst"], "web", "test")).execute()
    cycle.refresh_from_db()
    return cycle


@pytest.mark.usefixtures("english")
def test_publishing_makes_the_cycles_evaluation_the_portals_snapshot(client, published_cycle):
    snapshot = Snapshot.objects.get(is_current=True)
    assert snapshot.key == "2027-i-yarimil"
    assert snapshot.label == "2027, I yarımil"
    assert snapshot.audit_head == published_cycle.published_head_hash != ""
    assert snapshot.data["cycle"]["period_end"] == "2027-06-30"
    page = client.get(reverse("publishing:measure", kwargs={"code": STRATEGY, "number": "1.1.2"}))
    assert page.context["measure"]["status"] == "completed"
    assert "Yekun nəticələr əldə olundu." in page.content.decode()
    (indicator,) = [i for i in snapshot.data["strategies"][0]["indicators"] if i["number"] == "I.1"]
    assert indicator["observations"][-1] == {"period": "2027-S1", "year": 2026.5, "value": 41.0}
    assert indicator["progress_status"] == "target_achieved"
    assert indicator["forecast"] == "The 2027 target has already been reached."
    agencies = {a["code"]: a["on_time_share"] for a in snapshot.data["agencies"]}
    assert set(agencies) >= {"rinn", "in", "etn"}


def test_drafts_and_returned_reports_never_reach_the_snapshot(client, published_cycle):
    snapshot = Snapshot.objects.get(is_current=True)
    text = json.dumps(snapshot.data, ensure_ascii=False)
    assert "DRAFT-SECRET" not in text and "RETURNED-SECRET" not in text
    measures = {m["number"]: m for m in snapshot.data["strategies"][0]["measures"]}
    # 1.1.3 keeps the stage of its last accepted report; its draft and 2.1.2's
    # returned report leave both without a report in a published cycle.
    assert measures["1.1.3"]["stage"] == "initial"
    assert measures["1.1.3"]["summary"] == "1.1.3 in 2026, II yarımil"
    assert measures["1.1.3"]["status"] == measures["2.1.2"]["status"] == "not_reported"


def test_a_draft_written_after_publication_does_not_change_the_portal(
    client, users, portfolio, published_cycle
):
    url = reverse("publishing:measure", kwargs={"code": STRATEGY, "number": "1.1.3"})
    before = client.get(url).context["measure"]
    later = _open(
        users,
        portfolio,
        "2027, II yarımil",
        datetime.date(2027, 7, 1),
        datetime.date(2027, 12, 31),
        datetime.date(2028, 1, 15),
    )
    _write(
        users,
        "focal_in",
        _report(later, "1.1.3"),
        submit=False,
        progress_status=ProgressStatus.COMPLETED,
        stage=Stage.FINAL,
        percent_complete=100.0,
        narrative="LATER-DRAFT",
    )
    after = client.get(url)
    assert "LATER-DRAFT" not in after.content.decode()
    assert after.context["measure"] == before
    assert Snapshot.objects.count() == 1


def test_a_failed_snapshot_leaves_the_cycle_unpublished(users, portfolio, monkeypatch):
    from hedef.publishing import publication

    cycle = _open(
        users,
        portfolio,
        "2027, I yarımil",
        datetime.date(2027, 1, 1),
        datetime.date(2027, 6, 30),
        datetime.date(2027, 7, 15),
    )

    def broken(**kwargs):
        raise RuntimeError("snapshot failed")

    monkeypatch.setattr(publication, "snapshot_data", broken)
    with pytest.raises(RuntimeError):
        CyclePublish(cycle, actor=Actor(users["operator_analyst"], "web", "test")).execute()
    cycle.refresh_from_db()
    assert cycle.state == ReportingCycle.State.OPEN
    assert not Snapshot.objects.exists()


def test_a_published_indicator_value_reaches_the_open_data_tables(client, published_cycle):
    """The accepted value fills ``actual`` in the CSV and the workbook, and SDMX's ACTUAL."""
    key = Snapshot.objects.get(is_current=True).key

    def download(name):
        url = reverse("publishing:open-data-file", kwargs={"key": key, "name": name})
        return client.get(url).content

    rows = list(csv.DictReader(io.StringIO(download("indicator_values.csv").decode())))
    (row,) = [r for r in rows if r["indicator"] == "I.1" and r["period"] == "2027-S1"]
    assert row["actual"] == "41"
    sdmx = download("indicator_values.sdmx.csv").decode()
    assert ",I.1,ACTUAL,2027-S1,41," in sdmx
    measures = list(csv.DictReader(io.StringIO(download("measures.csv").decode())))
    done = next(r for r in measures if r["number"] == "1.1.2")
    assert (done["status"], done["status_label"]) == ("completed", "İcra edilib")
    codebook = list(csv.DictReader(io.StringIO(download("codebook.csv").decode())))
    completed = next(r for r in codebook if r["code"] == "completed")
    assert (completed["label_en"], completed["label_az"]) == ("Completed", "İcra edilib")
