"""The keyed audit hash chain: an intact log verifies; an edited, deleted or moved entry shows."""

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hedef.domain.core.audit_chain import (
    GENESIS,
    ChainEntry,
    ChainHead,
    ProblemKind,
    canonical_json,
    entry_hash,
    head_seal,
    verify_chain,
    verify_head,
)
from hedef.domain.core.audit_witness import (
    WitnessMark,
    WitnessUnreadable,
    check_witness,
    parse_witness,
    witness_line,
)

KEY = b"the chain's key"


def verify(entries, anchors=None, **options):
    return verify_chain(entries, anchors, key=KEY, **options)


def chain(count, *, legacy_through=0):
    """``count`` entries; the first ``legacy_through`` hashed unkeyed, as before keying."""
    entries, previous = [], GENESIS
    for number in range(1, count + 1):
        payload = {"action": "submission.save", "object": f"submission:{number}", "n": number}
        digest = entry_hash(previous, payload, None if number <= legacy_through else KEY)
        entries.append(ChainEntry(number, payload, previous, digest))
        previous = digest
    return entries


def kinds(problems):
    return [(p.kind, p.entry_ids) for p in problems]


def test_an_intact_chain_has_no_problems():
    assert verify(chain(10)) == []


def test_canonical_json_ignores_key_order_and_keeps_azerbaijani_letters():
    assert canonical_json({"b": 1, "a": "İş"}) == canonical_json({"a": "İş", "b": 1})
    assert canonical_json({"a": "İş"}) == '{"a":"İş"}'


def test_nan_cannot_be_hashed():
    with pytest.raises(ValueError):
        canonical_json({"value": float("nan")})


def test_an_edited_entry_is_named():
    entries = chain(6)
    entries[2] = dataclasses.replace(entries[2], payload={**entries[2].payload, "n": 99})
    assert kinds(verify(entries)) == [(ProblemKind.EDITED, (3,))]


def test_an_edited_entry_whose_hash_was_recomputed_breaks_the_next_link():
    entries = chain(6)
    forged = {**entries[2].payload, "n": 99}
    entries[2] = dataclasses.replace(
        entries[2], payload=forged, hash=entry_hash(entries[2].prev_hash, forged, KEY)
    )
    assert kinds(verify(entries)) == [(ProblemKind.MISSING, (4,))]


def test_a_deleted_entry_is_named_by_the_entry_after_it():
    entries = chain(6)
    del entries[3]
    assert kinds(verify(entries)) == [(ProblemKind.MISSING, (5,))]


def test_a_deleted_first_entry_shows():
    assert kinds(verify(chain(4)[1:])) == [(ProblemKind.MISSING, (2,))]


def test_two_swapped_entries_are_named():
    entries = chain(7)
    a, b = entries[3], entries[4]
    entries[3] = dataclasses.replace(b, id=a.id)
    entries[4] = dataclasses.replace(a, id=b.id)
    assert kinds(verify(entries)) == [(ProblemKind.REORDERED, (4, 5))]


def test_an_entry_moved_to_the_end_is_named():
    entries = chain(5)
    moved = dataclasses.replace(entries[1], id=6)
    entries = [entries[0], *entries[2:], moved]
    problems = verify(entries)
    assert {i for p in problems for i in p.entry_ids} == {3, 6}
    assert all(p.kind is ProblemKind.REORDERED for p in problems)


def test_an_inserted_entry_is_named():
    entries = chain(4)
    payload = {"action": "forged"}
    forged = ChainEntry(25, payload, entries[1].hash, entry_hash(entries[1].hash, payload, KEY))
    entries = [entries[0], entries[1], forged, entries[2], entries[3]]
    assert kinds(verify(entries)) == [(ProblemKind.REORDERED, (25,))]


def test_a_cut_off_tail_shows_against_an_anchor():
    entries = chain(6)
    anchors = {6: entries[5].hash}
    assert verify(entries, anchors) == []
    assert kinds(verify(entries[:4], anchors)) == [(ProblemKind.ANCHOR, (6,))]


@given(st.data())
def test_any_single_edit_is_found(data):
    entries = chain(data.draw(st.integers(min_value=1, max_value=12)))
    index = data.draw(st.integers(min_value=0, max_value=len(entries) - 1))
    value = data.draw(st.integers().filter(lambda v: v != entries[index].payload["n"]))
    entries[index] = dataclasses.replace(
        entries[index], payload={**entries[index].payload, "n": value}
    )
    assert kinds(verify(entries)) == [(ProblemKind.EDITED, (index + 1,))]


