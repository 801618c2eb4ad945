"""Functions and data the tests share, imported like any module.

Fixtures stay in the ``conftest.py`` files; what a test or a fixture calls lives here,
one module per subject.
"""
