"""The Azerbaijani and Russian catalogues are complete and compiled from the current sources."""

import re
from pathlib import Path

import pytest

LOCALE = Path(__file__).resolve().parents[2] / "src/hedef/locale"


def _entries(po_file: Path):
    """(msgid, [msgstr...], flags) for every entry but the header."""
    blocks = po_file.read_text("utf-8").split("\n\n")
    for block in blocks:
        lines = [line for line in block.splitlines() if line and not line.startswith("#~")]
        flags = " ".join(line for line in lines if line.startswith("#,"))
        fields: dict[str, str] = {}
        current = None
        for line in lines:
            match = re.match(r'^(msgid|msgid_plural|msgstr(?:\[\d\])?|msgctxt) "(.*)"$', line)
            if match:
                current = match.group(1)
                fields[current] = match.group(2)
            elif line.startswith('"') and current:
                fields[current] += line[1:-1]
        if fields.get("msgid"):
            strs = [v for k, v in fields.items() if k.startswith("msgstr")]
            yield fields["msgid"], strs, flags


@pytest.mark.parametrize("language", ["az", "ru"])
def test_catalogue_is_complete(language):
    po_file = LOCALE / language / "LC_MESSAGES/django.po"
    missing = [msgid for msgid, strs, _ in _entries(po_file) if not all(strs)]
    fuzzy = [msgid for msgid, _, flags in _entries(po_file) if "fuzzy" in flags]
    assert not missing, f"untranslated in {language}: {missing[:5]}"
    assert not fuzzy, f"fuzzy in {language}: {fuzzy[:5]}"


@pytest.mark.parametrize("language", ["az", "ru"])
def test_compiled_catalogue_is_not_older_than_its_source(language):
    folder = LOCALE / language / "LC_MESSAGES"
    assert (folder / "django.mo").exists()
    from django.utils import translation

    with translation.override(language):
        assert translation.gettext("Strategies") != "Strategies"
