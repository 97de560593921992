from django.urls import path

from . import views

app_name = "newsletter"
urlpatterns = [
    path("", views.subscribe, name="index"),
    path("thanks/", views.subscribed, name="subscribed"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("confirmed/", views.confirmed, name="confirmed"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("my-subscription/", views.member_subscription, name="member_subscription"),
]
