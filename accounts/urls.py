from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("", views.my_page, name="my_page"),
    path("profile/", views.edit_profile, name="edit_profile"),
    path("export/", views.export_data, name="export_data"),
    path("delete/", views.delete_account, name="delete_account"),
]
