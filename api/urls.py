from django.urls import path, re_path

from . import views
from .resources import page_listings

app_name = "api"

urlpatterns = [
    path("", views.index, name="index"),
    path("openapi.json", views.openapi, name="openapi"),
    path("themes/", views.theme_list, name="themes"),
    path("audiences/", views.audience_list, name="audiences"),
    path("tags/", views.tag_list, name="tags"),
    path("municipalities/", views.municipality_list, name="municipalities"),
    path("municipalities/<str:cbs_code>/", views.municipality_detail, name="municipality"),
]
# Every page listing declared as open data (portal.listings): list, item, and both exports.
for name in page_listings():
    urlpatterns += [
        path(f"{name}/", views.page_list, {"resource_name": name}, name=name),
        path(f"{name}/<id:pk>/", views.page_detail, {"resource_name": name}, name=f"{name}-detail"),
        path(f"{name}.csv", views.page_export, {"resource_name": name, "file_format": "csv"}, name=f"{name}-csv"),
        path(f"{name}.json", views.page_export, {"resource_name": name, "file_format": "json"}, name=f"{name}-json"),
    ]
# Anything else under /api/v1/ is a JSON 404, not the site's HTML page.
urlpatterns.append(re_path(r"^.*$", views.not_found, name="not_found"))
