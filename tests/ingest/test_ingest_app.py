"""Uploading strategy documents, reviewing what was read, accepting it as a plan version."""

import io
import json

import pytest
from django.urls import reverse
from django.utils import translation
from typer.testing import CliRunner

from hedef.cli import app
from hedef.domain.ingest.errors import IngestionError
from hedef.ingest.models import ReviewDraft
from hedef.ingest.services import DraftConflict, document_ingest, draft_accept, draft_correct
from hedef.plans.models import PlanVersion, Strategy
from tests.fixtures import SAMPLE_DOCUMENTS_DIR, gold_path
from tests.fixtures.hostile import billion_laughs

CONCEPT_FILE = "001_53070439b15b0152.txt"
ECONOMY_FILE = "002_342d9e6260cb9729.txt"


@pytest.fixture
def economy_text():
    return (SAMPLE_DOCUMENTS_DIR / ECONOMY_FILE).read_bytes()


def _upload(client, data, name):
    upload = io.BytesIO(data)
    upload.name = name
    return client.post(reverse("ingest:upload"), {"document": upload})


def test_reading_a_document_saves_no_plan_before_accept(registry, economy_text):
    outcome = document_ingest(data=economy_text, file_name=ECONOMY_FILE)
    assert outcome.draft is not None and not Strategy.objects.exists()
    result = draft_accept(draft=outcome.draft, edit_version=1)
    version = result.version
    assert version.measures.count() == 50
    assert version.indicators.count() == 7
    assert version.aliases.filter(listed=True).count() == 19
    assert not version.aliases.filter(agency__isnull=True).exists()
    assert version.source_file_name == ECONOMY_FILE and len(version.source_sha256) == 64


def test_the_same_file_again_changes_nothing_and_says_so(registry, economy_text):
    first = document_ingest(data=economy_text, file_name=ECONOMY_FILE)
    draft_accept(draft=first.draft, edit_version=1)
    again = document_ingest(data=economy_text, file_name="renamed.txt")
    assert again.draft is None and again.already_loaded is not None
    with translation.override("en"):
        assert "nothing changed" in again.message
    assert PlanVersion.objects.count() == 1 and ReviewDraft.objects.count() == 1


def test_a_new_edition_shows_its_differences_and_becomes_version_two(
    registry, economy_text, client, users
):
    first = document_ingest(data=economy_text, file_name=ECONOMY_FILE)
    draft_accept(draft=first.draft, edit_version=1)
    amended = economy_text.decode().replace("\n100-dən çox\n", "\n150-dən çox\n")
    assert amended != economy_text.decode()
    outcome = document_ingest(data=amended.encode(), file_name="002-amended.txt")
    client.force_login(users["operator_analyst"])
    page = client.get(outcome.draft.get_absolute_url())
    diff = page.context["diff"]
    (changed,) = diff.measures_changed
    assert changed.number == "8.1.1.2"
    fields = {c.field for c in changed.changes}
    assert "results.final" in fields
    response = client.post(
        outcome.draft.get_absolute_url(), {"action": "accept", "edit_version": "1"}
    )
    assert response.status_code == 302
    strategy = Strategy.objects.get()
    assert strategy.current_version.number == 2
    assert (
        strategy.versions.get(number=1).measures.get(number="8.1.1.2").targets.first().value == 100
    )
    assert strategy.current_version.measures.get(number="8.1.1.2").targets.first().value == 150


def test_review_screen_marks_low_confidence_fields_beside_source_lines(client, users):
    client.force_login(users["operator_analyst"])
    response = _upload(client, (SAMPLE_DOCUMENTS_DIR / CONCEPT_FILE).read_bytes(), CONCEPT_FILE)
    assert response.status_code == 302
    page = client.get(response.url)
    html = page.content.decode()
    flagged = [m for m in page.context["measures"] if m.flagged]
    assert flagged, "the Concept has page-break tails the reader must flag"
    assert 'class="flag-reason"' in html
    assert all(m.source for m in page.context["measures"])
    assert 'name="f:measures.0.title"' in html


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig"])
def test_a_unicode_text_document_from_windows_is_read_with_its_source_lines(
    client, users, economy_text, encoding
):
    """Notepad's "Unicode" (UTF-16 with a BOM) reads like UTF-8, source lines included."""
    client.force_login(users["operator_analyst"])
    data = economy_text.decode("utf-8").encode(encoding)
    response = _upload(client, data, ECONOMY_FILE)
    assert response.status_code == 302
    draft = ReviewDraft.objects.get()
    assert draft.source_text == economy_text.decode("utf-8")
    page = client.get(response.url)
    assert page.status_code == 200
    assert all(m.source for m in page.context["measures"])


def test_corrections_are_saved_and_accepted(client, users, economy_text):
    client.force_login(users["operator_admin"])
    draft_url = _upload(client, economy_text, ECONOMY_FILE).url
    response = client.post(
        draft_url,
        {"action": "save", "edit_version": "1", "f:measures.0.lead": "İN, RİNN"},
    )
    assert response.status_code == 302
    draft = ReviewDraft.objects.get()
    assert draft.plan["measures"][0]["lead"] == ["İN", "RİNN"] and draft.edit_version == 2
    client.post(draft_url, {"action": "accept", "edit_version": "2"})
    measure = Strategy.objects.get().current_version.measures.get(number="8.1.1.1")
    assert [e.value for e in measure.lead_executors] == ["İN", "RİNN"]


