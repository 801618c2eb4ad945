"""The published snapshot: what the portal, the open data and the public API all read."""

from hedef.domain.core.text import az_sort_key
from hedef.publishing.snapshots import snapshot_data
from tests.helpers.publishing import CYCLE


def test_agencies_are_listed_in_azerbaijani_alphabetical_order(loaded_plans):
    """Ç after C, Ə after E, İ after I: code-point order would put them after Z."""
    names = [agency["name"] for agency in snapshot_data(cycle=CYCLE)["agencies"]]
    assert len(names) > 10
    assert names == sorted(names, key=az_sort_key)
    assert names != sorted(names), "the sample agencies must tell the two orders apart"
