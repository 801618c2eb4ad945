from django.urls import path

from hedef.reports import views

app_name = "reports"

urlpatterns = [
    path("workspace/reports/", views.reports, name="page"),
    path("workspace/reports/download/", views.report_download, name="download"),
]
