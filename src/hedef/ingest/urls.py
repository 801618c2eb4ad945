from django.urls import path

from hedef.ingest import views

app_name = "ingest"

urlpatterns = [
    path("", views.upload, name="upload"),
    path("<int:pk>/", views.review, name="review"),
]
