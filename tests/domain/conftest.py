import pytest

from hedef.domain.core import i18n


@pytest.fixture(autouse=True)
def _untranslated_messages(monkeypatch):
    """The pure core is tested on its own: its messages in their source language."""
    monkeypatch.setattr(i18n, "_translate", str)
