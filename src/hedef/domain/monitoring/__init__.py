"""Monitoring: the rules of agencies' submissions.

Reporting cycles, the measures due in them, the review workflow and its content
checks (:mod:`.submissions`), the Excel workbook agencies fill offline
(:mod:`.workbook`) and the evidence files they attach (:mod:`.evidence`).
"""
