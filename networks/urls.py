from django.urls import path

from . import views

app_name = "networks"
urlpatterns = [
    path("", views.network_list, name="index"),
    path("<slug:slug>/", views.network_detail, name="detail"),
    path("<slug:slug>/calendar.ics", views.network_calendar, name="calendar"),
    path("<slug:slug>/join/", views.join, name="join"),
    path("<slug:slug>/leave/", views.leave, name="leave"),
    path("<slug:slug>/members/", views.member_directory, name="directory"),
    # After the network's own pages, so that a network may be called "invitations"; a token is never "join".
    path("invitations/<str:token>/", views.invitation, name="invitation"),
]
