"""The one error ingestion lets out.

Whatever goes wrong inside the parser, the caller sees an ``IngestionError`` with
a translated message and the place at fault, never a stack trace: the upload
screen shows the message, and a failed import writes nothing.
"""

from __future__ import annotations

__all__ = ["IngestionError"]


class IngestionError(ValueError):
    """A document that cannot be read as a strategy.

    ``message`` is a translated sentence; ``location`` names the place at fault
    (file, line or field), or is empty when the whole document is at fault.
    """

    def __init__(self, message: str, location: str = "") -> None:
        super().__init__(f"{location}: {message}" if location else message)
        self.message = message
        self.location = location
