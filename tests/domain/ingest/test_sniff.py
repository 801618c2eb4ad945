"""Telling an upload's format from its bytes, and refusing what cannot be a document."""

from __future__ import annotations

import io
import random
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from hedef.domain.ingest import sniff
from hedef.domain.ingest.errors import IngestionError
from hedef.domain.ingest.sniff import FORMATS, MAX_DOCUMENT_BYTES, detect_format

DOCUMENTS = Path(__file__).resolve().parents[2] / "fixtures" / "documents"
AZERBAIJANI = "Azərbaycan Respublikasında rəqəmsal iqtisadiyyatın inkişafı\n8.1.1.1. İN\n"


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _xlsx() -> bytes:
    buffer = io.BytesIO()
    workbook = Workbook()
    workbook.active.append(["Sıra №-si", "Tədbirin adı"])
    workbook.save(buffer)
    return buffer.getvalue()


def _garbage(size: int = 4096) -> bytes:
    return random.Random(20250116).randbytes(size)


RECOGNISED = [
    # (what, content, file name, format)
    ("PDF", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "plan.pdf", "pdf"),
    ("PDF after a little junk", b"\xef\xbb\xbf\r\n%PDF-1.4\n", "plan.pdf", "pdf"),
    ("PDF under a wrong name", b"%PDF-1.4\n", "plan.docx", "pdf"),
    ("Word", (DOCUMENTS / "001_concept.docx").read_bytes(), "plan.docx", "docx"),
    ("Word under a wrong name", (DOCUMENTS / "001_concept.docx").read_bytes(), "plan.zip", "docx"),
    ("Excel", _xlsx(), "plan.xlsx", "xlsx"),
    ("JSON object", b'{"format": "hedef-plan", "version": "1.0"}', "plan.json", "json"),
    ("JSON array under a text name", b'[{"number": "8.1"}]', "plan.txt", "json"),
    ("YAML by name", b"strategy:\n  code: DES-2026\n", "plan.yaml", "yaml"),
    ("YAML by marker", b"---\nstrategy: x\n", "plan", "yaml"),
    ("Azerbaijani text", AZERBAIJANI.encode(), "plan.txt", "text"),
    ("text with a byte-order mark", b"\xef\xbb\xbf" + AZERBAIJANI.encode(), "plan.txt", "text"),
    ("UTF-16 text with its byte-order mark", AZERBAIJANI.encode("utf-16"), "plan.txt", "text"),
    ("text that only looks like JSON", b"{ not json", "plan.txt", "text"),
    ("English text is still text", b"Digital Economy Strategy 2026-2029\n", "en.txt", "text"),
]


@pytest.mark.parametrize(
    ("content", "file_name", "expected"),
    [case[1:] for case in RECOGNISED],
    ids=[case[0] for case in RECOGNISED],
)
def test_format_comes_from_the_content(content, file_name, expected):
    assert detect_format(content, file_name) == expected


REFUSED = [
    # (what, content, a phrase of the message)
    ("empty file", b"", "is empty"),
    ("binary garbage", _garbage(), "not a document"),
    ("NUL bytes in text", b"8.1.1.1.\x00\x00\x00 measure", "not a document"),
    ("control characters", b"\x01\x02\x03\x04\x05\x06" * 50, "not a document"),
    ("text in a Windows code page", "İqtisadiyyat Nazirliyi".encode("cp1254"), "not UTF-8"),
    ("quotes in a Windows code page", "“Ağıllı” – İN".encode("cp1254") * 3, "not UTF-8"),
    ("whitespace only", b" \n\t\n ", "not a document"),
    ("old binary Word file", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512), "old binary"),
    ("zip of something else", _zip({"readme.txt": b"hello"}), "neither a Word"),
    ("damaged zip", b"PK\x03\x04" + _garbage(600), "damaged zip"),
    ("truncated Word file", (DOCUMENTS / "001_concept.docx").read_bytes()[:5000], "damaged zip"),
]


@pytest.mark.parametrize(
    ("content", "phrase"),
    [case[1:] for case in REFUSED],
    ids=[case[0] for case in REFUSED],
)
def test_what_cannot_be_a_document_is_refused_with_the_file_named(content, phrase):
    with pytest.raises(IngestionError) as caught:
        detect_format(content, "upload-17.bin")
    assert phrase in caught.value.message
    assert "upload-17.bin" in caught.value.message
    assert caught.value.location == "upload-17.bin"


def test_uploaded_text_is_decoded_one_way():
    assert sniff.decode_text(b"\xef\xbb\xbf" + AZERBAIJANI.encode(), "a.txt") == AZERBAIJANI
    assert sniff.decode_text(AZERBAIJANI.encode("utf-16"), "a.txt") == AZERBAIJANI


def test_a_50_mb_file_is_refused_at_once():
    content = b"%PDF-1.7\n" + bytes(MAX_DOCUMENT_BYTES)
    started = time.perf_counter()
    with pytest.raises(IngestionError, match="smaller than 50 MB"):
        detect_format(content, "huge.pdf")
    assert time.perf_counter() - started < 1.0


def test_a_declared_size_is_checked_before_reading():
    with pytest.raises(IngestionError, match=r"huge\.docx is 50 MB"):
        sniff.ensure_acceptable_size(MAX_DOCUMENT_BYTES, "huge.docx")
    sniff.ensure_acceptable_size(MAX_DOCUMENT_BYTES - 1, "fits.docx")


def test_an_archive_that_unpacks_too_far_is_refused(monkeypatch):
    monkeypatch.setattr(sniff, "MAX_UNPACKED_BYTES", 10_000)
    bomb = _zip({"word/document.xml": b"<w:document/>" + b" " * 20_000})
    with pytest.raises(IngestionError, match="unpacks to more than"):
        detect_format(bomb, "bomb.docx")


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2048))
def test_any_bytes_give_a_format_or_an_ingestion_error(content):
    try:
        assert detect_format(content, "fuzz.bin") in FORMATS
    except IngestionError as error:
        assert "fuzz.bin" in error.message


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_documents_give_a_format_or_an_ingestion_error(data):
    original = data.draw(
        st.sampled_from(
            [
                (DOCUMENTS / "001_concept.docx").read_bytes(),
                b'{"a": [1, 2, 3]}',
                AZERBAIJANI.encode(),
                b"%PDF-1.4\n1 0 obj << >> endobj\n",
            ]
        )
    )
    content = bytearray(original)
    for _ in range(data.draw(st.integers(min_value=1, max_value=8))):
        position = data.draw(st.integers(min_value=0, max_value=len(content) - 1))
        content[position] = data.draw(st.integers(min_value=0, max_value=255))
    cut = data.draw(st.integers(min_value=0, max_value=len(content)))
    try:
        assert detect_format(bytes(content[: cut or None]), "fuzz.bin") in FORMATS
    except IngestionError:
        pass
