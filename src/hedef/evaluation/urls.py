from django.urls import path

from hedef.evaluation import views

app_name = "evaluation"

urlpatterns = [
    path("methodology/", views.methodology, name="methodology"),
    path(
        "workspace/strategies/<slug:code>/dashboard/",
        views.strategy_dashboard,
        name="strategy-dashboard",
    ),
    path(
        "workspace/strategies/<slug:code>/indicators/<str:number>/dashboard/",
        views.indicator_dashboard,
        name="indicator-dashboard",
    ),
    path(
        "workspace/agencies/<slug:code>/dashboard/",
        views.agency_dashboard,
        name="agency-dashboard",
    ),
    path("workspace/rating/", views.rating, name="rating"),
]
