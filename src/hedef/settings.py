"""Placeholder settings; replaced by the full configuration."""

SECRET_KEY = "placeholder"
INSTALLED_APPS: list[str] = []
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
USE_TZ = True
