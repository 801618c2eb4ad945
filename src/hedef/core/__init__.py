"""Cross-cutting pieces every capability shares, depending on none of them.

Who makes a change and through which door (:mod:`.actors`), the action base class
every write goes through (:mod:`.actions`), the append-only, hash-chained audit log
(:mod:`.models`, :mod:`.audit`), the limits every upload shares (:mod:`.uploads`)
and the one application error with its translated messages (:mod:`.errors`).
"""
