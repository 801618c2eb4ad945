"""One entry for every document: the encodings Windows and Office save text in."""

from __future__ import annotations

import codecs
import dataclasses
import hashlib
from pathlib import Path

import pytest

from hedef.domain.ingest import IngestionError
from hedef.domain.ingest.documents import read_document
from hedef.domain.plans import interchange

DOCUMENT = Path(__file__).parents[3] / "src/hedef/sample_data/documents/002_342d9e6260cb9729.txt"

# (what Windows calls it, how the bytes are made from the text)
ENCODINGS = [
    ("UTF-8 with a byte-order mark", lambda text: codecs.BOM_UTF8 + text.encode("utf-8")),
    ('UTF-16 LE with its mark (Notepad\'s "Unicode")', lambda text: text.encode("utf-16")),
    ("UTF-16 BE with its mark", lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be")),
]


@pytest.fixture(scope="module")
def in_utf8():
    return read_document(DOCUMENT.read_bytes(), DOCUMENT.name)


@pytest.mark.parametrize(("name", "encode"), ENCODINGS, ids=[e[0] for e in ENCODINGS])
def test_a_text_document_reads_alike_in_every_unicode_encoding(in_utf8, name, encode):
    """The same document saved as UTF-16 gives the same plan as in UTF-8, not a crash."""
    data = encode(DOCUMENT.read_text(encoding="utf-8"))
    parsed = read_document(data, DOCUMENT.name)
    assert parsed.strategy.source.sha256 == hashlib.sha256(data).hexdigest()
    same_source = dataclasses.replace(parsed.strategy, source=in_utf8.strategy.source)
    assert interchange.dumps(same_source) == interchange.dumps(in_utf8.strategy)
    assert parsed.source_lines == in_utf8.source_lines


@pytest.mark.parametrize(("suffix", "dump"), [(".json", interchange.dumps), (".yaml", None)])
def test_a_plan_file_in_utf16_is_read(gold_plans, suffix, dump):
    plan = gold_plans["digital-economy-2026-2029"]
    text = interchange.dumps(plan)
    if dump is None:
        text = "---\n" + text  # JSON is YAML; the marker makes it one
    parsed = read_document(text.encode("utf-16"), f"plan{suffix}")
    assert interchange.dumps(parsed.strategy) == text.removeprefix("---\n")


def test_broken_utf16_is_refused_naming_the_file():
    """A byte-order mark followed by an odd byte count is not text: the documented refusal."""
    with pytest.raises(IngestionError) as caught:
        read_document(codecs.BOM_UTF16_LE + "Strategiya".encode("utf-16-le") + b"\x00", "a.txt")
    assert "a.txt" in caught.value.message
