"""Every status key becomes words and a colour in one place."""

import pytest

from hedef.domain.evaluation.statuses import (
    MEASURE_STATUS_ORDER,
    is_known_status,
    stage_label,
    status_colour,
    status_label,
)


@pytest.mark.parametrize(
    ("key", "label"),
    [
        (None, "No stage reported"),
        ("initial", "Initial results"),
        ("interim", "Interim results"),
        ("final", "Final results"),
    ],
)
def test_a_stage_is_named_and_a_missing_one_says_so(key, label):
    assert stage_label(key) == label


@pytest.mark.parametrize("key", MEASURE_STATUS_ORDER)
def test_every_measure_status_has_a_label_and_a_colour(key):
    assert is_known_status(key)
    assert status_label(key) and status_label(key) != key
    assert status_colour(key).startswith("#")
