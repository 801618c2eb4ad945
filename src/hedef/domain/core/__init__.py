"""Cross-cutting pieces of the pure core.

Errors with stable codes, the translation hook, Azerbaijani text handling and
the audit hash chain: every capability's core may use them; they use none.
"""
