"""The WSGI application (``gunicorn hedef.wsgi``): production settings by default.

Set ``DJANGO_SETTINGS_MODULE`` to serve with other settings; ``hedef serve`` serves this
application under gunicorn, ``hedef serve --dev`` and ``hedef demo`` use Django's
development server on the development settings.
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hedef.settings.production")
application = get_wsgi_application()
