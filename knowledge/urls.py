from django.urls import path

from . import views

app_name = "knowledge"

urlpatterns = [
    path("", views.submit_case_study, name="submit_case_study"),
    path("bedankt/", views.submission_thanks, name="submission_thanks"),
]
