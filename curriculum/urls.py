from django.urls import path

from . import views

app_name = "curriculum"

urlpatterns = [
    path("", views.curated_list, name="curated_paths"),
    path("<id:pk>/", views.path_detail, name="curated_path"),
    path("<id:pk>/afdrukken/", views.path_print, name="curated_path_print"),
    path("<id:pk>/agenda.ics", views.path_calendar_download, name="curated_path_calendar"),
    path("gedeeld/<str:token>/", views.path_detail, name="shared_path"),
    path("gedeeld/<str:token>/afdrukken/", views.path_print, name="shared_path_print"),
    path("gedeeld/<str:token>/agenda.ics", views.path_calendar_download, name="shared_path_calendar"),
    path("mijn/", views.my_paths, name="my_paths"),
    path("mijn/nieuw/", views.create_path, name="create_path"),
    path("mijn/<id:pk>/", views.edit_path, name="edit_path"),
    path("mijn/<id:pk>/afdrukken/", views.own_path_print, name="own_path_print"),
    path("mijn/<id:pk>/agenda.ics", views.own_path_calendar, name="own_path_calendar"),
    path("mijn/<id:pk>/stappen/", views.add_step, name="add_step"),
    path("mijn/<id:pk>/stappen/<id:step_pk>/", views.step_action, name="step_action"),
    path("mijn/<id:pk>/dupliceren/", views.duplicate, name="duplicate_path"),
    path("mijn/<id:pk>/delen/", views.share, name="share_path"),
    path("mijn/<id:pk>/verwijderen/", views.delete_path, name="delete_path"),
]
