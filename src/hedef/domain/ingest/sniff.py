"""Telling what kind of file an upload is, from its content.

People upload strategy documents with whatever name their mail client gave them,
so the file name is only a tie-breaker: the bytes decide. Anything that cannot be
a document (empty, too large, binary garbage, text in an unknown encoding) is
refused here, with a message naming the file, before any parser sees it.
"""

from __future__ import annotations

import binascii
import io
import json
import struct
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager

from hedef.domain.core.i18n import gettext as _
from hedef.domain.ingest.errors import IngestionError

__all__ = [
    "FORMATS",
    "MAX_DOCUMENT_BYTES",
    "MAX_UNPACKED_BYTES",
    "archive_members",
    "decode_text",
    "detect_format",
    "ensure_acceptable_size",
    "refuse_damaged",
]

FORMATS = ("text", "pdf", "docx", "xlsx", "json", "yaml")

# A published strategy with its annexes is a few megabytes; 50 MB leaves room for
# scanned annexes while refusing uploads that would only tie up a worker.
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024
# Office files are zip archives: the limit on what they may unpack to stops a
# small "zip bomb" from filling memory when the XML inside is parsed.
MAX_UNPACKED_BYTES = 4 * MAX_DOCUMENT_BYTES

# The PDF header may follow a little junk (some generators prepend a BOM or a
# mail header); readers accept it within the first kilobyte.
_PDF_MAGIC = b"%PDF-"
_PDF_HEADER_WINDOW = 1024
_ZIP_MAGIC = b"PK\x03\x04"
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Control characters other than tab, newline, carriage return and form feed do not
# occur in real text; a few may survive a copy-paste, many mean binary data.
_TEXT_CONTROL_OK = {"\t", "\n", "\r", "\f"}
_MAX_CONTROL_SHARE = 0.01
_YAML_SUFFIXES = (".yaml", ".yml")
# Errors the zip module raises on a damaged archive, besides its own BadZipFile.
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, struct.error, binascii.Error, EOFError, OSError)


def ensure_acceptable_size(size: int, file_name: str) -> None:
    """Refuse a document of ``size`` bytes that is empty or too large.

    Callers that know the size before reading (an upload's declared length) call
    this first, so a huge file is refused without being read.

    Raises:
        IngestionError: the file is empty or at least ``MAX_DOCUMENT_BYTES`` long.
    """
    if size == 0:
        raise IngestionError(_("The file %(file)s is empty.") % {"file": file_name}, file_name)
    if size >= MAX_DOCUMENT_BYTES:
        raise IngestionError(
            _("The file %(file)s is %(size)s MB; documents must be smaller than %(limit)s MB.")
            % {
                "file": file_name,
                "size": size // (1024 * 1024),
                "limit": MAX_DOCUMENT_BYTES // (1024 * 1024),
            },
            file_name,
        )


def detect_format(data: bytes, file_name: str) -> str:
    """Return the format of an uploaded document: one of :data:`FORMATS`.

    The content decides: ``%PDF`` is a PDF, a zip archive holding
    ``word/document.xml`` is a Word file and one holding ``xl/workbook.xml`` an
    Excel file; anything else must be text (see :func:`decode_text`), which is JSON when it parses
    as JSON, YAML when the name ends in ``.yaml``/``.yml`` or the text opens with
    a YAML marker, and plain text otherwise.

    Raises:
        IngestionError: the file is empty, too large, binary but not a known
            document, a damaged archive, or text in an encoding other than UTF-8.
    """
    ensure_acceptable_size(len(data), file_name)
    if _PDF_MAGIC in data[:_PDF_HEADER_WINDOW]:
        return "pdf"
    if data.startswith(_ZIP_MAGIC):
        return _office_format(data, file_name)
    if data.startswith(_OLE2_MAGIC):
        raise IngestionError(
            _(
                "The file %(file)s is an old binary Word or Excel file; "
                "save it as .docx or .xlsx and upload it again."
            )
            % {"file": file_name},
            file_name,
        )
    return _text_format(decode_text(data, file_name), file_name)


