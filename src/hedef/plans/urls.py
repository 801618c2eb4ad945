from django.urls import path

from hedef.plans import views

app_name = "plans"

urlpatterns = [
    path("", views.home, name="home"),
    path("strategies/<slug:code>/", views.strategy_detail, name="strategy-detail"),
    path("strategies/<slug:code>/export.<str:fmt>", views.strategy_export, name="strategy-export"),
    path(
        "strategies/<slug:code>/measures/<str:number>/",
        views.measure_detail,
        name="measure-detail",
    ),
    path(
        "strategies/<slug:code>/indicators/<str:number>/",
        views.indicator_detail,
        name="indicator-detail",
    ),
    path("measures/", views.measure_search, name="measure-list"),
    path("search/", views.search, name="search"),
    path("agencies/", views.agency_index, name="agency-list"),
    path("agencies/<slug:code>/", views.agency_detail, name="agency-detail"),
    path("import/", views.plan_upload, name="plan-import"),
]
