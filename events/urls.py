from django.urls import path

from . import views

app_name = "events"
urlpatterns = [
    path("", views.event_list, name="index"),
    path("feed.ics", views.public_events_feed, name="feed"),
    path("feed/new/", views.create_feed, name="create_feed"),
    path("certificates/<int:pk>.pdf", views.certificate_pdf, name="certificate"),
    path("enrolments/<int:pk>/cancel/", views.cancel_enrollment, name="cancel"),
    path("enrolments/<int:pk>/mode/", views.switch_mode, name="switch_mode"),
    path("enrolments/<int:pk>/leave-waiting-list/", views.leave_waiting_list, name="leave_waiting_list"),
    path("release/<str:token>/", views.release_seat, name="release"),
    path("<slug:slug>/", views.event_detail, name="detail"),
    path("<slug:slug>/enrol/", views.enroll, name="enroll"),
    path("<slug:slug>/check-in/", views.check_in, name="checkin"),  # the address keeps the spelling users know
    path("<slug:slug>/calendar.ics", views.event_calendar, name="calendar"),
    path("<slug:slug>/series/enrol/", views.subscribe_series, name="subscribe_series"),
    path("<slug:slug>/series/leave/", views.leave_series, name="leave_series"),
    path("<slug:slug>/drop-date/", views.drop_series_date, name="drop_date"),
]
