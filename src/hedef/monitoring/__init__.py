"""Monitoring: reporting cycles, agency reports, review, the Excel template, the agency API,
reminders and the tamper-evident audit trail."""
