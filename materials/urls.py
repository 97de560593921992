from django.urls import path

from hyte_portal.views import section_pending

app_name = "materials"
urlpatterns = [
    path("", section_pending, {"section": "materials"}, name="index"),
]