def test_a_bad_correction_names_the_field_and_saves_nothing(client, users, economy_text):
    client.force_login(users["operator_analyst"])
    draft_url = _upload(client, economy_text, ECONOMY_FILE).url
    response = client.post(
        draft_url, {"action": "accept", "edit_version": "1", "f:measures.4.period.start": "iki"}
    )
    assert response.status_code == 400
    assert "measures.4.period.start" in response.context["errors"][0]
    assert not Strategy.objects.exists()
    assert ReviewDraft.objects.get().edit_version == 1


def test_two_reviewers_saving_at_once_the_second_is_refused(registry, economy_text):
    draft = document_ingest(data=economy_text, file_name=ECONOMY_FILE).draft
    draft_correct(draft=draft, edits={"measures.0.lead": "RİNN"}, edit_version=1)
    with pytest.raises(DraftConflict):
        draft_correct(draft=draft, edits={"measures.0.lead": "İN"}, edit_version=1)
    assert ReviewDraft.objects.get().plan["measures"][0]["lead"] == ["RİNN"]


# (content, file name) of inputs that are not strategies: each refused, nothing stored
def _workbook_with_entities():
    from openpyxl import Workbook

    buffer = io.BytesIO()
    book = Workbook()
    book.active["A1"] = "Strategiya"
    book.save(buffer)
    return billion_laughs(buffer.getvalue(), "xl/worksheets/sheet1.xml")


BAD = [
    (b"", "empty.txt"),
    (b"\x00\x01\x02\xff" * 500, "garbage.bin"),
    (b"This is an English memo about budgets. " * 40, "memo.txt"),
    (b"%PDF-1.4 broken", "broken.pdf"),
    (b"PK\x03\x04 not really a zip", "fake.docx"),
    (b"\xff\xfe" + "Strategiya".encode("utf-16-le") + b"\x00", "broken-unicode.txt"),
    (_workbook_with_entities(), "billion-laughs.xlsx"),
]


@pytest.mark.parametrize(("data", "name"), BAD, ids=[b[1] for b in BAD])
def test_bad_documents_get_one_clear_message(client, users, data, name):
    client.force_login(users["operator_analyst"])
    response = _upload(client, data, name)
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not ReviewDraft.objects.exists() and not Strategy.objects.exists()


def test_service_raises_only_ingestion_error(registry):
    with pytest.raises(IngestionError):
        document_ingest(data=b"\x00" * 100, file_name="x.bin")


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("operator_admin", True),
        ("operator_analyst", True),
        ("focal_rinn", False),
        ("leadership", False),
    ],
)
def test_only_operators_upload_and_review(client, users, economy_text, role, allowed):
    draft = document_ingest(data=economy_text, file_name=ECONOMY_FILE).draft
    client.force_login(users[role])
    assert client.get(reverse("ingest:upload")).status_code == (200 if allowed else 403)
    assert client.get(draft.get_absolute_url()).status_code == (200 if allowed else 403)
    response = client.post(draft.get_absolute_url(), {"action": "accept", "edit_version": "1"})
    assert Strategy.objects.exists() is allowed
    assert response.status_code == (302 if allowed else 403)


runner = CliRunner()


def test_cli_dry_run_prints_the_gold_shape():
    result = runner.invoke(
        app, ["ingest", str(SAMPLE_DOCUMENTS_DIR / ECONOMY_FILE), "--dry-run", "--json"]
    )
    assert result.exit_code == 0, result.output
    start = result.stdout.index("{")
    data = json.loads(result.stdout[start : result.stdout.rindex("}") + 1])
    assert len(data["measures"]) == 50 and len(data["target_indicators"]) == 7
    assert set(data["measures"][0]) >= {"number", "title", "lead", "co_executors", "period"}


def test_cli_evaluate_scores_against_gold():
    result = runner.invoke(
        app,
        [
            "ingest",
            str(SAMPLE_DOCUMENTS_DIR / CONCEPT_FILE),
            "--evaluate",
            str(gold_path(CONCEPT_FILE.removesuffix(".txt"))),
            "--json",
        ],
    )
    assert result.exit_code == 0
    scores = json.loads(result.stdout[result.stdout.index("{") :])
    assert scores


def test_cli_ingest_and_accept_then_again_changes_nothing(registry):
    path = str(SAMPLE_DOCUMENTS_DIR / CONCEPT_FILE)
    first = runner.invoke(app, ["ingest", path, "--accept"])
    assert first.exit_code == 0, first.output
    assert Strategy.objects.count() == 1
    second = runner.invoke(app, ["ingest", path])
    assert second.exit_code == 0
    assert PlanVersion.objects.count() == 1 and ReviewDraft.objects.count() == 1


def test_cli_ingest_refuses_garbage_with_exit_code_1(registry, tmp_path):
    bad = tmp_path / "bad.bin"
    bad.write_bytes(b"\x00\xff" * 1000)
    result = runner.invoke(app, ["ingest", str(bad)])
    assert result.exit_code == 1
    assert "bad.bin" in result.output


def test_cli_ingest_refuses_a_60_mb_file_before_reading_it(tmp_path, monkeypatch):
    huge = tmp_path / "huge.pdf"
    with huge.open("wb") as handle:  # sparse: 60 MB on paper, nothing on disk
        handle.truncate(60 * 1024 * 1024)

    def never(self):
        raise AssertionError(f"{self} was read")

    monkeypatch.setattr(type(huge), "read_bytes", never)
    result = runner.invoke(app, ["ingest", str(huge), "--dry-run"])
    assert result.exit_code == 1
    output = " ".join(result.output.split())
    assert "huge.pdf" in output and "60 MB" in output and "50 MB" in output
