from django.urls import path

from hedef.publishing import views

app_name = "publishing"

urlpatterns = [
    path("", views.home, name="home"),
    path("language/<str:code>/", views.choose_language, name="language"),
    path("search/", views.search, name="search"),
    path("agencies/", views.agencies, name="agencies"),
    path("agencies/<slug:code>/", views.agency, name="agency"),
    path("strategies/<slug:code>/", views.strategy, name="strategy"),
    path("strategies/<slug:code>/goals/<str:number>/", views.goal, name="goal"),
    path("strategies/<slug:code>/measures/<str:number>/", views.measure, name="measure"),
    path("strategies/<slug:code>/indicators/<str:number>/", views.indicator, name="indicator"),
    path("open-data/", views.open_data, name="open-data"),
    path("open-data/<slug:key>/<str:name>", views.open_data_file, name="open-data-file"),
    path("workspace/feedback/", views.moderation, name="moderation"),
]
