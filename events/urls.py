from django.urls import path

from hyte_portal.views import section_pending

app_name = "events"
urlpatterns = [
    path("", section_pending, {"section": "events"}, name="index"),
]
