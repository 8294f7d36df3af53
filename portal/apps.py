from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portaal")

    def ready(self):
        from . import checks, health  # noqa: F401  (checks registers the listing declarations' check)

        health.register("database", health.check_database, critical=True)

        from . import invalidation

        invalidation.connect()  # what renews the shared caches of pages (portal.caching)

        from . import wagtail_overrides

        wagtail_overrides.install()

        from django.urls import register_converter

        from .numbers import IdConverter

        # <id:pk> in every URL pattern: ids a database can hold; longer ones are "not found", never an error.
        register_converter(IdConverter, "id")
