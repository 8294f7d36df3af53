from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls

from portal import sitemaps, two_factor, wagtail_overrides
from portal import views as portal_views

urlpatterns = [
    path("healthz", portal_views.healthz, name="healthz"),
    path("robots.txt", portal_views.robots_txt, name="robots_txt"),
    # Browsers and crawlers ask for /favicon.ico whatever the page says: the portal's icon, not a 404.
    path("favicon.ico", portal_views.favicon, name="favicon"),
    path("sitemap.xml", sitemaps.sitemap, name="sitemap"),
    # Each app owns its feeds; included by name so the portal imports none of them.
    path("feeds/modules/", include("curriculum.feed_urls")),
    path("feeds/praktijkvoorbeelden/", include("knowledge.feed_urls")),
    # Open data: outside the language prefixes; the language is a parameter (?taal=en).
    path("api/v1/", include("api.urls")),
    path("django-admin/", admin.site.urls),
    # Before the admin's own URLs: the second login step lives in the admin's URL space.
    path("admin/tweestapsverificatie/", two_factor.setup, name="two_factor_setup"),
    path("admin/tweestapsverificatie/controle/", two_factor.verify, name="two_factor_verify"),
    path("admin/tweestapsverificatie/koppelen/<str:token>/", two_factor.enrol, name="two_factor_enrol"),
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's document URLs, with ids in ASCII digits and the download view that keeps unpublished
    # submissions from opening inline (knowledge.document_urls).
    path("documents/", include("knowledge.document_urls")),
    path("i18n/", include("django.conf.urls.i18n")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Dutch lives at the root, English under /en/.
urlpatterns += i18n_patterns(
    path("zoeken/", include("search.urls")),
    path("leerlijnen/", include("curriculum.urls")),
    # Before the page tree, so the overview page's URL space has a submission form.
    path("praktijkvoorbeelden/insturen/", include("knowledge.urls")),
    path("trefwoorden/<str:slug>/", portal_views.tag_page, name="tag"),
    path("agenda.ics", portal_views.agenda_feed, name="agenda_feed"),
    path(
        "inloggen/",
        auth_views.LoginView.as_view(template_name="registration/login.html", redirect_authenticated_user=True),
        name="login",
    ),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    # Wagtail's page view, with the page found in one query (portal.wagtail_overrides); then Wagtail's own URLs (its
    # password and login views for private pages live under _util/).
    re_path(r"^(?!_util/)((?:[\w\-]+/)*)$", wagtail_overrides.serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
handler500 = "portal.views.server_error"
