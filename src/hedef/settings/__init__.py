"""Django settings for Hədəf, one module per way of running it.

- ``hedef.settings.development``: the default of the ``hedef`` command (``hedef demo``,
  ``hedef serve --dev``, every other subcommand) unless ``DJANGO_SETTINGS_MODULE`` says
  otherwise.
  ``DEBUG`` on; the secret key is ``HEDEF_SECRET_KEY`` or one made once and kept in the
  data dir.
- ``hedef.settings.test``: the test suite's (``pyproject.toml``).
- ``hedef.settings.production``: the default of ``hedef serve`` and ``hedef.wsgi``
  (gunicorn). ``DEBUG`` off; refuses to start without ``HEDEF_SECRET_KEY``,
  ``HEDEF_AUDIT_KEY`` and ``HEDEF_ALLOWED_HOSTS``.

All three build on ``hedef.settings.base``; ``hedef.settings.env`` reads the environment.
"""
