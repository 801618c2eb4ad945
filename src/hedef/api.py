"""The JSON API, version 1. Its OpenAPI schema is served at /api/v1/openapi.json."""

from django.utils.translation import gettext_lazy as _
from ninja import NinjaAPI

from hedef.core.api_input import api_input_checks_install
from hedef.core.errors import api_error_handlers_install
from hedef.monitoring.api import router as monitoring_router
from hedef.plans.api import router as plans_router
from hedef.publishing.api import router as published_router

api = NinjaAPI(
    title="Hədəf API",
    version="1",
    description=str(
        _(
            "Strategies, measures, agencies and headline indicators of the loaded plans. "
            "Plan data are public documents and can be read without signing in."
        )
    ),
    urls_namespace="api",
)
api.add_router("/", plans_router)
api.add_router("/", published_router)
api.add_router("/monitoring", monitoring_router)
api_error_handlers_install(api)
api_input_checks_install(api)
