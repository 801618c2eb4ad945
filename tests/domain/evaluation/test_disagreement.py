"""Flagging self-reported statuses that contradict the computed ones."""

import pytest

from hedef.domain.evaluation.disagreement import (
    Band,
    band_of,
    reported_status_key,
    self_reported_disagrees,
)

CASES = [
    # (reported, computed, flagged)
    ("on_schedule", "on_schedule", False),
    ("completed", "target_achieved", False),  # same band
    ("on_schedule", "behind", True),
    ("substantial_progress", "moderate_progress", True),
    ("substantial_progress", "deterioration", True),
    ("limited_progress", "overdue", False),
    ("not_reported", "behind", False),  # nothing to compare
    ("on_schedule", "not_available", False),
    ("cancelled", "on_schedule", False),
]


@pytest.mark.parametrize(("reported", "computed", "flagged"), CASES)
def test_self_reported_disagrees(reported, computed, flagged):
    assert self_reported_disagrees(reported, computed) is flagged


def test_tolerance_of_one_band_lets_neighbours_pass():
    assert not self_reported_disagrees("substantial_progress", "moderate_progress", tolerance=1)
    assert self_reported_disagrees("substantial_progress", "deterioration", tolerance=1)


def test_bands_are_ordered():
    assert band_of("on_schedule") > band_of("moderate_progress") > band_of("behind")
    assert band_of("unknown") is None
    assert Band.ON_TRACK == 2


REPORTED = [
    # (workflow key the agency chose, the key it claims)
    ("in_progress", "on_schedule"),
    ("delayed", "behind"),
    ("completed", "completed"),
    ("not_started", "not_started"),
    ("cancelled", "cancelled"),
    ("", None),
    (None, None),
]


@pytest.mark.parametrize(("workflow", "claim"), REPORTED)
def test_reported_status_key_reads_workflow_keys_as_claims(workflow, claim):
    assert reported_status_key(workflow) == claim


def test_an_agency_in_progress_on_a_measure_behind_schedule_is_flagged():
    assert self_reported_disagrees(reported_status_key("in_progress"), "behind")
    assert not self_reported_disagrees(reported_status_key("delayed"), "behind")
    assert not self_reported_disagrees(reported_status_key("not_started"), "behind")
