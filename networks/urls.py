from django.urls import path

from hyte_portal.views import section_pending

app_name = "networks"
urlpatterns = [
    path("", section_pending, {"section": "networks"}, name="index"),
]
