from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Zoeken")

    def ready(self):
        from portal import health

        from .health import check_search_engine

        # Search being down degrades the portal (the database engine answers); it is not fatal.
        health.register("search", check_search_engine, critical=False)
