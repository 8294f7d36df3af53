from django.urls import re_path

from . import views
from .resources import EXPORT_FORMATS

app_name = "api"

# The operations (django-ninja, api.views.build_api): paths without a trailing slash, exports as a
# sub-resource (NL GOV API Design Rules: /core/no-trailing-slash, /core/path-segments-kebab-case).
urlpatterns = views.API.urls[0] + [
    # Version 1.0's URLs (modules/, modules.csv): a permanent redirect to where the same answer is now.
    re_path(rf"^(?P<old_path>.+/|[a-z-]+\.(?:{'|'.join(EXPORT_FORMATS)}))$", views.moved, name="moved"),
    # Anything else under /api/v1/ is a JSON 404, not the site's HTML page.
    re_path(r"^.*$", views.not_found, name="not_found"),
]
