"""gunicorn, started from ``hedef serve`` with its options rather than from its own command."""

from __future__ import annotations

from typing import Any

from gunicorn.app.base import BaseApplication


class Gunicorn(BaseApplication):  # type: ignore[misc]
    """gunicorn serving ``hedef.wsgi`` with the given settings (``bind``, ``workers``, …)."""

    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        # No control socket (gunicorn 25.1+): it would sit in the service account's home,
        # shared by every instance; systemd's signals do what it offers.
        if "control_socket_disable" in self.cfg.settings:
            self.cfg.set("control_socket_disable", True)
        for name, value in self.options.items():
            self.cfg.set(name, value)

    def load(self) -> Any:
        from hedef.wsgi import application

        return application
