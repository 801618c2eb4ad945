"""Monitoring reports: the semi-annual and annual documents (DOCX, PDF, HTML) from the database.

:mod:`.data` reads a cycle's evaluation, submissions and audit trail into the pure
core's report input (:mod:`hedef.domain.reports`), :mod:`.files` turns it into a
file, :mod:`.views` is the page that offers them and ``hedef report`` the command.
"""
