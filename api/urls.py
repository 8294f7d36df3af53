from django.urls import path, re_path

from . import views
from .resources import EXPORT_FORMATS, page_listings

app_name = "api"

# Paths without a trailing slash, exports as a sub-resource (NL GOV API Design Rules: /core/no-trailing-slash,
# /core/path-segments-kebab-case). The URLs of version 1.0 (modules/, modules.csv) redirect here (views.moved).
urlpatterns = [
    path("", views.index, name="index"),
    path("openapi.json", views.openapi, name="openapi"),
    path("themes", views.theme_list, name="themes"),
    path("audiences", views.audience_list, name="audiences"),
    path("tags", views.tag_list, name="tags"),
    path("municipalities", views.municipality_list, name="municipalities"),
    path("municipalities/<str:cbs_code>", views.municipality_detail, name="municipality"),
]
# Every page listing declared as open data (portal.listings): list, item, and the exports.
for name in page_listings():
    urlpatterns += [
        path(f"{name}", views.page_list, {"resource_name": name}, name=name),
        path(f"{name}/<id:pk>", views.page_detail, {"resource_name": name}, name=f"{name}-detail"),
    ]
    urlpatterns += [
        path(
            f"{name}/export.{file_format}",
            views.page_export,
            {"resource_name": name, "file_format": file_format},
            name=f"{name}-{file_format}",
        )
        for file_format in EXPORT_FORMATS
    ]
urlpatterns += [
    # Version 1.0's URLs: a permanent redirect to where the same answer is now.
    re_path(rf"^(?P<old_path>.+/|[a-z-]+\.(?:{'|'.join(EXPORT_FORMATS)}))$", views.moved, name="moved"),
    # Anything else under /api/v1/ is a JSON 404, not the site's HTML page.
    re_path(r"^.*$", views.not_found, name="not_found"),
]
