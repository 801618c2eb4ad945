"""An evidence upload over the limit is refused before it is read whole: by its declared
Content-Length without reading a byte, else by its size as parsed, else while it is
read in chunks. A 150 MB upload once grew a worker by 150 MB."""

import io

import pytest

from hedef.monitoring.models import Evidence
from tests.gold_plans import ECONOMY
from tests.helpers.monitoring import report

PDF = b"%PDF-1.4 hesabat"


class Unreadable(io.RawIOBase):
    """A request body that fails the test if anything reads it."""

    def read(self, *args):
        raise AssertionError("the body was read")

    readline = readinto = read


@pytest.fixture
def evidence_url(cycle):
    return f"/api/v1/monitoring/submissions/{report(cycle, ECONOMY, '8.1.1.1').pk}/evidence"


def upload(client, url, token, data, **extra):
    file = io.BytesIO(data)
    file.name = "akt.pdf"
    return client.post(url, {"file": file}, HTTP_AUTHORIZATION=f"Bearer {token}", **extra)


@pytest.mark.parametrize(
    ("declared", "setting"),
    [
        (150 * 2**20, "HEDEF_MAX_EVIDENCE_BYTES"),  # the evidence limit, 20 MB
        (60 * 2**20, "HEDEF_MAX_UPLOAD_BYTES"),  # every API request, 50 MB
    ],
)
def test_a_body_declared_over_the_limit_is_a_413_without_reading_it(
    client, token, evidence_url, declared, setting
):
    response = upload(
        client,
        evidence_url,
        token,
        PDF,
        CONTENT_LENGTH=str(declared),
        **{"wsgi.input": Unreadable()},
    )
    assert response.status_code == 413
    assert response.json()["code"] == "too_large" and "MB limit" in response.json()["message"]
    assert not Evidence.objects.exists()


def test_the_declared_limit_is_in_the_documented_responses(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    post = schema["paths"]["/api/v1/monitoring/submissions/{submission_id}/evidence"]["post"]
    assert "413" in post["responses"]


def test_a_file_over_the_limit_within_a_small_enough_body_is_a_413(
    client, token, evidence_url, settings
):
    """The multipart allowance lets a body pass the declared check; the file does not."""
    settings.HEDEF_MAX_EVIDENCE_BYTES = 1024
    response = upload(client, evidence_url, token, PDF + b"0" * 4096)
    assert (response.status_code, response.json()["code"]) == (413, "too_large")
    assert not Evidence.objects.exists()


def test_a_file_at_the_limit_is_stored(client, token, evidence_url, settings):
    settings.HEDEF_MAX_EVIDENCE_BYTES = 1024
    response = upload(client, evidence_url, token, PDF + b"0" * (1024 - len(PDF)))
    assert response.status_code == 201 and response.json()["size"] == 1024


def test_reading_stops_at_the_limit_whatever_the_declared_size():
    """A file whose size is not known up front is read only up to one chunk past it."""
    from django.core.files.base import File

    from hedef.core.uploads import BodyTooLarge, read_capped

    read = []

    class Counted(File):
        def chunks(self, chunk_size=None):
            for chunk in super().chunks(chunk_size):
                read.append(len(chunk))
                yield chunk

    chunk = File.DEFAULT_CHUNK_SIZE
    file = Counted(io.BytesIO(b"0" * 10 * chunk))
    file.size = None
    with pytest.raises(BodyTooLarge):
        read_capped(file, 2 * chunk)
    assert sum(read) == 3 * chunk
    small = Counted(io.BytesIO(b"0" * 100))
    small.size = None
    assert read_capped(small, 2 * chunk) == b"0" * 100
