from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portaal")

    def ready(self):
        from . import health

        health.register("database", health.check_database, critical=True)

        from django.contrib.auth.signals import user_logged_in, user_login_failed

        from .login_throttle import record_failure, record_success

        user_login_failed.connect(record_failure, dispatch_uid="portal-login-failure")
        user_logged_in.connect(record_success, dispatch_uid="portal-login-success")
