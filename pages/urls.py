from django.urls import path

from . import views

app_name = "pages"
urlpatterns = [
    path("privacy/", views.content_page, {"kind": "privacy"}, name="privacy"),
    path("accessibility/", views.content_page, {"kind": "accessibility"}, name="accessibility"),
    path("about/", views.content_page, {"kind": "about"}, name="about"),
    path("contact/", views.contact, name="contact"),
    path("contact/thanks/", views.contact_thanks, name="contact_thanks"),
]
