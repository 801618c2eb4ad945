"""API tests: English messages and evidence in a temporary folder.

The cycle, its accounts, the agency token and the published snapshot are the shared
fixtures of tests/conftest.py.
"""

from tests.helpers.monitoring import _english, _media_and_clock  # noqa: F401  (autouse)
