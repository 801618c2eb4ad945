import json

import pytest

from tests.fixtures import GOLD_DIR
from tests.fixtures.documents import build


@pytest.fixture(scope="module")
def gold():
    """The gold annotation of a typeset test document, by the document's stem."""

    def load(stem: str) -> dict:
        layout = build.layout_named(stem)
        return json.loads((GOLD_DIR / layout.gold_file).read_text(encoding="utf-8"))

    return load
