from django.urls import path

from events.views import personal_feed

from . import views

app_name = "accounts"
urlpatterns = [
    path("", views.my_page, name="my_page"),
    path("profile/", views.edit_profile, name="edit_profile"),
    path("export/", views.export_data, name="export_data"),
    path("delete/", views.delete_account, name="delete_account"),
    # The personal calendar feed (events' view) lives at the address DESIGN.md gives it.
    path("calendar/<str:token>.ics", personal_feed, name="calendar_feed"),
]
