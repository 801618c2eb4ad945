"""Evidence files are told by their content, and too large or unknown ones are refused."""

import io
import zipfile

import pytest

from hedef.domain.monitoring.evidence import (
    EvidenceKind,
    EvidenceRefused,
    check_evidence,
    sniff_kind,
)


def office(part):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(part, "<x/>")
    return buffer.getvalue()


SAMPLES = [
    (b"%PDF-1.7\n...", EvidenceKind.PDF),
    (b"\x89PNG\r\n\x1a\n....", EvidenceKind.PNG),
    (b"\xff\xd8\xff\xe0....", EvidenceKind.JPEG),
    (b"GIF89a....", EvidenceKind.GIF),
    (b"RIFF\x00\x00\x00\x00WEBPVP8 ", EvidenceKind.WEBP),
    (office("word/document.xml"), EvidenceKind.DOCX),
    (office("xl/workbook.xml"), EvidenceKind.XLSX),
    (office("ppt/presentation.xml"), None),
    (b"MZ\x90\x00 an executable", None),
    (b"<html><script>", None),
    (b"PK\x03\x04 not really a zip", None),
]


@pytest.mark.parametrize(("data", "kind"), SAMPLES)
def test_kind_is_told_by_content(data, kind):
    assert sniff_kind(data) is kind


def test_a_renamed_executable_is_refused_naming_the_file():
    with pytest.raises(EvidenceRefused) as caught:
        check_evidence(b"MZ\x90\x00", "hesabat.pdf", max_bytes=1000)
    assert caught.value.code == "unsupported_type"
    assert "hesabat.pdf" in str(caught.value)


def test_too_large_and_empty_files_are_refused():
    with pytest.raises(EvidenceRefused) as caught:
        check_evidence(b"%PDF-" + b"0" * 2**20, "big.pdf", max_bytes=2**20)
    assert caught.value.code == "too_large"
    with pytest.raises(EvidenceRefused) as caught:
        check_evidence(b"", "empty.pdf", max_bytes=2**20)
    assert caught.value.code == "empty"


def test_accepted_evidence_carries_its_content_type():
    assert check_evidence(b"%PDF-1.4", "a.pdf", max_bytes=100).content_type == "application/pdf"
