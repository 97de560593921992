from django.urls import path

from . import views

app_name = "events"
urlpatterns = [
    path("", views.event_list, name="index"),
    path("feed.ics", views.public_events_feed, name="feed"),
    path("feed/new/", views.create_feed, name="create_feed"),
    path("certificates/<int:pk>.pdf", views.certificate_pdf, name="certificate"),
    path("enrolments/<int:pk>/cancel/", views.cancel_enrollment, name="cancel"),
    path("<slug:slug>/", views.event_detail, name="detail"),
    path("<slug:slug>/enrol/", views.enroll, name="enroll"),  # the address keeps the spelling users know
    path("<slug:slug>/calendar.ics", views.event_calendar, name="calendar"),
]
