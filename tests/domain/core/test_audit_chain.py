"""The audit hash chain: an intact log verifies; an edited, deleted or moved entry shows."""

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hedef.domain.core.audit_chain import (
    GENESIS,
    ChainEntry,
    ProblemKind,
    canonical_json,
    entry_hash,
    verify_chain,
)


def chain(count):
    entries, previous = [], GENESIS
    for number in range(1, count + 1):
        payload = {"action": "submission.save", "object": f"submission:{number}", "n": number}
        digest = entry_hash(previous, payload)
        entries.append(ChainEntry(number, payload, previous, digest))
        previous = digest
    return entries


def kinds(problems):
    return [(p.kind, p.entry_ids) for p in problems]


def test_an_intact_chain_has_no_problems():
    assert verify_chain(chain(10)) == []


def test_canonical_json_ignores_key_order_and_keeps_azerbaijani_letters():
    assert canonical_json({"b": 1, "a": "İş"}) == canonical_json({"a": "İş", "b": 1})
    assert canonical_json({"a": "İş"}) == '{"a":"İş"}'


def test_nan_cannot_be_hashed():
    with pytest.raises(ValueError):
        canonical_json({"value": float("nan")})


def test_an_edited_entry_is_named():
    entries = chain(6)
    entries[2] = dataclasses.replace(entries[2], payload={**entries[2].payload, "n": 99})
    assert kinds(verify_chain(entries)) == [(ProblemKind.EDITED, (3,))]


def test_an_edited_entry_whose_hash_was_recomputed_breaks_the_next_link():
    entries = chain(6)
    forged = {**entries[2].payload, "n": 99}
    entries[2] = dataclasses.replace(
        entries[2], payload=forged, hash=entry_hash(entries[2].prev_hash, forged)
    )
    assert kinds(verify_chain(entries)) == [(ProblemKind.MISSING, (4,))]


def test_a_deleted_entry_is_named_by_the_entry_after_it():
    entries = chain(6)
    del entries[3]
    assert kinds(verify_chain(entries)) == [(ProblemKind.MISSING, (5,))]


def test_a_deleted_first_entry_shows():
    assert kinds(verify_chain(chain(4)[1:])) == [(ProblemKind.MISSING, (2,))]


def test_two_swapped_entries_are_named():
    entries = chain(7)
    a, b = entries[3], entries[4]
    entries[3] = dataclasses.replace(b, id=a.id)
    entries[4] = dataclasses.replace(a, id=b.id)
    assert kinds(verify_chain(entries)) == [(ProblemKind.REORDERED, (4, 5))]


def test_an_entry_moved_to_the_end_is_named():
    entries = chain(5)
    moved = dataclasses.replace(entries[1], id=6)
    entries = [entries[0], *entries[2:], moved]
    problems = verify_chain(entries)
    assert {i for p in problems for i in p.entry_ids} == {3, 6}
    assert all(p.kind is ProblemKind.REORDERED for p in problems)


def test_an_inserted_entry_is_named():
    entries = chain(4)
    payload = {"action": "forged"}
    forged = ChainEntry(25, payload, entries[1].hash, entry_hash(entries[1].hash, payload))
    entries = [entries[0], entries[1], forged, entries[2], entries[3]]
    assert kinds(verify_chain(entries)) == [(ProblemKind.REORDERED, (25,))]


def test_a_cut_off_tail_shows_against_an_anchor():
    entries = chain(6)
    anchors = {6: entries[5].hash}
    assert verify_chain(entries, anchors) == []
    assert kinds(verify_chain(entries[:4], anchors)) == [(ProblemKind.ANCHOR, (6,))]


@given(st.data())
def test_any_single_edit_is_found(data):
    entries = chain(data.draw(st.integers(min_value=1, max_value=12)))
    index = data.draw(st.integers(min_value=0, max_value=len(entries) - 1))
    value = data.draw(st.integers().filter(lambda v: v != entries[index].payload["n"]))
    entries[index] = dataclasses.replace(
        entries[index], payload={**entries[index].payload, "n": value}
    )
    assert kinds(verify_chain(entries)) == [(ProblemKind.EDITED, (index + 1,))]
