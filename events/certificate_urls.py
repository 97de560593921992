"""The public verification of certificates: /<lang>/certificates/<code>/."""

from django.urls import path

from . import views

app_name = "certificates"
urlpatterns = [
    path("<str:code>/", views.verify_certificate, name="verify"),
]