def archive_members(data: bytes, file_name: str) -> frozenset[str]:
    """Return the member names of a zip archive after checking it is safe to open.

    Raises:
        IngestionError: the archive is damaged, or would unpack to more than
            ``MAX_UNPACKED_BYTES``.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except _ZIP_ERRORS as error:
        raise IngestionError(
            _("The file %(file)s is a damaged zip archive (%(reason)s).")
            % {"file": file_name, "reason": str(error) or type(error).__name__},
            file_name,
        ) from None
    if sum(member.file_size for member in members) > MAX_UNPACKED_BYTES:
        raise IngestionError(
            _("The file %(file)s unpacks to more than %(limit)s MB; it is refused.")
            % {"file": file_name, "limit": MAX_UNPACKED_BYTES // (1024 * 1024)},
            file_name,
        )
    return frozenset(member.filename for member in members)


@contextmanager
def refuse_damaged(message: str, file_name: str) -> Iterator[None]:
    """Turn any failure of a document library inside the block into ``IngestionError``.

    pdfminer, python-docx and lxml raise a wide range of errors on a damaged file
    (bad cross-reference tables, broken XML, values out of range, missing parts);
    to the user they all mean "this file is damaged", and none of them may escape
    as a stack trace. ``message`` is the translated sentence to show.
    """
    try:
        yield
    except IngestionError:
        raise
    except Exception:
        raise IngestionError(message, file_name) from None


def _office_format(data: bytes, file_name: str) -> str:
    members = archive_members(data, file_name)
    if "word/document.xml" in members:
        return "docx"
    if "xl/workbook.xml" in members:
        return "xlsx"
    raise IngestionError(
        _(
            "The file %(file)s is a zip archive but neither a Word (.docx) "
            "nor an Excel (.xlsx) file."
        )
        % {"file": file_name},
        file_name,
    )


def decode_text(data: bytes, file_name: str) -> str:
    """Decode an uploaded text file, the one way every text reader should.

    UTF-8 is read with or without a byte-order mark; UTF-16 only with its
    byte-order mark (what Windows Notepad calls "Unicode").

    Raises:
        IngestionError: the bytes are binary data, or text in another encoding.
    """
    if data.startswith(_UTF16_BOMS):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise _not_a_document(file_name) from None
        return _checked_text(text, file_name)
    if b"\x00" in data:
        raise _not_a_document(file_name)
    try:
        text = data.removeprefix(_UTF8_BOM).decode("utf-8")
    except UnicodeDecodeError as error:
        if _looks_binary(data):
            raise _not_a_document(file_name) from None
        raise IngestionError(
            _(
                "The file %(file)s is not UTF-8 text (the first bad byte is at position "
                "%(position)s); save it as UTF-8 and upload it again."
            )
            % {"file": file_name, "position": error.start},
            file_name,
        ) from None
    return _checked_text(text, file_name)


def _checked_text(text: str, file_name: str) -> str:
    """Refuse decoded text that is blank or full of control characters."""
    if not text.strip() or _control_share(text, c1=True) > _MAX_CONTROL_SHARE:
        raise _not_a_document(file_name)
    return text


def _looks_binary(data: bytes) -> bool:
    """Whether undecodable bytes look like binary data rather than text in another code page.

    Only C0 controls count here: in a Windows code page, bytes 0x80–0x9F are
    quotes and dashes.
    """
    return _control_share(data[:4096].decode("latin-1"), c1=False) > _MAX_CONTROL_SHARE


def _control_share(text: str, *, c1: bool) -> float:
    sample = text[:65536]
    controls = sum(1 for char in sample if char < " " and char not in _TEXT_CONTROL_OK)
    if c1:
        controls += sum(1 for char in sample if "\x7f" <= char <= "\x9f")
    return controls / max(len(sample), 1)


def _not_a_document(file_name: str) -> IngestionError:
    return IngestionError(
        _(
            "The file %(file)s is not a document Hədəf can read: "
            "expected PDF, Word (.docx), Excel (.xlsx), JSON, YAML or UTF-8 text."
        )
        % {"file": file_name},
        file_name,
    )


def _text_format(text: str, file_name: str) -> str:
    stripped = text.lstrip()
    if stripped[:1] in {"{", "["} and _parses_as_json(stripped):
        return "json"
    if file_name.lower().endswith(_YAML_SUFFIXES) or stripped.startswith(("%YAML", "---")):
        return "yaml"
    return "text"


def _parses_as_json(text: str) -> bool:
    try:
        json.loads(text)
    except (ValueError, RecursionError):
        return False
    return True
