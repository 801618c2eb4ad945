from django.urls import path

from hedef.accounts import views

app_name = "accounts"

urlpatterns = [
    path("two-factor/", views.two_factor, name="two-factor"),
    path("invite/", views.invite, name="invite"),
    path("invitation/<uidb64>/<token>/", views.invitation, name="invitation"),
]
