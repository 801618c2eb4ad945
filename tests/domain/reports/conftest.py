"""Reports built once per session: the 50-measure strategy in Azerbaijani and English.

The tests share one of each: the input and the assembled model. Labels stay in their English source
text (no catalogue is involved), which the assertions rely on.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import pytest

from hedef.domain import i18n
from hedef.domain.reports import assemble
from tests.domain.reports.sample_report import consolidated, report_for, sample_report


@contextlib.contextmanager
def untranslated() -> Iterator[None]:
    """Messages in their source language, whatever translator the Django shell installed."""
    saved = i18n._translate
    i18n._translate = str
    try:
        yield
    finally:
        i18n._translate = saved


@pytest.fixture(scope="session")
def data_az(shared_dir):
    return sample_report(shared_dir, language="az")


@pytest.fixture(scope="session")
def data_en(shared_dir):
    return sample_report(shared_dir, language="en")


@pytest.fixture(scope="session")
def report_az(data_az):
    with untranslated():
        return assemble(data_az)


@pytest.fixture(scope="session")
def report_en(data_en):
    with untranslated():
        return assemble(data_en)


@pytest.fixture(scope="session")
def consolidated_data(shared_dir, data_az):
    """The Digital Economy Strategy with the Digital Development Concept, one cycle."""
    from tests.gold_plans import plan_from_gold

    concept = plan_from_gold(shared_dir / "gold/001_53070439b15b0152.json", shared_dir / "seeds")
    return consolidated(data_az, report_for(concept, language="az"))


@pytest.fixture(scope="session")
def consolidated_report(consolidated_data):
    with untranslated():
        return assemble(consolidated_data)
