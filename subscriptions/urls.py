"""Public addresses, under the language prefix: /<language>/subscribe/…"""

from django.urls import path

from subscriptions import views

app_name = "subscriptions"

urlpatterns = [
    path("", views.subscribe, name="subscribe"),
    path("check-your-inbox/", views.check_inbox, name="check_inbox"),
    path("confirm/<str:signed>/", views.confirm, name="confirm"),
    path("unsubscribe/<str:signed>/", views.unsubscribe, name="unsubscribe"),
]
