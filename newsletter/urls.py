from django.urls import path

from hyte_portal.views import section_pending

app_name = "newsletter"
urlpatterns = [
    path("", section_pending, {"section": "newsletter"}, name="index"),
]
