from django.urls import path

from . import views

urlpatterns = [
    path("", views.search, name="search"),
    path("suggesties/", views.suggest, name="search_suggest"),
    path("bericht/", views.alert, name="search_alert"),
    path("bericht/bevestigen/<str:token>/", views.alert_confirm, name="search_alert_confirm"),
    path("bericht/afmelden/<str:token>/", views.alert_unsubscribe, name="search_alert_unsubscribe"),
]
