"""Account tests: the monitoring fixtures' English messages, media folder and clock."""

from tests.helpers.monitoring import _english, _media_and_clock  # noqa: F401  (autouse fixtures)
