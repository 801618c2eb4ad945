from django.urls import path

from hedef.evaluation import views

app_name = "evaluation"

urlpatterns = [
    path("methodology/", views.methodology, name="methodology"),
]
