"""Monitoring tests: messages in English, evidence in a temporary folder, today before due."""

from tests.helpers.monitoring import _english, _media_and_clock  # noqa: F401  (autouse fixtures)
