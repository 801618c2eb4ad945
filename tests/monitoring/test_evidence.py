"""Evidence files on the report page: checked by content and size, downloaded with permission."""

import io

import pytest

from hedef.core.models import AuditEntry
from hedef.monitoring.actions import SubmissionReturn
from hedef.monitoring.models import Evidence
from tests.helpers.monitoring import actor, save

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


@pytest.fixture
def focal(client, more_users):
    client.force_login(more_users["focal_in"])
    return client


def post(client, submission, name, data):
    file = io.BytesIO(data)
    file.name = name
    return client.post(f"/reporting/reports/{submission.pk}/evidence/", {"file": file}, follow=True)


def messages(response):
    return [str(m) for m in response.context["messages"]]


def test_an_image_is_stored_and_downloaded_by_its_readers(focal, platform, client):
    response = post(focal, platform, "foto.png", PNG)
    assert messages(response) == ["foto.png was added as evidence."]
    evidence = Evidence.objects.get()
    assert (evidence.kind, evidence.size) == ("png", len(PNG))
    download = client.get(f"/reporting/evidence/{evidence.pk}/")
    assert download.status_code == 200 and b"".join(download.streaming_content) == PNG
    assert 'filename="foto.png"' in download["Content-Disposition"]
    assert AuditEntry.objects.filter(action="evidence.add").exists()


@pytest.mark.parametrize(
    ("sent_as", "downloaded_as"),
    [
        ("foto.png", "foto.png"),
        ("FOTO.PNG", "FOTO.PNG"),
        ("akt.html", "akt.html.png"),
        ("akt.pdf", "akt.pdf.png"),
        ("akt", "akt.png"),
    ],
)
def test_evidence_is_kept_and_downloaded_with_an_extension_true_to_its_content(
    focal, platform, client, sent_as, downloaded_as
):
    """A browser or file manager opening the file goes by its extension: it must be the
    kind the content was checked to be, whatever the sender named it."""
    post(focal, platform, sent_as, PNG)
    evidence = Evidence.objects.get()
    assert evidence.name == downloaded_as
    assert evidence.file.name.endswith(downloaded_as[-4:].lower())
    download = client.get(f"/reporting/evidence/{evidence.pk}/")
    assert f'filename="{downloaded_as}"' in download["Content-Disposition"]


def test_evidence_stored_under_a_false_extension_downloads_with_a_true_one(focal, platform, client):
    post(focal, platform, "foto.png", PNG)
    Evidence.objects.update(name="foto.svg")  # as kept before names were made type-true
    download = client.get(f"/reporting/evidence/{Evidence.objects.get().pk}/")
    assert 'filename="foto.svg.png"' in download["Content-Disposition"]


def test_a_file_that_is_not_what_it_claims_is_refused(focal, platform):
    response = post(focal, platform, "hesabat.pdf", b"#!/bin/sh\nrm -rf /\n")
    assert "hesabat.pdf is not a PDF, DOCX, XLSX or image" in messages(response)[0]
    assert not Evidence.objects.exists()


def test_a_file_over_the_limit_is_refused(focal, platform, settings):
    settings.HEDEF_MAX_EVIDENCE_BYTES = 2**20
    response = post(focal, platform, "böyük.pdf", b"%PDF-" + b"0" * 2**20)
    assert messages(response) == ["böyük.pdf is larger than the 1 MB limit."]
    assert not Evidence.objects.exists()


def test_evidence_is_locked_with_the_report(focal, platform, more_users):
    save(platform, more_users["focal_in"], submit=True)
    response = post(focal, platform, "foto.png", PNG)
    assert messages(response) == [
        "This report was submitted and is locked until the reviewer returns it."
    ]
    assert not Evidence.objects.exists()


def test_evidence_can_change_when_the_reviewer_returned_it(focal, platform, more_users):
    save(platform, more_users["focal_in"], submit=True)
    SubmissionReturn(
        platform, actor=actor(more_users["operator_analyst"]), comments={"evidence": "Akt?"}
    ).execute()
    post(focal, platform, "akt.png", PNG)
    assert Evidence.objects.count() == 1


def test_removed_evidence_leaves_no_file(focal, platform, django_capture_on_commit_callbacks):
    post(focal, platform, "foto.png", PNG)
    evidence = Evidence.objects.get()
    path = evidence.file.path
    with django_capture_on_commit_callbacks(execute=True):
        focal.post(f"/reporting/evidence/{evidence.pk}/delete/")
    assert not Evidence.objects.exists()
    import os

    assert not os.path.exists(path)


def test_an_evidence_file_missing_from_storage_answers_404_with_a_clear_page(
    focal, platform, client, settings
):
    """A database restored without its media folder: the page says so, never a 500."""
    post(focal, platform, "foto.png", PNG)
    evidence = Evidence.objects.get()
    (settings.MEDIA_ROOT / evidence.file.name).unlink()
    response = client.get(f"/reporting/evidence/{evidence.pk}/")
    assert response.status_code == 404
    assert "foto.png" in response.text and "missing from the file store" in response.text
    assert response.templates[0].name == "monitoring/evidence_missing.html"