def recomputed_from(entries, index, payload, key):
    """``entries`` with entry ``index`` changed to ``payload`` and every hash after it redone."""
    forged = list(entries[:index])
    previous = forged[-1].hash if forged else GENESIS
    for number, entry in enumerate(entries[index:], start=index):
        content = payload if number == index else entry.payload
        digest = entry_hash(previous, content, key)
        forged.append(ChainEntry(entry.id, content, previous, digest))
        previous = digest
    return forged


@pytest.mark.parametrize(
    ("key", "why"),
    [(None, "plain SHA-256, as the chain was before it was keyed"), (b"a guess", "a wrong key")],
)
def test_an_edit_with_every_later_hash_recomputed_without_the_key_shows(key, why):
    entries = chain(6)
    forged = recomputed_from(entries, 2, {**entries[2].payload, "n": 99}, key)
    found = kinds(verify(forged))
    assert found == [(ProblemKind.EDITED, (n,)) for n in range(3, 7)], why


def test_an_edit_recomputed_with_the_key_shows_only_against_an_anchor():
    entries = chain(6)
    forged = recomputed_from(entries, 2, {**entries[2].payload, "n": 99}, KEY)
    assert verify(forged) == []
    assert kinds(verify(forged, {4: entries[3].hash})) == [(ProblemKind.ANCHOR, (4,))]


def test_legacy_entries_verify_unkeyed_up_to_the_boundary_and_keyed_after_it():
    entries = chain(6, legacy_through=3)
    assert verify(entries, legacy_through=3) == []
    assert {p.kind for p in verify(entries)} == {ProblemKind.EDITED}


def test_a_legacy_entry_rewritten_unkeyed_breaks_the_first_keyed_entry():
    entries = chain(6, legacy_through=3)
    forged = recomputed_from(entries[:3], 1, {**entries[1].payload, "n": 99}, None)
    assert kinds(verify([*forged, *entries[3:]], legacy_through=3)) == [(ProblemKind.MISSING, (4,))]


def sealed(last, legacy_through=None):
    seal = head_seal(KEY, last.id, last.hash, legacy_through)
    return ChainHead(last.id, last.hash, legacy_through, seal)


@pytest.mark.parametrize(
    ("case", "head", "last", "expected"),
    [
        ("a sealed head at the last entry", "sealed", 6, []),
        ("no head and no log", None, None, []),
        ("no head though the log has entries", None, 6, [(ProblemKind.HEAD, (6,))]),
        ("a head pointed at an earlier entry", "forged", 4, [(ProblemKind.HEAD, (4,))]),
        ("a legacy boundary moved", "moved", 6, [(ProblemKind.HEAD, (6,))]),
        ("entries after the head", "early", 6, [(ProblemKind.HEAD, (6,))]),
    ],
)
def test_the_head_record_is_checked_against_its_seal_and_the_log(case, head, last, expected):
    entries = chain(6)
    end = entries[last - 1] if last else None
    record = {
        None: None,
        "sealed": sealed(entries[5]),
        "forged": ChainHead(4, entries[3].hash, None, sealed(entries[5]).seal),
        "moved": ChainHead(6, entries[5].hash, 6, sealed(entries[5]).seal),
        "early": sealed(entries[4]),
    }[head]
    assert kinds(verify_head(record, end, key=KEY)) == expected, case


def test_witness_lines_read_back_as_written():
    marks = [
        WitnessMark("2026-07-01T09:00:00.000Z", 12, "a" * 64, "2026-i-yarimil"),
        WitnessMark("2026-07-02T09:00:00.000Z", 15, "b" * 64, None),
    ]
    text = "\n".join(witness_line(m) for m in marks) + "\n\n"
    assert parse_witness(text, source="witness.log") == marks


@pytest.mark.parametrize(
    "line",
    [
        "not json",
        '{"entry": "12", "hash": "' + "a" * 64 + '"}',
        '{"entry": 12, "hash": "abc"}',
        "[]",
    ],
)
def test_an_unreadable_witness_line_is_named(line):
    good = witness_line(WitnessMark("t", 1, "c" * 64))
    with pytest.raises(WitnessUnreadable, match=r"witness\.log, line 2"):
        parse_witness(f"{good}\n{line}\n", source="witness.log")


def test_every_witnessed_head_must_still_be_in_the_log_with_its_hash():
    entries = chain(4)
    hashes = {e.id: e.hash for e in entries}
    kept = WitnessMark("t", 2, entries[1].hash)
    assert check_witness(hashes, [kept]) == []
    gone = WitnessMark("t", 9, "d" * 64)
    changed = WitnessMark("t", 3, "e" * 64)
    assert kinds(check_witness(hashes, [kept, gone, changed])) == [
        (ProblemKind.WITNESS, (9,)),
        (ProblemKind.WITNESS, (3,)),
    ]
