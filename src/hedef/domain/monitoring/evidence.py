"""Evidence files: which kinds are accepted, told by their content, never by their name.

A file's name and the browser's content type are what the sender claims; the first
bytes (and, for Office files, the parts inside the ZIP container) are what it is.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from enum import StrEnum

from hedef.domain.core.errors import DomainError
from hedef.domain.core.i18n import gettext as _

__all__ = ["EvidenceKind", "EvidenceRefused", "check_evidence", "sniff_kind", "type_true_name"]


class EvidenceKind(StrEnum):
    PDF = "pdf"
    DOCX = "docx"
    XLSX = "xlsx"
    PNG = "png"
    JPEG = "jpeg"
    GIF = "gif"
    WEBP = "webp"


CONTENT_TYPES = {
    EvidenceKind.PDF: "application/pdf",
    EvidenceKind.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    EvidenceKind.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    EvidenceKind.PNG: "image/png",
    EvidenceKind.JPEG: "image/jpeg",
    EvidenceKind.GIF: "image/gif",
    EvidenceKind.WEBP: "image/webp",
}

# The extensions a file of each kind may carry; the first is the one given to it.
EXTENSIONS = {
    EvidenceKind.PDF: (".pdf",),
    EvidenceKind.DOCX: (".docx",),
    EvidenceKind.XLSX: (".xlsx",),
    EvidenceKind.PNG: (".png",),
    EvidenceKind.JPEG: (".jpg", ".jpeg", ".jpe"),
    EvidenceKind.GIF: (".gif",),
    EvidenceKind.WEBP: (".webp",),
}

_OFFICE_PARTS = {"word/document.xml": EvidenceKind.DOCX, "xl/workbook.xml": EvidenceKind.XLSX}


class EvidenceRefused(DomainError):
    """An evidence file that may not be stored."""


def sniff_kind(data: bytes) -> EvidenceKind | None:
    """The kind of file ``data`` is by its content, or ``None`` when not an accepted kind."""
    if data.startswith(b"%PDF-"):
        return EvidenceKind.PDF
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return EvidenceKind.PNG
    if data.startswith(b"\xff\xd8\xff"):
        return EvidenceKind.JPEG
    if data[:6] in {b"GIF87a", b"GIF89a"}:
        return EvidenceKind.GIF
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return EvidenceKind.WEBP
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, OSError, ValueError):
            return None
        if "[Content_Types].xml" in names:
            for part, kind in _OFFICE_PARTS.items():
                if part in names:
                    return kind
    return None


@dataclass(frozen=True)
class CheckedEvidence:
    kind: EvidenceKind
    content_type: str


def check_evidence(data: bytes, file_name: str, *, max_bytes: int) -> CheckedEvidence:
    """Accept ``data`` as evidence or say why not.

    Raises:
        EvidenceRefused: code ``empty``, ``too_large`` or ``unsupported_type``; the
            message names the file.
    """
    if not data:
        raise EvidenceRefused("empty", _("%(file)s is empty."), {"file": file_name})
    if len(data) > max_bytes:
        raise EvidenceRefused(
            "too_large",
            _("%(file)s is larger than the %(limit)s MB limit for evidence."),
            {"file": file_name, "limit": max_bytes // 2**20},
        )
    kind = sniff_kind(data)
    if kind is None:
        raise EvidenceRefused(
            "unsupported_type",
            _(
                "%(file)s is not a PDF, DOCX, XLSX or image (PNG, JPEG, GIF, WebP) "
                "by its content; other files are not accepted as evidence."
            ),
            {"file": file_name},
        )
    return CheckedEvidence(kind, CONTENT_TYPES[kind])


def type_true_name(file_name: str, kind: EvidenceKind | str) -> str:
    """``file_name`` with an extension that says what the file is by its content.

    A name whose extension already fits is kept; any other gets the kind's extension
    appended (``akt.html`` holding a PDF becomes ``akt.html.pdf``), so that neither a
    browser nor a file manager opens it as what the sender claimed.
    """
    allowed = EXTENSIONS[EvidenceKind(kind)]
    if file_name.lower().endswith(allowed):
        return file_name
    return file_name + allowed[0]
