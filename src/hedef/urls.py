from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

from hedef.api import api
from hedef.plans import views as plan_views

urlpatterns = [
    path("workspace/", include("hedef.plans.urls")),
    path("workspace/ingest/", include("hedef.ingest.urls")),
    path("", include("hedef.evaluation.urls")),
    path("", include("hedef.reports.urls")),
    path("", include("hedef.publishing.urls")),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/", include("hedef.accounts.urls")),
    path("reporting/", include("hedef.monitoring.urls")),
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("schemas/plan-1.0.schema.json", plan_views.plan_schema, name="plan-schema"),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]
